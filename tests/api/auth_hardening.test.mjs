// Hardening of authentication (issue 14): JSON-only writes (no login CSRF), client addresses
// behind trusted proxies, atomic lockout and SMS counters under parallel guessing, answers that do
// not tell known from unknown logins and numbers, fail-fast password hashing, the password-change
// limit, /metrics protection, the absolute session lifetime, and the audit of failed logins and
// committee switches.
//
// Two servers: `srv` trusts 127.0.0.1 as a proxy, so each test names its own client addresses in
// X-Forwarded-For (198.51.100.0/24, 203.0.113.0/24: documentation ranges) and counters keyed on
// addresses do not leak between tests; `plain` trusts no proxy, has a metrics token, sessions that
// last 4 seconds, and one password-hash slot with a 20 ms wait.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, lastSmsCode, runCli } from '../lib/server.mjs';
import { Client, solvedCaptcha } from '../lib/client.mjs';

const RATE_LIMIT = 20; // srv's auth requests per address and minute
const METRICS_TOKEN = 'metrics-token-4f1c9a';
const SESSION_LIFETIME = 4; // plain's absolute session lifetime, seconds
const CAPTCHA_AFTER = 3; // README: captcha after 3 failures, 15-minute lock after 5
const LOCK_AFTER = 5;

let srv;
let plain;
before(async () => {
  [srv, plain] = await Promise.all([
    startServer({
      env: { SHANGLIANG_HTTP_TRUSTED_PROXIES: '127.0.0.1', SHANGLIANG_AUTH_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) },
    }),
    startServer({
      env: {
        SHANGLIANG_HTTP_METRICS_TOKEN: METRICS_TOKEN,
        SHANGLIANG_SESSION_ABSOLUTE_TIMEOUT_SECONDS: String(SESSION_LIFETIME),
        SHANGLIANG_AUTH_MAX_CONCURRENT_HASHES: '1',
        SHANGLIANG_AUTH_HASH_WAIT_MS: '20',
        SHANGLIANG_AUTH_RATE_LIMIT_PER_MINUTE: '40',
      },
    }),
  ]);
});
after(async () => {
  await Promise.all([srv.stop(), plain.stop()]);
});

/** A client whose requests come through the trusted proxy on behalf of `address`. */
class From extends Client {
  constructor(server, address) {
    super(server.baseUrl);
    this.address = address;
  }
  request(method, path, body, opts = {}) {
    return super.request(method, path, body, { ...opts, headers: { 'x-forwarded-for': this.address, ...(opts.headers ?? {}) } });
  }
}

let nextHost = 1;
/** A documentation-range address not used before in this file. */
const freshAddress = () => `198.51.100.${nextHost++}`;

