// Meetings and activities (会议活动): staff create a meeting, invite by list, sector and units,
// notify (notices with a link to the meeting); invitees reply (a change of answer is recorded),
// ask for leave that staff approve or reject; reminders go to those who have not replied, once a
// day; the rotating QR sign-in (the window around the meeting, an expired code, another meeting's
// code, a member not invited, signing twice); manual attendance with a reason (audited); the live
// board's counts; speeches; minutes approved and both Word documents read back; refusals by role
// and committee. Runs on SQLite and PostgreSQL (SL_DATABASE / with-postgres).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';
import { Client, DEMO_LOGINS } from '../lib/client.mjs';

let srv;
const as = {};
const ids = {};
const MIN = 60;
// The meetings start 70 minutes from now and end 30 minutes later: the sign-in window opens 10
// minutes from now. The tests move the server's clock by less than the sessions' idle timeout (2 h).
const START = 70 * MIN;
const END = 100 * MIN;
const INSIDE = 20 * MIN;
const AFTER = 105 * MIN;

/** The stored UTC form of now (server clock, offset 0) plus `seconds`. */
function utc(seconds) {
  return new Date(Math.floor(Date.now() / 1000 + seconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function must(r, what, status = [200, 201]) {
  const res = await r;
  if (!status.includes(res.status)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function setClock(offset) {
  await must(new Client(srv.baseUrl).post('/api/v1/test/clock', { offset_seconds: offset }), 'clock');
}

/** A member account with a known password: staff reset it, the member logs in and changes it. */
async function memberClient(mobile) {
  const m = (await must(as.admin.get(`/api/v1/members?q=${mobile}`), 'member')).items[0];
  await must(as.admin.patch(`/api/v1/users/${m.user_id}`, { password: 'Meet12345' }), 'reset password');
  const c = new Client(srv.baseUrl);
  const r = await c.post('/api/v1/auth/login', { login: mobile, password: 'Meet12345' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  if (r.body.user.must_change_password)
    await must(c.post('/api/v1/auth/password', { old_password: 'Meet12345', new_password: 'Meet54321' }), 'password');
  return { client: c, member: m };
}

before(async () => {
  srv = await startServer();
  for (const k of ['admin', 'staff', 'committeeStaff', 'unit', 'leader', 'supervisor', 'member', 'other']) {
    as[k] = new Client(srv.baseUrl);
    await as[k].login(...DEMO_LOGINS[k]);
  }
  ids.member1 = (await must(as.admin.get('/api/v1/members?q=13900000001'), 'm1')).items[0].user_id;
  const m2 = await memberClient('13900000002');
  as.member2 = m2.client;
  ids.member2 = m2.member.user_id;
  const m3 = await memberClient('13900000003');
  as.member3 = m3.client;
  ids.member3 = m3.member.user_id;
  const sectors = (await must(as.admin.get('/api/v1/sectors?page_size=100'), 'sectors')).items;
  ids.sector = sectors.find((s) => s.name === '教育界').id;
  const units = (await must(as.admin.get('/api/v1/units?page_size=100'), 'units')).items;
  ids.minzheng = units.find((u) => u.name === '区民政局').id;
  const specials = (await must(as.admin.get('/api/v1/special-committees?page_size=100'), 'specials')).items;
  ids.jingji = specials.find((s) => s.name === '经济委员会').id;
  ids.shehui = specials.find((s) => s.name === '社会和法制委员会').id;
});

after(async () => {
  if (srv) await setClock(0).catch(() => {});
  await srv?.stop();
});

const base = () => ({
  kind: 'symposium',
  title: '关于老旧小区加装电梯的对口协商座谈会',
  agenda: '一、区住建局通报情况\n二、委员发言\n三、区领导讲话',
  place: '区政协三楼会议室',
  starts_at: utc(START),
  ends_at: utc(END),
});

test('staff create, invite (list, sector, units, guests; duplicates skipped) and notify', async () => {
  const m = await must(as.staff.post('/api/v1/meetings', { ...base(), subject_type: 'consultation_topic', subject_id: 7 }), 'create');
  assert.equal(m.state, 'draft');
  assert.equal(m.access, 'manager');
  assert.ok(m.actions.includes('notify'));
  ids.meeting = m.id;
  // Notifying a meeting nobody is invited to is refused.
  assert.equal((await as.staff.post(`/api/v1/meetings/${m.id}/notify`, {})).status, 409);
  // Invalid input: every bad field named.
  const bad = await as.staff.post('/api/v1/meetings', { ...base(), kind: 'party', ends_at: 'tomorrow' });
  assert.equal(bad.status, 400);
  assert.ok(bad.body.error.fields.kind && bad.body.error.fields.ends_at);
  const backwards = await as.staff.post('/api/v1/meetings', { ...base(), ends_at: utc(START - MIN) });
  assert.equal(backwards.status, 400);
  assert.equal((await as.staff.post(`/api/v1/meetings/${m.id}/invitees`, {})).status, 400);

  let r = await must(
    as.staff.post(`/api/v1/meetings/${m.id}/invitees`, {
      user_ids: [ids.member1, ids.member2],
      sector_ids: [ids.sector],
      unit_ids: [ids.minzheng],
      guests: [{ name: '王建华', employer: '武汉大学' }],
    }),
    'invite',
  );
  let list = await must(as.staff.get(`/api/v1/meetings/${m.id}/invitees`), 'invitees');
  const count = list.total;
  assert.ok(count >= 5, `invitees: ${count}`);
  assert.ok(list.items.some((i) => i.invited_as === 'unit' && i.name === '区民政局'));
  assert.ok(list.items.some((i) => i.invited_as === 'guest' && i.name === '王建华' && i.employer === '武汉大学'));
  // Inviting the same people again adds nobody.
  r = await must(as.staff.post(`/api/v1/meetings/${m.id}/invitees`, { user_ids: [ids.member1], sector_ids: [ids.sector] }), 'again');
  list = await must(as.staff.get(`/api/v1/meetings/${m.id}/invitees`), 'invitees');
  assert.equal(list.total, count);
  // Removing one.
  const guest = list.items.find((i) => i.invited_as === 'guest');
  assert.equal((await as.staff.del(`/api/v1/meetings/${m.id}/invitees/${guest.id}`)).status, 204);
  assert.equal((await must(as.staff.get(`/api/v1/meetings/${m.id}/invitees`), 'list')).total, count - 1);

  // Before the notice the member does not see the meeting.
  assert.equal((await as.member.get(`/api/v1/meetings/${m.id}`)).status, 404);
  const n = await must(as.staff.post(`/api/v1/meetings/${m.id}/notify`, {}), 'notify');
  assert.equal(n.state, 'notified');
  assert.equal((await as.staff.post(`/api/v1/meetings/${m.id}/notify`, {})).status, 409);
  const notices = (await must(as.member.get('/api/v1/notifications'), 'notices')).items;
  const notice = notices.find((x) => x.kind === 'meeting.notified');
  assert.ok(notice, 'the member was told');
  assert.equal(notice.link, `/meetings/${m.id}`);
  assert.match(notice.title, /会议通知/);
  // The unit's people are told too.
  assert.ok((await must(as.other.get('/api/v1/notifications'), 'unit notices')).items.some((x) => x.link === `/meetings/${m.id}`));
  // An SMS went to the member's phone.
  assert.match(srv.log(), /sms gateway=log.*13900000001/);

  const d = await must(as.member.get(`/api/v1/meetings/${m.id}`), 'member detail');
  assert.equal(d.access, 'invitee');
  assert.equal(d.my.reply, 'none');
  assert.ok(d.actions.includes('reply'));
  assert.equal(d.agenda, base().agenda);
  // The subject's meetings, as another module reads them.
  const bySubject = await must(as.staff.get('/api/v1/meetings?subject_type=consultation_topic&subject_id=7'), 'by subject');
  assert.ok(bySubject.items.some((x) => x.id === m.id));
  assert.ok(bySubject.items.every((x) => x.subject_type === 'consultation_topic' && x.subject_id === 7), 'only the subject\'s meetings');
  const other = await must(as.staff.get('/api/v1/meetings?subject_type=consultation_topic&subject_id=8'), 'another subject');
  assert.ok(!other.items.some((x) => x.id === m.id));
  const mine = await must(as.member.get('/api/v1/meetings/mine'), 'mine');
  assert.ok(mine.invitations.some((x) => x.id === m.id));
  assert.ok(mine.upcoming.some((x) => x.id === m.id));
});

test('reminders go to those who have not replied, once a day', async () => {
  const before = (await must(as.member.get('/api/v1/notifications'), 'n')).items.filter((x) => x.kind === 'meeting.reminded').length;
  await must(as.staff.post(`/api/v1/meetings/${ids.meeting}/remind`, {}), 'remind');
  const once = (await must(as.member.get('/api/v1/notifications'), 'n')).items.filter((x) => x.kind === 'meeting.reminded').length;
  assert.equal(once, before + 1);
  await must(as.staff.post(`/api/v1/meetings/${ids.meeting}/remind`, {}), 'remind again');
  const twice = (await must(as.member.get('/api/v1/notifications'), 'n')).items.filter((x) => x.kind === 'meeting.reminded').length;
  assert.equal(twice, once, 'a second reminder the same day is not sent');
});

test('replies: attend, change to leave (recorded), leave approved or rejected', async () => {
  const id = ids.meeting;
  let d = await must(as.member.put(`/api/v1/meetings/${id}/reply`, { reply: 'attend' }), 'attend');
  assert.equal(d.my.reply, 'attend');
  // Leave needs a reason.
  const noReason = await as.member.put(`/api/v1/meetings/${id}/reply`, { reply: 'leave' });
  assert.equal(noReason.status, 400);
  assert.ok(noReason.body.error.fields.reason);
  d = await must(as.member.put(`/api/v1/meetings/${id}/reply`, { reply: 'leave', reason: '当天在外地出差' }), 'leave');
  assert.equal(d.my.reply, 'leave');
  assert.equal(d.my.leave_state, 'pending');
  d = await must(as.member2.put(`/api/v1/meetings/${id}/reply`, { reply: 'leave', reason: '身体不适' }), 'leave 2');
  const list = await must(as.staff.get(`/api/v1/meetings/${id}/invitees`), 'invitees');
  const changes = list.reply_changes.filter((c) => c.invitee_id === d.my.invitee_id || true);
  const m1 = list.items.find((i) => i.user_id === ids.member1);
  const m1Changes = list.reply_changes.filter((c) => c.invitee_id === m1.id);
  assert.deepEqual(m1Changes.map((c) => [c.from, c.to]), [['none', 'attend'], ['attend', 'leave']]);
  assert.equal(m1Changes[1].reason, '当天在外地出差');
  assert.ok(changes.length >= 3);
  // Staff decide: the member's leave approved, member 2's rejected.
  const m2 = list.items.find((i) => i.user_id === ids.member2);
  // A member may not decide leave.
  assert.equal((await as.member.post(`/api/v1/meetings/${id}/invitees/${m1.id}/leave`, { decision: 'approve' })).status, 403);
  await must(as.staff.post(`/api/v1/meetings/${id}/invitees/${m1.id}/leave`, { decision: 'approve', note: '同意' }), 'approve');
  await must(as.staff.post(`/api/v1/meetings/${id}/invitees/${m2.id}/leave`, { decision: 'reject', note: '请尽量参加' }), 'reject');
  assert.equal((await as.staff.post(`/api/v1/meetings/${id}/invitees/${m2.id}/leave`, { decision: 'approve' })).status, 409);
  d = await must(as.member.get(`/api/v1/meetings/${id}`), 'detail');
  assert.equal(d.my.leave_state, 'approved');
  const told = (await must(as.member2.get('/api/v1/notifications'), 'n2')).items.find((x) => x.kind === 'meeting.leave_decided');
  assert.ok(told && /请假未同意/.test(told.title), JSON.stringify(told));
  // The member changes their mind and attends after all: the leave is withdrawn.
  d = await must(as.member.put(`/api/v1/meetings/${id}/reply`, { reply: 'attend' }), 'attend again');
  assert.equal(d.my.reply, 'attend');
  assert.equal(d.my.leave_state, null);
  // A member not invited cannot reply.
  assert.equal((await as.member3.put(`/api/v1/meetings/${id}/reply`, { reply: 'attend' })).status, 403);
});

test('QR sign-in: the window, an expired code, another meeting\'s code, a member not invited, twice', async () => {
  const id = ids.meeting;
  const other = await must(as.staff.post('/api/v1/meetings', { ...base(), title: '另一场会议' }), 'other meeting');
  await must(as.staff.post(`/api/v1/meetings/${other.id}/invitees`, { user_ids: [ids.member1] }), 'invite other');
  await must(as.staff.post(`/api/v1/meetings/${other.id}/notify`, {}), 'notify other');
  try {
    // Seventy minutes before the start: outside the window.
    let r = await as.staff.get(`/api/v1/meetings/${id}/sign-in-code`);
    assert.equal(r.status, 409);
    assert.equal(r.body.error.reason, 'sign_in_closed');
    r = await as.member.post(`/api/v1/meetings/${id}/sign-in`, { token: `${id}.1.abcdef0123` });
    assert.equal(r.status, 409);
    assert.equal(r.body.error.reason, 'sign_in_closed');
    assert.match(r.body.error.message, /会议开始前60分钟/);

    await setClock(INSIDE); // fifty minutes before the start
    const code = await must(as.staff.get(`/api/v1/meetings/${id}/sign-in-code`), 'code');
    assert.match(code.token, new RegExp(`^${id}\\.\\d+\\.[0-9a-f]{10}$`));
    assert.equal(code.url, `/meetings/${id}/sign-in?t=${code.token}`);
    assert.ok(code.refresh_in > 0 && code.refresh_in <= 30);
    const meeting = await must(as.staff.get(`/api/v1/meetings/${id}`), 'meeting');
    assert.equal(code.valid_until, meeting.ends_at);
    // Only managers see the code.
    assert.equal((await as.member.get(`/api/v1/meetings/${id}/sign-in-code`)).status, 403);
    const otherCode = await must(as.staff.get(`/api/v1/meetings/${other.id}/sign-in-code`), 'other code');

    // Another meeting's code.
    r = await as.member.post(`/api/v1/meetings/${id}/sign-in`, { token: otherCode.token });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.reason, 'sign_in_wrong_meeting');
    // A forged code.
    r = await as.member.post(`/api/v1/meetings/${id}/sign-in`, { token: code.token.slice(0, -1) + (code.token.endsWith('0') ? '1' : '0') });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.reason, 'sign_in_invalid');
    // A member not invited.
    r = await as.member3.post(`/api/v1/meetings/${id}/sign-in`, { token: code.token });
    assert.equal(r.status, 403);
    assert.match(r.body.error.message, /不在本次会议的参会名单/);
    // A unit's staff whose unit is not invited do not even see the meeting.
    assert.equal((await as.unit.post(`/api/v1/meetings/${id}/sign-in`, { token: code.token })).status, 404);

    // The member signs in; again is harmless.
    let d = await must(as.member.post(`/api/v1/meetings/${id}/sign-in`, { token: code.token }), 'sign in');
    assert.equal(d.my.attendance, 'present');
    assert.equal(d.my.sign_in_how, 'qr');
    d = await must(as.member.post(`/api/v1/meetings/${id}/sign-in`, { token: code.token }), 'again');
    assert.equal(d.my.attendance, 'present');
    // Signed in, the reply cannot change any more.
    assert.equal((await as.member.put(`/api/v1/meetings/${id}/reply`, { reply: 'leave', reason: '临时有事' })).status, 409);

    // The code of a minute ago has expired (two windows later).
    await setClock(INSIDE + 65);
    r = await as.member2.post(`/api/v1/meetings/${id}/sign-in`, { token: code.token });
    assert.equal(r.status, 409);
    assert.equal(r.body.error.reason, 'sign_in_expired');
    assert.match(r.body.error.message, /已过期/);
    // The unit's person signs in for the unit with a fresh code.
    const fresh = await must(as.staff.get(`/api/v1/meetings/${id}/sign-in-code`), 'fresh');
    d = await must(as.other.post(`/api/v1/meetings/${id}/sign-in`, { token: fresh.token }), 'unit sign in');
    assert.equal(d.my.invited_as, 'unit');
    assert.equal(d.my.attendance, 'present');

    // After the end: closed.
    await setClock(AFTER);
    r = await as.member2.post(`/api/v1/meetings/${id}/sign-in`, { token: fresh.token });
    assert.equal(r.status, 409);
    assert.equal(r.body.error.reason, 'sign_in_closed');
    assert.equal((await as.staff.get(`/api/v1/meetings/${id}/sign-in-code`)).status, 409);
  } finally {
    await setClock(0);
  }
});

test('manual attendance needs a reason and is audited; the board counts', async () => {
  const id = ids.meeting;
  const list = await must(as.staff.get(`/api/v1/meetings/${id}/invitees`), 'invitees');
  const m2 = list.items.find((i) => i.user_id === ids.member2);
  const someone = list.items.find((i) => i.invited_as === 'member' && i.reply === 'none');
  const noReason = await as.staff.post(`/api/v1/meetings/${id}/invitees/${m2.id}/attendance`, { status: 'present' });
  assert.equal(noReason.status, 400);
  assert.ok(noReason.body.error.fields.reason);
  assert.equal(
    (await as.member.post(`/api/v1/meetings/${id}/invitees/${m2.id}/attendance`, { status: 'present', reason: 'x' })).status,
    403,
  );
  await must(as.staff.post(`/api/v1/meetings/${id}/invitees/${m2.id}/attendance`, { status: 'present', reason: '手机没电，现场核验身份' }), 'present');
  await must(as.staff.post(`/api/v1/meetings/${id}/invitees/${someone.id}/attendance`, { status: 'absent', reason: '未到会' }), 'absent');
  const audit = (await must(as.admin.get('/api/v1/audit?page_size=50'), 'audit')).items;
  assert.ok(audit.some((e) => e.action === 'meeting.attendance_marked'), 'the marking is audited');

  const b = await must(as.staff.get(`/api/v1/meetings/${id}/board`), 'board');
  assert.equal(b.expected, list.total);
  assert.equal(b.signed_in, 3); // the member, the unit, member 2 by hand
  assert.equal(b.absent, 1);
  assert.equal(b.on_leave, 0);
  assert.equal(b.no_reply, list.total - 4);
  const row = b.rows.find((x) => x.user_id === ids.member2);
  assert.equal(row.sign_in_how, 'manual');
  assert.equal(row.manual_reason, '手机没电，现场核验身份');
  // Leaders read the board; members do not.
  assert.equal((await as.leader.get(`/api/v1/meetings/${id}/board`)).status, 200);
  assert.equal((await as.member.get(`/api/v1/meetings/${id}/board`)).status, 403);
});

test('speeches: apply, order, arrange or decline', async () => {
  const id = ids.meeting;
  let r = await as.member2.post(`/api/v1/meetings/${id}/speeches`, { title: '加装电梯的资金筹措', mode: 'written' });
  assert.equal(r.status, 400, 'a written speech needs its text');
  const s2 = (await must(as.member2.post(`/api/v1/meetings/${id}/speeches`, { title: '加装电梯的资金筹措', mode: 'written', body: '建议设立专项补贴。' }), 'written')).items.find((s) => s.mine);
  const s1 = (await must(as.member.post(`/api/v1/meetings/${id}/speeches`, { title: '加装电梯的协调机制', mode: 'oral', body: '' }), 'oral')).items.find((s) => s.mine);
  assert.equal(s1.state, 'applied');
  assert.equal((await as.member3.post(`/api/v1/meetings/${id}/speeches`, { title: '不受邀', mode: 'oral' })).status, 403);
  assert.equal((await as.member.put(`/api/v1/meetings/${id}/speeches/order`, { ids: [s2.id, s1.id] })).status, 403);
  assert.equal((await as.staff.put(`/api/v1/meetings/${id}/speeches/order`, { ids: [s2.id] })).status, 400);
  await must(as.staff.put(`/api/v1/meetings/${id}/speeches/order`, { ids: [s1.id, s2.id] }), 'order');
  await must(as.staff.post(`/api/v1/meetings/${id}/speeches/${s1.id}/decision`, { decision: 'arrange' }), 'arrange');
  await must(as.staff.post(`/api/v1/meetings/${id}/speeches/${s2.id}/decision`, { decision: 'decline' }), 'decline');
  const all = (await must(as.staff.get(`/api/v1/meetings/${id}/speeches`), 'all')).items;
  assert.deepEqual(all.map((s) => [s.id, s.state]), [[s1.id, 'arranged'], [s2.id, 'declined']]);
  // Member 2 sees their own and the arranged one; member 1 the arranged one (their own).
  const seen = (await must(as.member2.get(`/api/v1/meetings/${id}/speeches`), 'm2')).items.map((s) => s.id);
  assert.deepEqual(seen.sort(), [s1.id, s2.id].sort());
  assert.ok((await must(as.member2.get('/api/v1/notifications'), 'n')).items.some((x) => x.kind === 'meeting.speech_decided'));
});

const dir = mkdtempSync(join(tmpdir(), 'sl-meetings-'));
const docxText = `
import docx, sys
d = docx.Document(sys.argv[1])
s = d.sections[0]
print('PAGE', round(s.page_width.mm), round(s.page_height.mm), round(s.top_margin.mm), round(s.left_margin.mm))
for p in d.paragraphs: print(p.style.name + '|' + p.text)
for t in d.tables:
  for r in t.rows: print('ROW|' + '|'.join(c.text for c in r.cells))
`;
function docxLines(bytes, name) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('/usr/bin/python3', ['-c', docxText, file]).toString();
}

test('the notice and the approved minutes as Word documents in the official layout', async () => {
  const id = ids.meeting;
  let r = await as.member.get(`/api/v1/meetings/${id}/documents/notice`, { raw: true });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /wordprocessingml/);
  let text = docxLines(r.body, 'notice.docx');
  assert.match(text, /PAGE 210 297 37 28/);
  assert.match(text, /Title\|关于召开关于老旧小区加装电梯的对口协商座谈会的通知/);
  assert.match(text, /一、会议时间/);
  assert.match(text, /区政协三楼会议室/);
  assert.match(text, /区民政局/);
  // The writer's 一、二、 under 三、会议议程 become （一）（二）: no first-level number twice.
  assert.match(text, /\|（一）区住建局通报情况/);
  assert.equal((text.match(/\|一、/g) || []).length, 1, 'one 一、 in the notice');
  assert.match(text, /\|\d{4}年\d{1,2}月\d{1,2}日$/m);
  // Minutes: drafted, approved, then read back by a member.
  assert.equal((await as.member.get(`/api/v1/meetings/${id}/documents/minutes`, { raw: true })).status, 404);
  assert.equal((await as.staff.post(`/api/v1/meetings/${id}/minutes/approve`, {})).status, 409, 'empty minutes');
  assert.equal((await as.member.put(`/api/v1/meetings/${id}/minutes`, { text: '纪要' })).status, 403);
  await must(as.staff.put(`/api/v1/meetings/${id}/minutes`, { text: '会议听取了区住建局关于老旧小区加装电梯工作的情况通报。\n与会委员围绕资金筹措、协调机制提出意见建议。' }), 'minutes');
  const d = await must(as.staff.post(`/api/v1/meetings/${id}/minutes/approve`, {}), 'approve');
  assert.equal(d.minutes_state, 'approved');
  assert.equal(d.state, 'held');
  assert.equal((await as.staff.put(`/api/v1/meetings/${id}/minutes`, { text: '改' })).status, 409);
  r = await as.member.get(`/api/v1/meetings/${id}/documents/minutes`, { raw: true });
  assert.equal(r.status, 200);
  text = docxLines(r.body, 'minutes.docx');
  assert.match(text, /Title\|关于老旧小区加装电梯的对口协商座谈会纪要/);
  assert.match(text, /会议听取了区住建局/);
  assert.match(text, /ROW\|1\|.+\|加装电梯的协调机制\|口头发言/);
  assert.match(text, /出席：/);
  // An invited unit whose attendance nobody recorded is not called absent.
  assert.doesNotMatch(text, /缺席：[^\n]*区民政局/);
  const audit = (await must(as.admin.get('/api/v1/audit?page_size=50'), 'audit')).items;
  assert.ok(audit.some((e) => e.action === 'meeting.minutes_approved'));
  // Past now, the member's 我的活动 lists it with the attendance.
  await setClock(AFTER);
  try {
    const mine = await must(as.member.get('/api/v1/meetings/mine'), 'mine');
    const past = mine.past.find((x) => x.id === id);
    assert.ok(past);
    assert.equal(past.my.attendance, 'present');
  } finally {
    await setClock(0);
  }
});

test('refusals by role and committee; the published calendar', async () => {
  const id = ids.meeting;
  // Unit staff and members may not create meetings; a committee's staff only for their own special committee.
  assert.equal((await as.unit.post('/api/v1/meetings', base())).status, 403);
  assert.equal((await as.member.post('/api/v1/meetings', base())).status, 403);
  assert.equal((await as.committeeStaff.post('/api/v1/meetings', { ...base(), special_committee_id: ids.shehui })).status, 403);
  const own = await must(as.committeeStaff.post('/api/v1/meetings', { ...base(), title: '经济委员会调研座谈', special_committee_id: ids.jingji }), 'cs create');
  assert.equal(own.access, 'manager');
  assert.equal(own.special_committee_name, '经济委员会');
  // The committee office's meeting: committee staff read it on the calendar only.
  const cs = await must(as.committeeStaff.get(`/api/v1/meetings/${id}`), 'cs read');
  assert.equal(cs.access, 'calendar');
  assert.equal((await as.committeeStaff.patch(`/api/v1/meetings/${id}`, { version: 1, title: 'x' })).status, 403);
  // A member not invited reads the calendar's fields only; the unit whose unit is not invited sees nothing.
  const cal = await must(as.member3.get(`/api/v1/meetings/${id}`), 'calendar');
  assert.equal(cal.limited, true);
  assert.equal(cal.agenda, undefined);
  assert.equal((await as.member3.get(`/api/v1/meetings/${id}/invitees`)).status, 403);
  assert.equal((await as.unit.get(`/api/v1/meetings/${id}`)).status, 404);
  const unitList = await must(as.unit.get('/api/v1/meetings'), 'unit list');
  assert.ok(!unitList.items.some((x) => x.id === id));
  const calendar = await must(as.member3.get('/api/v1/meetings?order=asc'), 'calendar list');
  assert.ok(calendar.items.some((x) => x.id === id));
  assert.ok(!calendar.items.some((x) => x.id === own.id), 'a draft is not on the calendar');
  // Leaders and supervisors read everything, manage nothing.
  assert.equal((await as.leader.get(`/api/v1/meetings/${id}/invitees`)).status, 200);
  assert.equal((await as.supervisor.get(`/api/v1/meetings/${own.id}`)).status, 200);
  assert.equal((await as.leader.post(`/api/v1/meetings/${id}/remind`, {})).status, 403);
  // Another committee: the parent's admin sees nothing of it.
  const committees = (await must(as.admin.get('/api/v1/committees'), 'committees')).items;
  const parentId = committees.find((c) => c.parent_id).parent_id;
  const adminP = new Client(srv.baseUrl);
  await adminP.login(...DEMO_LOGINS.admin);
  await must(adminP.post('/api/v1/auth/committee', { committee_id: parentId }), 'switch');
  assert.equal((await adminP.get(`/api/v1/meetings/${id}`)).status, 404);
  assert.equal((await adminP.post(`/api/v1/meetings/${own.id}/notify`, {})).status, 404);
  assert.ok(!(await must(adminP.get('/api/v1/meetings'), 'P list')).items.some((x) => x.id === id));
  // Cancelling tells the invitees.
  const c = await must(as.staff.post('/api/v1/meetings', { ...base(), title: '将被取消的会议' }), 'to cancel');
  await must(as.staff.post(`/api/v1/meetings/${c.id}/invitees`, { user_ids: [ids.member1] }), 'invite');
  await must(as.staff.post(`/api/v1/meetings/${c.id}/notify`, {}), 'notify');
  const x = await must(as.staff.post(`/api/v1/meetings/${c.id}/cancel`, { reason: '因故推迟' }), 'cancel');
  assert.equal(x.state, 'cancelled');
  assert.ok((await must(as.member.get('/api/v1/notifications'), 'n')).items.some((n) => n.kind === 'meeting.cancelled'));
  assert.equal((await as.member.put(`/api/v1/meetings/${c.id}/reply`, { reply: 'attend' })).status, 409);
});

test('editing a notified meeting checks the version and tells the invitees of a new time', async () => {
  const m = await must(as.staff.post('/api/v1/meetings', { ...base(), title: '改期的会议' }), 'create');
  await must(as.staff.post(`/api/v1/meetings/${m.id}/invitees`, { user_ids: [ids.member1] }), 'invite');
  let d = await must(as.staff.post(`/api/v1/meetings/${m.id}/notify`, {}), 'notify');
  assert.equal((await as.staff.patch(`/api/v1/meetings/${m.id}`, { version: d.version - 1, place: '二楼' })).status, 409);
  d = await must(as.staff.patch(`/api/v1/meetings/${m.id}`, { version: d.version, place: '区政协二楼会议室', starts_at: utc(START + 5 * MIN) }), 'patch');
  assert.equal(d.place, '区政协二楼会议室');
  assert.ok((await must(as.member.get('/api/v1/notifications'), 'n')).items.some((n) => n.kind === 'meeting.updated' && /二楼/.test(n.title)));
});
