// Meetings in the browser: staff open the live sign-in board of a meeting starting in half an
// hour (the rotating QR code drawn in the page); the demo member, on a 390 px phone, finds the
// invitation in 我的活动, replies 参加, then opens the sign-in address the board's QR code holds
// while logged out, logs in, comes back and is signed in; the board's count changes on its own.
// Screenshots: output/screenshots/meetings-member-phone.png, meetings-mine-phone.png,
// meetings-sign-in-phone.png,
// meetings-board-desktop.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';
import { describeViolations, launchBrowser, passwordLogin, SCREENSHOT_DIR, seriousViolations } from './helpers.mjs';

const PHONE_390 = { width: 390, height: 844 };
const TITLE = '关于加快社区嵌入式养老服务的对口协商会';

function utc(seconds) {
  return new Date(Math.floor(Date.now() / 1000 + seconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function shot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

describe('meetings: the member replies and signs in on a phone, the staff board counts', () => {
  let srv;
  let staff;
  let member;
  let meetingId;

  before(async () => {
    srv = await startServer();
    const api = new Client(srv.baseUrl);
    await api.login('tianwei', 'Staff12345');
    const admin = new Client(srv.baseUrl);
    await admin.login('admin', 'Admin12345');
    const m1 = (await admin.get('/api/v1/members?q=13900000001')).body.items[0];
    const m = await api.post('/api/v1/meetings', {
      kind: 'consultation',
      title: TITLE,
      agenda: '一、区民政局通报情况\n二、委员发言',
      place: '区政协三楼会议室',
      starts_at: utc(30 * 60),
      ends_at: utc(150 * 60),
    });
    assert.equal(m.status, 201, JSON.stringify(m.body));
    meetingId = m.body.id;
    const sectors = (await admin.get('/api/v1/sectors?page_size=100')).body.items;
    const inv = await api.post(`/api/v1/meetings/${meetingId}/invitees`, {
      user_ids: [m1.user_id],
      sector_ids: [sectors.find((s) => s.name === '教育界').id],
    });
    assert.equal(inv.status, 200, JSON.stringify(inv.body));
    assert.equal((await api.post(`/api/v1/meetings/${meetingId}/notify`, {})).status, 200);
    staff = await launchBrowser();
    member = await launchBrowser();
    await member.page.setViewportSize(PHONE_390);
  });

  after(async () => {
    await staff?.close();
    await member?.close();
    await srv?.stop();
  });

  test('the member replies 参加 from 我的活动 at 390 px', async () => {
    const page = member.page;
    // Logged out, the page goes through the login and comes back.
    await page.goto(`${srv.baseUrl}/meetings/mine`);
    await page.waitForURL(/\/login\?redirect=/);
    await page.fill('#login-account', '13900000001');
    await page.fill('#login-password', 'Member12345');
    await page.click('[data-test=login-submit]');
    await page.waitForSelector('[data-test=invitations]');
    const card = page.locator(`[data-test=invitations] a:has-text("${TITLE}")`);
    await card.waitFor();
    await card.click();
    await page.waitForSelector('[data-test=my-reply]');
    assert.match(await page.locator('[data-test=my-status]').innerText(), /未回执/);
    await page.click('[data-test=reply-attend]');
    await page.waitForFunction(() => /确认参加/.test(document.querySelector('[data-test=my-status]')?.textContent ?? ''));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling at 390 px (${width})`);
    const violations = await seriousViolations(page, { include: '[data-test=meeting-detail]' });
    assert.deepEqual(violations, [], describeViolations(violations));
    await shot(page, 'meetings-member-phone');
    // 我的活动 now lists it as upcoming, no longer waiting for a reply.
    await page.goto(`${srv.baseUrl}/meetings/mine`);
    await page.waitForSelector(`[data-test=upcoming] a:has-text("${TITLE}")`);
    assert.equal(await page.locator(`[data-test=invitations] a:has-text("${TITLE}")`).count(), 0);
    await shot(page, 'meetings-mine-phone');
  });

  test('staff show the board; the member signs in with its code; the count changes', async () => {
    const s = staff.page;
    await passwordLogin(s, srv.baseUrl, 'tianwei', 'Staff12345');
    await s.waitForSelector('[data-test=home-roles]');
    await s.goto(`${srv.baseUrl}/meetings/${meetingId}/board`);
    const qr = s.locator('[data-test=qr-image]');
    await qr.waitFor();
    assert.equal(await s.locator('[data-test=count-signed_in] .n').innerText(), '0');
    const url = await qr.getAttribute('data-url');
    assert.match(url, new RegExp(`^/meetings/${meetingId}/sign-in\\?t=${meetingId}\\.\\d+\\.[0-9a-f]{10}$`));
    const src = await qr.getAttribute('src');
    assert.match(src, /^data:image\/png;base64,/);

    // The phone opens the address of the QR code.
    const p = member.page;
    await p.goto(srv.baseUrl + url);
    await p.waitForSelector('[data-test=sign-in-success]');
    assert.match(await p.locator('[data-test=sign-in-success]').innerText(), new RegExp(TITLE));
    await shot(p, 'meetings-sign-in-phone');
    // A code of another meeting is refused with the reason in Chinese.
    await p.goto(`${srv.baseUrl}/meetings/${meetingId}/sign-in?t=${meetingId + 1000}.1.0123456789`);
    await p.waitForSelector('[data-test=sign-in-failed]');
    assert.match(await p.locator('[data-test=sign-in-failed]').innerText(), /另一场会议/);

    // The board polls: the count goes to 1 without a reload.
    await s.waitForFunction(() => document.querySelector('[data-test=count-signed_in] .n')?.textContent?.trim() === '1', null, { timeout: 15000 });
    await s.waitForFunction(() => /已签到/.test(document.querySelector('[data-test=invitees-panel] .el-table__body')?.textContent ?? ''));
    await shot(s, 'meetings-board-desktop');
  });
});