/** Sends a raw request (no client conveniences) and answers { status, body }. */
async function raw(server, method, path, { body, headers = {} } = {}) {
  const res = await fetch(server.baseUrl + path, { method, headers, body });
  const text = await res.text();
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* text */
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Rows of `sql` read straight from the server's database, each an array of column texts. */
function dbRows(server, sql) {
  const out = server.databaseUrl.startsWith('sqlite:')
    ? execFileSync('sqlite3', ['-cmd', '.timeout 10000', '-separator', '\t', server.databaseUrl.slice(7), sql])
    : execFileSync('psql', [server.databaseUrl, '-At', '-F', '\t', '-c', sql]);
  return out.toString().split('\n').filter(Boolean).map((l) => l.split('\t'));
}

/** The parts of an error answer that a caller can see (locked_until only as present or not). */
function shape(r) {
  const e = r.body?.error ?? {};
  return { status: r.status, code: e.code, message: e.message, fields: e.fields, captcha_required: e.captcha_required, locked: 'locked_until' in e };
}

const isChinese = (s) => /[\u4e00-\u9fff]/.test(s);

test('JSON writes must say application/json: 415 for other types, uploads keep multipart', async () => {
  const addr = freshAddress();
  const json = JSON.stringify({ login: 'admin', password: 'Admin12345' });
  const h = (type) => ({ 'x-forwarded-for': addr, ...(type ? { 'content-type': type } : {}) });
  // A cross-site form can send these three types without a preflight: none may log in.
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', null]) {
    const r = await raw(srv, 'POST', '/api/v1/auth/login', { body: json, headers: h(type) });
    assert.equal(r.status, 415, `login with ${type}`);
    assert.equal(r.body.error.code, 'unsupported_media_type');
    assert.ok(isChinese(r.body.error.message), r.body.error.message);
    assert.equal(r.headers.get('set-cookie'), null, 'no session was started');
  }
  const form = new FormData();
  form.append('login', 'admin');
  form.append('password', 'Admin12345');
  let r = await raw(srv, 'POST', '/api/v1/auth/login', { body: form, headers: h() });
  assert.equal(r.status, 415, 'multipart login');
  // An open route needs the type even without a body.
  r = await raw(srv, 'POST', '/api/v1/auth/sms/send', { headers: h() });
  assert.equal(r.status, 415, 'body-less open POST');
  // JSON with parameters and in any case is accepted.
  r = await raw(srv, 'POST', '/api/v1/auth/login', { body: json, headers: h('application/json; charset=utf-8') });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  r = await raw(srv, 'POST', '/api/v1/auth/login', { body: json, headers: h('Application/JSON') });
  assert.equal(r.status, 200, JSON.stringify(r.body));

  // Session writes too, for every write method; nothing is written.
  const admin = new From(srv, addr);
  await admin.login('admin', 'Admin12345');
  const sector = await admin.post('/api/v1/sectors', { name: '媒体类型测试界别' });
  assert.equal(sector.status, 201, JSON.stringify(sector.body));
  const textual = { headers: { 'content-type': 'text/plain' } };
  r = await admin.request('POST', '/api/v1/sectors', JSON.stringify({ name: '不应写入的界别' }), textual);
  assert.equal(r.status, 415);
  r = await admin.request('PATCH', `/api/v1/sectors/${sector.body.id}`, JSON.stringify({ name: '不应改名' }), textual);
  assert.equal(r.status, 415);
  r = await admin.request('PUT', '/api/v1/proposals/settings', JSON.stringify({}), textual);
  assert.equal(r.status, 415);
  const names = (await admin.get('/api/v1/sectors?page_size=100')).body.items.map((s) => s.name);
  assert.ok(names.includes('媒体类型测试界别') && !names.includes('不应写入的界别') && !names.includes('不应改名'), names.join(','));
  // A body-less session write (logout) needs no type; uploads take multipart only.
  r = await admin.post('/api/v1/members/import/preview', { file: 'x' });
  assert.equal(r.status, 415, 'JSON sent to an upload route');
  const upload = new FormData();
  upload.append('file', new Blob(['姓名,性别,手机号,界别\n']), 'members.csv');
  r = await admin.post('/api/v1/members/import/preview', upload);
  assert.notEqual(r.status, 415, JSON.stringify(r.body));
  assert.ok(r.status < 500, JSON.stringify(r.body));
  r = await admin.request('POST', '/api/v1/auth/logout');
  assert.equal(r.status, 200, JSON.stringify(r.body));
});

test('X-Forwarded-For names the client only when the peer is a trusted proxy (right-most untrusted hop)', async () => {
  // The address a failed login is audited under, as the administrator reads it.
  const admin = new From(srv, freshAddress());
  await admin.login('admin', 'Admin12345');
  const wrong = (server, xff) =>
    raw(server, 'POST', '/api/v1/auth/login', {
      body: JSON.stringify({ login: 'ducha', password: 'Not-The-Password1' }),
      headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
    });
  assert.equal((await wrong(srv, '203.0.113.21, 127.0.0.1')).status, 401);
  assert.equal((await wrong(srv, '10.66.0.1, 203.0.113.22')).status, 401);
  const audited = (await admin.get('/api/v1/audit?action=auth.login_failed&page_size=100')).body.items
    .filter((e) => e.after?.login === 'ducha')
    .map((e) => e.address);
  assert.ok(audited.includes('203.0.113.21'), `the proxy's own hop is skipped: ${audited}`);
  assert.ok(audited.includes('203.0.113.22'), `the client-written left part is ignored: ${audited}`);
  assert.ok(!audited.includes('10.66.0.1') && !audited.includes('127.0.0.1'), audited.join(','));

  // Rate limits key on that address: one address over its limit does not stop another.
  assert.ok(await sendUntilLimited(srv, '203.0.113.23', RATE_LIMIT), 'the limit is reached');
  const other = await raw(srv, 'GET', '/api/v1/auth/captcha', { headers: { 'x-forwarded-for': '203.0.113.24' } });
  assert.equal(other.status, 200, 'another client behind the proxy is not limited');

  // A peer that is not a trusted proxy: the header is ignored, the socket address counts.
  const plainWrong = await wrong(plain, '203.0.113.25');
  assert.equal(plainWrong.status, 401);
  const rows = dbRows(plain, "SELECT address FROM audit_log WHERE action = 'auth.login_failed'");
  assert.deepEqual(rows.map((r) => r[0]), ['127.0.0.1']);
});

