// A consultation's outcomes and their follow-through: an outcome drafted once the consultation is
// held, approved by the lead leader, sent (the topic moves to 成果转化中), a leader's instruction
// naming a department, the department's follow-through item with progress, the deadline scan's
// reminder and escalation, the supervision notice (督查通报) read back with python-docx, and the
// item closed with the adoption recorded, which concludes the topic. Every step by every role,
// with refusals.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';
import { demoClients } from '../lib/client.mjs';

let srv;
let as;
const ref = {};
let topic;
before(async () => {
  srv = await startServer();
  as = await demoClients(srv.baseUrl, ['admin', 'staff', 'committeeStaff', 'unit', 'lead', 'other', 'leader', 'supervisor', 'member']);
  const units = (await as.admin.get('/api/v1/units?page_size=100')).body.items;
  ref.fagaiju = units.find((u) => u.name === '区发展和改革局').id;
  ref.minzhengju = units.find((u) => u.name === '区民政局').id;
  ref.jingji = (await as.admin.get('/api/v1/special-committees?page_size=100')).body.items.find((s) => s.name === '经济委员会').id;
  ref.zhuxi = (await as.staff.get('/api/v1/users?role=leader&page_size=100')).body.items[0].id;
  // A published plan of a past year with one 对口协商 topic of 经济委, its consultation held.
  let plan = (await as.staff.post('/api/v1/consultations/plans', { year: 2024 })).body;
  topic = (
    await as.staff.post('/api/v1/consultations/topics', {
      plan_id: plan.id, kind: 'counterpart', title: '促进民营经济发展对口协商', special_committee_id: ref.jingji,
      lead_leader_id: ref.zhuxi, unit_ids: [ref.fagaiju], planned_month: 6, form: 'symposium',
    })
  ).body;
  for (const action of ['submit_to_chair', 'submit_to_party', 'publish'])
    plan = (await as.staff.post(`/api/v1/consultations/plans/${plan.id}/steps`, { action, version: plan.version, acted_on: '2024-01-10', doc_number: '汉政协发〔2024〕1号' })).body;
  assert.equal(plan.state, 'published');
});
after(async () => {
  await as.staff.post('/api/v1/test/clock', { offset_seconds: 0 });
  await srv.stop();
});

const current = async () => (await as.staff.get(`/api/v1/consultations/topics/${topic.id}`)).body;
const outcomeOf = async () => (await current()).outcomes[0];

async function step(who, action, extra = {}) {
  const o = await outcomeOf();
  return as[who].post(`/api/v1/consultations/outcomes/${o.id}/transitions`, { action, version: o.version, ...extra });
}

test('an outcome is drafted only once the consultation has been held, by those who run the topic', async () => {
  const body = { kind: 'opinions', title: '关于促进民营经济发展的意见建议', body: '一、进一步落实惠企政策直达快享。\n二、规范涉企检查。' };
  let r = await as.staff.post(`/api/v1/consultations/topics/${topic.id}/outcomes`, body);
  assert.equal(r.status, 409, 'not before the consultation');
  const t = await current();
  r = await as.committeeStaff.post(`/api/v1/consultations/topics/${topic.id}/transitions`, { action: 'record_consultation', version: t.version, held_on: '2024-06-20' });
  assert.equal(r.status, 200);
  assert.equal(r.body.can_add_outcome, true);
  for (const who of ['member', 'unit', 'leader', 'supervisor'])
    assert.equal((await as[who].post(`/api/v1/consultations/topics/${topic.id}/outcomes`, body)).status, 403, who);
  r = await as.staff.post(`/api/v1/consultations/topics/${topic.id}/outcomes`, { kind: 'motion', title: '' });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.kind && r.body.error.fields.title);
  r = await as.committeeStaff.post(`/api/v1/consultations/topics/${topic.id}/outcomes`, body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const o = r.body.outcomes[0];
  assert.equal(o.state, 'drafting');
  assert.equal(o.kind_label, '意见建议');
  assert.deepEqual(o.allowed_actions.map((a) => a.action), ['submit']);
  r = await as.staff.post(`/api/v1/consultations/outcomes/${o.id}/publication`, { published: true });
  assert.equal(r.status, 409, 'a draft is not published');
  // Units see nothing of a draft outcome; members neither.
  assert.deepEqual((await as.unit.get(`/api/v1/consultations/topics/${topic.id}`)).body.outcomes, []);
  assert.deepEqual((await as.member.get(`/api/v1/consultations/topics/${topic.id}`)).body.outcomes, []);
  r = await as.unit.patch(`/api/v1/consultations/outcomes/${o.id}`, { version: o.version, title: '改' });
  assert.equal(r.status, 403);
  r = await as.staff.patch(`/api/v1/consultations/outcomes/${o.id}`, { version: o.version, body: `${o.body}\n三、完善企业诉求快速响应机制。` });
  assert.equal(r.status, 200);
  assert.match(r.body.outcomes[0].body, /三、完善企业诉求/);
});

