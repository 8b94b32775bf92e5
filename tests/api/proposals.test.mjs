// Proposals end to end: the whole path of one proposal through every role, and the workflow's
// refusals (illegal transitions, wrong roles, stale versions), numbering under concurrency,
// 并案, 改办, extensions, working-day deadlines and publication.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';

let srv;
const as = {};
let units;
before(async () => {
  srv = await startServer();
  const logins = {
    admin: ['admin', 'Admin12345'], staff: ['tianwei', 'Staff12345'], unit: ['fagaiju', 'Unit12345'],
    lead: ['fagaiju_lead', 'Unit12345'], co: ['minzhengju', 'Unit12345'], member: ['13900000001', 'Member12345'],
    leader: ['zhuxi', 'Leader12345'],
  };
  for (const [k, [l, p]] of Object.entries(logins)) {
    as[k] = new Client(srv.baseUrl);
    await as[k].login(l, p);
  }
  units = Object.fromEntries((await as.admin.get('/api/v1/units?page_size=100')).body.items.map((u) => [u.name, u.id]));
});
after(async () => {
  await srv.stop();
});

async function draft(client = as.member, extra = {}) {
  const r = await client.post('/api/v1/proposals', {
    title: '关于加强社区养老服务设施建设的建议',
    situation: '我区老年人口占比逐年上升，社区养老服务设施不足。',
    analysis: '现有设施布局不均，部分老旧小区缺少日间照料中心。',
    suggestions: '一、按人口规模配建日间照料中心；二、盘活闲置用房；三、引入专业机构运营。',
    category: '社会事业',
    keywords: '养老 社区',
    ...extra,
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

async function act(client, p, action, payload = {}) {
  const r = await client.post(`/api/v1/proposals/${p.id}/transitions`, { action, version: p.version, ...payload });
  return r;
}

async function must(client, p, action, payload = {}) {
  const r = await act(client, p, action, payload);
  assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
  return r.body;
}

test('the whole path: submit, file, assign, sign, consult, reply, approve, release, 不满意, second handling, close, publish', async () => {
  let p = await draft();
  assert.equal(p.state, 'draft');
  assert.ok(p.allowed_actions.some((a) => a.action === 'submit'));
  p = await must(as.member, p, 'submit');
  assert.equal(p.state, 'submitted');
  p = (await as.staff.get(`/api/v1/proposals/${p.id}`)).body;
  assert.deepEqual(p.allowed_actions.map((a) => a.action).sort(), ['decline', 'file', 'merge', 'return_for_revision']);
  p = await must(as.staff, p, 'file');
  assert.equal(p.state, 'filed');
  assert.match(p.number_label, /^十四届五次会议 第\d{4}号$/);
  p = await must(as.staff, p, 'assign', { handling_type: 'lead_co', units: [{ unit_id: units['区发展和改革局'], role: 'lead' }, { unit_id: units['区民政局'], role: 'co' }] });
  assert.equal(p.state, 'assigned');
  assert.equal(p.assignments.length, 2);
  assert.ok(p.deadline.working_days_left > 40);
  // The co-unit signs first: the proposal waits for the lead.
  let co = (await as.co.get(`/api/v1/proposals/${p.id}`)).body;
  co = await must(as.co, co, 'sign');
  assert.equal(co.state, 'assigned');
  let u = (await as.unit.get(`/api/v1/proposals/${p.id}`)).body;
  u = await must(as.unit, u, 'sign');
  assert.equal(u.state, 'in_handling');
  // A reply before consulting the proposer is refused.
  let r = await act(as.unit, u, 'submit_reply', { body: '答复', result_category: 'B' });
  assert.equal(r.status, 409);
  u = await must(as.unit, u, 'record_consultation', { method: 'meeting', held_on: '2026-01-20', people: '王敏委员、何磊', content: '面商了设施选址和运营方式。' });
  co = (await as.co.get(`/api/v1/proposals/${p.id}`)).body;
  co = await must(as.co, co, 'send_opinion', { opinion: '民政局将配合做好运营补贴政策。' });
  u = (await as.unit.get(`/api/v1/proposals/${p.id}`)).body;
  u = await must(as.unit, u, 'submit_reply', { body: '王敏委员：您提出的关于加强社区养老服务设施建设的建议收悉……', result_category: 'B' });
  assert.equal(u.state, 'reply_unit_review');
  // The member does not see the reply before it is released.
  const early = (await as.member.get(`/api/v1/proposals/${p.id}`)).body;
  assert.equal(early.replies.length, 0);
  let l = (await as.lead.get(`/api/v1/proposals/${p.id}`)).body;
  l = await must(as.lead, l, 'approve_reply');
  assert.equal(l.state, 'reply_cppcc_review');
  let s = (await as.staff.get(`/api/v1/proposals/${p.id}`)).body;
  s = await must(as.staff, s, 'pass_reply');
  assert.equal(s.state, 'replied');
  assert.equal(s.result_category, 'B');
  let m = (await as.member.get(`/api/v1/proposals/${p.id}`)).body;
  assert.equal(m.replies.length, 1);
  m = await must(as.member, m, 'feedback', { rating: 'unsatisfied', consulted: 'face_to_face', attitude: 'good', answers_proposal: 'partly', comment: '建设进度没有时间表。' });
  assert.equal(m.state, 'second_handling');
  assert.equal(m.round, 2);
  // Second handling.
  u = (await as.unit.get(`/api/v1/proposals/${p.id}`)).body;
  u = await must(as.unit, u, 'submit_reply', { body: '补充答复：2027年底前建成3个日间照料中心。', result_category: 'B' });
  l = (await as.lead.get(`/api/v1/proposals/${p.id}`)).body;
  l = await must(as.lead, l, 'approve_reply');
  s = (await as.staff.get(`/api/v1/proposals/${p.id}`)).body;
  s = await must(as.staff, s, 'pass_reply');
  m = (await as.member.get(`/api/v1/proposals/${p.id}`)).body;
  m = await must(as.member, m, 'feedback', { rating: 'basic' });
  assert.equal(m.state, 'closed');
  s = (await as.staff.get(`/api/v1/proposals/${p.id}`)).body;
  s = await must(as.staff, s, 'publish');
  assert.equal(s.published, true);
  const pub = await new Client(srv.baseUrl).get(`/api/v1/public/proposals/${p.id}`);
  assert.equal(pub.status, 200);
  assert.equal(pub.body.replies.length, 2);
  const history = (await as.member.get(`/api/v1/proposals/${p.id}/history`)).body.items.map((h) => h.action);
  assert.deepEqual(history, ['create', 'submit', 'file', 'assign', 'sign', 'sign', 'record_consultation', 'send_opinion', 'submit_reply', 'approve_reply', 'pass_reply', 'feedback', 'submit_reply', 'approve_reply', 'pass_reply', 'feedback', 'publish']);
});

test('refusals: illegal transition 409, wrong role 403, stale version 409', async () => {
  let p = await draft();
  let r = await act(as.staff, p, 'file');
  assert.equal(r.status, 404, 'staff do not even see a draft');
  p = await must(as.member, p, 'submit');
  r = await act(as.member, p, 'file');
  assert.equal(r.status, 403);
  r = await act(as.staff, p, 'assign', { handling_type: 'single', units: [{ unit_id: units['区教育局'] }] });
  assert.equal(r.status, 409);
  assert.equal(r.body.error.code, 'illegal_transition');
  r = await as.staff.post(`/api/v1/proposals/${p.id}/transitions`, { action: 'file', version: p.version - 1 });
  assert.equal(r.status, 409);
  assert.equal(r.body.error.code, 'version_conflict');
  r = await as.staff.post(`/api/v1/proposals/${p.id}/transitions`, { action: 'fly', version: p.version });
  assert.equal(r.status, 400);
  // Two staff on the same version: one wins, the other gets 409.
  const other = new Client(srv.baseUrl);
  await other.login('tianwei', 'Staff12345');
  const [a, b] = await Promise.all([act(as.staff, p, 'file'), act(other, p, 'return_for_revision', { comment: '请补充数据' })]);
  assert.deepEqual([a.status, b.status].sort(), [200, 409]);
});

test('20 parallel 立案 in one session give 20 distinct consecutive numbers', async () => {
  const ps = [];
  for (let i = 0; i < 20; i++) {
    const d = await draft(as.member, { title: `关于第${i}项民生工程的建议` });
    ps.push(await must(as.member, d, 'submit'));
  }
  const results = await Promise.all(ps.map((p) => act(as.staff, p, 'file')));
  for (const r of results) assert.equal(r.status, 200, JSON.stringify(r.body));
  const numbers = results.map((r) => r.body.number).sort((x, y) => x - y);
  for (let i = 1; i < numbers.length; i++) assert.equal(numbers[i], numbers[i - 1] + 1);
  assert.equal(new Set(results.map((r) => r.body.number_label)).size, 20);
});

test('并案 keeps both proposers informed; 改办 moves the unit; extensions are bounded', async () => {
  let a = await must(as.member, await draft(), 'submit');
  let b = await must(as.member, await draft(), 'submit');
  a = await must(as.staff, (await as.staff.get(`/api/v1/proposals/${a.id}`)).body, 'file');
  b = (await as.staff.get(`/api/v1/proposals/${b.id}`)).body;
  b = await must(as.staff, b, 'merge', { into_id: a.id });
  assert.equal(b.state, 'merged');
  assert.equal(b.merged_into_id, a.id);
  const notes = (await as.member.get('/api/v1/notifications')).body;
  assert.ok(notes.items.some((n) => n.proposal_id === b.id && n.kind === 'proposal.merge'), JSON.stringify(notes.items.slice(0, 3)));
  a = await must(as.staff, a, 'assign', { handling_type: 'single', units: [{ unit_id: units['区民政局'], role: 'lead' }] });
  let c = (await as.co.get(`/api/v1/proposals/${a.id}`)).body;
  c = await must(as.co, c, 'request_return', { reason: '该事项属区发改局职责' });
  const assignment = c.assignments.find((x) => x.state === 'return_requested');
  let s = (await as.staff.get(`/api/v1/proposals/${a.id}`)).body;
  s = await must(as.staff, s, 'reassign', { assignment_id: assignment.id, unit_id: units['区发展和改革局'] });
  assert.deepEqual(s.assignments.map((x) => x.state), ['reassigned', 'awaiting_sign']);
  // Reassigned away, the old unit no longer reads the proposal (issue 14), nor finds it in its list.
  assert.equal((await as.co.get(`/api/v1/proposals/${a.id}`)).status, 404, 'the old unit loses access');
  const oldList = (await as.co.get('/api/v1/proposals?page_size=100')).body.items.map((x) => x.id);
  assert.ok(!oldList.includes(a.id), 'nor is it in the old unit\'s list');
  let u = (await as.unit.get(`/api/v1/proposals/${a.id}`)).body;
  u = await must(as.unit, u, 'sign');
  const tooLate = await act(as.unit, u, 'request_extension', { reason: '需要跨年度预算', requested_due: '2099-01-01' });
  assert.equal(tooLate.status, 400);
  const due = u.deadline.due_date;
  const later = new Date(Date.parse(due) + 30 * 86400000).toISOString().slice(0, 10);
  u = await must(as.unit, u, 'request_extension', { reason: '需要跨年度预算', requested_due: later });
  s = (await as.staff.get(`/api/v1/proposals/${a.id}`)).body;
  s = await must(as.staff, s, 'grant_extension', { extension_id: s.extensions[0].id, approve: true });
  assert.equal(s.deadline.due_date, later);
});

test('the sign-for deadline counts working days across a holiday and a make-up working day', async () => {
  // Fix "today" on Monday 2030-09-30; 10-01..10-07 are holidays; Saturday 10-12 is a working day.
  const offset = Math.round((Date.parse('2030-09-30T04:00:00Z') - Date.now()) / 1000);
  await as.admin.post('/api/v1/test/clock', { offset_seconds: offset });
  // Four years on, every session has idled out: sign in again.
  const member = new Client(srv.baseUrl);
  await member.login('13900000001', 'Member12345');
  const staff = new Client(srv.baseUrl);
  await staff.login('tianwei', 'Staff12345');
  try {
    for (let d = 1; d <= 7; d++) await staff.post('/api/v1/calendar-days', { day: `2030-10-0${d}`, kind: 'holiday', name: '国庆节' });
    await staff.post('/api/v1/calendar-days', { day: '2030-10-12', kind: 'workday', name: '国庆调休' });
    let p = await must(member, await draft(member), 'submit');
    p = await must(staff, (await staff.get(`/api/v1/proposals/${p.id}`)).body, 'file');
    p = await must(staff, p, 'assign', { handling_type: 'single', units: [{ unit_id: units['区教育局'], role: 'lead' }] });
    // 5 working days after 09-30: 10-08, 10-09, 10-10, 10-11, 10-12 (Saturday, a make-up day).
    assert.equal(p.assignments[0].sign_due, '2030-10-12');
    assert.equal(p.deadline.due_date, '2030-12-30');
  } finally {
    await staff.post('/api/v1/test/clock', { offset_seconds: 0 });
  }
});

test('a member lists only their own proposals; units only assigned ones', async () => {
  const mine = await as.member.get('/api/v1/proposals?page_size=100');
  assert.ok(mine.body.items.length > 0);
  assert.ok(mine.body.total <= 100, 'one page holds the whole list');
  // Each one is hers: she proposed it or was asked to co-sign it (the demo data has both).
  let proposed = 0;
  let cosigned = 0;
  for (const item of mine.body.items) {
    const d = (await as.member.get(`/api/v1/proposals/${item.id}`)).body;
    if (d.proposer_user_id === as.member.user.id) proposed++;
    else {
      assert.ok(d.cosigners.some((c) => c.user_id === as.member.user.id), `${item.id} (${d.proposer_name}) is neither hers nor co-signed by her`);
      cosigned++;
    }
  }
  assert.ok(proposed > 0 && cosigned > 0, `proposed ${proposed}, co-signed ${cosigned}`);
  // Staff see proposals of many members; those of others she does not co-sign are not in her list.
  const all = (await as.staff.get('/api/v1/proposals?page_size=100')).body.items;
  const mineIds = new Set(mine.body.items.map((i) => i.id));
  const others = all.filter((i) => !i.proposer_name.includes('王敏'));
  assert.ok(others.length > 0);
  for (const item of others.filter((i) => mineIds.has(i.id))) {
    const d = (await as.staff.get(`/api/v1/proposals/${item.id}`)).body;
    assert.ok(d.cosigners.some((c) => c.user_id === as.member.user.id), `${item.id} of ${item.proposer_name} is listed to 王敏`);
  }
  // A wrong password gives no session.
  const other = new Client(srv.baseUrl);
  const refused = await other.post('/api/v1/auth/login', { login: '13900000002', password: 'x' });
  assert.equal(refused.status, 401);
  assert.equal(refused.body.error.code, 'unauthorized');
  assert.equal(other.user, null);
  assert.equal((await other.get('/api/v1/proposals')).status, 401);
  const unitList = await as.unit.get('/api/v1/proposals?page_size=100');
  assert.ok(unitList.body.items.length > 0);
  for (const item of unitList.body.items) {
    const d = (await as.unit.get(`/api/v1/proposals/${item.id}`)).body;
    assert.ok(d.assignments.some((a) => a.unit_id === units['区发展和改革局']));
  }
  const bad = await as.staff.get('/api/v1/proposals?state=flying');
  assert.equal(bad.status, 400);
});

test('the workflow table is exposed', async () => {
  const w = (await as.member.get('/api/v1/proposals/workflow')).body;
  assert.equal(w.states.length, 15);
  assert.ok(w.transitions.some((t) => t.from === 'submitted' && t.action === 'file' && t.actor === 'proposal_staff' && t.to === 'filed'));
});

test('queue filters: return requests, pending co-signatures, key proposals a leader leads; null clears the group', async () => {
  // The demo data holds a pending return request and a joint proposal 王敏 has not yet co-signed;
  // each filter must find them and nothing else (checked against the unfiltered list too).
  let r = await as.staff.get('/api/v1/proposals?return_requested=true&page_size=100');
  assert.equal(r.status, 200);
  assert.ok(r.body.items.length > 0, 'a return request is waiting');
  for (const item of r.body.items) {
    const d = (await as.staff.get(`/api/v1/proposals/${item.id}`)).body;
    assert.ok(d.assignments.some((a) => a.state === 'return_requested'));
  }
  const assigned = (await as.staff.get('/api/v1/proposals?state=assigned&page_size=100')).body.items;
  const requested = new Set(r.body.items.map((i) => i.id));
  const notRequested = assigned.filter((i) => !requested.has(i.id));
  assert.ok(notRequested.length > 0);
  for (const item of notRequested) {
    const d = (await as.staff.get(`/api/v1/proposals/${item.id}`)).body;
    assert.ok(!d.assignments.some((a) => a.state === 'return_requested'), `${item.id} has a return request but is not listed`);
  }
  r = await as.member.get('/api/v1/proposals?cosign=pending&page_size=100');
  assert.equal(r.status, 200);
  assert.ok(r.body.items.length > 0, 'a co-signature is waiting');
  for (const item of r.body.items) {
    const d = (await as.member.get(`/api/v1/proposals/${item.id}`)).body;
    assert.ok(d.cosigners.some((c) => c.user_id === as.member.user.id && c.status === 'pending'));
  }
  const p = await must(as.staff, (await as.staff.get(`/api/v1/proposals/${(await must(as.member, await draft(), 'submit')).id}`)).body, 'file');
  await must(as.staff, p, 'mark_key', { key: true, leader_ids: [as.leader.user.id] });
  r = await as.leader.get('/api/v1/proposals?key_leader=me&page_size=100');
  assert.ok(r.body.items.some((i) => i.id === p.id));
  assert.ok(r.body.items.every((i) => i.is_key));
  // A member is no party's contact: a collective proposal in a party's name is refused (issue 14).
  const refused = await as.member.post('/api/v1/proposals', { title: '关于集体提案的建议', category: '社会事业', kind: 'collective', group_type: 'party', group_id: 1 });
  assert.equal(refused.status, 400, JSON.stringify(refused.body));
  assert.ok(refused.body.error.fields.group_id);
  const d = await draft(as.member, { kind: 'collective' });
  const cleared = await as.member.patch(`/api/v1/proposals/${d.id}`, { version: d.version, kind: 'individual', group_type: null, group_id: null });
  assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
  assert.equal(cleared.body.group_type, null);
});

test('a unit asking by id for a proposal assigned only to another unit gets 404, on every sub-resource', async () => {
  const mzj = units['区民政局'];
  const fgj = units['区发展和改革局'];
  // One from the demo data, assigned to 区民政局 alone.
  const assigned = (await as.staff.get('/api/v1/proposals?state=assigned&page_size=100')).body.items;
  let demo = null;
  for (const item of assigned) {
    const d = (await as.staff.get(`/api/v1/proposals/${item.id}`)).body;
    if (d.assignments.length && d.assignments.every((a) => a.unit_id === mzj)) {
      demo = d;
      break;
    }
  }
  assert.ok(demo, 'the demo data has a proposal assigned only to 区民政局');
  // And one of our own with an attachment, assigned to 区民政局 alone.
  const d = await draft(as.member, { title: '关于社区养老驿站运营补贴的建议' });
  const f = new FormData();
  f.append('file', new Blob([Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(500, 66)])], { type: 'application/pdf' }), '调研.pdf');
  const att = await as.member.post(`/api/v1/proposals/${d.id}/attachments`, f);
  assert.equal(att.status, 201, JSON.stringify(att.body));
  let p = await must(as.member, (await as.member.get(`/api/v1/proposals/${d.id}`)).body, 'submit');
  p = await must(as.staff, (await as.staff.get(`/api/v1/proposals/${p.id}`)).body, 'file');
  p = await must(as.staff, p, 'assign', { handling_type: 'single', units: [{ unit_id: mzj, role: 'lead' }] });
  assert.ok(p.assignments.every((a) => a.unit_id !== fgj));
  for (const [id, attachment] of [[demo.id, null], [p.id, att.body.id]]) {
    const paths = [
      `/api/v1/proposals/${id}`,
      `/api/v1/proposals/${id}/history`,
      `/api/v1/proposals/${id}/attachments`,
      `/api/v1/proposals/${id}/documents/form.docx`,
      `/api/v1/proposals/${id}/documents/assignment-notice.docx`,
      ...(attachment ? [`/api/v1/proposals/${id}/attachments/${attachment}`] : []),
    ];
    for (const path of paths) {
      // 区民政局 sees it (the object exists and is readable by its unit); 区发改局 is told it does not exist.
      assert.equal((await as.co.get(path, { raw: true })).status, 200, `区民政局 GET ${path}`);
      const r = await as.unit.get(path);
      assert.equal(r.status, 404, `区发改局 GET ${path}: ${JSON.stringify(r.body).slice(0, 200)}`);
      assert.equal(r.body.error.code, 'not_found');
    }
    const reply = await as.unit.get(`/api/v1/proposals/${id}/documents/reply-letter.docx`);
    assert.equal(reply.status, 404);
    // Nor can it act on it.
    const cur = (await as.staff.get(`/api/v1/proposals/${id}`)).body;
    const sign = await as.unit.post(`/api/v1/proposals/${id}/transitions`, { action: 'sign', version: cur.version });
    assert.equal(sign.status, 404, JSON.stringify(sign.body));
    const list = await as.unit.get(`/api/v1/proposals?page_size=100&q=${encodeURIComponent(cur.title)}`);
    assert.ok(!list.body.items.some((i) => i.id === id), 'not in its list either');
  }
  // The proposal is unchanged by the refused sign.
  const after = (await as.staff.get(`/api/v1/proposals/${p.id}`)).body;
  assert.equal(after.version, p.version);
});
