// The topic catalogue (提案撰写参考目录): staff CRUD, ordering and publication with audit, what
// each role may do, visibility of drafts, claims by parties and sectors (one claimant unless
// sharing is allowed, withdrawal, staff removal, the claim deadline), the draft check's
// warnings, proposals picking an entry, and the Word export read back with python-docx.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';

let srv;
const as = {};
let units;
let current;
let previous;
before(async () => {
  srv = await startServer();
  const logins = {
    admin: ['admin', 'Admin12345'], staff: ['tianwei', 'Staff12345'], unit: ['fagaiju', 'Unit12345'],
    member: ['13900000001', 'Member12345'], group: ['minmeng', 'Group12345'], leader: ['zhuxi', 'Leader12345'],
    committee: ['jingji', 'Staff12345'],
  };
  for (const [k, [l, p]] of Object.entries(logins)) {
    as[k] = new Client(srv.baseUrl);
    await as[k].login(l, p);
  }
  units = Object.fromEntries((await as.admin.get('/api/v1/units?page_size=100')).body.items.map((u) => [u.name, u.id]));
  const sessions = (await as.admin.get('/api/v1/sessions?page_size=100')).body.items;
  current = sessions.find((s) => s.is_current);
  previous = sessions.find((s) => s.name === '十四届四次会议');
  // A second group contact: the 工商联 sector.
  const sector = (await as.admin.get('/api/v1/sectors?page_size=100')).body.items.find((s) => s.name === '工商联');
  const r = await as.admin.post('/api/v1/users', {
    username: 'gongshanglian', name: '工商联 刘洋', password: 'Group12345', grants: [{ role: 'group_contact', sector_id: sector.id }],
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  as.sector = new Client(srv.baseUrl);
  await as.sector.login('gongshanglian', 'Group12345');
  assert.equal((await as.sector.post('/api/v1/auth/password', { old_password: 'Group12345', new_password: 'Group67890' })).status, 200);
});
after(async () => {
  await srv.stop();
});

const topicInput = (extra = {}) => ({
  session_id: previous.id,
  category: '城市建设',
  topic: '推进海绵城市建设和内涝治理',
  description: '研究老城区排水管网改造、海绵设施建设和汛期应急排涝。',
  suggested_unit_ids: [units['区水务和湖泊局'], units['区住房和城市更新局']],
  proposed_by: '区委政研室',
  ...extra,
});

const topicByName = (catalogue, name) => catalogue.topics.find((t) => t.topic === name);

test('the demo catalogue of the current session is published, ordered and shows who claimed', async () => {
  const r = await as.member.get('/api/v1/catalogue');
  assert.equal(r.status, 200);
  const c = r.body;
  assert.equal(c.session_id, current.id);
  assert.equal(c.state, 'published');
  assert.equal(c.can_edit, false);
  assert.ok(c.topics.length >= 15 && c.topics.length <= 20, `${c.topics.length} topics`);
  const sorts = c.topics.map((t) => t.sort);
  assert.deepEqual(sorts, [...sorts].sort((a, b) => a - b));
  const edu = topicByName(c, '推进义务教育优质均衡发展');
  assert.equal(edu.claimed_by, '民盟');
  assert.equal(edu.claims[0].group_type, 'party');
  assert.equal(edu.claims[0].claimed_by_name, '民盟 梁静');
  assert.deepEqual(edu.suggested_units.map((u) => u.name), ['区教育局', '区财政局']);
  assert.equal(topicByName(c, '优化营商环境，促进民营经济高质量发展').claimed_by, '民建');
  assert.equal(c.topics.filter((t) => t.claims.length > 0).length, 2);
  assert.equal(topicByName(c, '加强“一老一小”服务体系建设').allow_sharing, true);
  // The group contact learns which groups they claim for.
  const g = (await as.group.get('/api/v1/catalogue')).body;
  assert.deepEqual(g.my_groups.map((x) => [x.group_type, x.name]), [['party', '民盟']]);
});

test('staff create, edit, reorder and delete entries; every write is audited', async () => {
  let r = await as.staff.post('/api/v1/catalogue/topics', topicInput());
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const a = r.body;
  assert.equal(a.sort, 1);
  assert.equal(a.allow_sharing, false);
  assert.deepEqual(a.suggested_units.map((u) => u.name), ['区水务和湖泊局', '区住房和城市更新局']);
  assert.deepEqual(a.claims, []);
  r = await as.staff.post('/api/v1/catalogue/topics', topicInput({ topic: '加强社区嵌入式托育服务', category: '社会事业', suggested_unit_ids: [] }));
  assert.equal(r.status, 201);
  const b = r.body;
  assert.equal(b.sort, 2, 'a new entry goes to the end');
  // Validation: every bad field at once.
  r = await as.staff.post('/api/v1/catalogue/topics', { session_id: previous.id, category: '体育', suggested_unit_ids: [999999] });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.topic && r.body.error.fields.category && r.body.error.fields.suggested_unit_ids, JSON.stringify(r.body));
  r = await as.staff.patch(`/api/v1/catalogue/topics/${a.id}`, { session_id: current.id });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.session_id);
  r = await as.staff.patch(`/api/v1/catalogue/topics/${a.id}`, { description: '排水管网、海绵设施与应急排涝。', allow_sharing: true });
  assert.equal(r.status, 200);
  assert.equal(r.body.allow_sharing, true);
  assert.equal(r.body.description, '排水管网、海绵设施与应急排涝。');
  // Reorder: the full list, in the new order.
  r = await as.staff.post('/api/v1/catalogue/reorder', { session_id: previous.id, topic_ids: [b.id] });
  assert.equal(r.status, 400, 'a partial order is refused');
  r = await as.staff.post('/api/v1/catalogue/reorder', { session_id: previous.id, topic_ids: [b.id, a.id] });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body.topics.map((t) => t.id), [b.id, a.id]);
  r = await as.staff.get(`/api/v1/catalogue/topics?session_id=${previous.id}`);
  assert.deepEqual(r.body.items.map((t) => t.id), [b.id, a.id]);
  assert.equal((await as.staff.del(`/api/v1/catalogue/topics/${b.id}`)).status, 204);
  assert.equal((await as.staff.get(`/api/v1/catalogue/topics/${b.id}`)).status, 404);
  // The audit log holds each write with who made it.
  const log = (await as.admin.get('/api/v1/audit?action=catalogue&page_size=50')).body.items;
  const actions = log.map((e) => e.action);
  for (const x of ['catalogue_topic.create', 'catalogue_topic.update', 'catalogue_topic.delete', 'catalogue.reorder'])
    assert.ok(actions.includes(x), `${x} in ${actions}`);
  assert.ok(log.filter((e) => e.action.startsWith('catalogue')).every((e) => e.actor_name === '田伟'));
  const del = log.find((e) => e.action === 'catalogue_topic.delete');
  assert.equal(del.before.topic, '加强社区嵌入式托育服务');
});

