import { launch, makeY4m } from '/work/main/test/e2e/chromium.ts';
const clip = process.argv[2]!; const ex = process.argv[3]!; const secs = Number(process.argv[4] ?? 40);
const y4m = await makeY4m(clip, 'manual', { fps: 30, ...(process.env.FRAME ? { frame: { width: 640, height: 480 } } : {}) });
const ctx = await launch({ fakeCamera: y4m });
const page = await ctx.newPage();
const logs: string[] = [];
page.on('console', (m) => logs.push(m.text()));
await page.goto('http://localhost:5173/');
await page.waitForSelector(`[data-start="${ex}"]`, { timeout: 60000 });
await page.click(`[data-start="${ex}"]`);
const t0 = Date.now();
let i = 0;
const seen = new Set<string>();
while (Date.now() - t0 < secs * 1000) {
  await page.waitForTimeout(2000);
  const text = (await page.locator('main').innerText().catch(() => '')).split('\n').filter((l) => l.trim()).slice(0, 14).join(' | ');
  if (!seen.has(text)) { console.log(((Date.now() - t0) / 1000).toFixed(0), text.slice(0, 600)); seen.add(text); }
  if (i % 5 === 0) await page.screenshot({ path: `/tmp/probes/shots/${ex}-${i}.png` });
  i++;
}
console.log('console:', logs.filter((l) => /error|warn/i.test(l)).slice(0, 10));
await ctx.close();
