// Accounts and sessions: password login with captcha and lockout, SMS login and reset, CSRF,
// idle expiry, forced password change, committee switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, lastSmsCode } from '../lib/server.mjs';
import { Client, solvedCaptcha } from '../lib/client.mjs';

let srv;
before(async () => {
  srv = await startServer();
});
after(async () => {
  await srv.stop();
});

test('admin logs in by username and sees themself', async () => {
  const c = new Client(srv.baseUrl);
  const user = await c.login('admin', 'Admin12345');
  assert.equal(user.username, 'admin');
  assert.ok(user.roles.includes('admin'));
  assert.ok(c.csrf.length >= 16);
  const me = await c.get('/api/v1/auth/me');
  assert.equal(me.status, 200);
  assert.equal(me.body.user.id, user.id);
});

test('a member logs in by mobile number', async () => {
  const c = new Client(srv.baseUrl);
  const user = await c.login('13900000001', 'Member12345');
  assert.deepEqual(user.roles, ['member']);
});

test('no session: 401 with the envelope', async () => {
  const r = await new Client(srv.baseUrl).get('/api/v1/members');
  assert.equal(r.status, 401);
  assert.equal(r.body.error.code, 'unauthorized');
  assert.match(r.body.error.message, /登录/);
});

test('captcha is required after 3 failures, account locks after 5', async () => {
  // A separate address per test is not possible on loopback, so use the address counter too:
  // these failures are on one account.
  const c = new Client(srv.baseUrl);
  for (let i = 1; i <= 3; i++) {
    const r = await c.post('/api/v1/auth/login', { login: 'zhuxi', password: 'wrong-pass1' });
    assert.equal(r.status, 401, `attempt ${i}`);
    assert.equal(r.body.error.code, 'unauthorized');
    assert.equal(r.body.error.captcha_required, i >= 3);
  }
  // 4th attempt without a captcha: refused before the password is checked.
  let r = await c.post('/api/v1/auth/login', { login: 'zhuxi', password: 'Leader12345' });
  assert.equal(r.status, 400);
  assert.equal(r.body.error.code, 'captcha_required');
  // A wrong captcha answer is refused too.
  const cap = await c.get('/api/v1/auth/captcha');
  assert.match(cap.body.image, /^data:image\/png;base64,/);
  r = await c.post('/api/v1/auth/login', { login: 'zhuxi', password: 'Leader12345', captcha_id: cap.body.id, captcha_answer: 'ZZZZ' });
  assert.equal(r.body.error.code, 'captcha_invalid');
  // A captcha is single use.
  const solved = await solvedCaptcha(c);
  r = await c.post('/api/v1/auth/login', { login: 'zhuxi', password: 'wrong-pass1', ...solved });
  assert.equal(r.status, 401);
  r = await c.post('/api/v1/auth/login', { login: 'zhuxi', password: 'wrong-pass1', ...solved });
  assert.equal(r.body.error.code, 'captcha_invalid');
  // 5th password failure locks the account, even for the right password afterwards.
  r = await c.post('/api/v1/auth/login', { login: 'zhuxi', password: 'wrong-pass1', ...(await solvedCaptcha(c)) });
  assert.equal(r.status, 423);
  assert.equal(r.body.error.code, 'account_locked');
  r = await c.post('/api/v1/auth/login', { login: 'zhuxi', password: 'Leader12345', ...(await solvedCaptcha(c)) });
  assert.equal(r.status, 423);
  // SMS reset unlocks it.
  await resetBySms(c, '13700000008', 'NewLeader123');
  r = await c.post('/api/v1/auth/login', { login: 'zhuxi', password: 'NewLeader123', ...(await solvedCaptcha(c)) });
  assert.equal(r.status, 200, JSON.stringify(r.body));
});