test('only admin and proposal staff edit, order and publish; everyone with a role reads', async () => {
  for (const k of ['member', 'group', 'unit', 'leader', 'committee']) {
    const r = await as[k].post('/api/v1/catalogue/topics', topicInput({ topic: `越权选题${k}` }));
    assert.equal(r.status, 403, k);
    assert.match(r.body.error.message, /管理员和提案委/);
    assert.equal((await as[k].post('/api/v1/catalogue/publish', { session_id: previous.id })).status, 403, k);
    assert.equal((await as[k].post('/api/v1/catalogue/reorder', { topic_ids: [] })).status, 403, k);
    assert.equal((await as[k].patch('/api/v1/catalogue', { claim_until: null })).status, 403, k);
    assert.equal((await as[k].get('/api/v1/catalogue')).status, 200, k);
  }
  const t = topicByName((await as.member.get('/api/v1/catalogue')).body, '破解老城区停车难问题');
  assert.equal((await as.member.patch(`/api/v1/catalogue/topics/${t.id}`, { topic: '改' })).status, 403);
  assert.equal((await as.member.del(`/api/v1/catalogue/topics/${t.id}`)).status, 403);
  const r = await as.admin.post('/api/v1/catalogue/topics', topicInput({ topic: '管理员添加的选题' }));
  assert.equal(r.status, 201);
  assert.equal((await as.admin.del(`/api/v1/catalogue/topics/${r.body.id}`)).status, 204);
  // Without a session the API answers 401, never the catalogue.
  assert.equal((await new Client(srv.baseUrl).get('/api/v1/catalogue')).status, 401);
});

