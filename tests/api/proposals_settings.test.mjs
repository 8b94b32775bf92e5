// Per-committee proposal settings (提案设置) and what reads them: the 不立案 reasons, result
// category D, the co-signature window (under a test-controlled clock), the assignment windows
// and reminder points; the face-to-face consultation after a still-unsatisfied second round;
// working days left on list rows; the leader picker for proposal staff; the SMS of the
// deadline-relevant notices.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';

let srv;
const as = {};
let units;
let defaults;

async function loginAll() {
  for (const [k, l, p] of [['admin', 'admin', 'Admin12345'], ['staff', 'tianwei', 'Staff12345'], ['unit', 'fagaiju', 'Unit12345'],
    ['lead', 'fagaiju_lead', 'Unit12345'], ['member', '13900000001', 'Member12345'], ['leader', 'zhuxi', 'Leader12345']]) {
    as[k] = new Client(srv.baseUrl);
    await as[k].login(l, p);
  }
}

before(async () => {
  // The clock jumps days ahead here: sessions must outlive that (idle and absolute timeouts of a year).
  const year = String(366 * 86400);
  srv = await startServer({
    env: { SHANGLIANG_SESSION_IDLE_TIMEOUT_SECONDS: year, SHANGLIANG_SESSION_ABSOLUTE_TIMEOUT_SECONDS: year },
  });
  await loginAll();
  units = Object.fromEntries((await as.admin.get('/api/v1/units?page_size=100')).body.items.map((u) => [u.name, u.id]));
});
after(async () => {
  await new Client(srv.baseUrl).post('/api/v1/test/clock', { offset_seconds: 0 });
  await srv.stop();
});

const put = (client, body) => client.request('PUT', '/api/v1/proposals/settings', body);

/** Puts the defaults back (each test starts from them). */
async function reset() {
  const r = await put(as.admin, defaults);
  assert.equal(r.status, 200, JSON.stringify(r.body));
}

async function act(client, id, action, payload = {}, status = 200) {
  const cur = (await client.get(`/api/v1/proposals/${id}`)).body;
  const r = await client.post(`/api/v1/proposals/${id}/transitions`, { action, version: cur.version, ...payload });
  assert.equal(r.status, status, `${action}: ${JSON.stringify(r.body)}`);
  return r.body;
}

async function submitted(title, extra = {}) {
  const d = await as.member.post('/api/v1/proposals', {
    title, situation: '情况说明。', analysis: '原因分析。', suggestions: '具体建议。', category: '城市建设', ...extra,
  });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  return act(as.member, d.body.id, 'submit');
}

async function assigned(title) {
  const p = await submitted(title);
  await act(as.staff, p.id, 'file');
  return act(as.staff, p.id, 'assign', { handling_type: 'single', units: [{ unit_id: units['区发展和改革局'], role: 'lead' }] });
}

/** Signs, consults and replies with `category`, then the leader approves and staff release it. */
async function replied(id, category = 'B') {
  const cur = (await as.unit.get(`/api/v1/proposals/${id}`)).body;
  if (cur.state === 'assigned') await act(as.unit, id, 'sign');
  if (cur.consultations.length === 0) await act(as.unit, id, 'record_consultation', { method: 'phone', held_on: '2026-01-05', content: '电话沟通。' });
  await act(as.unit, id, 'submit_reply', { body: '答复正文。', result_category: category });
  await act(as.lead, id, 'approve_reply');
  return act(as.staff, id, 'pass_reply');
}

/** Today in China Standard Time, and a day's date `n` calendar days later. */
const cstToday = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
const plusDays = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
function plusMonths(day, n) {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const last = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).getUTCDate();
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
/** Moves the server clock so that its today is `day` (noon, China time). */
async function clockTo(day) {
  const offset = Math.round((Date.parse(`${day}T04:00:00Z`) - Date.now()) / 1000);
  const r = await new Client(srv.baseUrl).post('/api/v1/test/clock', { offset_seconds: offset });
  assert.equal(r.body.today, day);
}
const clockBack = () => new Client(srv.baseUrl).post('/api/v1/test/clock', { offset_seconds: 0 });
const runScan = async () => (await new Client(srv.baseUrl).post('/api/v1/test/scheduler/run')).body;
const smsLines = (phone) => srv.log().split('\n').filter((l) => l.includes('sms gateway=log') && l.includes(`phone=${phone} `));