test('parallel wrong passwords: no more guesses are checked than the captcha and lock allow', async () => {
  const attempt = (extra = {}) =>
    new From(srv, freshAddress()).post('/api/v1/auth/login', { login: 'minmeng', password: 'Wrong-Guess-123', ...extra });
  // Twelve guesses at once from twelve addresses, no captcha: only the first three may be checked.
  const first = await Promise.all(Array.from({ length: 12 }, () => attempt()));
  const checkedFirst = first.filter((r) => r.status === 401).length;
  for (const r of first)
    assert.ok(r.status === 401 || r.body.error.code === 'captcha_required' || r.status === 429, JSON.stringify(r.body));
  assert.ok(checkedFirst >= 1, 'some guesses are checked');
  assert.ok(checkedFirst <= CAPTCHA_AFTER, `${checkedFirst} guesses checked without a captcha`);

  // Twelve more at once, each with a solved captcha: together at most five guesses before the lock.
  const solved = await Promise.all(Array.from({ length: 12 }, () => solvedCaptcha(new From(srv, freshAddress()))));
  const second = await Promise.all(solved.map((cap) => attempt(cap)));
  const checkedSecond = second.filter((r) => r.status === 401).length;
  assert.ok(checkedFirst + checkedSecond <= LOCK_AFTER - 1, `${checkedFirst} + ${checkedSecond} wrong guesses answered 401`);
  assert.ok(second.some((r) => r.status === 423), 'the account is locked');
  // Locked: even the right password with a captcha is refused.
  const right = await new From(srv, freshAddress()).post('/api/v1/auth/login', {
    login: 'minmeng',
    password: 'Group12345',
    ...(await solvedCaptcha(new From(srv, freshAddress()))),
  });
  assert.equal(right.status, 423, JSON.stringify(right.body));
});

test('parallel wrong SMS codes: at most five are compared', async () => {
  const phone = '13900000011';
  const c = new From(srv, freshAddress());
  const sent = await c.post('/api/v1/auth/sms/send', { phone, purpose: 'login', ...(await solvedCaptcha(c)) });
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  const code = lastSmsCode(srv, phone);
  assert.match(code, /^\d{6}$/);
  const wrong = String((Number(code) + 1) % 1000000).padStart(6, '0');
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => new From(srv, freshAddress()).post('/api/v1/auth/sms/login', { phone, code: wrong })),
  );
  const compared = answers.filter((r) => r.body?.error?.fields?.code === '验证码错误').length;
  for (const r of answers) assert.equal(r.status, 400, JSON.stringify(r.body));
  assert.equal(compared, 5, `${compared} wrong codes were compared`);
  const right = await new From(srv, freshAddress()).post('/api/v1/auth/sms/login', { phone, code });
  assert.equal(right.status, 400, 'the code is spent');
  assert.match(right.body.error.fields.code, /次数过多/);
});