test('the lead leader approves or sends back; the office sends it up; the topic follows', async () => {
  assert.equal((await step('unit', 'submit')).status, 403);
  let r = await step('committeeStaff', 'submit');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.outcomes[0].state, 'review');
  const o = r.body.outcomes[0];
  assert.equal((await as.staff.patch(`/api/v1/consultations/outcomes/${o.id}`, { version: o.version, title: '改' })).status, 409);
  // The lead leader is told.
  const notes = (await as.leader.get('/api/v1/notifications')).body.items;
  assert.ok(notes.some((n) => n.title.includes('待您审定')), JSON.stringify(notes.slice(0, 3)));
  assert.equal((await step('staff', 'approve')).status, 403, 'the office does not approve');
  r = await step('leader', 'send_back');
  assert.equal(r.status, 400, 'a reason to send it back');
  r = await step('leader', 'send_back', { note: '请补充融资支持方面的建议' });
  assert.equal(r.body.outcomes[0].state, 'drafting');
  await step('staff', 'submit');
  r = await step('leader', 'approve', { note: '同意报送' });
  assert.equal(r.body.outcomes[0].state, 'approved');
  assert.equal((await step('leader', 'send', { sent_on: '2024-07-01', sent_to: '区委、区政府' })).status, 403);
  r = await step('staff', 'send', { sent_to: '区委、区政府' });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.sent_on);
  r = await step('staff', 'send', { sent_on: '2099-07-01', sent_to: '区委、区政府' });
  assert.equal(r.status, 400, 'not a future day');
  r = await step('staff', 'send', { sent_on: '2024-07-01', sent_to: '区委、区政府', adoption: 'adopted' });
  assert.equal(r.status, 400, 'adoption is not a field of sending');
  r = await step('staff', 'send', { sent_on: '2024-07-01', sent_to: '区委、区政府' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.outcomes[0].state, 'sent');
  assert.equal(r.body.state, 'following');
  assert.equal(r.body.state_label, '成果转化中');
  assert.deepEqual(r.body.outcomes[0].history.map((h) => h.action), ['create', 'submit', 'send_back', 'submit', 'approve', 'send']);
  assert.equal((await step('staff', 'send', { sent_on: '2024-07-01', sent_to: '区委' })).status, 409);
});

test("a leader's instruction names the departments; a department records and reports its own items", async () => {
  const o = await outcomeOf();
  const instruction = { leader_name: '李明', leader_title: '区委书记', instructed_on: '2024-07-05', text: '请区发改局牵头研究落实。', unit_ids: [ref.fagaiju] };
  assert.equal((await as.unit.post(`/api/v1/consultations/outcomes/${o.id}/instructions`, instruction)).status, 403);
  assert.equal((await as.leader.post(`/api/v1/consultations/outcomes/${o.id}/instructions`, instruction)).status, 403);
  let r = await as.staff.post(`/api/v1/consultations/outcomes/${o.id}/instructions`, { ...instruction, unit_ids: [999999] });
  assert.equal(r.status, 400);
  r = await as.staff.post(`/api/v1/consultations/outcomes/${o.id}/instructions`, instruction);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const ins = r.body.outcomes[0].instructions[0];
  assert.deepEqual(ins.units.map((u) => u.id), [ref.fagaiju]);
  assert.ok((await as.lead.get('/api/v1/notifications')).body.items.some((n) => n.title.includes('作出批示')), 'the department is told');

  // The unit now sees the sent outcome and may add its own items, not another unit's.
  const seen = (await as.unit.get(`/api/v1/consultations/topics/${topic.id}`)).body.outcomes[0];
  assert.equal(seen.can_add_item, true);
  const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  const due = new Date(Date.now() + 8 * 3600e3 + 20 * 86400e3).toISOString().slice(0, 10);
  const item = { unit_id: ref.fagaiju, title: '出台惠企政策“免申即享”清单', due_on: due, instruction_id: ins.id };
  assert.equal((await as.unit.post(`/api/v1/consultations/outcomes/${o.id}/follow-items`, { ...item, unit_id: ref.minzhengju })).status, 403);
  assert.equal((await as.other.post(`/api/v1/consultations/outcomes/${o.id}/follow-items`, { ...item, unit_id: ref.minzhengju })).status, 403, 'a unit neither counterpart nor instructed');
  assert.equal((await as.member.post(`/api/v1/consultations/outcomes/${o.id}/follow-items`, item)).status, 403);
  r = await as.unit.post(`/api/v1/consultations/outcomes/${o.id}/follow-items`, { ...item, due_on: '2020-01-01' });
  assert.equal(r.status, 400);
  r = await as.unit.post(`/api/v1/consultations/outcomes/${o.id}/follow-items`, { ...item, instruction_id: 999999 });
  assert.equal(r.status, 400);
  r = await as.unit.post(`/api/v1/consultations/outcomes/${o.id}/follow-items`, item);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const it = r.body.outcomes[0].items[0];
  assert.equal(it.state, 'open');
  assert.equal(it.can_progress, true);
  const byOffice = (await as.leader.get(`/api/v1/consultations/topics/${topic.id}`)).body.outcomes[0].items[0];
  assert.equal(byOffice.can_close, false, 'a leader reads the item but does not report on it');
  assert.equal(it.unit_name, '区发展和改革局');
  assert.ok(today <= it.due_on);
  assert.equal((await as.other.post(`/api/v1/consultations/follow-items/${it.id}/progress`, { note: '越权' })).status, 403);
  r = await as.unit.post(`/api/v1/consultations/follow-items/${it.id}/progress`, { note: '已起草清单，征求各部门意见' });
  assert.equal(r.status, 200);
  assert.equal(r.body.outcomes[0].items[0].progress[0].note, '已起草清单，征求各部门意见');
  // The unit's list holds its item; another unit's holds none of it.
  assert.ok((await as.unit.get('/api/v1/consultations/follow-items?mine=1')).body.items.some((x) => x.id === it.id));
  assert.ok(!(await as.other.get('/api/v1/consultations/follow-items')).body.items.some((x) => x.id === it.id));
});