test('settings: defaults for every signed-in user, written by admin and proposal staff only, validated and audited', async () => {
  const r = await as.member.get('/api/v1/proposals/settings');
  assert.equal(r.status, 200);
  defaults = r.body.defaults;
  assert.equal(r.body.customised, false);
  assert.equal(r.body.decline_reasons.length, 10);
  assert.ok(r.body.decline_reasons.includes('没有具体建议的'));
  assert.equal(r.body.cosign_window_days, 3);
  assert.equal(r.body.result_d_enabled, false);
  assert.deepEqual(r.body.result_categories, ['A', 'B', 'C']);
  assert.equal(r.body.sign_window_working_days, 5);
  assert.equal(r.body.opinion_months, 1);
  assert.equal(r.body.reply_months, 3);
  assert.equal(r.body.max_reply_months, 6);
  assert.equal(r.body.second_handling_months, 3);
  assert.deepEqual(r.body.reminder_days, [3, 1]);
  for (const who of ['unit', 'lead', 'leader']) assert.equal((await as[who].get('/api/v1/proposals/settings')).status, 200);
  assert.equal((await new Client(srv.baseUrl).get('/api/v1/proposals/settings')).status, 401);

  for (const who of ['member', 'unit', 'leader']) {
    const w = await put(as[who], { cosign_window_days: 5 });
    assert.equal(w.status, 403, `${who}: ${JSON.stringify(w.body)}`);
  }
  const bad = [
    [{ cosign_window_days: 0 }, 'cosign_window_days'],
    [{ cosign_window_days: '3' }, 'cosign_window_days'],
    [{ decline_reasons: [] }, 'decline_reasons'],
    [{ decline_reasons: ['没有具体建议的', '没有具体建议的'] }, 'decline_reasons'],
    [{ decline_reasons: ['  '] }, 'decline_reasons'],
    [{ reply_months: 4, max_reply_months: 3 }, 'max_reply_months'],
    [{ reminder_days: [40] }, 'reminder_days'],
    [{ reminder_days: 'x' }, 'reminder_days'],
    [{ result_d_enabled: 'yes' }, 'result_d_enabled'],
    [{ sign_window_working_days: 31 }, 'sign_window_working_days'],
    [{ colour: 'red' }, 'colour'],
  ];
  for (const [body, field] of bad) {
    const w = await put(as.staff, body);
    assert.equal(w.status, 400, JSON.stringify(body));
    assert.equal(w.body.error.code, 'validation_failed');
    assert.ok(w.body.error.fields[field], `${JSON.stringify(body)}: ${JSON.stringify(w.body.error)}`);
  }
  assert.equal((await as.member.get('/api/v1/proposals/settings')).body.customised, false, 'nothing saved by refused writes');

  const w = await put(as.staff, { cosign_window_days: 5, reminder_days: [1, 5, 5, 2] });
  assert.equal(w.status, 200, JSON.stringify(w.body));
  assert.equal(w.body.cosign_window_days, 5);
  assert.deepEqual(w.body.reminder_days, [5, 2, 1]);
  assert.equal(w.body.reply_months, 3, 'fields left out keep their value');
  assert.equal(w.body.customised, true);
  const seen = (await as.unit.get('/api/v1/proposals/settings')).body;
  assert.equal(seen.cosign_window_days, 5);
  const audit = await as.admin.get('/api/v1/audit?action=proposal_settings.update');
  assert.equal(audit.status, 200);
  const entry = audit.body.items[0];
  assert.equal(entry.actor_name, '田伟');
  assert.equal(entry.before.cosign_window_days, 3);
  assert.equal(entry.after.cosign_window_days, 5);
  await reset();
  assert.equal((await as.member.get('/api/v1/proposals/settings')).body.cosign_window_days, 3);
});

