// A topic's online deliberation (网络议政 / 远程协商): the office or the leading special
// committee's staff open a window and invite members; invited members post opinions only while
// it is open (the server's clock, moved with /api/v1/test/clock), edit or withdraw their own
// while pending; staff publish, hide with a reason and select opinions into the outcome; who sees
// what by role; closing early, extending, inviting more; another committee's window is not
// found; the notices and 我的活动; the demo's two deliberations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client, DEMO_LOGINS } from '../lib/client.mjs';

let srv;
const as = {};
const ids = {};
let topic; // led by 经济委员会, counterpart 区发展和改革局
let other; // led by 社会和法制委员会
let delib;

async function must(r, what, status = [200, 201]) {
  const res = await r;
  if (!status.includes(res.status)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
async function setClock(offset) {
  await must(new Client(srv.baseUrl).post('/api/v1/test/clock', { offset_seconds: offset }), 'clock');
}
/** Now plus `seconds` as a UTC timestamp, on the real clock. */
function isoIn(seconds) {
  return new Date(Math.floor(Date.now() / 1000 + seconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
async function memberClient(mobile) {
  const m = (await must(as.admin.get(`/api/v1/members?q=${mobile}`), 'member')).items[0];
  await must(as.admin.patch(`/api/v1/users/${m.user_id}`, { password: 'Delib12345' }), 'reset password');
  const c = new Client(srv.baseUrl);
  const r = await c.post('/api/v1/auth/login', { login: mobile, password: 'Delib12345' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  if (r.body.user.must_change_password)
    await must(c.post('/api/v1/auth/password', { old_password: 'Delib12345', new_password: 'Delib54321' }), 'password');
  return { client: c, member: m };
}
const view = async (who, t = topic) => must(as[who].get(`/api/v1/consultations/topics/${t}/deliberation`), `view ${who}`);
const opinionOf = (v, text) => v.opinions.find((o) => o.body.includes(text));
const DAY = 86400;

before(async () => {
  srv = await startServer();
  for (const k of ['admin', 'staff', 'committeeStaff', 'unit', 'other', 'leader', 'supervisor', 'member', 'group']) {
    as[k] = new Client(srv.baseUrl);
    await as[k].login(...DEMO_LOGINS[k]);
  }
  ids.member1 = (await must(as.admin.get('/api/v1/members?q=13900000001'), 'm1')).items[0].user_id;
  for (const [k, mobile] of [['member2', '13900000002'], ['member3', '13900000003']]) {
    const m = await memberClient(mobile);
    as[k] = m.client;
    ids[k] = m.member.user_id;
  }
  const units = (await must(as.admin.get('/api/v1/units?page_size=100'), 'units')).items;
  ids.fagaiju = units.find((u) => u.name === '区发展和改革局').id;
  const specials = (await must(as.admin.get('/api/v1/special-committees?page_size=100'), 'specials')).items;
  ids.jingji = specials.find((s) => s.name === '经济委员会').id;
  ids.shehui = specials.find((s) => s.name === '社会和法制委员会').id;
  const plan = await must(as.staff.post('/api/v1/consultations/plans', { year: 2031 }), 'plan');
  topic = (
    await must(
      as.staff.post('/api/v1/consultations/topics', {
        plan_id: plan.id, kind: 'counterpart', title: '优化营商环境网络议政', special_committee_id: ids.jingji,
        unit_ids: [ids.fagaiju], planned_month: 6, form: 'online',
      }),
      'topic',
    )
  ).id;
  other = (
    await must(
      as.staff.post('/api/v1/consultations/topics', {
        plan_id: plan.id, kind: 'counterpart', title: '完善社区矫正工作远程协商', special_committee_id: ids.shehui,
        planned_month: 7, form: 'remote',
      }),
      'other topic',
    )
  ).id;
  // Before the plan is published no window opens.
  const early = await as.staff.post(`/api/v1/consultations/topics/${topic}/deliberation`, { prompt: '早', closes_at: isoIn(5 * DAY), user_ids: [ids.member1] });
  assert.equal(early.status, 409, JSON.stringify(early.body));
  let p = plan;
  for (const action of ['submit_to_chair', 'submit_to_party', 'publish'])
    p = await must(as.staff.post(`/api/v1/consultations/plans/${plan.id}/steps`, { action, version: p.version, acted_on: '2031-01-10', doc_number: '汉政协发〔2031〕1号' }), action);
});

after(async () => {
  if (srv) await setClock(0).catch(() => {});
  await srv?.stop();
});

test('only the office and the leading special committee open a window; bad input is named', async () => {
  let v = await view('committeeStaff');
  assert.equal(v.window, null);
  assert.equal(v.can_open, true);
  assert.equal((await view('member')).can_open, false);
  assert.equal((await view('committeeStaff', other)).can_open, false, '经济委 does not run 社法委 topics');
  const body = { prompt: '请围绕优化营商环境提出意见建议', opens_at: isoIn(1800), closes_at: isoIn(6 * 3600), user_ids: [ids.member1, ids.member2] };
  for (const who of ['member', 'unit', 'leader', 'supervisor', 'group'])
    assert.equal((await as[who].post(`/api/v1/consultations/topics/${topic}/deliberation`, body)).status, 403, who);
  assert.equal((await as.committeeStaff.post(`/api/v1/consultations/topics/${other}/deliberation`, body)).status, 403);
  let r = await as.staff.post(`/api/v1/consultations/topics/${topic}/deliberation`, { closes_at: 'tomorrow', user_ids: 'x' });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.prompt && r.body.error.fields.closes_at && r.body.error.fields.user_ids, JSON.stringify(r.body));
  r = await as.staff.post(`/api/v1/consultations/topics/${topic}/deliberation`, { ...body, closes_at: isoIn(-DAY), opens_at: undefined });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.closes_at);
  r = await as.staff.post(`/api/v1/consultations/topics/${topic}/deliberation`, { ...body, user_ids: [], sector_ids: [999999] });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.sector_ids);
  r = await as.staff.post(`/api/v1/consultations/topics/${topic}/deliberation`, { ...body, closes_at: isoIn(200 * DAY) });
  assert.equal(r.status, 400, 'at most 90 days');
  r = await as.staff.post(`/api/v1/consultations/topics/${topic}/deliberation`, { ...body, extra: 1 });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.extra);
  r = await as.committeeStaff.post(`/api/v1/consultations/topics/${topic}/deliberation`, body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  v = r.body;
  delib = v.window;
  assert.equal(delib.phase, 'scheduled');
  assert.equal(delib.phase_label, '未开始');
  assert.equal(delib.invitees_count, 2);
  assert.deepEqual(v.invitees.map((i) => i.user_id).sort(), [ids.member1, ids.member2].sort());
  assert.equal(v.can_close, true);
  assert.equal((await as.staff.post(`/api/v1/consultations/topics/${topic}/deliberation`, body)).status, 409, 'one window per topic');
  // The topic page carries the summary.
  const detail = await must(as.member.get(`/api/v1/consultations/topics/${topic}`), 'detail');
  assert.equal(detail.deliberation.id, delib.id);
  assert.equal(detail.deliberation.phase, 'scheduled');
  assert.equal(detail.deliberation.invited, true);
  // Audited.
  const audit = await must(as.admin.get(`/api/v1/audit?subject_type=consultation_deliberation&subject_id=${delib.id}`), 'audit');
  assert.ok(audit.items.some((e) => e.action === 'consultation.deliberation.open'), JSON.stringify(audit.items.slice(0, 2)));
});

test('invited members are told, and see the window in 我的活动', async () => {
  const notes = (await must(as.member.get('/api/v1/notifications'), 'notes')).items;
  const n = notes.find((x) => x.kind === 'consultation.deliberation.invited');
  assert.ok(n, JSON.stringify(notes.slice(0, 3)));
  assert.equal(n.link, `/consultations/topics/${topic}`);
  assert.match(n.title, /优化营商环境网络议政/);
  let mine = await must(as.member.get('/api/v1/consultations/deliberations/mine'), 'mine');
  const item = mine.items.find((x) => x.topic_id === topic);
  assert.ok(item);
  assert.equal(item.phase, 'scheduled');
  assert.equal(item.can_post, false);
  mine = await must(as.member3.get('/api/v1/consultations/deliberations/mine'), 'mine 3');
  assert.ok(!mine.items.some((x) => x.topic_id === topic), 'not invited');
  assert.ok(!(await must(as.member3.get('/api/v1/notifications'), 'n3')).items.some((x) => x.kind === 'consultation.deliberation.invited' && x.link === `/consultations/topics/${topic}`));
});

test('invited members post only while the window is open', async () => {
  let r = await as.member.post(`/api/v1/consultations/deliberations/${delib.id}/opinions`, { body: '建议推行“一件事一次办”。' });
  assert.equal(r.status, 409);
  assert.match(r.body.error.message, /尚未开始/);
  assert.match((await view('member')).post_refusal, /尚未开始/);
  await setClock(1900); // sessions idle out after two hours: the test's clock moves in steps shorter
  r = await as.member3.post(`/api/v1/consultations/deliberations/${delib.id}/opinions`, { body: '未受邀的意见' });
  assert.equal(r.status, 403, 'not invited');
  for (const who of ['unit', 'staff', 'leader'])
    assert.equal((await as[who].post(`/api/v1/consultations/deliberations/${delib.id}/opinions`, { body: '意见' })).status, 403, who);
  r = await as.member.post(`/api/v1/consultations/deliberations/${delib.id}/opinions`, { body: '' });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.body);
  r = await as.member.post(`/api/v1/consultations/deliberations/${delib.id}/opinions`, { body: '长'.repeat(2001) });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.body);
  r = await as.member.post(`/api/v1/consultations/deliberations/${delib.id}/opinions`, { body: '建议推行企业开办“一件事一次办”，压缩审批时限。' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.window.phase, 'open');
  const own = opinionOf(r.body, '一件事一次办');
  assert.equal(own.state, 'pending');
  assert.equal(own.mine, true);
  assert.equal(own.can_edit, true);
  await must(as.member.post(`/api/v1/consultations/deliberations/${delib.id}/opinions`, { body: '建议清理涉企收费，减轻企业负担。' }), 'second');
  await must(as.member2.post(`/api/v1/consultations/deliberations/${delib.id}/opinions`, { body: '建议建立政企沟通圆桌会议制度。' }), 'member2');
  await must(as.member2.post(`/api/v1/consultations/deliberations/${delib.id}/opinions`, { body: '这是一条与议题无关的广告内容。' }), 'member2 b');
  const mine = await must(as.member.get('/api/v1/consultations/deliberations/mine'), 'mine');
  const item = mine.items.find((x) => x.topic_id === topic);
  assert.equal(item.phase, 'open');
  assert.equal(item.my_opinions, 2);
  const audit = await must(as.admin.get(`/api/v1/audit?subject_type=consultation_deliberation&subject_id=${delib.id}`), 'audit');
  assert.ok(audit.items.some((e) => e.action === 'consultation.deliberation.post'));
});

test('authors edit and withdraw their own pending opinions; nobody else sees pending ones', async () => {
  let v = await view('member2');
  assert.deepEqual(v.opinions.map((o) => o.author_id), [ids.member2, ids.member2], 'only their own while pending');
  assert.equal(v.counts.pending, undefined, 'members see no pending count');
  const theirs = opinionOf(await view('staff'), '圆桌会议');
  assert.equal((await as.member.patch(`/api/v1/consultations/deliberation-opinions/${theirs.id}`, { body: '改写他人' })).status, 404);
  assert.equal((await as.member.del(`/api/v1/consultations/deliberation-opinions/${theirs.id}`)).status, 404);
  v = await view('member');
  const own = opinionOf(v, '涉企收费');
  let r = await as.member.patch(`/api/v1/consultations/deliberation-opinions/${own.id}`, { body: '' });
  assert.equal(r.status, 400);
  r = await as.member.patch(`/api/v1/consultations/deliberation-opinions/${own.id}`, { body: '建议全面清理规范涉企收费，公开收费目录清单。' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.ok(opinionOf(r.body, '收费目录清单'));
  const third = opinionOf(await must(as.member.post(`/api/v1/consultations/deliberations/${delib.id}/opinions`, { body: '将要撤回的意见' }), 'third'), '将要撤回');
  r = await as.member.del(`/api/v1/consultations/deliberation-opinions/${third.id}`);
  assert.equal(r.status, 200);
  assert.ok(!opinionOf(r.body, '将要撤回'));
  // Readers of everything see all four pending; units and non-invited members none.
  for (const who of ['staff', 'committeeStaff', 'leader', 'supervisor']) {
    v = await view(who);
    assert.equal(v.opinions.length, 4, who);
    assert.equal(v.counts.pending, 4, who);
  }
  assert.equal((await view('unit')).opinions.length, 0);
  assert.equal((await view('member3')).opinions.length, 0);
  const nonCounterpart = await view('other');
  assert.equal(nonCounterpart.opinions.length, 0);
  assert.equal(nonCounterpart.counts.published, 0);
});

test('staff publish, hide with a reason and select opinions into the outcome', async () => {
  let v = await view('staff');
  const a = opinionOf(v, '一件事一次办');
  const b = opinionOf(v, '圆桌会议');
  const ad = opinionOf(v, '广告');
  // The author and readers of everything learn they may not (403); those who cannot see a
  // pending opinion learn nothing of it (404).
  const expected = { member: 403, leader: 403, supervisor: 403, member2: 404, unit: 404 };
  for (const [who, status] of Object.entries(expected))
    assert.equal((await as[who].post(`/api/v1/consultations/deliberation-opinions/${a.id}/moderation`, { action: 'publish' })).status, status, who);
  assert.equal((await as.committeeStaff.post(`/api/v1/consultations/deliberation-opinions/${a.id}/moderation`, { action: 'approve' })).status, 400);
  let r = await as.committeeStaff.post(`/api/v1/consultations/deliberation-opinions/${ad.id}/moderation`, { action: 'hide' });
  assert.equal(r.status, 400, 'a reason to hide');
  assert.ok(r.body.error.fields.reason);
  r = await as.committeeStaff.post(`/api/v1/consultations/deliberation-opinions/${ad.id}/moderation`, { action: 'hide', reason: '与议题无关' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(opinionOf(r.body, '广告').state, 'hidden');
  assert.equal((await as.committeeStaff.post(`/api/v1/consultations/deliberation-opinions/${ad.id}/moderation`, { action: 'hide', reason: '再次' })).status, 409);
  await must(as.committeeStaff.post(`/api/v1/consultations/deliberation-opinions/${a.id}/moderation`, { action: 'publish' }), 'publish a');
  await must(as.staff.post(`/api/v1/consultations/deliberation-opinions/${b.id}/moderation`, { action: 'publish' }), 'publish b');
  // A published opinion is no longer the author's to change.
  r = await as.member.patch(`/api/v1/consultations/deliberation-opinions/${a.id}`, { body: '改' });
  assert.equal(r.status, 409);
  assert.equal((await as.member.del(`/api/v1/consultations/deliberation-opinions/${a.id}`)).status, 409);
  assert.equal((await as.member.patch(`/api/v1/consultations/deliberation-opinions/${b.id}`, { body: '改' })).status, 403, 'not theirs');
  // Who sees what now.
  v = await view('member2');
  assert.equal(opinionOf(v, '广告').moderation_reason, '与议题无关', 'the author sees why');
  v = await view('member');
  assert.ok(opinionOf(v, '圆桌会议'), 'published opinions of others');
  assert.ok(!opinionOf(v, '广告'), 'not hidden ones of others');
  v = await view('member3');
  assert.equal(v.opinions.length, 2);
  assert.equal(v.opinions[0].moderated_by_name, '');
  v = await view('unit');
  assert.equal(v.opinions.length, 2, 'the counterpart unit reads published ones');
  assert.equal((await view('other')).opinions.length, 0);
  // Selection: published only, by staff.
  r = await as.staff.post(`/api/v1/consultations/deliberation-opinions/${ad.id}/selection`, { selected: true });
  assert.equal(r.status, 409);
  for (const who of ['member', 'leader', 'unit'])
    assert.ok([403, 404].includes((await as[who].post(`/api/v1/consultations/deliberation-opinions/${a.id}/selection`, { selected: true })).status), who);
  assert.equal((await as.member.post(`/api/v1/consultations/deliberation-opinions/${a.id}/selection`, { selected: true })).status, 403);
  assert.equal((await as.staff.post(`/api/v1/consultations/deliberation-opinions/${a.id}/selection`, { selected: 'yes' })).status, 400);
  r = await as.committeeStaff.post(`/api/v1/consultations/deliberation-opinions/${a.id}/selection`, { selected: true });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.selected.length, 1);
  assert.match(r.body.selected_text, /一件事一次办/);
  assert.equal(r.body.counts.selected, 1);
  await must(as.committeeStaff.post(`/api/v1/consultations/deliberation-opinions/${b.id}/selection`, { selected: true }), 'select b');
  r = await must(as.committeeStaff.post(`/api/v1/consultations/deliberation-opinions/${b.id}/selection`, { selected: false }), 'unselect b');
  assert.equal(r.selected.length, 1);
  // Hiding a selected opinion takes it out of the outcome.
  await must(as.committeeStaff.post(`/api/v1/consultations/deliberation-opinions/${b.id}/selection`, { selected: true }), 'select b again');
  r = await must(as.committeeStaff.post(`/api/v1/consultations/deliberation-opinions/${b.id}/moderation`, { action: 'hide', reason: '涉及个人信息' }), 'hide b');
  assert.equal(r.selected.length, 1);
  assert.equal(opinionOf(r, '圆桌会议').selected, false);
  r = await must(as.committeeStaff.post(`/api/v1/consultations/deliberation-opinions/${b.id}/moderation`, { action: 'publish' }), 'republish b');
  assert.equal(opinionOf(r, '圆桌会议').state, 'published');
  const audit = await must(as.admin.get(`/api/v1/audit?subject_type=consultation_deliberation&subject_id=${delib.id}&page_size=100`), 'audit');
  for (const action of ['hide', 'publish', 'select', 'unselect', 'edit', 'withdraw'])
    assert.ok(audit.items.some((e) => e.action === `consultation.deliberation.${action}`), action);
});

test('closing early, extending and inviting more; the clock closes the window', async () => {
  let v = await view('committeeStaff');
  for (const who of ['member', 'leader', 'unit'])
    assert.equal((await as[who].post(`/api/v1/consultations/deliberations/${delib.id}/close`, { version: v.window.version })).status, 403, who);
  assert.equal((await as.committeeStaff.post(`/api/v1/consultations/deliberations/${delib.id}/close`, { version: v.window.version - 1 })).status, 409);
  assert.equal((await as.committeeStaff.post(`/api/v1/consultations/deliberations/${delib.id}/close`, {})).status, 400);
  let r = await as.committeeStaff.post(`/api/v1/consultations/deliberations/${delib.id}/close`, { version: v.window.version });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.window.phase, 'closed');
  assert.equal(r.body.window.closed_early, true);
  r = await as.member.post(`/api/v1/consultations/deliberations/${delib.id}/opinions`, { body: '截止后的意见' });
  assert.equal(r.status, 409);
  assert.match(r.body.error.message, /截止/);
  assert.ok(!(await must(as.member.get('/api/v1/consultations/deliberations/mine'), 'mine')).items.some((x) => x.topic_id === topic));
  assert.equal((await as.staff.post(`/api/v1/consultations/deliberations/${delib.id}/invitees`, { user_ids: [ids.member3] })).status, 409);
  // Moderation goes on after the window closes.
  v = await view('staff');
  assert.equal(v.can_moderate, true);
  // Extending reopens it; the opening time no longer changes.
  r = await as.member.patch(`/api/v1/consultations/deliberations/${delib.id}`, { version: v.window.version, closes_at: isoIn(10 * DAY) });
  assert.equal(r.status, 403);
  r = await as.staff.patch(`/api/v1/consultations/deliberations/${delib.id}`, { version: v.window.version, closes_at: 'later' });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.closes_at);
  r = await as.staff.patch(`/api/v1/consultations/deliberations/${delib.id}`, { version: v.window.version, closes_at: isoIn(2 * 3600), prompt: '请继续围绕优化营商环境提出意见建议' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.window.phase, 'open');
  assert.equal(r.body.window.closed_early, false);
  r = await as.staff.patch(`/api/v1/consultations/deliberations/${delib.id}`, { version: r.body.window.version, opens_at: isoIn(3 * 3600) });
  assert.equal(r.status, 409);
  // Inviting more: member 3 may now post.
  r = await as.staff.post(`/api/v1/consultations/deliberations/${delib.id}/invitees`, { sector_ids: [999999] });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.sector_ids);
  assert.equal((await as.staff.post(`/api/v1/consultations/deliberations/${delib.id}/invitees`, {})).status, 400);
  r = await as.committeeStaff.post(`/api/v1/consultations/deliberations/${delib.id}/invitees`, { user_ids: [ids.member3, ids.member1] });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.window.invitees_count, 3);
  assert.ok((await must(as.member3.get('/api/v1/notifications'), 'n3')).items.some((x) => x.link === `/consultations/topics/${topic}`));
  await must(as.member3.post(`/api/v1/consultations/deliberations/${delib.id}/opinions`, { body: '建议优化政务服务“好差评”机制。' }), 'member3 posts');
  // The server's clock passes the closing time.
  await setClock(2 * 3600 + 300);
  r = await as.member3.post(`/api/v1/consultations/deliberations/${delib.id}/opinions`, { body: '太晚了' });
  assert.equal(r.status, 409);
  v = await view('member3');
  assert.equal(v.window.phase, 'closed');
  assert.equal(v.can_post, false);
  assert.match(v.post_refusal, /截止/);
  const own = opinionOf(await view('member3'), '好差评');
  assert.equal((await as.member3.patch(`/api/v1/consultations/deliberation-opinions/${own.id}`, { body: '改' })).status, 409);
  assert.equal((await as.committeeStaff.post(`/api/v1/consultations/deliberations/${delib.id}/close`, { version: v.window.version })).status, 409);
  await setClock(0);
});

test("another committee's window and opinions are not found; ids that do not exist neither", async () => {
  const committees = (await must(as.admin.get('/api/v1/committees'), 'committees')).items;
  const parentId = committees.find((c) => c.parent_id).parent_id;
  const adminP = new Client(srv.baseUrl);
  await adminP.login(...DEMO_LOGINS.admin);
  await must(adminP.post('/api/v1/auth/committee', { committee_id: parentId }), 'switch');
  const v = await view('staff');
  const o = v.opinions[0];
  assert.equal((await adminP.get(`/api/v1/consultations/topics/${topic}/deliberation`)).status, 404);
  assert.equal((await adminP.post(`/api/v1/consultations/topics/${topic}/deliberation`, { prompt: 'x', closes_at: isoIn(DAY), user_ids: [1] })).status, 404);
  assert.equal((await adminP.patch(`/api/v1/consultations/deliberations/${delib.id}`, { version: 1, prompt: 'x' })).status, 404);
  assert.equal((await adminP.post(`/api/v1/consultations/deliberations/${delib.id}/close`, { version: 1 })).status, 404);
  assert.equal((await adminP.post(`/api/v1/consultations/deliberations/${delib.id}/invitees`, { user_ids: [1] })).status, 404);
  assert.equal((await adminP.post(`/api/v1/consultations/deliberations/${delib.id}/opinions`, { body: 'x' })).status, 404);
  assert.equal((await adminP.post(`/api/v1/consultations/deliberation-opinions/${o.id}/moderation`, { action: 'publish' })).status, 404);
  assert.equal((await adminP.post(`/api/v1/consultations/deliberation-opinions/${o.id}/selection`, { selected: true })).status, 404);
  assert.equal((await adminP.patch(`/api/v1/consultations/deliberation-opinions/${o.id}`, { body: 'x' })).status, 404);
  assert.equal((await adminP.del(`/api/v1/consultations/deliberation-opinions/${o.id}`)).status, 404);
  assert.ok(!(await must(adminP.get('/api/v1/consultations/deliberations/mine'), 'P mine')).items.some((x) => x.id === delib.id));
  assert.equal((await as.staff.get('/api/v1/consultations/topics/99999999/deliberation')).status, 404);
  assert.equal((await as.staff.post('/api/v1/consultations/deliberations/99999999/opinions', { body: 'x' })).status, 404);
  assert.equal((await as.staff.post('/api/v1/consultations/deliberation-opinions/99999999/moderation', { action: 'publish' })).status, 404);
  // A topic without a window: the member is refused nothing but sees none.
  const none = await view('member', other);
  assert.equal(none.window, null);
  assert.deepEqual(none.opinions, []);
});

test('the demo: a past 网络议政 with moderated and selected opinions, and an open one for the demo member', async () => {
  const topics = (await must(as.staff.get('/api/v1/consultations/topics?q=' + encodeURIComponent('提升基层医疗卫生服务能力')), 'topics')).items;
  const health = topics.find((t) => t.title === '提升基层医疗卫生服务能力');
  assert.ok(health);
  let v = await view('staff', health.id);
  assert.equal(v.window.phase, 'closed');
  assert.ok(v.opinions.length >= 8, `${v.opinions.length} opinions`);
  assert.ok(v.counts.hidden >= 2);
  assert.ok(v.counts.selected >= 3);
  assert.ok(v.opinions.filter((o) => o.state === 'hidden').every((o) => o.moderation_reason));
  assert.ok(new Set(v.opinions.map((o) => o.author_id)).size >= 8, 'by different members');
  assert.match(v.selected_text, /家庭医生|社区卫生服务中心|医保/);
  const grid = (await must(as.staff.get('/api/v1/consultations/topics?q=' + encodeURIComponent('网格化')), 'grid')).items.find((t) => t.title === '加强基层社会治理网格化建设');
  v = await view('member', grid.id);
  assert.equal(v.window.phase, 'open');
  assert.equal(v.invited, true);
  assert.equal(v.can_post, true);
  assert.ok(v.opinions.length >= 2, 'published opinions by others');
  const mine = await must(as.member.get('/api/v1/consultations/deliberations/mine'), 'mine');
  assert.ok(mine.items.some((x) => x.topic_id === grid.id && x.phase === 'open'));
});
