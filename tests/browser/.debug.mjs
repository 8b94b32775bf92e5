import { launchBrowser, passwordLogin } from './helpers.mjs';
const base = 'http://127.0.0.1:18080';
const b = await launchBrowser();
const page = b.page;
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console:', m.type(), m.text().slice(0, 200)); });
page.on('response', (r) => { if (r.url().includes('/api/') && r.status() >= 400) console.log('resp', r.status(), r.url()); });
await passwordLogin(page, base, 'admin', 'Admin12345');
await page.waitForSelector('[data-test=home-roles]');
const shots = process.argv.slice(2);
for (const spec of shots) {
  const [path, action] = spec.split('#');
  await page.goto(base + path);
  await page.waitForTimeout(1200);
  if (action) { await page.click(action); await page.waitForTimeout(800); }
  const name = spec.replace(/[^a-z0-9]+/gi, '_');
  await page.screenshot({ path: `/tmp/sl-dev/${name}.png` });
  console.log('shot', name);
}
await b.close();