test('不立案 takes only a reason from the committee list', async () => {
  const mine = ['与本委员会职能无关', '没有具体建议的'];
  assert.equal((await put(as.staff, { decline_reasons: mine })).status, 200);
  assert.deepEqual((await as.staff.get('/api/v1/proposals/decline-reasons')).body.items, mine);
  const p = await submitted('关于不立案理由测试的建议');
  let r = await act(as.staff, p.id, 'decline', { reason: '涉及党和国家秘密' }, 400);
  assert.equal(r.error.code, 'validation_failed');
  assert.match(r.error.fields.reason, /本委员会设置的理由/);
  r = await act(as.staff, p.id, 'decline', { reason: '与本委员会职能无关', conversion: 'opinion' });
  assert.equal(r.state, 'not_filed');
  assert.equal(r.decline_reason, '与本委员会职能无关');
  await reset();
  const q = await submitted('关于默认不立案理由测试的建议');
  await act(as.staff, q.id, 'decline', { reason: '与本委员会职能无关' }, 400);
  await act(as.staff, q.id, 'decline', { reason: '涉及党和国家秘密' });
});

test('result category D is refused while disabled and accepted once enabled', async () => {
  const p = await assigned('关于D类办理结果测试的建议');
  await act(as.unit, p.id, 'sign');
  await act(as.unit, p.id, 'record_consultation', { method: 'meeting', held_on: '2026-01-06', content: '见面沟通。' });
  let r = await act(as.unit, p.id, 'submit_reply', { body: '答复。', result_category: 'D' }, 400);
  assert.equal(r.error.code, 'validation_failed');
  assert.match(r.error.fields.result_category, /未启用 D 类/);
  assert.match((await act(as.unit, p.id, 'submit_reply', { body: '答复。', result_category: 'E' }, 400)).error.fields.result_category, /A、B、C/);
  const w = await put(as.admin, { result_d_enabled: true });
  assert.deepEqual(w.body.result_categories, ['A', 'B', 'C', 'D']);
  assert.equal((await as.unit.get('/api/v1/proposals/settings')).body.result_d_enabled, true);
  r = await replied(p.id, 'D');
  assert.equal(r.state, 'replied');
  assert.equal(r.result_category, 'D');
  assert.equal(r.follow_up, false, 'D carries no follow-up items');
  await reset();
});

test('the co-signature window comes from the settings and is honoured by the scan', async () => {
  const sector = (await as.admin.get('/api/v1/sectors?page_size=1')).body.items[0];
  const m = await as.admin.post('/api/v1/members', { name: '窗口测试委员', mobile: '13655550001', sector_id: sector.id });
  assert.equal(m.status, 201, JSON.stringify(m.body));
  await put(as.staff, { cosign_window_days: 6 });
  const today = cstToday();
  try {
    const p = await submitted('关于联名窗口测试的建议', { kind: 'joint', cosigner_member_ids: [m.body.id] });
    assert.equal(p.state, 'awaiting_cosign');
    const due = p.cosigners[0].due_at.slice(0, 10);
    assert.ok([plusDays(today, 5), plusDays(today, 6)].includes(due), `due ${due}`);
    // The co-signer is asked by SMS too.
    assert.ok(smsLines('13655550001').some((l) => l.includes('联名邀请')), 'co-signature SMS');
    await clockTo(plusDays(today, 4));
    await runScan();
    assert.equal((await as.member.get(`/api/v1/proposals/${p.id}`)).body.state, 'awaiting_cosign', 'still open on day 4 of 6');
    await clockTo(plusDays(today, 7));
    await runScan();
    const after6 = (await as.member.get(`/api/v1/proposals/${p.id}`)).body;
    assert.equal(after6.state, 'submitted');
    assert.equal(after6.cosigners[0].status, 'expired');
    await clockBack();
    // A one-day window closes after two days.
    await put(as.staff, { cosign_window_days: 1 });
    const q = await submitted('关于短联名窗口测试的建议', { kind: 'joint', cosigner_member_ids: [m.body.id] });
    await clockTo(plusDays(today, 2));
    await runScan();
    assert.equal((await as.member.get(`/api/v1/proposals/${q.id}`)).body.state, 'submitted');
  } finally {
    await clockBack();
    await reset();
  }
});

