// The consultation plan (协商计划) and its topics (协商议题): the plan's steps 起草 → 主席会议审议 →
// 报区委审定 → 印发 with dates and document numbers, topics put forward by the office, special
// committees and parties, in-year additions and postponements approved by a leader, a topic's
// phases by every role including refusals, coverage warnings, and the plan as a Word document
// read back with python-docx.
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
before(async () => {
  srv = await startServer();
  as = await demoClients(srv.baseUrl, ['admin', 'staff', 'committeeStaff', 'group', 'unit', 'leader', 'supervisor', 'member']);
  const byName = (items, name) => items.find((x) => x.name === name)?.id;
  const specials = (await as.admin.get('/api/v1/special-committees?page_size=100')).body.items;
  ref.jingji = byName(specials, '经济委员会');
  ref.shefa = specials.find((s) => s.id !== ref.jingji && s.name !== '提案委员会')?.id;
  const parties = (await as.admin.get('/api/v1/parties?page_size=100')).body.items;
  ref.minmeng = byName(parties, '民盟');
  ref.minjin = parties.find((p) => p.name !== '民盟')?.id;
  const units = (await as.admin.get('/api/v1/units?page_size=100')).body.items;
  ref.fagaiju = units.find((u) => u.name.includes('发展和改革'))?.id;
  ref.minzhengju = units.find((u) => u.name.includes('民政'))?.id;
  const leaders = (await as.staff.get('/api/v1/users?role=leader&page_size=100')).body.items;
  ref.zhuxi = leaders[0]?.id;
  for (const [k, v] of Object.entries(ref)) assert.ok(v, `demo reference ${k}`);
});
after(async () => {
  await srv.stop();
});

const YEAR = 2025;
let plan;

/** A valid 对口协商 topic of 经济委 for plan `planId`, with `extra` fields. */
function counterpart(planId, extra = {}) {
  return {
    plan_id: planId,
    kind: 'counterpart',
    title: '优化营商环境对口协商',
    purpose: '围绕涉企服务“一网通办”开展对口协商。',
    lead_leader_id: ref.zhuxi,
    special_committee_id: ref.jingji,
    unit_ids: [ref.fagaiju],
    planned_month: 5,
    form: 'symposium',
    participants: '经济委委员、部分企业界委员',
    ...extra,
  };
}

test('the workflow names every state, action, kind and form in Chinese', async () => {
  const r = await as.member.get('/api/v1/consultations/workflow');
  assert.equal(r.status, 200);
  const labels = (list) => Object.fromEntries(list.map((x) => [x.name, x.label]));
  assert.equal(labels(r.body.plan.states).published, '已印发');
  assert.equal(labels(r.body.kinds).counterpart, '对口协商');
  assert.equal(labels(r.body.forms).online, '网络议政');
  assert.equal(labels(r.body.topic.states).proposed, '待审批');
  for (const t of r.body.topic.transitions) assert.ok(labels(r.body.topic.actions)[t.action], t.action);
  assert.equal((await as.unit.get('/api/v1/consultations/workflow')).status, 200);
});

test('the office drafts a plan; others may not, and a year has one plan', async () => {
  for (const who of ['member', 'committeeStaff', 'leader', 'unit', 'group']) {
    const r = await as[who].post('/api/v1/consultations/plans', { year: YEAR });
    assert.equal(r.status, 403, who);
  }
  let r = await as.staff.post('/api/v1/consultations/plans', { year: 1999 });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.year);
  r = await as.staff.post('/api/v1/consultations/plans', { year: YEAR });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  plan = r.body;
  assert.equal(plan.state, 'drafting');
  assert.equal(plan.state_label, '起草中');
  assert.match(plan.title, new RegExp(`${YEAR}年度协商工作计划$`));
  assert.equal((await as.staff.post('/api/v1/consultations/plans', { year: YEAR })).status, 409);
  // A draft is not the members' to read.
  assert.equal((await as.member.get(`/api/v1/consultations/plans/${plan.id}`)).status, 404);
  assert.ok(!(await as.member.get('/api/v1/consultations/plans')).body.items.some((p) => p.id === plan.id));
  assert.equal((await as.leader.get(`/api/v1/consultations/plans/${plan.id}`)).status, 200);
});

