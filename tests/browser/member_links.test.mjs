// A member whose mobile already signs in to an account (issue 14): staff registering the member do
// not get that account; its holder sees the request under 我的信息, agrees, and becomes the member.
// The admin, in the city committee (where tianwei holds no role), creates the member with tianwei's
// mobile through the form, is told the holder must confirm (no password) and sees 待本人确认 in the
// list; tianwei logs in, accepts, and the header's committee switch now offers the city committee.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';
import {
  DESKTOP,
  SCREENSHOT_DIR,
  chooseOption,
  describeViolations,
  launchBrowser,
  logout,
  passwordLogin,
  seriousViolations,
} from './helpers.mjs';

const COMMITTEE = '武汉市政协'; // the parent committee: the admin's too, not tianwei's
const HOME_COMMITTEE = '武汉市汉江区政协'; // tianwei's only committee before
const MEMBER = { name: '田伟', sector: '特邀界' };
const PHONE_390 = { width: 390, height: 844 };

/** Saves `name`-1280.png and `name`-390.png of the current page (full page). */
async function shoot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const [size, tag] of [
    [DESKTOP, '1280'],
    [PHONE_390, '390'],
  ]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(350);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `member-links-${name}-${tag}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(200);
}

describe('member account links need the holder’s consent', () => {
  let srv;
  let browser;
  let page;
  let tianwei;

  before(async () => {
    srv = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    const api = new Client(srv.baseUrl);
    await api.login('admin', 'Admin12345');
    const r = await api.get('/api/v1/users?q=tianwei');
    assert.equal(r.status, 200);
    tianwei = r.body.items.find((u) => u.username === 'tianwei');
    assert.ok(tianwei?.mobile, 'tianwei has a mobile in the demo data');
    assert.deepEqual(
      tianwei.grants.map((g) => g.committee_id),
      [api.user.committees.find((c) => c.name === HOME_COMMITTEE).id],
      'tianwei starts in the district committee only',
    );
    // the city committee of the demo has no sectors yet: give it one
    const city = api.user.committees.find((c) => c.name === COMMITTEE);
    assert.equal((await api.post('/api/v1/auth/committee', { committee_id: city.id })).status, 200);
    const sector = await api.post('/api/v1/sectors', { name: MEMBER.sector });
    assert.equal(sector.status, 201, JSON.stringify(sector.body));
  });

  /** Makes the city committee the browser session's current one (through the header switch). */
  async function inCityCommittee() {
    await page.waitForSelector('[data-test=home-committee]');
    if ((await page.textContent('[data-test=home-committee]')).trim() === COMMITTEE) return;
    await chooseOption(page, '[data-test=committee-switch]', COMMITTEE);
    await page.waitForFunction(
      (name) => document.querySelector('[data-test=home-committee]')?.textContent.trim() === name,
      COMMITTEE,
    );
  }

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('the admin registers a member with an existing account’s mobile: no password, 待本人确认', async () => {
    await passwordLogin(page, srv.baseUrl, 'admin', 'Admin12345');
    await inCityCommittee();
    await page.goto(`${srv.baseUrl}/admin/members`);
    await page.waitForSelector('.list-table');
    await page.click('[data-test=add]');
    await page.waitForSelector('#member-name');
    await page.fill('#member-name', MEMBER.name);
    await page.fill('#member-mobile', tianwei.mobile);
    await chooseOption(page, '[data-test=member-sector]', MEMBER.sector);
    await page.click('[data-test=dialog-save]');
    const box = page.locator('.pending-consent-box');
    await box.waitFor();
    const text = await box.textContent();
    assert.match(text, /已是系统中一个现有账号/);
    assert.match(text, /我的信息/);
    assert.ok(text.includes(tianwei.mobile), text);
    assert.doesNotMatch(text, /初始密码/);
    assert.equal(await page.locator('.initial-password-box').count(), 0, 'no password is shown for an existing account');
    await box.locator('.el-button--primary').click();

    await page.fill('[data-test=member-search]', tianwei.mobile);
    await page.click('[data-test=member-search-submit]');
    const row = page.locator('.el-table__row', { hasText: tianwei.mobile });
    await row.waitFor();
    assert.equal(await row.count(), 1);
    assert.equal((await row.locator('[data-account]').textContent()).trim(), '待本人确认');
    assert.equal(await row.locator('[data-account]').getAttribute('data-account'), 'pending_consent');
    await shoot(page, 'member-list');

    // editing it: the mobile of an unlinked member stays editable
    await row.locator('text=编辑').click();
    await page.waitForSelector('#member-mobile');
    assert.equal(await page.isDisabled('#member-mobile'), false);
    await page.keyboard.press('Escape');
    await logout(page);
  });

  test('tianwei sees the request under 我的信息, agrees, and becomes the member', async () => {
    await passwordLogin(page, srv.baseUrl, 'tianwei', 'Staff12345');
    await page.waitForSelector('[data-test=home-member-links]');
    assert.match(await page.textContent('[data-test=home-member-links]'), /有 1 个政协将您登记为委员/);
    assert.equal(await page.locator('[data-test=committee-switch]').count(), 0, 'one committee: no switch yet');
    await page.goto(`${srv.baseUrl}/profile`);
    const card = page.locator('[data-test=member-links]');
    await card.waitFor();
    const ask = await card.textContent();
    assert.ok(ask.includes(`「${COMMITTEE}」将您登记为委员`), ask);
    assert.ok(ask.includes(`界别：${MEMBER.sector}`), ask);
    assert.equal(await page.locator('[data-test=member-record]').count(), 0, 'not a member here');
    const violations = await seriousViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await shoot(page, 'profile-pending');

    await card.locator('[data-test=link-accept]').click();
    const confirm = page.locator('.el-message-box', { hasText: '确定将本账号关联为' });
    await confirm.waitFor();
    await confirm.locator('.el-button--primary').click();
    await page.locator('.el-message--success', { hasText: `已关联为「${COMMITTEE}」的委员，可在页面顶部切换到该政协` }).waitFor();
    await card.waitFor({ state: 'detached' });
    // the session was reloaded: the header now offers the new committee
    await page.waitForSelector('[data-test=committee-switch]');

    const me = await page.request.get(`${srv.baseUrl}/api/v1/auth/me`);
    const committees = (await me.json()).user.committees;
    assert.deepEqual(committees.find((c) => c.name === COMMITTEE)?.roles, ['member']);
    assert.deepEqual(committees.find((c) => c.name === HOME_COMMITTEE)?.roles, ['proposal_staff'], 'the staff role stays');
    const links = await page.request.get(`${srv.baseUrl}/api/v1/me/member-links`);
    assert.deepEqual((await links.json()).items, []);

    // in the city committee tianwei is that member
    await page.goto(`${srv.baseUrl}/`);
    await inCityCommittee();
    await page.waitForSelector('[data-test=home-roles] [data-role=member]');
    assert.equal(await page.locator('[data-test=home-member-links]').count(), 0);
    await page.goto(`${srv.baseUrl}/profile`);
    await page.waitForSelector('[data-test=member-record]');
    assert.match(await page.textContent('[data-test=member-record]'), new RegExp(MEMBER.sector));
    await logout(page);
  });

  test('the admin sees the member linked, the mobiles locked, and the consent in the audit log', async () => {
    await passwordLogin(page, srv.baseUrl, 'admin', 'Admin12345');
    await inCityCommittee();
    await page.goto(`${srv.baseUrl}/admin/members`);
    await page.fill('[data-test=member-search]', tianwei.mobile);
    await page.click('[data-test=member-search-submit]');
    const row = page.locator('.el-table__row', { hasText: tianwei.mobile });
    await row.locator('[data-account=linked]').waitFor();
    assert.equal((await row.locator('[data-account]').textContent()).trim(), '已关联');
    await row.locator('text=编辑').click();
    await page.waitForSelector('[data-test=member-mobile-locked]');
    assert.equal(await page.isDisabled('#member-mobile'), true);
    assert.match(await page.textContent('[data-test=member-mobile-locked]'), /我的信息/);
    await page.keyboard.press('Escape');

    // an account's login mobile is its holder's to change, in the user form too
    await page.goto(`${srv.baseUrl}/admin/users`);
    await page.locator('.el-table__row', { hasText: 'tianwei' }).locator('text=编辑').click();
    await page.waitForSelector('[data-test=user-mobile-locked]');
    assert.equal(await page.isDisabled('#user-mobile'), true);
    assert.equal(await page.inputValue('#user-mobile'), tianwei.mobile);
    await page.keyboard.press('Escape');

    await page.goto(`${srv.baseUrl}/admin/audit`);
    await page.locator('.el-table__row', { hasText: '委员账号关联：同意' }).first().waitFor();
  });
});
