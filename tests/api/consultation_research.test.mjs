// A topic's research (调研) and inspections (视察): an activity organised by those who run the
// topic (the office, the leading special committee's staff) with a team of the committee's people
// and an outside expert, an outline, site visits with the members who took part, photos and
// materials (uploaded, downloaded, a bad file refused), and a report written in versions,
// submitted to the topic's lead leader, sent back with a reason, resubmitted and approved. The
// team's member finds it under 我的调研; another member sees nothing of it; the counterpart unit
// reads the final report only; the other committee finds nothing. Every step by every role.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client, demoClients } from '../lib/client.mjs';

let srv;
let as;
const ref = {};
let topic;
let research;

const PNG = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(200, 7)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 66)]);
const upload = (bytes, name, type) => {
  const f = new FormData();
  f.append('file', new Blob([bytes], { type }), name);
  return f;
};

before(async () => {
  srv = await startServer();
  as = await demoClients(srv.baseUrl, ['admin', 'staff', 'committeeStaff', 'unit', 'group', 'leader', 'supervisor', 'member']);
  // Another member of the committee, on no team.
  const sector = (await as.admin.get('/api/v1/sectors?page_size=1')).body.items[0].id;
  const m2 = (await as.admin.post('/api/v1/members', { name: '调研测试委员', mobile: '13655500123', sector_id: sector })).body;
  assert.ok(m2.initial_password, JSON.stringify(m2));
  as.member2 = new Client(srv.baseUrl);
  await as.member2.login('13655500123', m2.initial_password);
  await as.member2.post('/api/v1/auth/password', { old_password: m2.initial_password, new_password: 'Research54321' });
  ref.member = (await as.member.get('/api/v1/auth/me')).body.user.id;
  ref.member2 = (await as.member2.get('/api/v1/auth/me')).body.user.id;
  ref.jingjiUser = (await as.committeeStaff.get('/api/v1/auth/me')).body.user.id;
  const units = (await as.admin.get('/api/v1/units?page_size=100')).body.items;
  ref.fagaiju = units.find((u) => u.name === '区发展和改革局').id;
  ref.jingji = (await as.admin.get('/api/v1/special-committees?page_size=100')).body.items.find((s) => s.name === '经济委员会').id;
  ref.zhuxi = (await as.leader.get('/api/v1/auth/me')).body.user.id;
  let plan = (await as.staff.post('/api/v1/consultations/plans', { year: 2024 })).body;
  topic = (
    await as.staff.post('/api/v1/consultations/topics', {
      plan_id: plan.id, kind: 'counterpart', title: '优化营商环境调研议题', special_committee_id: ref.jingji,
      lead_leader_id: ref.zhuxi, unit_ids: [ref.fagaiju], planned_month: 6, form: 'symposium',
    })
  ).body;
  for (const action of ['submit_to_chair', 'submit_to_party', 'publish'])
    plan = (await as.staff.post(`/api/v1/consultations/plans/${plan.id}/steps`, { action, version: plan.version, acted_on: '2024-01-10', doc_number: '汉政协发〔2024〕1号' })).body;
  assert.equal(plan.state, 'published');
});
after(async () => {
  await srv?.stop();
});

const team = () => [
  { user_id: ref.member, role: 'leader' },
  { role: 'expert', name: '王建国', employer: '武汉大学经济与管理学院', title: '教授' },
  { user_id: ref.jingjiUser, role: 'staff' },
];
const current = async (who = 'staff') => (await as[who].get(`/api/v1/consultations/research/${research.id}`)).body;