const topics = {};

test('topics are put forward by the office, special committees and parties, within their own scope', async () => {
  // The kind's own needs: 对口 needs a special committee, 界别 a party or sector, 提案办理 proposals.
  let r = await as.staff.post('/api/v1/consultations/topics', counterpart(plan.id, { special_committee_id: null }));
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.special_committee_id);
  r = await as.staff.post('/api/v1/consultations/topics', { ...counterpart(plan.id), kind: 'proposal_handling', proposal_ids: [] });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.proposal_ids);
  r = await as.staff.post('/api/v1/consultations/topics', counterpart(plan.id, { lead_leader_id: as.member.user.id }));
  assert.equal(r.status, 400, 'a lead leader who is no leader');
  r = await as.staff.post('/api/v1/consultations/topics', counterpart(plan.id, { planned_month: 13, form: 'party' }));
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.planned_month && r.body.error.fields.form);

  r = await as.staff.post('/api/v1/consultations/topics', counterpart(plan.id));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  topics.counterpart = r.body;
  assert.equal(r.body.state, 'planned', 'the office lists its own topics directly while drafting');
  assert.deepEqual(r.body.units.map((u) => u.id), [ref.fagaiju]);
  assert.equal(r.body.lead_leader_id, ref.zhuxi);

  r = await as.staff.post('/api/v1/consultations/topics', {
    plan_id: plan.id, kind: 'thematic', title: '推进老旧小区改造专题协商', planned_month: 3, form: 'meeting', lead_leader_id: ref.zhuxi, unit_ids: [ref.minzhengju],
  });
  assert.equal(r.status, 201);
  topics.thematic = r.body;

  // 经济委's staff put forward their committee's topics, not another's.
  r = await as.committeeStaff.post('/api/v1/consultations/topics', counterpart(plan.id, { title: '数字经济发展对口协商' }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.state, 'proposed');
  topics.proposedBySpecial = r.body;
  r = await as.committeeStaff.post('/api/v1/consultations/topics', counterpart(plan.id, { special_committee_id: ref.shefa }));
  assert.equal(r.status, 403);

  // A party's contact puts forward a 界别协商 topic of their own party only.
  r = await as.group.post('/api/v1/consultations/topics', {
    plan_id: plan.id, kind: 'sector', title: '民盟界别协商：青少年心理健康', party_id: ref.minmeng, planned_month: 9, form: 'talk',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.state, 'proposed');
  topics.sector = r.body;
  r = await as.group.post('/api/v1/consultations/topics', { plan_id: plan.id, kind: 'sector', title: '他党议题', party_id: ref.minjin, planned_month: 9, form: 'talk' });
  assert.equal(r.status, 403);
  r = await as.group.post('/api/v1/consultations/topics', { plan_id: plan.id, kind: 'thematic', title: '专题', planned_month: 9, form: 'talk' });
  assert.equal(r.status, 403);
  for (const who of ['member', 'unit', 'leader', 'supervisor'])
    assert.equal((await as[who].post('/api/v1/consultations/topics', counterpart(plan.id))).status, 403, who);

  // A contact sees their own proposal; the member sees nothing of a draft plan.
  assert.equal((await as.group.get(`/api/v1/consultations/topics/${topics.sector.id}`)).status, 200);
  assert.equal((await as.member.get(`/api/v1/consultations/topics/${topics.sector.id}`)).status, 404);
  assert.equal((await as.member.get(`/api/v1/consultations/topics?plan_id=${plan.id}`)).body.items.length, 0);
});

/** Takes `action` on topic `t` as `who`; returns the answer. */
async function act(who, t, action, extra = {}) {
  const cur = (await as.staff.get(`/api/v1/consultations/topics/${t.id}`)).body;
  return as[who].post(`/api/v1/consultations/topics/${t.id}/transitions`, { action, version: cur.version, ...extra });
}