async function resetBySms(c, phone, password) {
  const send = await c.post('/api/v1/auth/sms/send', { phone, purpose: 'reset', ...(await solvedCaptcha(c)) });
  assert.equal(send.status, 200, JSON.stringify(send.body));
  const code = lastSmsCode(srv, phone);
  assert.match(code, /^\d{6}$/);
  const r = await c.post('/api/v1/auth/password/reset', { phone, code, new_password: password });
  assert.equal(r.status, 200, JSON.stringify(r.body));
}

test('SMS login with the code from the log gateway; wrong codes are counted', async () => {
  const c = new Client(srv.baseUrl);
  const phone = '13900000002';
  let r = await c.post('/api/v1/auth/sms/send', { phone, purpose: 'login' });
  assert.equal(r.status, 400, 'a captcha is always required to send');
  r = await c.post('/api/v1/auth/sms/send', { phone, purpose: 'login', ...(await solvedCaptcha(c)) });
  assert.equal(r.status, 200);
  assert.equal(r.body.resend_after, 60);
  // A second send within 60 s is refused.
  r = await c.post('/api/v1/auth/sms/send', { phone, purpose: 'login', ...(await solvedCaptcha(c)) });
  assert.equal(r.status, 429);
  const code = lastSmsCode(srv, phone);
  const wrong = code === '000000' ? '111111' : '000000';
  r = await c.post('/api/v1/auth/sms/login', { phone, code: wrong });
  assert.equal(r.status, 400);
  assert.equal(r.body.error.fields.code, '验证码错误');
  r = await c.post('/api/v1/auth/sms/login', { phone, code });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.user.mobile, phone);
  // The code is single use.
  r = await new Client(srv.baseUrl).post('/api/v1/auth/sms/login', { phone, code });
  assert.equal(r.status, 400);
});

test('five wrong SMS codes exhaust the code', async () => {
  const c = new Client(srv.baseUrl);
  const phone = '13900000003';
  await c.post('/api/v1/auth/sms/send', { phone, purpose: 'login', ...(await solvedCaptcha(c)) });
  const code = lastSmsCode(srv, phone);
  const wrong = code === '999999' ? '888888' : '999999';
  for (let i = 0; i < 5; i++) await c.post('/api/v1/auth/sms/login', { phone, code: wrong });
  const r = await c.post('/api/v1/auth/sms/login', { phone, code });
  assert.equal(r.status, 400);
  assert.match(r.body.error.fields.code, /次数过多/);
});

test('an unknown phone gets the same answer and no SMS', async () => {
  const c = new Client(srv.baseUrl);
  const r = await c.post('/api/v1/auth/sms/send', { phone: '13311112222', purpose: 'login', ...(await solvedCaptcha(c)) });
  assert.equal(r.status, 200);
  assert.equal(lastSmsCode(srv, '13311112222'), null);
});

test('bad input gets precise errors', async () => {
  const c = new Client(srv.baseUrl);
  let r = await c.request('POST', '/api/v1/auth/login', '{"login": "admin", ', { headers: { 'content-type': 'application/json' } });
  assert.equal(r.status, 400);
  assert.equal(r.body.error.code, 'bad_request');
  r = await c.post('/api/v1/auth/login', { login: 5, password: 'x' });
  assert.equal(r.status, 400);
  assert.equal(r.body.error.fields.login, '应为文本');
  r = await c.post('/api/v1/auth/login', { login: 'admin', password: 'x', remember: true });
  assert.equal(r.body.error.fields.remember, '未知字段');
  r = await c.post('/api/v1/auth/sms/send', { phone: '1234', purpose: 'login', captcha_id: 'x', captcha_answer: 'y' });
  assert.match(r.body.error.fields.phone, /手机号码格式不正确/);
});

test('writes without the CSRF token are refused', async () => {
  const c = new Client(srv.baseUrl);
  await c.login('admin', 'Admin12345');
  const token = c.csrf;
  c.csrf = '';
  let r = await c.post('/api/v1/sectors', { name: '测试界别甲' });
  assert.equal(r.status, 403);
  assert.equal(r.body.error.code, 'csrf_failed');
  c.csrf = 'not-the-token';
  r = await c.post('/api/v1/sectors', { name: '测试界别甲' });
  assert.equal(r.status, 403);
  c.csrf = token;
  r = await c.post('/api/v1/sectors', { name: '测试界别甲' });
  assert.equal(r.status, 201);
});

