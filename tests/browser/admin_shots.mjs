// Screenshots of the administration pages built from schemas and of the audit log, at 1280 and
// 390 px (not a test: `node tests/browser/admin_shots.mjs <dir>` with SL_BIN set).
import { startServer } from '../lib/server.mjs';
import { launchBrowser, passwordLogin } from './helpers.mjs';

const out = process.argv[2] ?? '/tmp/admin-shots';
const srv = await startServer();
const browser = await launchBrowser();
const page = browser.page;
try {
  await passwordLogin(page, srv.baseUrl, 'admin', 'Admin12345');
  await page.waitForSelector('[data-test=home-roles]');
  const shoot = async (name) => {
    for (const [w, h, tag] of [
      [1280, 800, 'desktop'],
      [390, 844, 'phone'],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${out}/${name}-${tag}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(300);
  };
  for (const name of ['terms', 'units', 'members', 'users', 'calendar']) {
    await page.goto(`${srv.baseUrl}/admin/${name}`);
    await page.waitForSelector('.el-table__row');
    await page.waitForTimeout(500);
    await shoot(name);
  }
  await page.goto(`${srv.baseUrl}/admin/units`);
  await page.waitForSelector('.el-table__row');
  await page.locator('.el-table__row').first().locator('text=编辑').click();
  await page.waitForSelector('[data-test=contacts-editor]');
  await shoot('unit-form');
  await page.fill('#unit-address', '汉江区解放大道101号');
  await page.click('[data-test=dialog-save]');
  await page.waitForSelector('.el-dialog', { state: 'hidden' });
  await page.goto(`${srv.baseUrl}/admin/users`);
  await page.waitForSelector('.el-table__row');
  await page.locator('.el-table__row').first().locator('text=授权').click();
  await page.waitForSelector('[data-test=grants]');
  await shoot('user-grants');
  await page.goto(`${srv.baseUrl}/admin/calendar`);
  await page.waitForSelector('.el-table__row');
  await page.click('[data-test=add]');
  await page.waitForSelector('#cal-day');
  await shoot('calendar-form');
  // something on a proposal for the log
  await page.goto(`${srv.baseUrl}/admin/audit`);
  await page.waitForSelector('.el-table__row');
  await shoot('audit');
  await page.locator('.el-table__row', { hasText: '修改' }).first().locator('text=查看变更').click();
  await page.waitForSelector('[data-test=audit-diff]');
  await shoot('audit-diff');
  await page.keyboard.press('Escape');
  await page.click('[data-test=audit-action]');
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/audit-action-select-desktop.png` });
} finally {
  await browser.close();
  await srv.stop();
}