test('those who run the topic organise research; others are refused; bad teams are named', async () => {
  const body = { kind: 'research', title: '民营企业营商环境专题调研', outline: '一、惠企政策落实情况\n二、涉企检查', team: team() };
  for (const who of ['member', 'unit', 'leader', 'supervisor', 'group']) {
    const r = await as[who].post(`/api/v1/consultations/topics/${topic.id}/research`, body);
    assert.equal(r.status, 403, who);
    assert.match(r.body.error.message, /政协办公室和牵头专委会/);
  }
  let r = await as.staff.post(`/api/v1/consultations/topics/${topic.id}/research`, { kind: '考察', title: '' });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.kind && r.body.error.fields.title);
  r = await as.staff.post(`/api/v1/consultations/topics/${topic.id}/research`, { ...body, team: [{ user_id: 99999999, role: 'member' }] });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.team);
  r = await as.staff.post(`/api/v1/consultations/topics/${topic.id}/research`, { ...body, team: [{ user_id: ref.member, role: 'leader' }, { user_id: ref.jingjiUser, role: 'leader' }] });
  assert.equal(r.status, 400, 'one leader');
  r = await as.staff.post(`/api/v1/consultations/topics/${topic.id}/research`, { ...body, team: [{ role: 'expert' }] });
  assert.equal(r.status, 400, 'an expert has a name');
  r = await as.committeeStaff.post(`/api/v1/consultations/topics/${topic.id}/research`, body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  research = r.body;
  assert.equal(research.state, 'drafting');
  assert.equal(research.kind_label, '调研');
  assert.equal(research.leader.user_id, ref.member);
  assert.deepEqual(research.team.map((m) => m.role), ['leader', 'expert', 'staff']);
  const expert = research.team[1];
  assert.deepEqual([expert.name, expert.employer, expert.title, expert.user_id], ['王建国', '武汉大学经济与管理学院', '教授', null]);
  assert.equal(research.can_edit, true);
  // The topic page lists it; the list says who may add another.
  const t = (await as.staff.get(`/api/v1/consultations/topics/${topic.id}`)).body;
  assert.deepEqual(t.research.map((x) => x.id), [research.id]);
  const list = (await as.committeeStaff.get(`/api/v1/consultations/topics/${topic.id}/research`)).body;
  assert.equal(list.can_create, true);
  assert.equal(list.items[0].outline, body.outline);
  assert.equal((await as.member.get(`/api/v1/consultations/topics/${topic.id}/research`)).body.can_create, false);
  // An inspection has the same shape.
  r = await as.staff.post(`/api/v1/consultations/topics/${topic.id}/research`, { kind: 'inspection', title: '涉企服务窗口视察' });
  assert.equal(r.status, 201);
  assert.equal(r.body.kind_label, '视察');
  // Edits: those who run the topic, at the current version.
  r = await as.member.patch(`/api/v1/consultations/research/${research.id}`, { version: research.version, outline: '改' });
  assert.equal(r.status, 403);
  r = await as.staff.patch(`/api/v1/consultations/research/${research.id}`, { version: research.version + 5, outline: '改' });
  assert.equal(r.status, 409);
  r = await as.staff.patch(`/api/v1/consultations/research/${research.id}`, { version: research.version, outline: `${body.outline}\n三、融资支持` });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.match(r.body.outline, /融资支持/);
  research = r.body;
});

test('site visits are recorded with the members who took part', async () => {
  const visit = { visited_on: '2024-03-12', place: '汉正街小商品市场', participants: '调研组全体、区发改局', notes: '座谈企业8家，反映融资难。', member_user_ids: [ref.member] };
  assert.equal((await as.member.post(`/api/v1/consultations/research/${research.id}/visits`, visit)).status, 403);
  assert.equal((await as.leader.post(`/api/v1/consultations/research/${research.id}/visits`, visit)).status, 403);
  assert.equal((await as.member2.post(`/api/v1/consultations/research/${research.id}/visits`, visit)).status, 404);
  let r = await as.staff.post(`/api/v1/consultations/research/${research.id}/visits`, { ...visit, member_user_ids: [ref.member2] });
  assert.equal(r.status, 400, 'only the team takes part');
  r = await as.staff.post(`/api/v1/consultations/research/${research.id}/visits`, { place: '' });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.visited_on && r.body.error.fields.place);
  r = await as.committeeStaff.post(`/api/v1/consultations/research/${research.id}/visits`, visit);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.visits.length, 1);
  assert.deepEqual(r.body.visits[0].members.map((m) => m.user_id), [ref.member]);
  r = await as.staff.post(`/api/v1/consultations/research/${research.id}/visits`, { visited_on: '2099-05-01', place: '区政务服务中心' });
  assert.equal(r.status, 400, 'not years ahead');
  r = await as.staff.post(`/api/v1/consultations/research/${research.id}/visits`, { visited_on: '2024-04-02', place: '区政务服务中心' });
  assert.equal(r.status, 201);
  const second = r.body.visits[1];
  r = await as.staff.patch(`/api/v1/consultations/research-visits/${second.id}`, { version: second.version, notes: '“一网通办”窗口运行良好。' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.visits[1].notes, '“一网通办”窗口运行良好。');
  research = r.body;
});

