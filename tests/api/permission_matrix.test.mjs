// The permission matrix (issue 14): every operation of the OpenAPI description × every role ×
// two committees (the demo district and its parent city committee), each operation called with
// a real object that belongs to someone else in the caller's committee and with the same kind of
// object of the other committee. What each role may do comes from permission_matrix.table.mjs,
// never from the server. Denied calls must answer 401 (anonymous), 403 or 404 and write nothing
// (the audit log of both committees and the probed state stay as they were); calls on the other
// committee's objects never succeed; allowed calls are not refused (reads answer 200).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';
import { TABLE, ROLES, A, PS, CS, M, GC, US, UL, L, SV, ANON, freshMobile, uniq } from './permission_matrix.table.mjs';

const CONCURRENCY = 6;
const DENIED_SIGNED = [403, 404];

let srv;
let openapiOps = [];
const callers = { C: {}, P: {} }; // committee → role → Client (anonymous: a client without a session)
const objs = { C: {}, P: {} }; // committee → the objects the cases target
const owners = { C: null, P: null }; // the owner member's client in each committee

before(async () => {
  // Login is rate-limited per address; the matrix logs in some twenty accounts from one address.
  srv = await startServer({ env: { SHANGLIANG_AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
  const spec = (await new Client(srv.baseUrl).get('/api/v1/openapi.json')).body;
  for (const [path, methods] of Object.entries(spec.paths))
    for (const method of Object.keys(methods)) openapiOps.push(`${method.toUpperCase()} ${path}`);
  await setup();
});

after(async () => {
  if (process.env.SL_MATRIX_DEBUG && srv) (await import('node:fs')).writeFileSync('/tmp/pm_server.log', srv.log());
  await srv?.stop();
});

// ---------------------------------------------------------------------------------------------
// Fixtures.

// The server hashes at most two passwords at a time (auth.max_concurrent_hashes) and answers 429
// when a slot stays busy: requests that hash go two at a time, and try again on a 429.
let hashing = 0;
const hashQueue = [];
async function patiently(send) {
  if (hashing >= 2) await new Promise((res) => hashQueue.push(res));
  hashing++;
  try {
    for (let i = 0; ; i++) {
      const r = await send();
      if (r.status !== 429 || i >= 100) return r;
      await new Promise((res) => setTimeout(res, 50));
    }
  } finally {
    hashing--;
    hashQueue.shift()?.();
  }
}

async function login(login, password, newPassword) {
  const c = new Client(srv.baseUrl);
  const r = await patiently(() => c.post('/api/v1/auth/login', { login, password }));
  assert.equal(r.status, 200, `login ${login}: ${JSON.stringify(r.body)}`);
  if (r.body.user.must_change_password) {
    const x = await patiently(() => c.post('/api/v1/auth/password', { old_password: password, new_password: newPassword }));
    assert.equal(x.status, 200, `password change of ${login}: ${JSON.stringify(x.body)}`);
  }
  return c;
}

async function must(r, what, status = [200, 201]) {
  const res = await r;
  if (!status.includes(res.status)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function switchTo(client, committeeId) {
  await must(client.post('/api/v1/auth/committee', { committee_id: committeeId }), 'switch committee');
}

function pdf(name) {
  const f = new FormData();
  f.append('file', new Blob([Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 66)])], { type: 'application/pdf' }), name);
  return f;
}

/** The owner's draft (with a file) and a proposal submitted, filed and assigned to unit B. */
async function ownerProposals(k, owner, admin, o) {
  const tag = k === 'C' ? '区' : '市';
  const draft = await must(
    owner.post('/api/v1/proposals', {
      title: `矩阵保密草稿${tag}`,
      situation: '仅提案人可见的草稿内容，用于权限矩阵。',
      suggestions: '建立权限矩阵检查，确保草稿不外泄。',
      category: '其他',
    }),
    'draft',
  );
  o.draft = draft.id;
  o.draftVersion = draft.version;
  o.draftAttachment = (await must(owner.post(`/api/v1/proposals/${draft.id}/attachments`, pdf('草稿附件.pdf')), 'draft file')).id;
  let h = await must(
    owner.post('/api/v1/proposals', {
      title: `矩阵交办提案${tag}关于老旧小区加装电梯`,
      situation: '老旧小区加装电梯推进缓慢，居民上下楼困难。',
      suggestions: '简化审批流程，统筹财政补贴，建立协调机制。',
      category: '城市建设',
    }),
    'handled proposal',
  );
  o.handledAttachment = (await must(owner.post(`/api/v1/proposals/${h.id}/attachments`, pdf('提案附件.pdf')), 'proposal file')).id;
  h = await must(owner.post(`/api/v1/proposals/${h.id}/transitions`, { action: 'submit', version: h.version }), 'submit');
  h = await must(admin.post(`/api/v1/proposals/${h.id}/transitions`, { action: 'file', version: h.version }), 'file');
  h = await must(
    admin.post(`/api/v1/proposals/${h.id}/transitions`, {
      action: 'assign',
      version: h.version,
      handling_type: 'single',
      units: [{ unit_id: o.unitB, role: 'lead' }],
    }),
    'assign',
  );
  o.handled = h.id;
  o.handledVersion = h.version;
  // Text close to both: the draft and the assigned proposal are what a similar search must hide
  // from those who may not see them.
  o.similarQuery = {
    title: `矩阵保密草稿${tag} 老旧小区加装电梯`,
    body: '仅提案人可见的草稿内容，用于权限矩阵。老旧小区加装电梯推进缓慢，居民上下楼困难。简化审批流程，统筹财政补贴，建立协调机制。',
  };
  o.marker = '矩阵';
  // The owner was told that the proposal was filed: another user's notification.
  const n = await must(owner.get('/api/v1/notifications'), 'owner notifications');
  o.notification = n.items[0]?.id;
  assert.ok(o.notification, `the owner in ${k} has a notification`);
}

/** A notified meeting of another special committee than committee staff's (organised by `o.special`),
 * open for sign-in, with the owner member invited and their speech. */
async function ownerMeeting(k, owner, admin, o) {
  const at = (s) => new Date(Math.floor(Date.now() / 1000 + s) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const m = await must(
    admin.post('/api/v1/meetings', {
      kind: 'symposium',
      title: `矩阵会议${k}`,
      place: '矩阵会议室',
      starts_at: at(5 * 60),
      ends_at: at(2 * 86400),
      special_committee_id: o.special,
    }),
    'meeting',
  );
  o.meeting = m.id;
  await must(admin.post(`/api/v1/meetings/${m.id}/invitees`, { user_ids: [o.ownerUser] }), 'invite');
  o.meetingInvitee = (await must(admin.get(`/api/v1/meetings/${m.id}/invitees`), 'invitees')).items.find((i) => i.user_id === o.ownerUser)?.id;
  await must(admin.post(`/api/v1/meetings/${m.id}/notify`, {}), 'notify meeting');
  const speeches = await must(owner.post(`/api/v1/meetings/${m.id}/speeches`, { title: '矩阵发言', mode: 'oral' }), 'speech');
  o.meetingSpeech = speeches.items.find((x) => x.mine)?.id;
  assert.ok(o.meetingInvitee && o.meetingSpeech, `the meeting fixture in ${k}`);
}

/** A published consultation plan with a planned topic that no special committee leads, and a
 * pending postponement of it (consultations module). */
async function consultationFixture(k, admin, leader, o) {
  const plan = await must(admin.post('/api/v1/consultations/plans', { year: 2040 }), `plan ${k}`);
  const topic = await must(
    admin.post('/api/v1/consultations/topics', { plan_id: plan.id, kind: 'thematic', title: `矩阵协商议题${k}`, planned_month: 10, form: 'meeting' }),
    `topic ${k}`,
  );
  let p = plan;
  for (const action of ['submit_to_chair', 'submit_to_party', 'publish'])
    p = await must(admin.post(`/api/v1/consultations/plans/${plan.id}/steps`, { action, version: p.version, acted_on: '2040-01-10', doc_number: '矩阵〔2040〕1号' }), `plan ${action} ${k}`);
  const t = await must(admin.post(`/api/v1/consultations/topics/${topic.id}/postponements`, { to_month: 11, reason: '矩阵延期' }), `postpone ${k}`);
  o.cplan = plan.id;
  o.ctopic = topic.id;
  o.leaderName = (await must(leader.get('/api/v1/auth/me'), `leader ${k}`)).user?.name;
  o.cpostponement = t.pending_postponement_id;
  // A second topic, held, with an outcome sent up, an instruction naming unit A and its item.
  let held = await must(
    admin.post('/api/v1/consultations/topics', { plan_id: plan.id, kind: 'thematic', title: `矩阵成果议题${k}`, planned_month: 3, form: 'meeting', reason: '矩阵' }),
    `topic 2 ${k}`,
  );
  held = await must(leader.post(`/api/v1/consultations/topics/${held.id}/transitions`, { action: 'approve', version: held.version }), `approve ${k}`);
  held = await must(admin.post(`/api/v1/consultations/topics/${held.id}/transitions`, { action: 'record_consultation', version: held.version, held_on: '2026-01-05' }), `held ${k}`);
  held = await must(admin.post(`/api/v1/consultations/topics/${held.id}/outcomes`, { kind: 'opinions', title: `矩阵协商成果${k}` }), `outcome ${k}`);
  const step = async (who, action, extra = {}) => {
    const cur = (await must(who.get(`/api/v1/consultations/topics/${held.id}`), 'topic')).outcomes[0];
    return must(who.post(`/api/v1/consultations/outcomes/${cur.id}/transitions`, { action, version: cur.version, ...extra }), `${action} ${k}`);
  };
  await step(admin, 'submit');
  await step(leader, 'approve');
  held = await step(admin, 'send', { sent_on: '2026-01-10', sent_to: '区委、区政府' });
  o.coutcome = held.outcomes[0].id;
  await must(admin.post(`/api/v1/consultations/outcomes/${o.coutcome}/instructions`, { leader_name: '矩阵', instructed_on: '2026-01-12', text: '请研究落实', unit_ids: [o.unitA] }), `instruction ${k}`);
  held = await must(admin.post(`/api/v1/consultations/outcomes/${o.coutcome}/follow-items`, { unit_id: o.unitA, title: '矩阵转化事项', due_on: '2040-06-30' }), `item ${k}`);
  o.citem = held.outcomes[0].items[0].id;
  assert.ok(o.cpostponement && o.citem, `the consultation fixture in ${k}`);
  // Research of the planned topic: the owner member leads its team with an outside expert; a
  // visit the owner took part in, with a material file.
  const research = await must(
    admin.post(`/api/v1/consultations/topics/${topic.id}/research`, {
      kind: 'research',
      title: `矩阵调研${k}`,
      outline: '矩阵调研提纲',
      team: [{ user_id: o.ownerUser, role: 'leader' }, { role: 'expert', name: '矩阵专家', employer: '矩阵大学', title: '教授' }],
    }),
    `research ${k}`,
  );
  o.cresearch = research.id;
  const visited = await must(
    admin.post(`/api/v1/consultations/research/${research.id}/visits`, { visited_on: '2026-01-05', place: '矩阵走访', member_user_ids: [o.ownerUser] }),
    `research visit ${k}`,
  );
  o.cvisit = visited.visits[0].id;
  const filed = await must(admin.post(`/api/v1/consultations/research/${research.id}/files?purpose=material&visit_id=${o.cvisit}`, pdf('矩阵调研材料.pdf')), `research file ${k}`);
  o.cfile = filed.visits[0].materials[0].id;
  assert.ok(o.cresearch && o.cvisit && o.cfile, `the research fixture in ${k}`);
  // An open 网络议政 on the planned topic: the owner member is invited and posts an opinion
  // (pending: only those who read every consultation record and the owner see it).
  const closes = new Date(Date.now() + 20 * 86400 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const delib = await must(
    admin.post(`/api/v1/consultations/topics/${topic.id}/deliberation`, { prompt: `矩阵网络议政${k}`, closes_at: closes, user_ids: [o.ownerUser] }),
    `deliberation ${k}`,
  );
  o.cdelib = delib.window.id;
  const posted = await must(owners[k].post(`/api/v1/consultations/deliberations/${o.cdelib}/opinions`, { body: `矩阵意见${k}` }), `opinion ${k}`);
  o.copinion = posted.opinions[0].id;
  assert.ok(o.cdelib && o.copinion, `the deliberation fixture in ${k}`);
}

async function setup() {
  const setupStarted = Date.now();
  try {
    await build();
  } finally {
    if (process.env.SL_MATRIX_DEBUG) console.log(`setup took ${Date.now() - setupStarted} ms`);
  }
}

let markAt = Date.now();
function mark(what) {
  if (process.env.SL_MATRIX_DEBUG) console.log(`  setup: ${what} ${Date.now() - markAt} ms`);
  markAt = Date.now();
}

async function build() {
  markAt = Date.now();
  const base = new Client(srv.baseUrl);
  // The demo district's callers, one per role.
  const demo = {
    [A]: ['admin', 'Admin12345'],
    [PS]: ['tianwei', 'Staff12345'],
    [CS]: ['jingji', 'Staff12345'],
    [M]: ['13900000001', 'Member12345'],
    [GC]: ['minmeng', 'Group12345'],
    [US]: ['fagaiju', 'Unit12345'],
    [UL]: ['fagaiju_lead', 'Unit12345'],
    [L]: ['zhuxi', 'Leader12345'],
    [SV]: ['ducha', 'Super12345'],
  };
  // argon2id is deliberately slow: log in side by side.
  await Promise.all(Object.entries(demo).map(async ([role, [l, p]]) => (callers.C[role] = await login(l, p))));
  callers.C[ANON] = base;
  mark('district logins');
  callers.P[ANON] = new Client(srv.baseUrl);

  const adminC = callers.C[A];
  const committees = (await must(adminC.get('/api/v1/committees'), 'committees')).items;
  const district = committees.find((c) => c.parent_id);
  const parentId = district.parent_id;
  await switchTo(adminC, district.id);
  const adminP = await login('admin', 'Admin12345');
  await switchTo(adminP, parentId);
  callers.P[A] = adminP;

  // --- The district: demo data, plus the owner member's proposals.
  const C = objs.C;
  C.committee = district.id;
  const byName = async (path, name) => {
    const items = (await must(adminC.get(`${path}?page_size=100`), path)).items;
    const x = items.find((i) => i.name === name);
    assert.ok(x, `${path} has ${name}`);
    return x.id;
  };
  const sessions = (await must(adminC.get('/api/v1/sessions?page_size=100'), 'sessions')).items;
  C.session = sessions.find((s) => s.is_current).id;
  C.term = (await must(adminC.get('/api/v1/terms'), 'terms')).items[0].id;
  C.sector = await byName('/api/v1/sectors', '教育界');
  C.party = await byName('/api/v1/parties', '民革');
  C.special = await byName('/api/v1/special-committees', '社会和法制委员会');
  C.unitA = await byName('/api/v1/units', '区发展和改革局');
  C.unitB = await byName('/api/v1/units', '区民政局');
  const mengId = await byName('/api/v1/parties', '民盟');
  const jingjiId = await byName('/api/v1/special-committees', '经济委员会');
  const ownerC = (await must(adminC.get('/api/v1/members?q=13900000002'), 'owner member')).items[0];
  assert.ok(ownerC && ownerC.party_name !== '民盟', 'the owner member is not in the group contact\'s party');
  C.member = ownerC.id;
  C.memberName = ownerC.name;
  C.ownerUser = ownerC.user_id;
  C.ownerGrant = (await must(adminC.get(`/api/v1/users/${C.ownerUser}`), 'owner user')).grants[0].id;
  await must(patiently(() => adminC.patch(`/api/v1/users/${C.ownerUser}`, { password: 'Owner12345' })), 'owner password');
  owners.C = await login('13900000002', 'Owner12345', 'Owner54321');
  await ownerProposals('C', owners.C, adminC, C);
  await ownerMeeting('C', owners.C, adminC, C);
  await consultationFixture('C', adminC, callers.C[L], C);
  mark('district owner and proposals');
  // A member record for an existing account (区民政局's clerk) waits for the holder's consent.
  const pendingC = await must(
    adminC.post('/api/v1/members', { name: '谢丽', mobile: '13700000007', sector_id: C.sector }),
    'member for an existing account',
  );
  assert.equal(pendingC.user_id ?? null, null, 'a member for an existing account is not linked before the holder consents');
  C.pendingLink = pendingC.id;
  C.calendarDay = '2031-05-06';
  await must(adminC.post('/api/v1/calendar-days', { day: C.calendarDay, kind: 'holiday', name: '矩阵区' }), 'calendar day');
  const catalogue = await must(adminC.get('/api/v1/catalogue'), 'catalogue');
  assert.equal(catalogue.state, 'published');
  C.topic = catalogue.topics[0].id;
  const claim = catalogue.topics.flatMap((t) => t.claims).find((c) => !(c.group_type === 'party' && c.group_id === mengId));
  C.claim = claim?.id;
  C.published = (await must(base.get(`/api/v1/public/proposals?committee_id=${C.committee}`), 'public')).items[0]?.id;
  // A proposal with a released B/C reply and a follow-up, that none of the matrix's callers is
  // party to (not the member's, not the group's, not the special committee's, not unit A's).
  const member1 = (await must(callers.C[M].get('/api/v1/auth/me'), 'me')).user.id;
  const replied = (await must(adminC.get('/api/v1/proposals?state=replied,feedback_received,closed&page_size=100'), 'replied')).items;
  for (const p of replied) {
    if (!['B', 'C'].includes(p.result_category)) continue;
    const d = await must(adminC.get(`/api/v1/proposals/${p.id}`), 'detail');
    if (!d.follow_ups?.length || !d.replies?.length) continue;
    if (d.proposer_user_id === member1 || d.cosigners.some((x) => x.user_id === member1)) continue;
    if (d.group_type === 'party' && d.group_id === mengId) continue;
    if (d.key_special_committee_id === jingjiId || (d.group_type === 'special_committee' && d.group_id === jingjiId)) continue;
    if (d.assignments.some((a) => a.unit_id === C.unitA)) continue;
    C.followUpProposal = d.id;
    C.followUp = d.follow_ups[0].id;
    break;
  }
  assert.ok(C.followUpProposal, 'the demo data has a proposal with a follow-up that no caller is party to');

  // --- The parent: its own organisation, callers for every role and the same objects.
  const P = objs.P;
  P.committee = parentId;
  P.term = (await must(adminP.post('/api/v1/terms', { number: 1, name: '第一届', start_date: '2022-01-01', end_date: '2026-12-31' }), 'P term')).id;
  P.session = (
    await must(
      adminP.post('/api/v1/sessions', { term_id: P.term, number: 1, name: '一届一次会议', start_date: '2026-01-08', end_date: '2026-01-11', is_current: true }),
      'P session',
    )
  ).id;
  P.sector = (await must(adminP.post('/api/v1/sectors', { name: '经济界' }), 'P sector')).id;
  const pMeng = (await must(adminP.post('/api/v1/parties', { name: '民盟' }), 'P party')).id;
  P.party = (await must(adminP.post('/api/v1/parties', { name: '民进' }), 'P party 2')).id;
  const pJingji = (await must(adminP.post('/api/v1/special-committees', { name: '经济委员会' }), 'P special')).id;
  P.special = (await must(adminP.post('/api/v1/special-committees', { name: '社会和法制委员会' }), 'P special 2')).id;
  P.unitA = (await must(adminP.post('/api/v1/units', { name: '市发展和改革委员会' }), 'P unit A')).id;
  P.unitB = (await must(adminP.post('/api/v1/units', { name: '市民政局' }), 'P unit B')).id;
  const pUsers = {
    [PS]: { role: 'proposal_staff' },
    [CS]: { role: 'committee_staff', special_committee_id: pJingji },
    [GC]: { role: 'group_contact', party_id: pMeng },
    [US]: { role: 'unit_staff', unit_id: P.unitA },
    [UL]: { role: 'unit_leader', unit_id: P.unitA },
    [L]: { role: 'leader' },
    [SV]: { role: 'supervisor' },
  };
  await Promise.all(
    Object.entries(pUsers).map(async ([role, grant]) => {
      const username = `p_${role}_${uniq()}`;
      const body = { username, name: `市${role}`, password: 'Matrix12345', grants: [grant] };
      await must(patiently(() => adminP.post('/api/v1/users', body)), `P user ${role}`);
      callers.P[role] = await login(username, 'Matrix12345', 'Matrix54321');
    }),
  );
  const newMember = async (name, party) => {
    const mobile = freshMobile();
    const m = await must(patiently(() => adminP.post('/api/v1/members', { name, mobile, sector_id: P.sector, party_id: party })), `P member ${name}`);
    assert.ok(m.initial_password, `a new account for ${name}`);
    return { m, client: await login(mobile, m.initial_password, 'Matrix54321') };
  };
  callers.P[M] = (await newMember('市委员甲', null)).client;
  mark('parent organisation and users');
  const owner = await newMember('市委员乙', P.party);
  owners.P = owner.client;
  P.member = owner.m.id;
  P.memberName = owner.m.name;
  P.ownerUser = owner.m.user_id;
  P.ownerGrant = (await must(adminP.get(`/api/v1/users/${P.ownerUser}`), 'P owner user')).grants[0].id;
  await ownerProposals('P', owners.P, adminP, P);
  await ownerMeeting('P', owners.P, adminP, P);
  await consultationFixture('P', adminP, callers.P[L], P);
  mark('parent owner and proposals');
  // In the parent, the district's owner member is asked to link their account.
  const pendingP = await must(
    adminP.post('/api/v1/members', { name: '区委员乙', mobile: '13900000002', sector_id: P.sector }),
    'P member for an existing account',
  );
  assert.equal(pendingP.user_id ?? null, null, 'a member for an existing account is not linked before the holder consents');
  P.pendingLink = pendingP.id;
  // 区民政局's clerk accepts membership of the parent committee: an account with roles in both.
  const sharedLink = await must(
    adminP.post('/api/v1/members', { name: '谢丽', mobile: '13700000007', sector_id: P.sector }),
    'P member for the shared account',
  );
  const clerk = await login('minzhengju', 'Unit12345');
  await must(clerk.post(`/api/v1/me/member-links/${sharedLink.id}/accept`, {}), 'accept the link', [204]);
  const sharedUser = (await must(adminC.get('/api/v1/users?q=minzhengju'), 'shared user')).items.find((u) => u.username === 'minzhengju');
  C.sharedUser = sharedUser.id;
  C.sharedGrant = sharedUser.grants[0].id;
  P.sharedUser = sharedUser.id;
  P.sharedGrant = (await must(adminP.get(`/api/v1/users/${sharedUser.id}`), 'shared user in P')).grants[0].id;
  P.calendarDay = '2031-05-07';
  await must(adminP.post('/api/v1/calendar-days', { day: P.calendarDay, kind: 'holiday', name: '矩阵市' }), 'P calendar day');
  P.topic = (await must(adminP.post('/api/v1/catalogue/topics', { session_id: P.session, topic: '市级矩阵选题' }), 'P topic')).id;
  await must(adminP.post('/api/v1/catalogue/publish', {}), 'P publish');
  // Not built in the parent (each needs a whole handling round or a second group contact):
  // a claim, a follow-up, a released reply and a published proposal. Their cases run on the
  // district's objects only.
  P.claim = null;
  P.followUpProposal = null;
  P.published = null;

  // Unit suggestions and merge suggestions need the similar-proposal index.
  const t0 = Date.now();
  for (let i = 0; i < 300; i++) {
    const s = await adminC.get('/api/v1/search/status');
    if (s.body?.similar_ready) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (process.env.SL_MATRIX_DEBUG) console.log(`similar index ready after ${Date.now() - t0} ms`);
}

// ---------------------------------------------------------------------------------------------
// The matrix.

/** The audit-log totals of both committees plus what the entry's probe watches. */
async function fingerprint(entry) {
  const parts = [];
  for (const k of ['C', 'P']) parts.push((await callers[k][A].get('/api/v1/audit?page_size=1')).body?.total);
  if (entry.probe === 'ownerUnread')
    for (const k of ['C', 'P']) parts.push((await owners[k].get('/api/v1/notifications/unread-count')).body);
  if (entry.probe === 'calendar')
    for (const k of ['C', 'P']) parts.push((await callers[k][A].get('/api/v1/calendar-days')).body);
  if (entry.probe === 'settings')
    for (const k of ['C', 'P']) parts.push((await callers[k][A].get('/api/v1/proposals/settings')).body);
  return JSON.stringify(parts);
}

function fillPath(template, params) {
  return template.replace(/\{(\w+)\}/g, (_, name) => {
    const v = params?.[name];
    if (v === undefined || v === null) throw new MissingObject(name);
    return encodeURIComponent(String(v));
  });
}
class MissingObject extends Error {}

async function pool(tasks, n) {
  let next = 0;
  const run = async () => {
    while (next < tasks.length) {
      const t = tasks[next++];
      await t();
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, tasks.length) }, run));
}

const stats = { requests: 0, cases: 0, skipped: [], allowedSkipped: 0 };
const failures = [];

/**
 * One call: `expect` is 'allowed' (reads 200, writes not refused), 'denied' (401 anonymous,
 * 403/404 signed in), 'hidden' (401/403/404 for everyone) or 'refused' (allowed roles on another
 * committee's object: any 4xx).
 */
function call({ k, role, entry, label, method, path, body, expect, target, cross = false }) {
  return async () => {
    const client = callers[k][role];
    let payload = body;
    if (payload === undefined && method !== 'GET' && method !== 'DELETE') payload = {};
    const where = `${k} ${role} ${method} ${path} [${label}]`;
    let r;
    try {
      r = await client.request(method, path, payload, { raw: !!entry.raw });
    } catch (e) {
      stats.requests++;
      const up = await fetch(`${srv.baseUrl}/healthz`).then((x) => x.ok).catch(() => false);
      failures.push(`${where}: no answer (${e.cause?.code ?? e.message}); the server is ${up ? 'up' : 'DOWN'}`);
      if (!up) throw new Error(`the server stopped answering after ${where}`);
      return;
    }
    stats.requests++;
    const s = r.status;
    const fail = (why) => failures.push(`${where}: ${why} (answered ${s} ${entry.raw ? '' : JSON.stringify(r.body)?.slice(0, 160)})`);
    if (s >= 500) return fail('server error');
    const ctx = { role, callerCommittee: k, own: objs[k], other: objs[k === 'C' ? 'P' : 'C'] };
    if (expect === 'allowed') {
      if (entry.read && s !== 200) return fail('expected 200');
      if (s === 401 || s === 403) return fail('an allowed role was refused');
    } else if (expect === 'denied' || expect === 'hidden') {
      const needs401 = role === ANON && !entry.open;
      const ok = needs401 ? s === 401 : DENIED_SIGNED.includes(s);
      if (!ok) return fail(needs401 ? 'expected 401' : 'expected 403 or 404');
    } else if (expect === 'refused') {
      if (s < 400) return fail(`${target} was accepted`);
    } else if (expect === 'noLeak') {
      // The other committee's reference in a query may be refused or ignored; either way the
      // answer must not carry that committee's records (checked below).
      if (s === 401 || s === 403) return fail('an allowed role was refused');
    }
    if (s >= 200 && s < 300 && entry.leak && !entry.raw) {
      const leaked = entry.leak(r.body, ctx);
      if (leaked) fail(`leaked ${leaked}`);
    }
    if (s >= 200 && s < 300 && expect === 'allowed' && !cross && entry.control) {
      const lacking = entry.control(r.body, ctx);
      if (lacking) fail(lacking);
    }
  };
}

/** The calls of one entry in committee `k`: those that must write nothing, and the allowed ones. */
async function plan(entry, k) {
  const [method, template] = entry.op.split(' ');
  const own = objs[k];
  const other = objs[k === 'C' ? 'P' : 'C'];
  const quiet = [];
  const allowed = [];
  const url = (params, query) => fillPath(template, params) + (query ? `?${query}` : '');
  for (const c of entry.cases) {
    const allow = Array.isArray(c.allow) ? c.allow : c.allow[k];
    let path;
    try {
      path = url(c.path?.(own), c.query?.(own, other));
    } catch (e) {
      if (!(e instanceof MissingObject)) throw e;
      stats.skipped.push(`${k} ${entry.op} [${c.name}]: no such object in this committee`);
      continue;
    }
    stats.cases++;
    for (const role of ROLES) {
      const base = { k, role, entry, label: c.name, method };
      if (c.refuse?.includes(role)) {
        quiet.push(call({ ...base, path, body: c.body?.(own), expect: 'refused', target: c.name }));
      } else if (!allow.includes(role)) {
        quiet.push(call({ ...base, path, body: c.body?.(own), expect: 'denied' }));
      } else if (c.skipAllowed) {
        stats.allowedSkipped++;
      } else if (c.throwaway) {
        allowed.push(async () => {
          let params;
          try {
            params = await c.throwaway({ admin: callers[k][A], own });
          } catch (e) {
            failures.push(`${k} ${role} ${entry.op}: could not make a throwaway object: ${e.message}`);
            return;
          }
          if (!params) {
            failures.push(`${k} ${role} ${entry.op}: could not make a throwaway object`);
            return;
          }
          await call({ ...base, label: `${c.name}, a throwaway`, path: url(params, c.query?.(own, other)), expect: 'allowed' })();
        });
      } else {
        allowed.push(call({ ...base, path, body: (c.allowedBody ?? c.body)?.(own), expect: 'allowed' }));
      }
    }
  }
  if (entry.cross) {
    const c0 = entry.cases[0];
    const allow0 = Array.isArray(c0.allow) ? c0.allow : c0.allow[k];
    let path;
    try {
      path = url((entry.crossPath ?? c0.path)?.(other), (entry.cross.query ?? entry.crossQuery ?? c0.query)?.(other, own));
    } catch (e) {
      if (!(e instanceof MissingObject)) throw e;
      stats.skipped.push(`${k} ${entry.op} [the other committee's object]: none there`);
      return { quiet, allowed };
    }
    stats.cases++;
    const label = "the other committee's object";
    const body = (entry.crossBody ?? entry.cross.body ?? c0.body)?.(other);
    const parentSees = k === 'P' ? entry.cross.parentSeesChild : undefined;
    for (const role of ROLES) {
      const base = { k, role, entry, label, method, path, cross: true };
      if (entry.cross.skipRoles?.includes(role)) continue;
      if (parentSees) {
        // The parent's people see the committees under them (上下联动): an allowed read or a
        // harmless write, as on their own committee.
        if (!parentSees.includes(role)) quiet.push(call({ ...base, label: 'the child committee', body, expect: 'denied' }));
        else if (c0.skipAllowed) stats.allowedSkipped++;
        else allowed.push(call({ ...base, label: 'the child committee', body: (c0.allowedBody ?? c0.body)?.(other), expect: 'allowed' }));
        continue;
      }
      const isAllowed = allow0.includes(role);
      const mode = entry.cross.mode;
      if (!isAllowed || mode === 'hidden') quiet.push(call({ ...base, body, expect: isAllowed ? 'hidden' : 'denied' }));
      else if (mode === 'refused') quiet.push(call({ ...base, body, expect: 'refused', target: "another committee's reference" }));
      else allowed.push(call({ ...base, body, expect: 'noLeak' }));
    }
  }
  return { quiet, allowed };
}

test('the table covers every operation of the OpenAPI description, and only those', () => {
  const tabled = TABLE.map((e) => e.op);
  const dupes = tabled.filter((op, i) => tabled.indexOf(op) !== i);
  assert.deepEqual(dupes, [], 'operations listed twice in the table');
  const missing = openapiOps.filter((op) => !tabled.includes(op));
  assert.deepEqual(missing, [], 'operations of the server missing from the permission table: add them to permission_matrix.table.mjs');
  const unknown = tabled.filter((op) => !openapiOps.includes(op));
  assert.deepEqual(unknown, [], 'operations in the permission table that the server does not have');
});

test('every operation × every role × parent and child committee, on others\' and the other committee\'s objects', async () => {
  const started = Date.now();
  // SL_MATRIX_SKIP: a regular expression of operations to leave out while debugging the matrix.
  const leaveOut = process.env.SL_MATRIX_SKIP ? new RegExp(process.env.SL_MATRIX_SKIP) : null;
  const ops = TABLE.filter((e) => !e.skip && openapiOps.includes(e.op) && !(leaveOut && leaveOut.test(e.op)));
  for (const entry of ops) {
    for (const k of ['C', 'P']) {
      const { quiet, allowed } = await plan(entry, k);
      const before = await fingerprint(entry);
      await pool(quiet, CONCURRENCY);
      const afterDenied = await fingerprint(entry);
      if (before !== afterDenied) failures.push(`${k} ${entry.op}: refused calls wrote something (${before} → ${afterDenied})`);
      await pool(allowed, CONCURRENCY);
    }
  }
  const skippedOps = TABLE.filter((e) => e.skip).length;
  console.log(
    `permission matrix: ${ops.length} operations × ${ROLES.length} roles × 2 committees (parent, child) × own and other ` +
      `committee's objects: ${stats.cases} cases × up to ${ROLES.length} roles = ${stats.requests} requests in ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `${skippedOps} test-only operations listed but not called, ${stats.allowedSkipped} allowed calls not made (destructive), ` +
      `${stats.skipped.length} cases without an object`,
  );
  if (stats.skipped.length) console.log(`  cases without an object: ${stats.skipped.join('; ')}`);
  if (process.env.SL_MATRIX_DEBUG) (await import('node:fs')).writeFileSync('/tmp/pm_failures.txt', failures.join('\n') + '\n');
  assert.ok(stats.requests > 1000, 'the matrix made its requests');
  assert.deepEqual(failures.slice(0, 60), [], `${failures.length} permission failures`);
});