const docxText = `
import docx, sys
d = docx.Document(sys.argv[1])
for p in d.paragraphs: print(p.style.name + '|' + p.text)
for t in d.tables:
  for row in t.rows: print('ROW|' + ' | '.join(c.text for c in row.cells))
`;

test('the scan reminds before the due date and escalates after it; the supervision notice lists the late item', async () => {
  const it = (await outcomeOf()).items[0];
  let r = await as.staff.post('/api/v1/test/scheduler/run', {});
  assert.equal(r.status, 200);
  const days = Math.round((Date.parse(`${it.due_on}T12:00:00+08:00`) - Date.now()) / 86400e3) + 3;
  // Before the due date, on one of the committee's reminder points, the department's staff are reminded.
  let remindedAt = -1;
  for (let d = 1; d < days - 3 && remindedAt < 0; d++) {
    await as.staff.post('/api/v1/test/clock', { offset_seconds: d * 86400 });
    const s = await as.staff.post('/api/v1/test/scheduler/run', {});
    if (s.body.follow_reminders >= 1) remindedAt = d;
  }
  assert.ok(remindedAt > 0, 'a reminder before the due date');
  const reminded = await demoClients(srv.baseUrl, ['unit']);
  assert.ok((await reminded.unit.get('/api/v1/notifications')).body.items.some((n) => /【提醒】协商成果转化事项.*个工作日到期/.test(n.title)));
  // Past the due date: the department's staff and leader and the office hear of it.
  await as.staff.post('/api/v1/test/clock', { offset_seconds: days * 86400 });
  // Weeks later the sessions have expired: sign in again.
  const later = await demoClients(srv.baseUrl, ['unit', 'lead', 'staff', 'supervisor']);
  r = await later.staff.post('/api/v1/test/scheduler/run', {});
  assert.ok(r.body.follow_escalations >= 1, JSON.stringify(r.body));
  for (const who of ['unit', 'lead', 'staff'])
    assert.ok((await later[who].get('/api/v1/notifications')).body.items.some((n) => n.title.includes('【督办】协商成果转化事项')), who);
  r = await later.staff.post('/api/v1/test/scheduler/run', {});
  assert.equal(r.body.follow_escalations, 0, 'once per item and due date');
  const late = (await later.supervisor.get('/api/v1/consultations/follow-items?late=1')).body.items;
  const mine = late.find((x) => x.id === it.id);
  assert.ok(mine, 'the late list');
  assert.ok(mine.late_working_days >= 1);
  assert.equal(mine.state_label, '已超期');
  assert.equal((await later.unit.get('/api/v1/consultations/follow-items/late-notice', { raw: true })).status, 403);
  r = await later.supervisor.get(`/api/v1/consultations/follow-items/late-notice?number=${encodeURIComponent('第5期')}`, { raw: true });
  assert.equal(r.status, 200);
  const dir = mkdtempSync(join(tmpdir(), 'sl-follow-'));
  writeFileSync(join(dir, 'n.docx'), r.body);
  const text = execFileSync('/usr/bin/python3', ['-c', docxText, join(dir, 'n.docx')]).toString();
  assert.match(text, /Title\|协商成果转化督查通报/);
  assert.match(text, /\|第5期/);
  assert.match(text, /ROW\|\d+ \| 区发展和改革局 \| 促进民营经济发展对口协商 \| 出台惠企政策“免申即享”清单 \| \d{4}年\d{1,2}月\d{1,2}日 \| \d+/);
  assert.match(text, /武汉市汉江区政协/);
  await later.staff.post('/api/v1/test/clock', { offset_seconds: 0 });
  as = await demoClients(srv.baseUrl, Object.keys(as));
});