test('photos and materials are uploaded, downloaded and refused when bad', async () => {
  const [first, second] = research.visits;
  const path = (q) => `/api/v1/consultations/research/${research.id}/files${q}`;
  let r = await as.staff.post(path(`?purpose=photo&visit_id=${first.id}`), upload(Buffer.from('这不是图片'), '现场.png', 'image/png'));
  assert.equal(r.status, 415, 'a text file is no photo');
  r = await as.staff.post(path(`?purpose=photo&visit_id=${first.id}`), upload(PDF, '现场.pdf', 'application/pdf'));
  assert.equal(r.status, 415, 'a PDF is no photo');
  r = await as.staff.post(path('?purpose=photo'), upload(PNG, '现场.png', 'image/png'));
  assert.equal(r.status, 400, 'a photo belongs to a visit');
  r = await as.staff.post(path('?purpose=poster'), upload(PNG, '现场.png', 'image/png'));
  assert.equal(r.status, 400);
  r = await as.staff.post(path(`?purpose=photo&visit_id=${first.id}`), upload(PNG, '汉正街现场.png', 'image/png'));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const photo = r.body.visits[0].photos[0];
  assert.equal(photo.content_type, 'image/png');
  assert.equal(photo.filename, '汉正街现场.png');
  // The member who took part adds material to that visit, not to another; others nothing.
  r = await as.member.post(path(`?purpose=material&visit_id=${first.id}`), upload(PDF, '企业座谈记录.pdf', 'application/pdf'));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.visits[0].materials[0].filename, '企业座谈记录.pdf');
  const material = r.body.visits[0].materials[0];
  assert.equal(material.can_delete, true);
  r = await as.member.post(path(`?purpose=material&visit_id=${second.id}`), upload(PDF, '窗口.pdf', 'application/pdf'));
  assert.equal(r.status, 403);
  r = await as.member.post(path('?purpose=report'), upload(PDF, '报告.pdf', 'application/pdf'));
  assert.equal(r.status, 403);
  assert.equal((await as.member2.post(path(`?purpose=material&visit_id=${first.id}`), upload(PDF, 'x.pdf', 'application/pdf'))).status, 404);
  assert.equal((await as.unit.post(path('?purpose=material'), upload(PDF, 'x.pdf', 'application/pdf'))).status, 404);
  // A material of the activity itself.
  r = await as.committeeStaff.post(path(''), upload(PDF, '调研方案.pdf', 'application/pdf'));
  assert.equal(r.status, 201);
  assert.equal(r.body.files[0].purpose, 'material');
  // Download: the team and readers; not another member, not the unit before the report is final.
  r = await as.member.get(photo.url, { raw: true });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'image/png');
  assert.ok(Buffer.compare(r.body, PNG) === 0, 'the same bytes');
  assert.equal((await as.leader.get(photo.url, { raw: true })).status, 200);
  assert.equal((await as.member2.get(photo.url)).status, 404);
  assert.equal((await as.unit.get(photo.url)).status, 404);
  // Deleting: the uploader their own, not another's.
  assert.equal((await as.member.del(`/api/v1/consultations/research-files/${photo.id}`)).status, 403);
  r = await as.staff.post(path(`?purpose=photo&visit_id=${first.id}`), upload(PNG, '多余.png', 'image/png'));
  const extra = r.body.visits[0].photos.find((p) => p.filename === '多余.png');
  r = await as.staff.del(`/api/v1/consultations/research-files/${extra.id}`);
  assert.equal(r.status, 200);
  assert.equal(r.body.visits[0].photos.length, 1);
  research = r.body;
});

