import { launch, makeY4m } from '/work/main/test/e2e/chromium.ts';
const clip = process.argv[2]!; const secs = Number(process.argv[3] ?? 40);
const keys = (process.argv[4] ?? '').split(',').filter(Boolean); // "t:key" pairs
const y4m = await makeY4m(clip, 'manual', { fps: 30 });
const ctx = await launch({ fakeCamera: y4m });
const page = await ctx.newPage();
await page.setViewportSize({ width: 1280, height: 900 });
await page.goto('http://localhost:5173/');
await page.waitForSelector('text=Start today', { timeout: 60000 });
await page.click('text=Start today');
const t0 = Date.now(); let i = 0; const seen = new Set<string>();
const pending = keys.map((k) => ({ t: Number(k.split(':')[0]), key: k.split(':')[1]! }));
while (Date.now() - t0 < secs * 1000) {
  await page.waitForTimeout(1000);
  const el = (Date.now() - t0) / 1000;
  for (const p of pending) if (p.t >= 0 && el >= p.t) { await page.keyboard.press(p.key); console.log('KEY', p.key); p.t = -1; }
  const text = (await page.locator('main').innerText().catch(() => '')).split('\n').filter((l) => l.trim() && !/Camera|manual.y4m|Pause|End set|Mute|Back|No English/.test(l)).slice(0, 16).join(' | ');
  if (!seen.has(text)) { console.log(el.toFixed(0), text.slice(0, 700)); seen.add(text); }
  if (i % 10 === 0) await page.screenshot({ path: `/tmp/probes/shots/routine-${i}.png` });
  i++;
}
await ctx.close();