test('a draft catalogue is hidden from members until published, and again after unpublishing', async () => {
  const r0 = await as.staff.post('/api/v1/catalogue/topics', topicInput({ topic: '发展夜间经济' }));
  assert.equal(r0.status, 201);
  const id = r0.body.id;
  let staffView = (await as.staff.get(`/api/v1/catalogue?session_id=${previous.id}`)).body;
  assert.equal(staffView.state, 'draft');
  assert.ok(topicByName(staffView, '发展夜间经济'));
  let m = (await as.member.get(`/api/v1/catalogue?session_id=${previous.id}`)).body;
  assert.equal(m.state, 'draft');
  assert.deepEqual(m.topics, []);
  assert.equal((await as.member.get(`/api/v1/catalogue/topics/${id}`)).status, 404);
  assert.equal((await as.member.get(`/api/v1/catalogue/topics?session_id=${previous.id}`)).body.total, 0);
  assert.equal((await as.member.get(`/api/v1/catalogue/export.docx?session_id=${previous.id}`, { raw: true })).status, 404);
  assert.equal((await as.group.post(`/api/v1/catalogue/topics/${id}/claims`, {})).status, 404, 'no claims on a hidden entry');
  // A proposal cannot pick an entry of an unpublished catalogue.
  let p = await as.member.post('/api/v1/proposals', { title: '关于发展夜间经济的建议', catalogue_topic_id: id });
  assert.equal(p.status, 400);
  assert.ok(p.body.error.fields.catalogue_topic_id);

  const pub = await as.staff.post('/api/v1/catalogue/publish', { session_id: previous.id });
  assert.equal(pub.status, 200, JSON.stringify(pub.body));
  assert.equal(pub.body.state, 'published');
  assert.equal(pub.body.published_by_name, '田伟');
  m = (await as.member.get(`/api/v1/catalogue?session_id=${previous.id}`)).body;
  assert.equal(m.state, 'published');
  assert.ok(topicByName(m, '发展夜间经济'));
  assert.equal((await as.member.get(`/api/v1/catalogue/topics/${id}`)).status, 200);

  assert.equal((await as.staff.post('/api/v1/catalogue/unpublish', { session_id: previous.id })).body.state, 'draft');
  m = (await as.member.get(`/api/v1/catalogue?session_id=${previous.id}`)).body;
  assert.deepEqual(m.topics, []);
  staffView = (await as.staff.get(`/api/v1/catalogue?session_id=${previous.id}`)).body;
  assert.ok(staffView.topics.length >= 1, 'staff still see the draft');
  const log = (await as.admin.get('/api/v1/audit?action=catalogue.&page_size=50')).body.items.map((e) => e.action);
  assert.ok(log.includes('catalogue.publish') && log.includes('catalogue.unpublish'), String(log));

  // An empty catalogue cannot be published.
  const sessions = (await as.admin.get('/api/v1/sessions?page_size=100')).body.items;
  const empty = sessions.find((s) => s.name === '十四届一次会议');
  const r = await as.staff.post('/api/v1/catalogue/publish', { session_id: empty.id });
  assert.equal(r.status, 409);
  assert.match(r.body.error.message, /还没有选题/);
  assert.equal((await as.staff.get('/api/v1/catalogue?session_id=999999')).status, 404);
});