test('the report is drafted in versions, sent back with a reason, resubmitted and approved by the lead leader', async () => {
  const step = async (who, action, extra = {}) => {
    const cur = await current();
    return as[who].post(`/api/v1/consultations/research/${research.id}/transitions`, { action, version: cur.version, ...extra });
  };
  const save = async (who, body) => {
    const cur = await current();
    return as[who].post(`/api/v1/consultations/research/${research.id}/report`, { version: cur.version, body });
  };
  assert.equal((await step('staff', 'submit')).status, 409, 'nothing to submit yet');
  assert.equal((await save('member', '委员自拟稿')).status, 403);
  assert.equal((await save('leader', '领导改稿')).status, 403);
  let r = await save('committeeStaff', '关于优化营商环境的调研报告（初稿）');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.report.version, 1);
  r = await save('staff', '关于优化营商环境的调研报告（第二稿）\n一、基本情况');
  assert.equal(r.body.report.version, 2);
  assert.equal((await step('member', 'submit')).status, 403);
  assert.equal((await step('leader', 'submit')).status, 403);
  r = await step('committeeStaff', 'submit');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.state, 'reviewing');
  assert.deepEqual(r.body.allowed_actions, []);
  const told = (await as.leader.get('/api/v1/notifications')).body.items;
  assert.ok(told.some((n) => /^调研报告《.*》待您审定$/.test(n.title) && n.link?.startsWith('/consultations/topics/')), 'the lead leader is told');
  assert.equal((await save('staff', '审定中改稿')).status, 409);
  assert.equal((await step('staff', 'approve')).status, 403, 'the office does not approve');
  assert.equal((await step('member', 'approve')).status, 403);
  const leaderView = await current('leader');
  assert.deepEqual(leaderView.allowed_actions.map((a) => a.action), ['approve', 'send_back']);
  r = await step('leader', 'send_back');
  assert.equal(r.status, 400, 'a reason to send it back');
  assert.ok(r.body.error.fields.note);
  r = await step('leader', 'send_back', { note: '请补充融资支持方面的问题和建议' });
  assert.equal(r.status, 200);
  assert.equal(r.body.state, 'drafting');
  r = await save('staff', '关于优化营商环境的调研报告（第三稿）\n一、基本情况\n二、融资支持');
  r = await step('staff', 'submit');
  assert.equal(r.body.state, 'reviewing');
  r = await as.leader.post(`/api/v1/consultations/research/${research.id}/transitions`, { action: 'approve', version: 1 });
  assert.equal(r.status, 409, 'the version is checked');
  r = await step('leader', 'approve', { note: '同意' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.state, 'final');
  assert.equal(r.body.state_label, '报告已定稿');
  assert.equal(r.body.report.version, 3);
  assert.deepEqual(r.body.report.drafts.map((d) => d.version), [3, 2, 1]);
  assert.deepEqual(r.body.report.history.map((h) => h.action), ['create', 'submit', 'send_back', 'submit', 'approve']);
  assert.equal(r.body.report.history[2].note, '请补充融资支持方面的问题和建议');
  assert.equal((await step('leader', 'approve')).status, 409);
  assert.equal((await save('staff', '定稿后改')).status, 409);
  // The audit log has each act.
  const audit = await as.admin.get(`/api/v1/audit?subject_type=consultation_research&subject_id=${research.id}&page_size=100`);
  if (audit.status === 200 && Array.isArray(audit.body.items)) {
    const actions = audit.body.items.map((e) => e.action);
    for (const a of ['consultation.research.create', 'consultation.research.save_report', 'consultation.research.send_back', 'consultation.research.approve'])
      assert.ok(actions.includes(a), `${a} in ${actions}`);
  }
  research = r.body;
});