test('PATCH, PUT and DELETE without the CSRF token, or with a wrong one, are refused and write nothing', async () => {
  const admin = new Client(srv.baseUrl);
  await admin.login('admin', 'Admin12345');
  const member = new Client(srv.baseUrl);
  await member.login('13900000001', 'Member12345');
  // Real objects to aim at: a sector, a calendar day, the committee's proposal settings, a draft.
  const sector = await admin.post('/api/v1/sectors', { name: '测试界别乙', description: '原说明' });
  assert.equal(sector.status, 201, JSON.stringify(sector.body));
  const day = await admin.post('/api/v1/calendar-days', { day: '2031-05-06', kind: 'holiday', name: '测试假日' });
  assert.equal(day.status, 201, JSON.stringify(day.body));
  const draft = await member.post('/api/v1/proposals', { title: '关于跨站请求测试的建议', suggestions: '原建议。', category: '其他' });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const settingsBefore = (await admin.get('/api/v1/proposals/settings')).body;
  const auditTotal = async () => (await admin.get('/api/v1/audit?page_size=1')).body.total;
  const auditBefore = await auditTotal();
  const calendarHas = async () => (await admin.get('/api/v1/calendar-days')).body.items.some((d) => d.day === '2031-05-06');
  assert.equal(await calendarHas(), true);

  const writes = [
    [admin, 'PATCH', `/api/v1/sectors/${sector.body.id}`, { description: '改过的说明' }],
    [member, 'PATCH', `/api/v1/proposals/${draft.body.id}`, { version: draft.body.version, suggestions: '改过的建议。' }],
    [admin, 'PUT', '/api/v1/proposals/settings', { cosign_window_days: settingsBefore.cosign_window_days + 1 }],
    [admin, 'DELETE', `/api/v1/sectors/${sector.body.id}`, undefined],
    [admin, 'DELETE', '/api/v1/calendar-days/2031-05-06', undefined],
  ];
  for (const [client, method, path, body] of writes) {
    const token = client.csrf;
    for (const bad of ['', 'not-the-token', token.slice(0, -1) + (token.endsWith('0') ? '1' : '0')]) {
      client.csrf = bad;
      // The client sends no header when its token is empty.
      const r = await client.request(method, path, body);
      client.csrf = token;
      assert.equal(r.status, 403, `${method} ${path} with token '${bad.slice(0, 8)}': ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, 'csrf_failed');
    }
  }
  // Nothing was written.
  assert.equal((await admin.get(`/api/v1/sectors/${sector.body.id}`)).body.description, '原说明');
  const d = (await member.get(`/api/v1/proposals/${draft.body.id}`)).body;
  assert.equal(d.suggestions, '原建议。');
  assert.equal(d.version, draft.body.version);
  assert.deepEqual((await admin.get('/api/v1/proposals/settings')).body, settingsBefore);
  assert.equal(await calendarHas(), true);
  assert.equal(await auditTotal(), auditBefore);
  // With the right token each of them goes through (so the refusals above were the CSRF check's).
  for (const [client, method, path, body] of writes) {
    const r = await client.request(method, path, body);
    assert.ok(r.status >= 200 && r.status < 300, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  assert.equal((await admin.get(`/api/v1/sectors/${sector.body.id}`)).status, 404);
  assert.equal(await calendarHas(), false);
  assert.equal((await member.get(`/api/v1/proposals/${draft.body.id}`)).body.suggestions, '改过的建议。');
  await admin.request('PUT', '/api/v1/proposals/settings', { cosign_window_days: settingsBefore.cosign_window_days });
});

test('logout ends the session', async () => {
  const c = new Client(srv.baseUrl);
  await c.login('tianwei', 'Staff12345');
  const cookie = c.cookie;
  assert.equal((await c.post('/api/v1/auth/logout')).status, 200);
  const stale = new Client(srv.baseUrl);
  stale.cookie = cookie;
  assert.equal((await stale.get('/api/v1/auth/me')).status, 401);
});

test('an imported or created member must change the initial password first', async () => {
  const admin = new Client(srv.baseUrl);
  await admin.login('admin', 'Admin12345');
  const sectors = await admin.get('/api/v1/sectors?page_size=1');
  const created = await admin.post('/api/v1/members', { name: '新委员', mobile: '13612345678', sector_id: sectors.body.items[0].id });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const pw = created.body.initial_password;
  assert.ok(pw && pw.length >= 8);
  const m = new Client(srv.baseUrl);
  const user = await m.login('13612345678', pw);
  assert.equal(user.must_change_password, true);
  let r = await m.get('/api/v1/sectors');
  assert.equal(r.status, 403);
  assert.equal(r.body.error.code, 'password_change_required');
  r = await m.post('/api/v1/auth/password', { old_password: pw, new_password: 'short' });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.new_password);
  r = await m.post('/api/v1/auth/password', { old_password: 'wrong-old-1', new_password: 'Better12345' });
  assert.equal(r.body.error.fields.old_password, '原密码不正确');
  r = await m.post('/api/v1/auth/password', { old_password: pw, new_password: 'Better12345' });
  assert.equal(r.status, 200);
  assert.equal(r.body.user.must_change_password, false);
  assert.equal((await m.get('/api/v1/sectors')).status, 200);
});

test('idle sessions expire', async () => {
  const short = await startServer({ env: { SHANGLIANG_SESSION_IDLE_TIMEOUT_SECONDS: '1' } });
  try {
    const c = new Client(short.baseUrl);
    await c.login('admin', 'Admin12345');
    assert.equal((await c.get('/api/v1/auth/me')).status, 200);
    await new Promise((r) => setTimeout(r, 2500));
    const r = await c.get('/api/v1/auth/me');
    assert.equal(r.status, 401);
  } finally {
    await short.stop();
  }
});

test('a user with grants in two committees switches between them', async () => {
  const c = new Client(srv.baseUrl);
  const user = await c.login('admin', 'Admin12345');
  assert.equal(user.committees.length, 2);
  const other = user.committees.find((x) => x.id !== user.committee_id);
  const r = await c.post('/api/v1/auth/committee', { committee_id: other.id });
  assert.equal(r.status, 200);
  assert.equal(r.body.user.committee_id, other.id);
  // The district's members are not visible from the city committee.
  const members = await c.get('/api/v1/members');
  assert.equal(members.body.total, 0);
  const refused = await c.post('/api/v1/auth/committee', { committee_id: 99999 });
  assert.equal(refused.status, 403);
});

test('auth endpoints are rate limited per address', async () => {
  const limited = await startServer({ env: { SHANGLIANG_AUTH_RATE_LIMIT_PER_MINUTE: '5' } });
  try {
    const c = new Client(limited.baseUrl);
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await c.get('/api/v1/auth/captcha')).status);
    assert.deepEqual(statuses.slice(0, 5), [200, 200, 200, 200, 200]);
    assert.equal(statuses[6], 429);
  } finally {
    await limited.stop();
  }
});

test('a member reads their own record with sector and special committees', async () => {
  const c = new Client(srv.baseUrl);
  await c.login('13900000001', 'Member12345');
  const r = await c.get('/api/v1/me/member');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.mobile, '13900000001');
  assert.ok(r.body.sector_name.length > 0);
  assert.ok(Array.isArray(r.body.special_committee_ids) && r.body.special_committee_ids.length > 0);
  const staff = new Client(srv.baseUrl);
  await staff.login('tianwei', 'Staff12345');
  assert.equal((await staff.get('/api/v1/me/member')).status, 404);
});