test('while the plan is drafted the office decides proposals itself; a rejection needs a reason', async () => {
  let r = await act('committeeStaff', topics.proposedBySpecial, 'approve');
  assert.equal(r.status, 403);
  r = await act('staff', topics.proposedBySpecial, 'approve');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.state, 'planned');
  r = await act('staff', topics.sector, 'reject');
  assert.equal(r.status, 400, 'a rejection names its reason');
  r = await act('staff', topics.sector, 'reject', { note: '与专题协商议题重复，并入专题协商' });
  assert.equal(r.status, 200);
  assert.equal(r.body.state, 'dropped');
  assert.equal(r.body.history.at(-1).note, '与专题协商议题重复，并入专题协商');
  // A stale version is refused.
  r = await as.staff.post(`/api/v1/consultations/topics/${topics.thematic.id}/transitions`, { action: 'start_research', version: 1 + topics.thematic.version + 5 });
  assert.equal(r.status, 409);
  assert.equal(r.body.error.code, 'version_conflict');
});

async function step(action, extra = {}) {
  const cur = (await as.staff.get(`/api/v1/consultations/plans/${plan.id}`)).body;
  return as.staff.post(`/api/v1/consultations/plans/${plan.id}/steps`, { action, version: cur.version, acted_on: '2025-01-20', ...extra });
}

test('the plan goes through the chair meeting and the party committee to publication, each step recorded', async () => {
  let r = await step('publish', { doc_number: '汉政协发〔2025〕1号' });
  assert.equal(r.status, 409, 'no step skipped');
  assert.equal(r.body.error.code, 'illegal_transition');
  const cur = (await as.staff.get(`/api/v1/consultations/plans/${plan.id}`)).body;
  r = await as.committeeStaff.post(`/api/v1/consultations/plans/${plan.id}/steps`, { action: 'submit_to_chair', version: cur.version, acted_on: '2025-01-10' });
  assert.equal(r.status, 403);
  r = await step('submit_to_chair', { acted_on: '2025-01-10', note: '十四届第12次主席会议' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.state, 'chair_review');
  // Under review, the plan's topics stay as they are.
  assert.equal((await as.staff.post('/api/v1/consultations/topics', counterpart(plan.id))).status, 409);
  const t = (await as.staff.get(`/api/v1/consultations/topics/${topics.thematic.id}`)).body;
  assert.equal((await as.staff.patch(`/api/v1/consultations/topics/${t.id}`, { version: t.version, purpose: '改' })).status, 409);
  r = await step('return_to_draft', { note: '请补充界别协商议题' });
  assert.equal(r.status, 200);
  assert.equal(r.body.state, 'drafting');
  r = await step('submit_to_chair', { acted_on: '2025-01-12' });
  r = await step('submit_to_party', { acted_on: '2025-01-15', doc_number: '汉政协文〔2025〕2号' });
  assert.equal(r.body.state, 'party_review');
  r = await step('publish', { acted_on: '2025-01-20' });
  assert.equal(r.status, 400, 'publication needs its document number');
  assert.ok(r.body.error.fields.doc_number);
  r = await step('publish', { acted_on: '2025-01-20', doc_number: '汉政协发〔2025〕3号' });
  assert.equal(r.status, 200);
  assert.equal(r.body.state, 'published');
  assert.equal(r.body.published_on, '2025-01-20');
  assert.equal(r.body.doc_number, '汉政协发〔2025〕3号');
  assert.deepEqual(r.body.steps.map((s) => s.action), ['submit_to_chair', 'return_to_draft', 'submit_to_chair', 'submit_to_party', 'publish']);
  assert.equal(r.body.steps[0].note, '十四届第12次主席会议');
  assert.equal(r.body.steps[3].doc_number, '汉政协文〔2025〕2号');
  assert.equal(r.body.steps[4].action_label, '区委审定同意，印发');

  // Published: members read it and its listed topics, never the dropped one.
  const m = await as.member.get(`/api/v1/consultations/plans/${plan.id}`);
  assert.equal(m.status, 200);
  assert.deepEqual(m.body.topics.map((x) => x.id).sort(), [topics.counterpart.id, topics.thematic.id, topics.proposedBySpecial.id].sort());
  assert.deepEqual(m.body.allowed_actions, []);
  assert.deepEqual(m.body.warnings, [], 'coverage warnings are for staff');
  assert.equal((await as.member.get(`/api/v1/consultations/topics/${topics.sector.id}`)).status, 404);
  // The counterpart unit finds the topics it answers for.
  const u = await as.unit.get('/api/v1/consultations/topics?mine=1');
  assert.ok(u.body.items.some((x) => x.id === topics.counterpart.id));
  assert.ok(!u.body.items.some((x) => x.id === topics.thematic.id));
});

test('during the year an added topic needs a reason and a leader; kind, title and month stay fixed', async () => {
  let r = await as.staff.post('/api/v1/consultations/topics', counterpart(plan.id, { title: '年中增加：稳就业对口协商' }));
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.reason);
  r = await as.staff.post('/api/v1/consultations/topics', counterpart(plan.id, { title: '年中增加：稳就业对口协商', reason: '区委交办' }));
  assert.equal(r.status, 201);
  assert.equal(r.body.state, 'proposed');
  assert.equal(r.body.added_in_year, true);
  const added = r.body;
  assert.equal((await act('staff', added, 'approve')).status, 403, 'after publication the office does not approve alone');
  r = await act('leader', added, 'approve');
  assert.equal(r.status, 200);
  assert.equal(r.body.state, 'planned');

  const t = (await as.staff.get(`/api/v1/consultations/topics/${topics.counterpart.id}`)).body;
  r = await as.staff.patch(`/api/v1/consultations/topics/${t.id}`, { version: t.version, title: '新标题', planned_month: 8 });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.title && r.body.error.fields.planned_month);
  r = await as.committeeStaff.patch(`/api/v1/consultations/topics/${t.id}`, { version: t.version, purpose: '聚焦政务服务“高效办成一件事”。', unit_ids: [ref.fagaiju, ref.minzhengju] });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.units.length, 2);
  assert.equal((await as.unit.patch(`/api/v1/consultations/topics/${t.id}`, { version: r.body.version, purpose: 'x' })).status, 403);
});