test('claims: one claimant per topic unless sharing is allowed; withdraw; staff remove; the deadline', async () => {
  const cat = (await as.group.get('/api/v1/catalogue')).body;
  const parking = topicByName(cat, '破解老城区停车难问题');
  const shared = topicByName(cat, '加强“一老一小”服务体系建设');
  const taken = topicByName(cat, '优化营商环境，促进民营经济高质量发展');

  let r = await as.group.post(`/api/v1/catalogue/topics/${parking.id}/claims`, {});
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.claimed_by, '民盟');
  assert.equal(r.body.claims[0].claimed_by_name, '民盟 梁静');
  const mineClaim = r.body.claims[0].id;
  r = await as.group.post(`/api/v1/catalogue/topics/${parking.id}/claims`, {});
  assert.equal(r.status, 409);
  assert.match(r.body.error.message, /民盟已认领该选题/);
  // Another group: refused with who holds it.
  r = await as.sector.post(`/api/v1/catalogue/topics/${parking.id}/claims`, {});
  assert.equal(r.status, 409);
  assert.equal(r.body.error.code, 'conflict');
  assert.match(r.body.error.message, /已由民盟认领。每个选题只能由一个党派或界别认领/);
  r = await as.group.post(`/api/v1/catalogue/topics/${taken.id}/claims`, {});
  assert.equal(r.status, 409);
  assert.match(r.body.error.message, /已由民建认领/);
  // A group the caller does not act for, and people who are no group contact.
  r = await as.group.post(`/api/v1/catalogue/topics/${shared.id}/claims`, { group_type: 'sector', group_id: 1 });
  assert.equal(r.status, 403);
  for (const k of ['member', 'staff', 'unit']) {
    r = await as[k].post(`/api/v1/catalogue/topics/${shared.id}/claims`, {});
    assert.equal(r.status, 403, k);
    assert.match(r.body.error.message, /党派、界别的联络人/);
  }
  // Sharing allowed: both groups hold it, in claim order.
  r = await as.group.post(`/api/v1/catalogue/topics/${shared.id}/claims`, { group_type: 'party' });
  assert.equal(r.status, 201);
  r = await as.sector.post(`/api/v1/catalogue/topics/${shared.id}/claims`, {});
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.claimed_by, '民盟、工商联');
  assert.deepEqual(r.body.claims.map((c) => c.group_type), ['party', 'sector']);
  const sectorClaim = r.body.claims[1].id;

  // Withdraw: only one's own group's claim; staff may remove any.
  r = await as.sector.del(`/api/v1/catalogue/claims/${mineClaim}`);
  assert.equal(r.status, 403);
  assert.match(r.body.error.message, /只能撤回本党派或界别的认领/);
  r = await as.group.del(`/api/v1/catalogue/claims/${mineClaim}`);
  assert.equal(r.status, 200);
  assert.equal(r.body.id, parking.id);
  assert.deepEqual(r.body.claims, []);
  assert.equal(r.body.claimed_by, '');
  assert.equal((await as.group.del(`/api/v1/catalogue/claims/${mineClaim}`)).status, 404);
  r = await as.sector.post(`/api/v1/catalogue/topics/${parking.id}/claims`, {});
  assert.equal(r.status, 201, 'free again after withdrawal');
  r = await as.staff.del(`/api/v1/catalogue/claims/${sectorClaim}`);
  assert.equal(r.status, 200);
  assert.equal(r.body.claimed_by, '民盟');
  // A claimed entry cannot be deleted while claimed.
  r = await as.staff.del(`/api/v1/catalogue/topics/${parking.id}`);
  assert.equal(r.status, 409);
  assert.match(r.body.error.message, /认领/);
  const log = (await as.admin.get('/api/v1/audit?action=catalogue_claim&page_size=50')).body.items;
  assert.ok(log.some((e) => e.action === 'catalogue_claim.create' && e.actor_name === '民盟 梁静'));
  assert.ok(log.some((e) => e.action === 'catalogue_claim.delete' && e.actor_name === '田伟' && e.before.group_name === '工商联'));

  // The claim deadline.
  r = await as.staff.patch('/api/v1/catalogue', { claim_until: '2020-01-10' });
  assert.equal(r.status, 200);
  assert.equal(r.body.claims_open, false);
  r = await as.group.post(`/api/v1/catalogue/topics/${topicByName(cat, '提升城市精细化管理水平').id}/claims`, {});
  assert.equal(r.status, 409);
  assert.match(r.body.error.message, /认领已于 2020-01-10 截止/);
  assert.equal((await as.staff.patch('/api/v1/catalogue', { claim_until: 'soon' })).status, 400);
  r = await as.staff.patch('/api/v1/catalogue', { claim_until: null });
  assert.equal(r.body.claims_open, true);
});