test('assignment windows and reminder points come from the settings; assignment, reminder and release go by SMS', async () => {
  await put(as.staff, { sign_window_working_days: 7, reply_months: 2, max_reply_months: 4, opinion_months: 1, reminder_days: [4] });
  try {
    const p = await assigned('关于办理期限设置测试的建议');
    const today = cstToday();
    assert.equal(p.deadline.due_date, plusMonths(today, 2));
    // Seven working days from today, by the committee's calendar.
    const days = (await as.staff.get('/api/v1/calendar-days')).body.items;
    const kind = Object.fromEntries(days.map((d) => [d.day, d.kind]));
    const working = (d) => kind[d] === 'workday' || (kind[d] !== 'holiday' && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    let day = today;
    for (let n = 0; n < 7;) if (working((day = plusDays(day, 1)))) n++;
    const signDue = p.assignments[0].sign_due;
    assert.equal(signDue, day);
    // Assignment goes to the unit's clerk by SMS.
    assert.ok(smsLines('13700000005').some((l) => l.includes('新交办提案《关于办理期限设置测试的建议》')), 'assignment SMS');
    // The reminder goes out 4 working days before the sign-for deadline (not at 3 or 1).
    let remind = signDue;
    for (let n = 0; n < 4;) if (working((remind = plusDays(remind, -1)))) n++;
    await clockTo(remind);
    const r = await runScan();
    assert.ok(r.reminders >= 1, JSON.stringify(r));
    const notes = (await as.unit.get('/api/v1/notifications?page_size=100')).body.items.filter((n) => n.kind === 'deadline.reminder' && n.proposal_id === p.id);
    assert.equal(notes.length, 1);
    assert.match(notes[0].title, /还有 4 个工作日到签收期限/);
    assert.ok(smsLines('13700000005').some((l) => l.includes('【提醒】提案《关于办理期限设置测试的建议》还有 4 个工作日')), 'reminder SMS');
    await clockBack();
    // An extension may not go past the configured maximum (4 months).
    await act(as.unit, p.id, 'sign');
    const e = await act(as.unit, p.id, 'request_extension', { reason: '需要调研', requested_due: plusDays(plusMonths(today, 4), 1) }, 400);
    assert.match(e.error.fields.requested_due, /4 个月/);
    await act(as.unit, p.id, 'request_extension', { reason: '需要调研', requested_due: plusMonths(today, 4) });
    // The released reply asks the proposer for feedback by SMS.
    await replied(p.id, 'A');
    assert.ok(smsLines('13900000001').some((l) => l.includes('《关于办理期限设置测试的建议》已答复，请查看并反馈意见')), 'release SMS');
  } finally {
    await clockBack();
    await reset();
  }
});

test('list rows carry working days left from the committee calendar', async () => {
  const p = await assigned('关于列表剩余工作日测试的建议');
  const list = (await as.unit.get('/api/v1/proposals?state=assigned&page_size=100')).body.items;
  const row = list.find((x) => x.id === p.id);
  assert.ok(row, 'the proposal is listed');
  assert.equal(row.working_days_left, p.deadline.working_days_left);
  assert.ok(row.working_days_left > 20, `${row.working_days_left}`);
  assert.equal(row.overdue, false);
  const drafts = (await as.member.get('/api/v1/proposals?state=draft&mine=true&page_size=5')).body.items;
  for (const d of drafts) assert.equal(d.working_days_left, null);
  // Past the deadline the count is negative and the row overdue.
  try {
    await clockTo(plusDays(p.deadline.due_date, 10));
    const late = (await as.staff.get('/api/v1/proposals?overdue=true&page_size=100')).body.items.find((x) => x.id === p.id);
    assert.ok(late, 'listed as overdue');
    assert.ok(late.working_days_left < 0);
    assert.equal(late.overdue, true);
  } finally {
    await clockBack();
  }
});

test('face-to-face consultation after a still-unsatisfied second round: staff arrange it, record the outcome', async () => {
  const p = await assigned('关于当面协商测试的建议');
  await replied(p.id, 'C');
  let d = await act(as.member, p.id, 'feedback', { rating: 'unsatisfied', comment: '答复未解决问题' });
  assert.equal(d.state, 'second_handling');
  await act(as.unit, p.id, 'submit_reply', { body: '再次答复。', result_category: 'C' });
  await act(as.lead, p.id, 'approve_reply');
  await act(as.staff, p.id, 'pass_reply');
  d = await act(as.member, p.id, 'feedback', { rating: 'unsatisfied' });
  assert.equal(d.state, 'closed');
  assert.equal(d.face_to_face, true);
  assert.equal(d.face_to_face_status, 'needed');
  assert.deepEqual(d.face_to_face_actions, []);
  let s = (await as.staff.get(`/api/v1/proposals/${p.id}`)).body;
  assert.deepEqual(s.face_to_face_actions, ['arrange']);
  const ids = async (filter) => (await as.staff.get(`/api/v1/proposals?face_to_face=${filter}&page_size=100`)).body.items.map((x) => x.id);
  assert.ok((await ids('needed')).includes(p.id));
  assert.ok((await ids('pending')).includes(p.id));
  assert.equal((await as.staff.get('/api/v1/proposals?face_to_face=maybe')).status, 400);
  const row = (await as.staff.get('/api/v1/proposals?face_to_face=pending&page_size=100')).body.items.find((x) => x.id === p.id);
  assert.equal(row.face_to_face_status, 'needed');

  const today = cstToday();
  const meeting = { meeting_date: plusDays(today, 3), place: '区政协三楼会议室', attendees: '王敏、发改局 何磊、田伟', note: '请带相关材料' };
  let r = await as.member.post(`/api/v1/proposals/${p.id}/face-to-face`, meeting);
  assert.equal(r.status, 403);
  r = await as.unit.post(`/api/v1/proposals/${p.id}/face-to-face`, meeting);
  assert.equal(r.status, 403);
  r = await as.staff.post(`/api/v1/proposals/${p.id}/face-to-face`, { ...meeting, meeting_date: plusDays(today, -1) });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.meeting_date);
  r = await as.staff.post(`/api/v1/proposals/${p.id}/face-to-face`, { meeting_date: plusDays(today, 3) });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.place && r.body.error.fields.attendees);
  r = await as.staff.post(`/api/v1/proposals/${p.id}/face-to-face/outcome`, { outcome: '达成共识' });
  assert.equal(r.status, 409, 'nothing arranged yet');
  // A proposal that is not flagged has nothing to arrange.
  const other = await submitted('关于无需当面协商的建议');
  r = await as.staff.post(`/api/v1/proposals/${other.id}/face-to-face`, meeting);
  assert.equal(r.status, 409);
  assert.equal(r.body.error.code, 'illegal_transition');

  r = await as.staff.post(`/api/v1/proposals/${p.id}/face-to-face`, meeting);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.face_to_face_status, 'arranged');
  assert.equal(r.body.face_to_face_meeting.place, '区政协三楼会议室');
  assert.deepEqual(r.body.face_to_face_actions, ['arrange', 'record']);
  assert.equal(r.body.state, 'closed');
  assert.ok((await ids('arranged')).includes(p.id));
  assert.ok(!(await ids('needed')).includes(p.id));
  // Proposer and lead unit are told, the proposer by SMS as well.
  const told = async (client) => (await client.get('/api/v1/notifications?page_size=100')).body.items.some((n) => n.kind === 'proposal.arrange_face_to_face' && n.proposal_id === p.id);
  assert.ok(await told(as.member), 'proposer notified');
  assert.ok(await told(as.unit), 'lead unit notified');
  assert.ok(smsLines('13900000001').some((l) => l.includes('当面协商安排') && l.includes('区政协三楼会议室')), 'proposer SMS');
  // The meeting is three days away: no outcome before it is held.
  r = await as.staff.post(`/api/v1/proposals/${p.id}/face-to-face/outcome`, { outcome: '达成共识' });
  assert.equal(r.status, 400);
  // Moved to today; then the outcome is recorded.
  r = await as.staff.post(`/api/v1/proposals/${p.id}/face-to-face`, { ...meeting, meeting_date: today });
  assert.equal(r.status, 200);
  r = await as.staff.post(`/api/v1/proposals/${p.id}/face-to-face/outcome`, { outcome: '双方当面沟通，发改局承诺年内启动改造，提案人表示理解。' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.face_to_face_status, 'done');
  assert.equal(r.body.face_to_face_meeting.held_on, today);
  assert.match(r.body.face_to_face_meeting.outcome, /年内启动改造/);
  assert.deepEqual(r.body.face_to_face_actions, []);
  assert.ok((await ids('done')).includes(p.id));
  assert.ok(!(await ids('pending')).includes(p.id));
  r = await as.staff.post(`/api/v1/proposals/${p.id}/face-to-face`, meeting);
  assert.equal(r.status, 409);
  // The member sees the meeting and its outcome; the timeline has both steps.
  s = (await as.member.get(`/api/v1/proposals/${p.id}`)).body;
  assert.equal(s.face_to_face_status, 'done');
  const history = (await as.member.get(`/api/v1/proposals/${p.id}/history`)).body.items;
  const steps = history.filter((h) => h.action.endsWith('_face_to_face'));
  assert.deepEqual(steps.map((h) => h.action), ['arrange_face_to_face', 'arrange_face_to_face', 'record_face_to_face']);
  assert.equal(steps[0].payload.place, '区政协三楼会议室');
  assert.equal(steps[1].payload.rearranged, true);
  assert.equal(steps[2].from, 'closed');
  assert.ok((await as.member.get('/api/v1/notifications?page_size=100')).body.items.some((n) => n.kind === 'proposal.record_face_to_face'));
  const audit = await as.admin.get(`/api/v1/audit?subject_type=proposal&subject_id=${p.id}`);
  assert.ok(audit.body.items.some((i) => i.action === 'proposal.record_face_to_face'));
});