test('a postponement is asked by those who run the topic and decided by a leader', async () => {
  const t = (await as.staff.get(`/api/v1/consultations/topics/${topics.thematic.id}`)).body;
  assert.equal(t.can_request_postponement, true);
  let r = await as.unit.post(`/api/v1/consultations/topics/${t.id}/postponements`, { to_month: 6, reason: '部门调整' });
  assert.equal(r.status, 403);
  r = await as.staff.post(`/api/v1/consultations/topics/${t.id}/postponements`, { to_month: t.planned_month, reason: '同月' });
  assert.equal(r.status, 400);
  r = await as.staff.post(`/api/v1/consultations/topics/${t.id}/postponements`, { to_month: 6, reason: '等待区委专题调研结束' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.pending_postponement_id > 0, true);
  assert.equal((await as.staff.post(`/api/v1/consultations/topics/${t.id}/postponements`, { to_month: 7, reason: '再议' })).status, 409);
  const pid = r.body.pending_postponement_id;
  assert.equal((await as.staff.post(`/api/v1/consultations/postponements/${pid}/decision`, { decision: 'approve' })).status, 403);
  r = await as.leader.post(`/api/v1/consultations/postponements/${pid}/decision`, { decision: 'approve', note: '同意' });
  assert.equal(r.status, 200);
  assert.equal(r.body.planned_month, 6);
  assert.equal(r.body.postponements[0].state, 'approved');
  assert.equal((await as.leader.post(`/api/v1/consultations/postponements/${pid}/decision`, { decision: 'reject' })).status, 409);
});

test("a topic's phases by role: research, then the consultation held, with refusals", async () => {
  const t = topics.counterpart;
  assert.equal((await act('unit', t, 'start_research')).status, 403);
  assert.equal((await act('member', t, 'start_research')).status, 403);
  assert.equal((await act('leader', t, 'start_research')).status, 403);
  assert.equal((await act('committeeStaff', t, 'record_consultation', { held_on: '2025-05-01', note: 'x' })).status, 200, 'held without a research phase');
  const other = topics.proposedBySpecial;
  let r = await act('committeeStaff', other, 'start_research');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.state, 'researching');
  assert.equal((await act('committeeStaff', other, 'start_research')).status, 409);
  r = await act('committeeStaff', other, 'record_consultation');
  assert.equal(r.status, 400, 'the day it was held');
  assert.ok(r.body.error.fields.held_on);
  r = await act('committeeStaff', other, 'record_consultation', { held_on: '2099-01-01' });
  assert.equal(r.status, 400, 'not a future day');
  r = await act('staff', other, 'start_research', { held_on: '2026-01-01' });
  assert.equal(r.status, 409, 'an action the state does not allow is refused before its fields');
  r = await act('committeeStaff', other, 'record_consultation', { held_on: '2025-06-18' });
  assert.equal(r.status, 200);
  assert.equal(r.body.state, 'consulted');
  assert.equal(r.body.held_on, '2025-06-18');
  assert.deepEqual(r.body.history.map((h) => h.action), ['create', 'approve', 'start_research', 'record_consultation']);
  assert.deepEqual(r.body.allowed_actions, []);
});