test('known and unknown logins and numbers get the same answers', async () => {
  // Login: the same sequence of answers for an account and a login nobody has, each attempt from a
  // new address (so only the login's own counters speak).
  const run = async (login) => {
    const seen = [];
    for (let i = 1; i <= LOCK_AFTER + 1; i++) {
      const c = new From(srv, freshAddress());
      const cap = i > CAPTCHA_AFTER ? await solvedCaptcha(c) : {};
      seen.push(shape(await c.post('/api/v1/auth/login', { login, password: 'Wrong-Guess-456', ...cap })));
    }
    return seen;
  };
  const known = await run('fagaiju');
  const unknown = await run('nobody_here_77');
  assert.deepEqual(unknown, known);
  assert.deepEqual(known.map((a) => a.status), [401, 401, 401, 401, 423, 423], JSON.stringify(known));
  assert.equal(known[2].captcha_required, true);

  // Timing: an unknown login still costs a password check. Interleaved, median of five each.
  const timed = async (login) => {
    const t = performance.now();
    const r = await new From(srv, freshAddress()).post('/api/v1/auth/login', { login, password: 'Wrong-Guess-789' });
    assert.equal(r.status, 401, JSON.stringify(r.body));
    return performance.now() - t;
  };
  const tk = [];
  const tu = [];
  for (let i = 0; i < 5; i++) {
    // Different accounts (and unknown logins), so no counter reaches its captcha threshold.
    tk.push(await timed(['tianwei', 'jingji', 'fagaiju_lead', 'minzhengju', 'zhuxi'][i]));
    tu.push(await timed(`ghost_login_${i}`));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[2];
  assert.ok(median(tu) >= 0.4 * median(tk), `unknown ${median(tu).toFixed(1)} ms vs known ${median(tk).toFixed(1)} ms`);

  // SMS: the same answers, the resend limit included, for a number with an account and one without.
  const sms = async (phone) => {
    const c = new From(srv, freshAddress());
    const out = [];
    for (let i = 0; i < 2; i++) {
      const r = await c.post('/api/v1/auth/sms/send', { phone, purpose: 'reset', ...(await solvedCaptcha(c)) });
      out.push({ status: r.status, body: r.body });
    }
    const reset = await c.post('/api/v1/auth/password/reset', { phone, code: '000000', new_password: 'Whatever123' });
    out.push(shape(reset));
    return out;
  };
  const knownSms = await sms('13900000012');
  const unknownSms = await sms('13311112299');
  assert.equal(knownSms[0].status, 200);
  assert.equal(knownSms[1].status, 429);
  assert.deepEqual(unknownSms, knownSms);
  assert.ok(lastSmsCode(srv, '13900000012'), 'the known number got its code');
  assert.equal(lastSmsCode(srv, '13311112299'), null, 'nothing was sent to the unknown number');
});

test('password hashing fails fast with 429 when every slot is busy', async () => {
  // plain: one hash slot, 20 ms wait. Eight logins at once (eight accounts: parallel attempts on
  // one account would meet its captcha threshold) cannot all get the slot in time.
  const accounts = [['admin', 'Admin12345'], ['tianwei', 'Staff12345'], ['jingji', 'Staff12345'], ['minmeng', 'Group12345'],
    ['fagaiju', 'Unit12345'], ['fagaiju_lead', 'Unit12345'], ['minzhengju', 'Unit12345'], ['zhuxi', 'Leader12345']];
  const answers = await Promise.all(
    accounts.map(([login, password]) => new Client(plain.baseUrl).post('/api/v1/auth/login', { login, password })),
  );
  const busy = answers.filter((r) => r.status === 429);
  for (const r of answers) assert.ok(r.status === 200 || r.status === 429, JSON.stringify(r.body));
  assert.ok(busy.length >= 1, `statuses ${answers.map((r) => r.status)}`);
  assert.equal(busy[0].body.error.code, 'rate_limited');
  assert.ok(isChinese(busy[0].body.error.message));
  // A refused attempt was not counted as a failure, and the server carries on.
  const after = await new Client(plain.baseUrl).post('/api/v1/auth/login', { login: 'admin', password: 'Admin12345' });
  assert.equal(after.status, 200, JSON.stringify(after.body));
  assert.equal(after.body.user.username, 'admin');
});

test('password changes are limited per user (from any address) and per address', async () => {
  const user = new From(srv, freshAddress());
  await user.login('jingji', 'Staff12345');
  // The limiter counts 10 a minute in fixed minutes: the 11th try of a minute is refused. Its
  // minute can end while this runs (once at most, the tries take seconds), so up to 21 tries are
  // made until the first refusal, and at least 10 wrong passwords must precede it.
  const statuses = [];
  for (let i = 0; i < 21 && !statuses.includes(429); i++) {
    user.address = freshAddress(); // a new address each time: the user's own limit must hold
    const r = await user.post('/api/v1/auth/password', { old_password: `Wrong-Old-${i}a`, new_password: 'Brand-New-123' });
    statuses.push(r.status);
    if (r.status === 429) {
      assert.equal(r.body.error.code, 'rate_limited');
      assert.ok(isChinese(r.body.error.message));
    }
  }
  assert.equal(statuses.at(-1), 429, JSON.stringify(statuses));
  assert.ok(statuses.length >= 11, `refused after ${statuses.length - 1} tries`);
  assert.deepEqual(statuses.slice(0, -1), Array(statuses.length - 1).fill(400));

  // Per address: an address over the auth limit cannot change a password either.
  const addr = freshAddress();
  const other = new From(srv, addr);
  await other.login('tianwei', 'Staff12345');
  let limited = false;
  for (let i = 0; i <= RATE_LIMIT && !limited; i++)
    limited = (await raw(srv, 'GET', '/api/v1/auth/captcha', { headers: { 'x-forwarded-for': addr } })).status === 429;
  assert.ok(limited);
  const r = await other.post('/api/v1/auth/password', { old_password: 'Staff12345', new_password: 'Staff67890x' });
  assert.equal(r.status, 429, JSON.stringify(r.body));
});

test('/metrics answers the loopback or the bearer token only', async () => {
  // srv has no token: straight from the loopback it answers; relayed by the proxy it does not.
  let r = await raw(srv, 'GET', '/metrics');
  assert.equal(r.status, 200);
  assert.match(r.body, /shangliang_db_pool_connections/);
  r = await raw(srv, 'GET', '/metrics', { headers: { 'x-forwarded-for': '203.0.113.40' } });
  assert.equal(r.status, 403);
  assert.equal(r.body.error.code, 'forbidden');
  assert.ok(isChinese(r.body.error.message));
  r = await raw(srv, 'GET', '/metrics', { headers: { 'x-forwarded-for': '203.0.113.40', authorization: 'Bearer ' } });
  assert.equal(r.status, 403, 'no token configured: an empty bearer opens nothing');
  // plain has a token: a proxied request needs it, exactly.
  const proxied = { 'x-forwarded-for': '203.0.113.41' };
  assert.equal((await raw(plain, 'GET', '/metrics', { headers: proxied })).status, 403);
  assert.equal((await raw(plain, 'GET', '/metrics', { headers: { ...proxied, authorization: `Bearer ${METRICS_TOKEN}x` } })).status, 403);
  assert.equal((await raw(plain, 'GET', '/metrics', { headers: { ...proxied, authorization: METRICS_TOKEN } })).status, 403);
  r = await raw(plain, 'GET', '/metrics', { headers: { ...proxied, authorization: `Bearer ${METRICS_TOKEN}` } });
  assert.equal(r.status, 200);
  assert.match(r.body, /shangliang_db_pool_connections/);
  assert.equal((await raw(plain, 'GET', '/metrics')).status, 200, 'the loopback needs no token');
});

test('sessions end after their absolute lifetime even while in use', async () => {
  const c = new Client(plain.baseUrl);
  await c.login('tianwei', 'Staff12345');
  const started = Date.now();
  const seen = [];
  while (Date.now() - started < (SESSION_LIFETIME + 1.6) * 1000) {
    seen.push({ at: (Date.now() - started) / 1000, status: (await c.get('/api/v1/auth/me')).status });
    await new Promise((r) => setTimeout(r, 500));
  }
  const early = seen.filter((s) => s.at < SESSION_LIFETIME - 1.2);
  assert.ok(early.length >= 2 && early.every((s) => s.status === 200), JSON.stringify(seen));
  assert.equal(seen[seen.length - 1].status, 401, JSON.stringify(seen));
  const again = new Client(plain.baseUrl);
  await again.login('tianwei', 'Staff12345');
  assert.equal((await again.get('/api/v1/auth/me')).status, 200, 'a new login starts a new session');
});

test('failed logins and committee switches are audited; the chain still verifies', async () => {
  const secret = 'Secret-Guess-2468';
  const addr = '203.0.113.60';
  assert.equal((await new From(srv, addr).post('/api/v1/auth/login', { login: 'zhuxi', password: secret })).status, 401);
  assert.equal((await new From(srv, '203.0.113.61').post('/api/v1/auth/login', { login: 'ghost_audit_9', password: secret })).status, 401);

  const admin = new From(srv, freshAddress());
  const me = await admin.login('admin', 'Admin12345');
  const failed = (await admin.get('/api/v1/audit?action=auth.login_failed&page_size=100')).body.items;
  const zhuxi = failed.find((e) => e.after?.login === 'zhuxi' && e.address === addr);
  assert.ok(zhuxi, JSON.stringify(failed.slice(0, 5)));
  assert.equal(zhuxi.after.reason, 'password');
  assert.equal(zhuxi.subject_type, 'user');
  // The unknown login is recorded too (no committee: read from the database), never a password.
  const rows = dbRows(srv, "SELECT address, after_json FROM audit_log WHERE action = 'auth.login_failed'");
  assert.ok(rows.some(([a, j]) => a === '203.0.113.61' && JSON.parse(j).login === 'ghost_audit_9'), JSON.stringify(rows));
  const everything = dbRows(srv, 'SELECT before_json, after_json FROM audit_log').flat().join('\n');
  assert.ok(!everything.includes(secret), 'no password in the audit log');

  // Switching committees is recorded in the committee entered, with the one left.
  const other = me.committees.find((x) => x.id !== me.committee_id);
  const sw = await admin.post('/api/v1/auth/committee', { committee_id: other.id });
  assert.equal(sw.status, 200, JSON.stringify(sw.body));
  const switches = (await admin.get('/api/v1/audit?action=auth.committee_switch')).body.items;
  assert.equal(switches.length, 1, JSON.stringify(switches));
  assert.equal(switches[0].before.committee_id, me.committee_id);
  assert.equal(switches[0].after.committee_id, other.id);
  assert.equal(switches[0].actor_user_id, me.id);

  const v = await runCli(['audit', 'verify'], srv.databaseUrl);
  assert.equal(v.code, 0, v.stdout + v.stderr);
});

test('successful logins are audited with the address, by password and by SMS code', async () => {
  const byPasswordFrom = freshAddress();
  const leader = await new From(srv, byPasswordFrom).login('zhuxi', 'Leader12345');
  const phone = '13900000013';
  const bySmsFrom = freshAddress();
  const c = new From(srv, bySmsFrom);
  const sent = await c.post('/api/v1/auth/sms/send', { phone, purpose: 'login', ...(await solvedCaptcha(c)) });
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  const sms = await c.post('/api/v1/auth/sms/login', { phone, code: lastSmsCode(srv, phone) });
  assert.equal(sms.status, 200, JSON.stringify(sms.body));

  // Recorded in the committee the session starts in, where its admins read them.
  const admin = new From(srv, freshAddress());
  await admin.login('admin', 'Admin12345');
  const logins = (await admin.get('/api/v1/audit?action=auth.login&page_size=100')).body.items.filter((e) => e.action === 'auth.login');
  const byPassword = logins.find((e) => e.address === byPasswordFrom);
  assert.ok(byPassword, JSON.stringify(logins.slice(0, 5)));
  assert.equal(byPassword.actor_user_id, leader.id);
  assert.equal(byPassword.actor_name, leader.name);
  assert.equal(byPassword.subject_type, 'user');
  assert.equal(byPassword.subject_id, String(leader.id));
  assert.deepEqual(byPassword.after, { method: 'password' });
  const bySms = logins.find((e) => e.address === bySmsFrom);
  assert.ok(bySms, JSON.stringify(logins.slice(0, 5)));
  assert.equal(bySms.actor_user_id, sms.body.user.id);
  assert.deepEqual(bySms.after, { method: 'sms' });
  // A login with a session cookie of someone else's still names who signed in.
  const switcher = new From(srv, freshAddress());
  await switcher.login('zhuxi', 'Leader12345');
  const other = await switcher.post('/api/v1/auth/login', { login: 'ducha', password: 'Super12345' });
  assert.equal(other.status, 200, JSON.stringify(other.body));
  const again = (await admin.get('/api/v1/audit?action=auth.login&page_size=20')).body.items.find((e) => e.address === switcher.address && e.action === 'auth.login' && e.subject_id === String(other.body.user.id));
  assert.ok(again, 'the second login is recorded');
  assert.equal(again.actor_user_id, other.body.user.id);
  const stored = dbRows(srv, "SELECT before_json, after_json FROM audit_log WHERE action = 'auth.login'").flat().join('\n');
  assert.ok(!stored.includes('Leader12345') && !stored.includes('Super12345'), 'no password in the audit log');
});

/** Asks `server` for captchas as `xff` until it answers 429 (true) or `max` + 1 tries pass. */
async function sendUntilLimited(server, xff, max) {
  for (let i = 0; i <= max; i++) {
    const r = await raw(server, 'GET', '/api/v1/auth/captcha', { headers: { 'x-forwarded-for': xff } });
    if (r.status === 429) return true;
  }
  return false;
}

// Last, since it spends plain's allowance for 127.0.0.1 for the rest of the minute.
test('behind no trusted proxy a client cannot escape its rate limit by naming another address', async () => {
  // The limiter counts in fixed minutes: a minute boundary can reset the window while the limit
  // is being reached or between the two steps. Then try once more (two boundaries cannot fall
  // within the few seconds this takes).
  let reached = false;
  let refused = false;
  for (let attempt = 0; attempt < 2 && !refused; attempt++) {
    if (!(await sendUntilLimited(plain, '203.0.113.26', 41))) continue;
    reached = true;
    const r = await raw(plain, 'GET', '/api/v1/auth/captcha', { headers: { 'x-forwarded-for': '203.0.113.27' } });
    refused = r.status === 429;
  }
  assert.ok(reached, 'the limit is reached');
  assert.ok(refused, 'a spoofed X-Forwarded-For must not reset the limit');
});