test('proposal staff read the leaders for the key-proposal picker; others may not', async () => {
  const r = await as.staff.get('/api/v1/proposals/leaders');
  assert.equal(r.status, 200);
  const leader = r.body.items.find((u) => u.name === '区政协主席 曾志强');
  assert.ok(leader, JSON.stringify(r.body.items));
  assert.deepEqual(Object.keys(leader).sort(), ['id', 'name'], 'only what the picker needs');
  assert.equal((await as.admin.get('/api/v1/proposals/leaders')).status, 200);
  for (const who of ['member', 'unit', 'leader']) assert.equal((await as[who].get('/api/v1/proposals/leaders')).status, 403);
  const p = await submitted('关于重点提案领导选择测试的建议');
  await act(as.staff, p.id, 'file');
  const d = await act(as.staff, p.id, 'mark_key', { key: true, leader_ids: [leader.id] });
  assert.deepEqual(d.key_leader_ids, [leader.id]);
  const mine = (await as.leader.get('/api/v1/proposals?key_leader=me&page_size=100')).body.items;
  assert.ok(mine.some((x) => x.id === p.id));
});

test('proposal categories: one per-committee list, edited by staff, a category in use kept', async () => {
  const six = ['经济建设', '城市建设', '社会事业', '科教文卫', '政治法律', '其他'];
  const r = await as.member.get('/api/v1/proposals/settings');
  assert.deepEqual(r.body.categories, six);
  assert.deepEqual(r.body.defaults.categories, six);
  assert.equal(r.body.category_usage, undefined, 'usage counts are for proposal staff');
  const staffView = (await as.staff.get('/api/v1/proposals/settings')).body;
  assert.ok(staffView.category_usage['城市建设'] > 0, 'the demo proposals use the built-in categories');

  for (const [body, pattern] of [
    [{ categories: [] }, /1 到 50 个/],
    [{ categories: 'x' }, /1 到 50 个/],
    [{ categories: ['教育事业', '教育事业'] }, /重复/],
    [{ categories: ['  '] }, /1 到 20 个字/],
    [{ categories: ['一二三四五六七八九十一二三四五六七八九十一'] }, /1 到 20 个字/],
    [{ categories: [1] }, /1 到 20 个字/],
  ]) {
    const w = await put(as.staff, body);
    assert.equal(w.status, 400, JSON.stringify(body));
    assert.match(w.body.error.fields.categories, pattern);
  }
  assert.equal((await put(as.member, { categories: [...six, '教育事业'] })).status, 403);

  // Removing (or renaming) a category proposals carry is refused with the names in use.
  const removed = await put(as.staff, { categories: ['经济建设', '教育事业'] });
  assert.equal(removed.status, 400);
  assert.match(removed.body.error.fields.categories, /“城市建设”、“社会事业”.*已有提案或参考选题使用，不能删除或改名/);
  assert.deepEqual((await as.member.get('/api/v1/proposals/settings')).body.categories, six, 'nothing saved');

  // Adding and reordering are fine; everyone reads the new list; an unused one can go again.
  const added = await put(as.staff, { categories: ['教育事业', ...six] });
  assert.equal(added.status, 200, JSON.stringify(added.body));
  assert.deepEqual(added.body.categories, ['教育事业', ...six]);
  assert.deepEqual((await as.unit.get('/api/v1/proposals/settings')).body.categories, ['教育事业', ...six]);
  const audit = (await as.admin.get('/api/v1/audit?action=proposal_settings.update')).body.items[0];
  assert.deepEqual(audit.after.categories, ['教育事业', ...six]);

  // The topic catalogue takes the committee's categories.
  const sessionId = (await as.staff.get('/api/v1/sessions?page_size=100')).body.items.find((s) => s.is_current).id;
  const topic = await as.staff.post('/api/v1/catalogue/topics', { session_id: sessionId, category: '教育事业', topic: '关于测试自定义类别的选题' });
  assert.equal(topic.status, 201, JSON.stringify(topic.body));
  const wrong = await as.staff.post('/api/v1/catalogue/topics', { session_id: sessionId, category: '没有的类别', topic: '关于测试未知类别的选题' });
  assert.equal(wrong.status, 400);
  assert.match(wrong.body.error.fields.category, /类别应为：教育事业、经济建设/);
  // Now in use by a topic, 教育事业 stays; once the topic is gone it may be removed.
  assert.equal((await put(as.staff, { categories: six })).status, 400);
  assert.equal((await as.staff.request('DELETE', `/api/v1/catalogue/topics/${topic.body.id}`)).status, 204);
  const back = await put(as.staff, { categories: six });
  assert.equal(back.status, 200, JSON.stringify(back.body));
  assert.deepEqual(back.body.categories, six);
});

