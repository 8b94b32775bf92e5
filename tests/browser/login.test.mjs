// Log in: the captcha after three wrong passwords, solving it, the locked-account message,
// and axe on the log-in page. Runs on its own server: failed attempts from this address make
// every later log in on that server ask for a captcha.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client, solvedCaptcha } from '../lib/client.mjs';
import { describeViolations, launchBrowser, nextCaptcha, screenshots, seriousViolations } from './helpers.mjs';

describe('log in with captcha', () => {
  let srv;
  let browser;
  let page;

  before(async () => {
    srv = await startServer();
    browser = await launchBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('the log-in page has no serious accessibility violations', async () => {
    await page.goto(`${srv.baseUrl}/login`);
    await page.waitForSelector('#login-account');
    const violations = await seriousViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await screenshots(page, 'login');
  });

  test('three wrong passwords bring up the captcha, which can be refreshed and solved', async () => {
    await page.goto(`${srv.baseUrl}/login`);
    for (let i = 1; i <= 3; i++) {
      const solution = i === 3 ? nextCaptcha(page, srv.baseUrl) : null;
      await page.fill('#login-account', 'ducha');
      await page.fill('#login-password', `Wrong${i}pass`);
      await page.click('[data-test=login-submit]');
      await page.waitForSelector('[data-test=login-error]');
      assert.match(await page.textContent('[data-test=login-error]'), /错误/);
      if (i < 3) assert.equal(await page.locator('[data-test=captcha-image]').count(), 0, `no captcha after ${i} failures`);
      else await solution();
    }
    await page.waitForSelector('[data-test=captcha-image] img');
    assert.match(await page.textContent('.captcha-field'), /看不清？换一张/);
    await screenshots(page, 'login-captcha');

    // clicking the picture loads another captcha
    const refreshed = nextCaptcha(page, srv.baseUrl);
    await page.click('[data-test=captcha-image]');
    const answer = await refreshed();

    await page.fill('#login-password', 'Super12345');
    await page.fill('#login-captcha', answer);
    await page.click('[data-test=login-submit]');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.waitForSelector('[data-test=home-roles]');
    assert.match(await page.textContent('[data-test=home-roles]'), /督查/);
    assert.equal(await page.locator('[data-test=menu-admin]').count(), 0, 'a supervisor sees no administration');
  });

  test('a wrong captcha answer is refused with a clear message', async () => {
    await page.context().clearCookies();
    await page.goto(`${srv.baseUrl}/login`);
    // wrong passwords until the captcha is asked for (the address has failed before)
    for (let i = 0; i < 3 && (await page.locator('[data-test=captcha-image]').count()) === 0; i++) {
      await page.fill('#login-account', 'zhuxi');
      await page.fill('#login-password', 'NotMine123');
      await page.click('[data-test=login-submit]');
      await page.waitForSelector('[data-test=login-error]');
      await page.waitForTimeout(300);
    }
    await page.waitForSelector('[data-test=captcha-image] img');
    await page.fill('#login-password', 'Leader12345');
    await page.fill('#login-captcha', 'ZZZZ');
    await page.click('[data-test=login-submit]');
    await page.waitForSelector('.captcha-field .el-form-item__error');
    assert.match(await page.textContent('.captcha-field .el-form-item__error'), /验证码/);
  });

  test('a locked account is told so, even with the right password', async () => {
    // Five wrong passwords lock jingji (through the API, from the same address: captchas solved).
    const c = new Client(srv.baseUrl);
    let last;
    for (let i = 0; i < 5; i++) last = await c.post('/api/v1/auth/login', { login: 'jingji', password: 'NotMine123', ...(await solvedCaptcha(c)) });
    assert.equal(last.status, 423, JSON.stringify(last.body));
    await page.context().clearCookies();
    await page.goto(`${srv.baseUrl}/login`);
    await page.fill('#login-account', 'jingji');
    await page.fill('#login-password', 'Staff12345');
    await page.click('[data-test=login-submit]');
    // This address has failed before, so the page may ask for a captcha first: answer it right.
    await page.waitForSelector('[data-test=captcha-image] img, [data-test=login-error]');
    if ((await page.locator('[data-test=login-error]:has-text("锁定")').count()) === 0) {
      await page.waitForSelector('[data-test=captcha-image] img');
      const refreshed = nextCaptcha(page, srv.baseUrl);
      await page.click('[data-test=captcha-image]');
      const answer = await refreshed();
      await page.fill('#login-password', 'Staff12345');
      await page.fill('#login-captcha', answer);
      await page.click('[data-test=login-submit]');
    }
    await page.waitForSelector('[data-test=login-error]:has-text("锁定")');
    assert.match(await page.textContent('[data-test=login-error]'), /已锁定/);
    assert.ok(page.url().includes('/login'), 'still on the log-in page');
    await screenshots(page, 'login-locked');
  });
});
