import { launch, makeY4m } from '/work/main/test/e2e/chromium.ts';
const clip = process.argv[2]!; const ex = process.argv[3]!; const secs = Number(process.argv[4] ?? 120);
const y4m = await makeY4m(clip, 'manual', { fps: 30, frame: { width: 640, height: 360 } });
const ctx = await launch({ fakeCamera: y4m });
const page = await ctx.newPage();
await page.goto('http://localhost:5173/');
await page.waitForSelector('#check-exercise', { timeout: 60000 });
await page.selectOption('#check-exercise', ex);
await page.click('#start-check');
const t0 = Date.now();
let lastLine = '';
while (Date.now() - t0 < secs * 1000) {
  await page.waitForTimeout(1500);
  const line = ((await page.locator('#gate').textContent().catch(() => '')) ?? '') + ' || ' + ((await page.locator('#last-rep').textContent().catch(() => '')) ?? '');
  if (line !== lastLine) { console.log(((Date.now() - t0) / 1000).toFixed(0), line); lastLine = line; }
  if (/Form check done/.test(line)) break;
}
await page.waitForTimeout(1500);
const main = await page.locator('main').innerText();
console.log('CARD:', main.slice(main.indexOf('Form check:'), main.indexOf('Form check:') + 2500));
await page.screenshot({ path: `/tmp/probes/shots/fc-${ex}.png`, fullPage: true });
await ctx.close();