test('the counterpart unit reads the final report only; another member sees nothing', async () => {
  const unitList = (await as.unit.get(`/api/v1/consultations/topics/${topic.id}/research`)).body.items;
  assert.deepEqual(unitList.map((x) => x.id), [research.id], 'the final one, not the inspection in drafting');
  const u = unitList[0];
  assert.equal(u.sight, 'final_report');
  assert.match(u.report.body, /第三稿/);
  assert.deepEqual(u.report.drafts, []);
  assert.deepEqual(u.visits, []);
  assert.equal(u.outline, '');
  const other = (await as.member2.get(`/api/v1/consultations/topics/${topic.id}/research`)).body;
  assert.deepEqual(other.items, []);
  assert.equal((await as.member2.get(`/api/v1/consultations/research/${research.id}`)).status, 404);
  assert.equal((await as.group.get(`/api/v1/consultations/research/${research.id}`)).status, 404);
  // The team's member reads everything, drafts included.
  const mine = await current('member');
  assert.equal(mine.my_role, 'leader');
  assert.equal(mine.report.drafts.length, 3);
  assert.equal((await current('supervisor')).report.drafts.length, 3);
});

test('我的调研: the member finds the teams they are on, with the next visit', async () => {
  const t = (await as.staff.get(`/api/v1/consultations/research/${research.id}`)).body;
  const r = await as.staff.post(`/api/v1/consultations/research/${research.id}/visits`, { visited_on: '2026-12-28', place: '区工商联', member_user_ids: [ref.member] });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.ok(t);
  const mine = (await as.member.get('/api/v1/consultations/research/mine')).body.items;
  const x = mine.find((i) => i.id === research.id);
  assert.ok(x, JSON.stringify(mine));
  assert.equal(x.topic_title, '优化营商环境调研议题');
  assert.equal(x.role, 'leader');
  assert.equal(x.role_label, '组长');
  assert.equal(x.visits, 3);
  assert.deepEqual(x.next_visit, { visited_on: '2026-12-28', place: '区工商联' });
  const others = (await as.member2.get('/api/v1/consultations/research/mine')).body.items;
  assert.ok(!others.some((i) => i.id === research.id));
  assert.equal((await new Client(srv.baseUrl).get('/api/v1/consultations/research/mine')).status, 401);
});

test("the other committee finds nothing of the district's research", async () => {
  const admin = new Client(srv.baseUrl);
  const user = await admin.login('admin', 'Admin12345');
  const other = user.committees.find((x) => x.id !== user.committee_id);
  assert.equal((await admin.post('/api/v1/auth/committee', { committee_id: other.id })).status, 200);
  const photo = research.visits[0].photos[0];
  assert.equal((await admin.get(`/api/v1/consultations/research/${research.id}`)).status, 404);
  assert.equal((await admin.get(`/api/v1/consultations/topics/${topic.id}/research`)).status, 404);
  assert.equal((await admin.get(photo.url)).status, 404);
  assert.equal((await admin.post(`/api/v1/consultations/research/${research.id}/visits`, { visited_on: '2024-05-01', place: '跨会' })).status, 404);
  assert.equal((await admin.post(`/api/v1/consultations/research/${research.id}/report`, { version: research.version, body: '跨会' })).status, 404);
  assert.equal((await admin.del(`/api/v1/consultations/research-files/${photo.id}`)).status, 404);
  assert.equal((await admin.post(`/api/v1/consultations/research/${research.id}/transitions`, { action: 'submit', version: research.version })).status, 404);
  const upl = await admin.post(`/api/v1/consultations/research/${research.id}/files`, upload(PDF, 'x.pdf', 'application/pdf'));
  assert.equal(upl.status, 404);
  assert.deepEqual((await admin.get('/api/v1/consultations/research/mine')).body.items, []);
});