test('two groups claiming the same topic at once: exactly one wins', async () => {
  const cat = (await as.group.get('/api/v1/catalogue')).body;
  const t = topicByName(cat, '推进汉江沿岸生态廊道建设');
  const [a, b] = await Promise.all([
    as.group.post(`/api/v1/catalogue/topics/${t.id}/claims`, {}),
    as.sector.post(`/api/v1/catalogue/topics/${t.id}/claims`, {}),
  ]);
  assert.deepEqual([a.status, b.status].sort(), [201, 409]);
  const after = (await as.member.get(`/api/v1/catalogue/topics/${t.id}`)).body;
  assert.equal(after.claims.length, 1);
});

test('the draft check warns about topics claimed by another group, by pick or by likeness', async () => {
  const cat = (await as.member.get('/api/v1/catalogue')).body;
  const edu = topicByName(cat, '推进义务教育优质均衡发展');
  const elderly = topicByName(cat, '完善社区居家养老服务');
  const q = (params) => `/api/v1/catalogue/check?${new URLSearchParams(params)}`;

  // Picked a topic 民盟 claimed.
  let r = await as.member.get(q({ topic_id: edu.id, title: '关于改善学校课后服务的建议', body: '' }));
  assert.equal(r.status, 200);
  assert.equal(r.body.topic.topic_id, edu.id);
  assert.equal(r.body.warnings.length, 1);
  assert.equal(r.body.warnings[0].kind, 'claimed_topic');
  assert.equal(r.body.warnings[0].other_groups, '民盟');
  assert.match(r.body.warnings[0].message, /已由民盟认领/);
  // No pick, but the title and opening match the claimed topic.
  r = await as.member.get(q({
    title: '关于推动义务教育优质均衡发展的建议',
    body: '我区义务教育阶段校际差距仍然较大，优质学位供给不足，教师交流轮岗机制有待健全。',
  }));
  assert.equal(r.body.warnings.length, 1, JSON.stringify(r.body));
  assert.equal(r.body.warnings[0].kind, 'similar_claimed_topic');
  assert.equal(r.body.warnings[0].topic_id, edu.id);
  assert.ok(r.body.warnings[0].score >= r.body.threshold);
  assert.equal(r.body.matches[0].topic_id, edu.id);
  // A draft on an unclaimed topic gets no warning, but its matching entry.
  r = await as.member.get(q({ title: '关于完善社区居家养老服务的建议', body: '老年助餐和医养结合服务供给不足。' }));
  assert.deepEqual(r.body.warnings, []);
  assert.equal(r.body.matches[0].topic_id, elderly.id);
  // A nearby topic that shares only a word or two is not a match.
  r = await as.member.get(q({ title: '关于规范校外培训机构管理的建议', body: '部分校外培训机构无证经营，收费不透明。' }));
  assert.deepEqual(r.body.warnings, []);
  // The claiming group itself is not warned about its own topic.
  r = await as.group.get(q({ topic_id: edu.id, title: '关于推动义务教育优质均衡发展的建议', group_type: 'party', group_id: edu.claims[0].group_id }));
  assert.deepEqual(r.body.warnings, []);
  r = await as.group.get(q({ topic_id: edu.id, title: '关于推动义务教育优质均衡发展的建议' }));
  assert.deepEqual(r.body.warnings, [], 'without a draft group, the caller\'s own groups count as own');
  assert.equal((await as.member.get(q({ topic_id: 999999 }))).status, 404);
  assert.equal((await as.member.get(q({ topic_id: 'x' }))).status, 400);
});