test('coverage warnings name special committees and parties without topics, and topics past their month', async () => {
  const r = await as.staff.get(`/api/v1/consultations/plans/${plan.id}`);
  const kinds = Object.fromEntries(r.body.warnings.map((w) => [w.kind, w]));
  assert.ok(kinds.special_committee_without_counterpart.names.length > 0);
  assert.ok(!kinds.special_committee_without_counterpart.names.includes('经济委员会'));
  assert.ok(kinds.party_without_sector_topic.names.includes('民盟'), 'the dropped topic does not count');
  // The plan's year is over: its topics not yet held are late, a held one is not.
  const w = r.body.warnings.find((x) => x.kind === 'topic_overdue');
  assert.ok(w, 'overdue warning');
  assert.ok(w.topics.some((x) => x.id === topics.thematic.id));
  assert.ok(!w.topics.some((x) => x.id === topics.counterpart.id), 'a held topic is not late');
});

const docxText = `
import docx, sys
d = docx.Document(sys.argv[1])
for p in d.paragraphs: print(p.style.name + '|' + p.text)
`;

test('the plan exports as a Word document: 文号, a heading per kind, each topic with its lead and date', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sl-consult-'));
  const r = await as.member.get(`/api/v1/consultations/plans/${plan.id}/document`, { raw: true });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /wordprocessingml/);
  const file = join(dir, 'plan.docx');
  writeFileSync(file, r.body);
  const text = execFileSync('/usr/bin/python3', ['-c', docxText, file]).toString();
  const lines = text.split('\n');
  assert.match(text, new RegExp(`Title\\|.*${YEAR}年度协商工作计划`));
  assert.ok(lines.some((l) => l.endsWith('|汉政协发〔2025〕3号')));
  const h1 = lines.filter((l) => /^heading 1\|/i.test(l)).map((l) => l.split('|')[1]);
  assert.deepEqual(h1, ['一、专题协商', '二、对口协商']);
  assert.ok(!text.includes('青少年心理健康'), 'a dropped topic is not in the plan');
  assert.match(text, /对口部门：.*发展和改革/);
  assert.match(text, /时间安排：6月/, 'the postponed month');
  assert.match(text, /协商形式：座谈会/);
  assert.match(text, /2025年1月20日/);
  assert.equal((text.match(/2025年1月20日/g) || []).length, 1, 'one date');
  assert.ok(!text.includes('（草案）'));
});