test('the item closed and the adoption recorded conclude the topic', async () => {
  const it = (await outcomeOf()).items[0];
  assert.equal((await as.unit.post(`/api/v1/consultations/follow-items/${it.id}/close`, {})).status, 400, 'the result');
  let r = await as.unit.post(`/api/v1/consultations/follow-items/${it.id}/close`, { result: '清单已印发实施，首批32项政策免申即享' });
  assert.equal(r.status, 200);
  assert.equal(r.body.outcomes[0].items[0].state, 'done');
  assert.equal(r.body.state, 'following', 'the adoption is still to be recorded');
  assert.equal((await as.unit.post(`/api/v1/consultations/follow-items/${it.id}/close`, { result: '再次' })).status, 409);
  assert.equal((await step('staff', 'record_adoption', { adoption: 'adopted' })).status, 403, 'the lead records the adoption');
  r = await step('leader', 'record_adoption');
  assert.equal(r.status, 400);
  r = await step('leader', 'record_adoption', { adoption: 'adopted', note: '区政府专题会议研究采纳' });
  assert.equal(r.status, 200);
  assert.equal(r.body.outcomes[0].state, 'concluded');
  assert.equal(r.body.outcomes[0].adoption_label, '采纳');
  assert.equal(r.body.state, 'concluded');
  assert.equal(r.body.history.at(-1).action, 'conclude');
});

test('the office publishes a sent outcome for the public and may withdraw it', async () => {
  const o = await outcomeOf();
  const anon = new (await import('../lib/client.mjs')).Client(srv.baseUrl);
  assert.equal((await anon.get(`/api/v1/public/consultations/outcomes/${o.id}`)).status, 404, 'not yet public');
  assert.equal((await as.unit.post(`/api/v1/consultations/outcomes/${o.id}/publication`, { published: true })).status, 403);
  assert.equal((await as.leader.post(`/api/v1/consultations/outcomes/${o.id}/publication`, { published: true })).status, 403);
  let r = await as.staff.post(`/api/v1/consultations/outcomes/${o.id}/publication`, { published: true });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.ok(r.body.outcomes[0].published_at);
  assert.equal((await as.staff.post(`/api/v1/consultations/outcomes/${o.id}/publication`, { published: true })).status, 409);
  r = await anon.get('/api/v1/public/consultations/outcomes?kind=counterpart');
  assert.equal(r.status, 200);
  const item = r.body.items.find((x) => x.id === o.id);
  assert.ok(item, 'in the public list');
  assert.equal(item.topic_title, '促进民营经济发展对口协商');
  assert.equal(item.topic_kind_label, '对口协商');
  assert.equal(item.adoption_label, '采纳');
  assert.equal(item.committee_name, '武汉市汉江区政协');
  r = await anon.get(`/api/v1/public/consultations/outcomes/${o.id}`);
  assert.equal(r.status, 200);
  assert.match(r.body.body, /惠企政策直达快享/);
  assert.ok(!('items' in r.body) && !('instructions' in r.body), 'the public read names no departments or their items');
  assert.equal((await anon.get('/api/v1/public/consultations/outcomes?kind=nonsense')).status, 400);
  // Members read the published text on the topic page, without its internal history.
  const seen = (await as.member.get(`/api/v1/consultations/topics/${topic.id}`)).body.outcomes;
  assert.equal(seen.length, 1);
  assert.deepEqual([seen[0].history, seen[0].instructions, seen[0].items], [[], [], []]);
  r = await as.staff.post(`/api/v1/consultations/outcomes/${o.id}/publication`, { published: false });
  assert.equal(r.status, 200);
  assert.equal((await anon.get(`/api/v1/public/consultations/outcomes/${o.id}`)).status, 404, 'withdrawn');
  assert.deepEqual((await as.member.get(`/api/v1/consultations/topics/${topic.id}`)).body.outcomes, []);
});