test('proposal create and update take the committee categories', async () => {
  const six = ['经济建设', '城市建设', '社会事业', '科教文卫', '政治法律', '其他'];
  assert.equal((await put(as.staff, { categories: [...six, '教育事业'] })).status, 200);
  try {
    const d = await as.member.post('/api/v1/proposals', { title: '关于测试自定义类别的建议', category: '教育事业' });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    const x = await as.member.post('/api/v1/proposals', { title: '关于测试未知类别的建议', category: '没有的类别' });
    assert.equal(x.status, 400);
    await as.member.request('DELETE', `/api/v1/proposals/${d.body.id}`);
  } finally {
    await put(as.staff, { categories: six });
  }
});

test('which notices also go by SMS is the committee setting', async () => {
  const r = await as.staff.get('/api/v1/proposals/settings');
  // By default: what the workflow's notice rules ask for, the face-to-face meeting, deadlines.
  for (const k of ['proposal.assign', 'proposal.pass_reply', 'proposal.arrange_face_to_face', 'deadline.reminder', 'deadline.escalation'])
    assert.ok(r.body.sms_kinds.includes(k), `${k} in ${r.body.sms_kinds}`);
  assert.ok(!r.body.sms_kinds.includes('proposal.file'));
  assert.deepEqual(r.body.defaults.sms_kinds, r.body.sms_kinds);
  for (const k of ['proposal.file', 'proposal.close', 'proposal.follow_up', 'deadline.reminder'])
    assert.ok(r.body.sms_kind_options.includes(k), `${k} is offered`);
  const bad = await put(as.staff, { sms_kinds: ['proposal.fly'] });
  assert.equal(bad.status, 400);
  assert.ok(bad.body.error.fields.sms_kinds);
  assert.equal((await put(as.staff, { sms_kinds: 'proposal.file' })).status, 400);
  try {
    // Filing by SMS, assignment no longer.
    const saved = await put(as.staff, { sms_kinds: ['proposal.file'] });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual(saved.body.sms_kinds, ['proposal.file']);
    const p = await assigned('关于短信提醒设置测试的建议');
    assert.ok(smsLines('13900000001').some((l) => l.includes('《关于短信提醒设置测试的建议》已立案')), 'filing SMS');
    assert.ok(!smsLines('13700000005').some((l) => l.includes('关于短信提醒设置测试的建议')), 'no assignment SMS');
    // The notice itself still arrives in the unit's notification centre.
    const notes = (await as.unit.get('/api/v1/notifications?page_size=100')).body.items;
    assert.ok(notes.some((n) => n.proposal_id === p.id && n.kind === 'proposal.assign'));
  } finally {
    // Only the SMS choice goes back (an earlier test leaves categories in use).
    const back = await put(as.admin, { sms_kinds: defaults.sms_kinds });
    assert.equal(back.status, 200, JSON.stringify(back.body));
  }
});