test('a proposal picks a catalogue entry; an entry picked by a proposal cannot be deleted', async () => {
  const cat = (await as.member.get('/api/v1/catalogue')).body;
  const t = topicByName(cat, '提升基层医疗卫生服务能力');
  let r = await as.member.post('/api/v1/proposals', { title: '关于提升社区卫生服务中心服务能力的建议', catalogue_topic_id: t.id });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.catalogue_topic_id, t.id);
  const p = r.body;
  r = await as.member.patch(`/api/v1/proposals/${p.id}`, { version: p.version, catalogue_topic_id: 999999 });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.catalogue_topic_id);
  r = await as.staff.del(`/api/v1/catalogue/topics/${t.id}`);
  assert.equal(r.status, 409);
  assert.match(r.body.error.message, /提案/);
  r = await as.member.patch(`/api/v1/proposals/${p.id}`, { version: p.version, catalogue_topic_id: null });
  assert.equal(r.status, 200);
  assert.equal(r.body.catalogue_topic_id, null);
});

const dir = mkdtempSync(join(tmpdir(), 'sl-catalogue-'));
const docxText = `
import docx, sys
d = docx.Document(sys.argv[1])
s = d.sections[0]
print('PAGE', round(s.page_width.mm), round(s.page_height.mm), round(s.top_margin.mm), round(s.left_margin.mm))
for p in d.paragraphs: print(p.style.name + '|' + p.text)
`;

test('the catalogue exports as a Word document in the official layout', async () => {
  const r = await as.staff.get('/api/v1/catalogue/export.docx', { raw: true });
  assert.equal(r.status, 200, r.body.toString().slice(0, 200));
  assert.match(r.headers.get('content-type'), /wordprocessingml/);
  const file = join(dir, 'catalogue.docx');
  writeFileSync(file, r.body);
  const text = execFileSync('/usr/bin/python3', ['-c', docxText, file]).toString();
  assert.match(text, /PAGE 210 297 37 28/);
  assert.match(text, /Title\|武汉市汉江区政协十四届五次会议\s*提案撰写参考目录/);
  const lines = text.split('\n');
  const headings = lines.filter((l) => /^heading 1\|/i.test(l)).map((l) => l.split('|')[1]);
  assert.deepEqual(headings, ['一、经济建设', '二、城市建设', '三、社会事业', '四、科教文卫', '五、政治法律']);
  const entries = lines.filter((l) => /^heading 3\|/i.test(l)).map((l) => l.split('|')[1]);
  assert.ok(entries.length >= 15);
  entries.forEach((e, i) => assert.ok(e.startsWith(`${i + 1}. `), e));
  assert.equal(entries[0], '1. 优化营商环境，促进民营经济高质量发展');
  assert.match(text, /建议承办单位：区发展和改革局、区市场监督管理局、区政务服务和大数据管理局/);
  assert.match(text, /选题提出单位：区委政研室/);
  assert.match(text, /认领情况：民盟认领/);
  assert.match(text, /聚焦老旧小区改造中的资金筹措/);
  assert.match(text, /武汉市汉江区政协提案委员会/);
  // Members download the published catalogue too.
  assert.equal((await as.member.get('/api/v1/catalogue/export.docx', { raw: true })).status, 200);
});
