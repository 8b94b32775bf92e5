// What a committee's staff and a member do on the first day: the admin logs in, looks at the
// members, creates one, imports a file (one bad row: nothing imported; fixed: imported), the new
// member logs in, must change the password, sees no administration, then logs in by SMS code.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import {
  chooseOption,
  describeViolations,
  launchBrowser,
  logout,
  nextCaptcha,
  passwordLogin,
  screenshots,
  seriousViolations,
  waitForSmsCode,
} from './helpers.mjs';

const CREATED = { name: '测试委员甲', mobile: '13812340001' };
const IMPORTED = { name: '导入委员乙', mobile: '13812340002' };
const HEADER = '姓名,性别,手机号,界别,党派,是否常委,工作单位,职务';

function csv(rows) {
  return Buffer.from(`\ufeff${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');
}

describe('organisation administration and the member workspace', () => {
  let srv;
  let browser;
  let page;
  const passwords = {};

  before(async () => {
    srv = await startServer();
    browser = await launchBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  /** Members matching `q`, read through the API with the page's session. */
  async function membersMatching(q) {
    const r = await page.request.get(`${srv.baseUrl}/api/v1/members?q=${encodeURIComponent(q)}`);
    assert.equal(r.status(), 200);
    return (await r.json()).items;
  }

  test('the admin logs in and sees roles, committee and the administration menu', async () => {
    await passwordLogin(page, srv.baseUrl, 'admin', 'Admin12345');
    await page.waitForSelector('[data-test=home-roles]');
    assert.match(await page.textContent('[data-test=home-roles]'), /系统管理员/);
    assert.ok((await page.textContent('[data-test=home-committee]')).includes('政协'));
    await page.waitForSelector('[data-test=menu-admin]');
    assert.equal(await page.locator('[data-test=committee-switch]').count(), 1, 'the admin of two committees can switch');
    await screenshots(page, 'home-admin');
  });

  test('the members list pages from the server and passes axe', async () => {
    await page.click('[data-test="menu-item-/admin/members"]');
    await page.waitForURL(/\/admin\/members$/);
    await page.waitForSelector('.el-table__row');
    assert.match(await page.textContent('.el-pagination'), /250/);
    const violations = await seriousViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await screenshots(page, 'members-list');
    // on a phone the rows become cards and the menu a drawer
    await page.setViewportSize({ width: 375, height: 812 });
    await page.waitForSelector('.list-table .card');
    await page.click('[data-test=menu-toggle]');
    await page.waitForSelector('[data-test=menu-drawer] [data-test=side-menu]');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForSelector('.el-table__row');
  });

  test('the admin creates a member and is shown the initial password', async () => {
    await page.click('[data-test=add]');
    await page.waitForSelector('#member-name');
    const violations = await seriousViolations(page, { include: '.el-dialog' });
    assert.equal(violations.length, 0, describeViolations(violations));
    // client validation first
    await page.click('[data-test=dialog-save]');
    await page.waitForSelector('[data-test=member-form] .el-form-item__error');
    await page.fill('#member-name', CREATED.name);
    await page.fill('#member-mobile', CREATED.mobile);
    await chooseOption(page, '[data-test=member-sector]', '经济界');
    await screenshots(page, 'member-form');
    await page.click('[data-test=dialog-save]');
    await page.waitForSelector('.initial-password-box');
    const text = await page.textContent('.initial-password-box');
    const m = text.match(/初始密码：(\S+?)。/);
    assert.ok(m, `initial password shown: ${text}`);
    passwords[CREATED.mobile] = m[1];
    await page.click('.initial-password-box .el-button--primary');
    const found = await membersMatching(CREATED.mobile);
    assert.equal(found.length, 1);
    assert.equal(found[0].name, CREATED.name);
  });

  test('the audit log shows the creation field by field; a sector still in use cannot be deleted', async () => {
    await page.click('[data-test="menu-item-/admin/audit"]');
    await page.waitForSelector('.el-table__row');
    await page.locator('.el-table__row', { hasText: '委员' }).first().locator('text=查看变更').click();
    await page.waitForSelector('[data-test=audit-diff]');
    assert.match(await page.textContent('[data-test=audit-diff]'), new RegExp(CREATED.name));
    await screenshots(page, 'audit-diff');
    await page.keyboard.press('Escape');

    await page.click('[data-test="menu-item-/admin/sectors"]');
    await page.waitForSelector('.el-table__row');
    await page.locator('.el-table__row', { hasText: '中共' }).first().locator('text=删除').click();
    await page.click('.el-message-box .el-button--primary');
    await page.waitForSelector('.el-message-box:has-text("无法删除")');
    assert.match(await page.textContent('.el-message-box:has-text("无法删除")'), /不能删除|引用/);
    await page.click('.el-message-box:has-text("无法删除") .el-button--primary');
  });

  test('an import with one bad row shows the problem and imports nothing', async () => {
    await page.goto(`${srv.baseUrl}/admin/members/import`);
    await page.waitForSelector('[data-test=import-upload]');
    await page.setInputFiles('[data-test=import-upload] input[type=file]', {
      name: 'members.csv',
      mimeType: 'text/csv',
      buffer: csv([`${IMPORTED.name},女,${IMPORTED.mobile},经济界,民盟,否,汉江区某公司,经理`, '错误委员丙,男,12345,不存在的界别,,否,,']),
    });
    await page.waitForSelector('[data-test=import-summary]');
    assert.match(await page.textContent('[data-test=import-summary]'), /有问题 1 行/);
    await page.waitForSelector('[data-test=row-problems]');
    assert.ok((await page.locator('.row-invalid').count()) >= 1, 'the bad row is highlighted');
    assert.ok(await page.isDisabled('[data-test=import-confirm]'), 'confirming is not offered while a row is wrong');
    await screenshots(page, 'import-preview-error');
    // the server refuses it too, and nothing was written
    const token = await page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()).csrf_token);
    const form = new FormData();
    form.append('file', new Blob([csv([`${IMPORTED.name},女,${IMPORTED.mobile},经济界,民盟,否,汉江区某公司,经理`, '错误委员丙,男,12345,不存在的界别,,否,,'])]), 'members.csv');
    const cookies = await page.context().cookies(srv.baseUrl);
    const refused = await fetch(`${srv.baseUrl}/api/v1/members/import`, {
      method: 'POST',
      body: form,
      headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': token },
    });
    assert.equal(refused.status, 400);
    assert.equal((await membersMatching(IMPORTED.mobile)).length, 0, 'nothing imported');
  });

  test('the fixed file imports, and the new account is shown with its initial password', async () => {
    await page.click('text=重新选择文件');
    await page.setInputFiles('[data-test=import-upload] input[type=file]', {
      name: 'members-fixed.csv',
      mimeType: 'text/csv',
      // The third row's mobile is 督查室 宋华's login: no account is made, the holder must accept.
      buffer: csv([`${IMPORTED.name},女,${IMPORTED.mobile},经济界,民盟,否,汉江区某公司,经理`, '改正委员丙,男,13812340003,教育界,,否,,', '宋华,男,13700000009,特邀人士,,否,,']),
    });
    await page.waitForSelector('[data-test=import-summary]');
    assert.match(await page.textContent('[data-test=import-summary]'), /有问题 0 行/);
    await page.click('[data-test=import-confirm]');
    await page.waitForSelector('[data-test=import-done]');
    assert.match(await page.textContent('[data-test=import-done]'), /已导入 3 条/);
    const pending = await page.locator('[data-test=import-pending] .el-table__row').allTextContents();
    assert.equal(pending.length, 1, pending.join('|'));
    assert.match(pending[0], /宋华.*13700000009/);
    assert.match(await page.textContent('.panel'), /待本人确认关联的委员/);
    assert.equal(await page.locator('[data-test=import-accounts] .el-table__row', { hasText: '13700000009' }).count(), 0);
    const row = page.locator('[data-test=import-accounts] .el-table__row', { hasText: IMPORTED.mobile });
    const cells = await row.locator('td').allTextContents();
    passwords[IMPORTED.mobile] = cells[2].trim();
    assert.ok(passwords[IMPORTED.mobile].length >= 8, `initial password: ${cells}`);
    await screenshots(page, 'import-done');
    assert.equal((await membersMatching(IMPORTED.mobile)).length, 1);
  });

  test('the new member must change the password and sees no administration', async () => {
    await logout(page);
    await passwordLogin(page, srv.baseUrl, IMPORTED.mobile, passwords[IMPORTED.mobile]);
    await page.waitForURL(/\/password\/change/);
    await screenshots(page, 'force-password');
    await page.fill('#pw-old', passwords[IMPORTED.mobile]);
    await page.fill('#pw-new', 'Member2026a');
    await page.fill('#pw-confirm', 'Member2026a');
    await page.click('[data-test=pw-submit]');
    await page.waitForSelector('[data-test=home-roles]');
    assert.match(await page.textContent('[data-test=home-roles]'), /委员/);
    await page.waitForSelector('[data-test=side-menu]');
    assert.equal(await page.locator('[data-test=menu-admin]').count(), 0);
    assert.equal(await page.locator('[data-test=side-menu] a[href^="/admin"], [data-test^="menu-item-/admin"]').count(), 0);
    // typing an administration address leads back home
    await page.goto(`${srv.baseUrl}/admin/members`);
    await page.waitForSelector('[data-test=home-roles]');
    assert.ok(!page.url().includes('/admin'));
    // 我的信息 shows the member record
    await page.goto(`${srv.baseUrl}/profile`);
    await page.waitForSelector('[data-test=member-record]');
    assert.match(await page.textContent('[data-test=member-record]'), new RegExp(IMPORTED.name));
    await screenshots(page, 'profile-member');
  });

  test('the member logs in by SMS code read from the log gateway; a wrong code is refused', async () => {
    await logout(page);
    const solution = nextCaptcha(page, srv.baseUrl);
    await page.click('text=短信登录');
    await page.fill('#sms-phone', IMPORTED.mobile);
    await page.waitForSelector('#sms-login-captcha');
    await page.fill('#sms-login-captcha', await solution());
    const since = srv.log().length;
    await page.click('[data-test=sms-send]');
    await page.waitForSelector('[data-test=sms-send]:has-text("秒后重发")');
    assert.ok(await page.isDisabled('[data-test=sms-send]'), 'resend waits for the countdown');
    const code = await waitForSmsCode(srv, IMPORTED.mobile, since);
    const wrong = code === '000000' ? '111111' : '000000';
    await page.fill('#sms-login-code', wrong);
    await page.click('[data-test=sms-submit]');
    await page.waitForSelector('[data-test=sms-login-error]');
    assert.match(await page.textContent('[data-test=sms-login-error]'), /验证码/);
    await screenshots(page, 'login-sms');
    await page.fill('#sms-login-code', code);
    await page.click('[data-test=sms-submit]');
    await page.waitForSelector('[data-test=home-roles]');
    assert.match(await page.textContent('[data-test=home-roles]'), /委员/);
  });
});
