// The permission matrix's table: for every operation of the API, which roles may perform it on a
// real object of their own committee that belongs to someone else (another member's draft,
// another unit's proposal, another member's record, another user's notification), and how the
// same operation must treat the same kind of object of the other committee.
//
// The expectations are written here from the rules (README, issue 14), never read from the
// server. permission_matrix.test.mjs builds the objects, calls every operation as every role in
// a parent and a child committee, and fails when the OpenAPI description and this table differ.
//
// An entry: { op: 'METHOD /path', cases: [case…], cross, leak?, read?, raw?, skip? }
//   case: { name, allow: [roles] or { C: [roles], P: [roles] } (C = the child committee,
//           P = the parent), path(t) → path parameters, query(t), body(t) → a valid body (sent to
//           roles that are denied, and in cross cases), allowedBody(t) → a harmless body for
//           allowed roles (one that fails validation or a state check, so fixtures survive),
//           skipAllowed: why allowed roles are not called, throwaway(ctx) → path parameters of a
//           fresh object for an allowed DELETE, needs: [object keys that must exist],
//           refuse: [roles] that pass the permission check but whose request must still be
//           refused (any 4xx) and write nothing }
//   `t` is the objects of the committee the case targets (own committee, or the other one for
//   the cross case).
//   cross: null when the operation takes nothing bound to a committee; otherwise
//           { mode: 'hidden' } every role gets 401/403/404;
//           { mode: 'refused' } denied roles get 401/403/404, allowed roles a 4xx (validation);
//           { mode: 'noLeak' } allowed roles may get 2xx but the answer names nothing of the
//                              other committee (checked by `leak`);
//           parentSeesChild: roles that may read a child committee's object from the parent.
//   leak(body, ctx): a description of what leaked, or '' — run on every 2xx answer.
//   control(body, ctx): for allowed calls on the own committee, what the answer must contain
//           (so that a leak check cannot pass on an empty answer).
//   read: a GET (allowed roles must get 200). raw: the answer is a file.
//   open: the route needs no session, so a refused anonymous caller gets 403/404, not 401.

export const A = 'admin';
export const PS = 'proposal_staff';
export const CS = 'committee_staff';
export const M = 'member';
export const GC = 'group_contact';
export const US = 'unit_staff';
export const UL = 'unit_leader';
export const L = 'leader';
export const SV = 'supervisor';
export const ANON = 'anonymous';

export const ROLES = [A, PS, CS, M, GC, US, UL, L, SV, ANON];
const SIGNED = [A, PS, CS, M, GC, US, UL, L, SV];
const EVERYONE = [...SIGNED, ANON];
const STAFF = [A, PS];
// Who reads the organisation's people in full (org/permissions.cpp can_read_directory).
const DIRECTORY = [A, PS, CS, L, SV];
// Who sees every submitted proposal of the committee (proposals/access.cpp sees_all).
const SEES_ALL = [A, PS, L, SV];
const NOBODY = [];

const HIDDEN = { mode: 'hidden' };
const REFUSED = { mode: 'refused' };

let counter = 0;
/** A short suffix that keeps names unique within one run. */
export function uniq() {
  counter += 1;
  return `${process.pid % 1000}${counter}`;
}
/** A mobile number that no demo account uses. */
export function freshMobile() {
  counter += 1;
  return `1360${String((process.pid * 7 + counter) % 10000000).padStart(7, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Leak checks: what must never appear in an answer.

/** Every value of `key` anywhere in `v`. */
function valuesOf(v, key, out = []) {
  if (Array.isArray(v)) for (const x of v) valuesOf(x, key, out);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (k === key && (typeof x === 'number' || typeof x === 'string')) out.push(Number(x));
      else valuesOf(x, key, out);
    }
  return out;
}
function itemIds(body) {
  return Array.isArray(body?.items) ? body.items.map((i) => i.id) : [];
}
/** The proposals a role must not find: other members' drafts always, another unit's proposal
 * unless the role sees every proposal, and anything of the other committee. */
function proposalLeak(ids, { role, own, other }) {
  const bad = [];
  if (ids.includes(own.draft)) bad.push(`another member's draft ${own.draft}`);
  if (!SEES_ALL.includes(role) && ids.includes(own.handled)) bad.push(`another unit's proposal ${own.handled}`);
  for (const k of ['draft', 'handled'])
    if (other[k] && ids.includes(other[k])) bad.push(`the other committee's proposal ${other[k]}`);
  return bad.join('; ');
}
const proposalsListLeak = (body, ctx) => proposalLeak(itemIds(body), ctx);
const proposalIdLeak = (body, ctx) => proposalLeak(valuesOf(body, 'proposal_id'), ctx);
const publicLeak = (body, { own, other }) => {
  const ids = [...itemIds(body), ...valuesOf(body, 'proposal_id')];
  const bad = [own.draft, own.handled, other.draft, other.handled].filter((id) => id && ids.includes(id));
  return bad.length ? `unpublished proposals ${bad.join(', ')}` : '';
};
/** A list of committee-scoped records must not hold the other committee's record `key`. */
const listLeak = (key) => (body, { other }) =>
  other[key] && itemIds(body).includes(other[key]) ? `the other committee's ${key} ${other[key]}` : '';

// ---------------------------------------------------------------------------------------------
// Helpers that describe common shapes.

/** The five routes of a data-described resource (core/api/resource.cpp). */
function resource(path, key, o) {
  const item = `${path}/{id}`;
  const own = (t) => ({ id: t[key] });
  return [
    {
      op: `GET ${path}`,
      read: true,
      cases: [{ name: 'list', allow: o.list, query: o.listQuery ?? (() => 'page_size=100') }],
      cross: o.listCross ?? null,
      leak: o.listLeak ?? listLeak(key),
      // The list answers with the caller's committee's record, so that the leak check means
      // something (roles that see every record of the kind).
      control: (body, { role, own }) =>
        (o.listSees ?? o.read).includes(role) && own[key] && !itemIds(body).includes(own[key]) ? `the list lacks the own ${key} ${own[key]}` : '',
    },
    {
      op: `GET ${item}`,
      read: true,
      cases: [{ name: `another's ${key}`, allow: o.read, path: own, needs: [key] }],
      cross: { ...HIDDEN, parentSeesChild: o.parentSeesChild },
    },
    {
      op: `POST ${path}`,
      cases: [{ name: 'create', allow: o.create ?? o.write, body: o.createBody, allowedBody: o.createInvalid }],
      cross: o.crossCreate ? REFUSED : null,
      crossBody: o.crossCreate,
    },
    {
      op: `PATCH ${item}`,
      cases: [
        {
          name: `another's ${key}`,
          allow: o.write,
          path: own,
          body: o.updateBody,
          allowedBody: o.updateInvalid,
          needs: [key],
        },
      ],
      cross: { ...HIDDEN, parentSeesChild: o.parentWrites },
    },
    {
      op: `DELETE ${item}`,
      cases: [
        {
          name: `another's ${key}`,
          allow: o.write,
          path: own,
          throwaway: o.throwaway,
          skipAllowed: o.throwaway ? undefined : o.deleteSkip,
          needs: [key],
        },
      ],
      cross: { ...HIDDEN, parentSeesChild: o.parentWrites },
    },
  ];
}

// Meetings: who reads the fixture meeting (the calendar's readers and those who read everything),
// who reads its invitees, board, speeches and documents.
const MEETING_CALENDAR = [A, PS, CS, M, GC, L, SV];
const MEETING_READERS = [A, PS, L, SV];
/** A meeting's body for create (sent to refused roles). */
function meetingBody(t) {
  return { kind: 'symposium', title: '矩阵越权会议', place: '矩阵会议室', starts_at: '2040-01-02T01:00:00Z', ends_at: '2040-01-02T03:00:00Z', special_committee_id: t.special };
}
/** An operation on the fixture meeting (of another special committee than committee staff's),
 * its invitee (the owner member) or its speech; managed by STAFF unless `allow` says otherwise. */
function onMeeting(op, { allow = STAFF, read, raw, body, allowedBody, invitee, speech }) {
  const path = (t) => ({
    id: t.meeting,
    ...(invitee ? { invitee_id: t.meetingInvitee } : {}),
    ...(speech ? { speech_id: t.meetingSpeech } : {}),
  });
  const needs = ['meeting', ...(invitee ? ['meetingInvitee'] : []), ...(speech ? ['meetingSpeech'] : [])];
  return { op, read, raw, cases: [{ name: 'a meeting of another special committee', allow, path, body, allowedBody, needs }], cross: HIDDEN };
}

/** A proposal-scoped operation called on another member's draft and on another unit's proposal. */
function onProposals(op, { draft = NOBODY, handled, target = 'handled', extra = {}, read, raw, body, allowedBody }) {
  const cases = [
    { name: "another member's draft", allow: draft, path: (t) => ({ id: t.draft, ...pick(extra, t, 'draft') }), body, allowedBody, needs: ['draft'] },
  ];
  if (handled)
    cases.push({
      name: target === 'handled' ? "another unit's proposal" : `another's ${target}`,
      allow: handled,
      path: (t) => ({ id: t[target], ...pick(extra, t, target) }),
      body,
      allowedBody,
      needs: [target],
    });
  return { op, read, raw, cases, cross: HIDDEN, crossPath: (t) => ({ id: t.handled ?? t.draft, ...pick(extra, t, 'handled') }) };
}
function pick(extra, t, which) {
  const out = {};
  for (const [param, f] of Object.entries(extra)) out[param] = f(t, which);
  return out;
}

/** An upload whose content no importer accepts (refused after the permission check). */
const junkSheet = () => {
  const f = new FormData();
  f.append('file', new Blob([Buffer.from('矩阵，不是表格\n\u0000\u0001')], { type: 'text/csv' }), '矩阵.csv');
  return f;
};

const pdf = () => {
  const f = new FormData();
  f.append('file', new Blob([Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 65)])], { type: 'application/pdf' }), '矩阵.pdf');
  return f;
};

// ---------------------------------------------------------------------------------------------
// The table.

export const TABLE = [
  // --- Authentication (open routes answer everyone; a bad body keeps them from acting) -------
  { op: 'POST /api/v1/auth/login', cases: [{ name: 'log in', allow: EVERYONE, allowedBody: () => ({}) }], cross: null },
  { op: 'GET /api/v1/auth/captcha', read: true, cases: [{ name: 'captcha', allow: EVERYONE }], cross: null },
  {
    op: 'POST /api/v1/auth/logout',
    // Allowed callers are not called: logging out would end the session the matrix goes on using.
    cases: [{ name: 'log out', allow: SIGNED, skipAllowed: 'ends the session the matrix uses', body: () => ({}) }],
    cross: null,
  },
  { op: 'GET /api/v1/auth/me', read: true, cases: [{ name: 'me', allow: SIGNED }], cross: null },
  {
    op: 'POST /api/v1/auth/committee',
    cases: [
      {
        name: 'switch to the own committee',
        allow: SIGNED,
        body: (t) => ({ committee_id: t.committee }),
        allowedBody: (t) => ({ committee_id: t.committee }),
      },
    ],
    // Only a holder of a grant there may switch to a committee. The demo admin is admin of both
    // committees, so its cross case would really switch: it is not called.
    cross: { ...HIDDEN, skipRoles: [A] },
    crossBody: (t) => ({ committee_id: t.committee }),
  },
  { op: 'POST /api/v1/auth/password', cases: [{ name: 'change password', allow: SIGNED, allowedBody: () => ({}) }], cross: null },
  { op: 'POST /api/v1/auth/sms/send', cases: [{ name: 'send code', allow: EVERYONE, allowedBody: () => ({}) }], cross: null },
  { op: 'POST /api/v1/auth/sms/login', cases: [{ name: 'sms login', allow: EVERYONE, allowedBody: () => ({}) }], cross: null },
  { op: 'POST /api/v1/auth/password/reset', cases: [{ name: 'reset', allow: EVERYONE, allowedBody: () => ({}) }], cross: null },

  // --- Committees: everyone of a committee reads it and the committees directly under it; only
  // an admin of a province- or city-level committee creates committees, under their own. -----
  ...resource('/api/v1/committees', 'committee', {
    list: SIGNED,
    read: SIGNED,
    write: [A],
    create: { C: NOBODY, P: [A] },
    parentSeesChild: SIGNED,
    parentWrites: [A],
    listLeak: (body, { callerCommittee, own, other }) =>
      // A child committee's people must not see the parent; the parent sees the child.
      callerCommittee === 'C' && itemIds(body).includes(other.committee) ? `the parent committee ${other.committee}` : '',
    createBody: (t) => ({ name: `矩阵委员会${uniq()}`, parent_id: t.committee, level: 'district' }),
    createInvalid: (t) => ({ parent_id: t.committee }),
    crossCreate: (t) => ({ name: `矩阵委员会${uniq()}`, parent_id: t.committee, level: 'district' }),
    updateBody: () => ({ region: '矩阵改写' }),
    updateInvalid: () => ({ level: '不存在的级别' }),
    // Committees are the fixtures themselves; who may delete one is not in the rules yet.
    deleteSkip: 'committees are the fixtures of the matrix',
  }),

  // --- Reference data: everyone with a role in the committee reads; admin and proposal staff write.
  ...resource('/api/v1/terms', 'term', {
    list: SIGNED,
    read: SIGNED,
    write: STAFF,
    createBody: () => ({ number: 900 + (counter++ % 90), name: '矩阵届', start_date: '2040-01-01', end_date: '2044-12-31' }),
    createInvalid: () => ({ name: '矩阵届' }),
    updateBody: () => ({ name: '矩阵改届' }),
    updateInvalid: () => ({ start_date: '不是日期' }),
    throwaway: async ({ admin }) => {
      const r = await admin.post('/api/v1/terms', { number: 800 + (counter++ % 90), name: '临时届', start_date: '2050-01-01', end_date: '2054-12-31' });
      return r.status === 201 ? { id: r.body.id } : null;
    },
  }),
  ...resource('/api/v1/sessions', 'session', {
    list: SIGNED,
    read: SIGNED,
    write: STAFF,
    createBody: (t) => ({ term_id: t.term, number: 9, name: '矩阵会议', start_date: '2040-01-01', end_date: '2040-01-05' }),
    createInvalid: (t) => ({ term_id: t.term }),
    crossCreate: (t) => ({ term_id: t.term, number: 9, name: '矩阵会议', start_date: '2040-01-01', end_date: '2040-01-05' }),
    updateBody: () => ({ name: '矩阵改会议' }),
    updateInvalid: () => ({ start_date: '不是日期' }),
    throwaway: async ({ admin, own }) => {
      const r = await admin.post('/api/v1/sessions', { term_id: own.term, number: 50 + (counter++ % 40), name: '临时会议', start_date: '2050-01-01', end_date: '2050-01-05' });
      if (r.status !== 201) throw new Error(`throwaway session: ${r.status} ${JSON.stringify(r.body)}`);
      return { id: r.body.id };
    },
  }),
  ...resource('/api/v1/sectors', 'sector', {
    list: SIGNED,
    read: SIGNED,
    write: STAFF,
    createBody: () => ({ name: `矩阵界别${uniq()}` }),
    createInvalid: () => ({ description: '没有名称' }),
    updateBody: () => ({ description: '矩阵改写' }),
    updateInvalid: () => ({ sort: '第一' }),
    throwaway: async ({ admin }) => {
      const r = await admin.post('/api/v1/sectors', { name: `临时界别${uniq()}` });
      return r.status === 201 ? { id: r.body.id } : null;
    },
  }),
  ...resource('/api/v1/parties', 'party', {
    list: SIGNED,
    read: SIGNED,
    write: STAFF,
    createBody: () => ({ name: `矩阵党派${uniq()}` }),
    createInvalid: () => ({ short_name: '无名' }),
    updateBody: () => ({ short_name: '矩阵' }),
    updateInvalid: () => ({ sort: '第一' }),
    throwaway: async ({ admin }) => {
      const r = await admin.post('/api/v1/parties', { name: `临时党派${uniq()}` });
      return r.status === 201 ? { id: r.body.id } : null;
    },
  }),
  ...resource('/api/v1/special-committees', 'special', {
    list: SIGNED,
    read: SIGNED,
    write: STAFF,
    createBody: (t) => ({ name: `矩阵专委会${uniq()}`, unit_ids: [t.unitB] }),
    createInvalid: () => ({ kind: '不存在' }),
    crossCreate: (t) => ({ name: `矩阵专委会${uniq()}`, unit_ids: [t.unitB] }),
    updateBody: () => ({ description: '矩阵改写' }),
    updateInvalid: () => ({ kind: '不存在' }),
    throwaway: async ({ admin }) => {
      const r = await admin.post('/api/v1/special-committees', { name: `临时专委会${uniq()}` });
      return r.status === 201 ? { id: r.body.id } : null;
    },
  }),
  // Units: everyone of the committee lists them; a unit's own people see only their unit.
  ...resource('/api/v1/units', 'unitB', {
    list: SIGNED,
    read: [A, PS, CS, M, GC, L, SV],
    listLeak: (body, { role, own, other }) => {
      const ids = itemIds(body);
      if (other.unitB && ids.includes(other.unitB)) return `the other committee's unit ${other.unitB}`;
      if ([US, UL].includes(role) && ids.includes(own.unitB)) return `another unit ${own.unitB}`;
      return '';
    },
    write: STAFF,
    createBody: () => ({ name: `矩阵单位${uniq()}` }),
    createInvalid: () => ({ kind: '不存在' }),
    updateBody: () => ({ address: '矩阵改写' }),
    updateInvalid: () => ({ contact_phone: '电话' }),
    throwaway: async ({ admin }) => {
      const r = await admin.post('/api/v1/units', { name: `临时单位${uniq()}` });
      return r.status === 201 ? { id: r.body.id } : null;
    },
  }),
  // Members: staff, leaders and supervisors read all, a group contact their group's members
  // (the target member is in another party); only admin and proposal staff write.
  ...resource('/api/v1/members', 'member', {
    list: [...DIRECTORY, GC],
    read: DIRECTORY,
    // Both owner members are looked for by name: the own one is listed, the other never.
    listQuery: (t, x) => `page_size=100&q=${encodeURIComponent(x.memberName)}`,
    listSees: [],
    write: STAFF,
    createBody: (t) => ({ name: '矩阵委员', mobile: freshMobile(), sector_id: t.sector }),
    createInvalid: (t) => ({ name: '矩阵委员', sector_id: t.sector }),
    crossCreate: (t) => ({ name: '矩阵委员', mobile: freshMobile(), sector_id: t.sector }),
    updateBody: () => ({ employer: '矩阵改写' }),
    updateInvalid: () => ({ gender: '不存在' }),
    throwaway: async ({ admin, own }) => {
      const r = await admin.post('/api/v1/members', { name: '临时委员', mobile: freshMobile(), sector_id: own.sector });
      return r.status === 201 ? { id: r.body.id } : null;
    },
  }),

  // --- Imports of members and units: admin and proposal staff; templates for anyone signed in.
  { op: 'POST /api/v1/members/import/preview', cases: [{ name: 'preview', allow: STAFF, body: junkSheet, allowedBody: junkSheet }], cross: null },
  { op: 'POST /api/v1/members/import', cases: [{ name: 'commit', allow: STAFF, body: junkSheet, allowedBody: junkSheet }], cross: null },
  { op: 'GET /api/v1/members/import/template', read: true, raw: true, cases: [{ name: 'template', allow: SIGNED }], cross: null },
  { op: 'POST /api/v1/units/import/preview', cases: [{ name: 'preview', allow: STAFF, body: junkSheet, allowedBody: junkSheet }], cross: null },
  { op: 'POST /api/v1/units/import', cases: [{ name: 'commit', allow: STAFF, body: junkSheet, allowedBody: junkSheet }], cross: null },
  { op: 'GET /api/v1/units/import/template', read: true, raw: true, cases: [{ name: 'template', allow: SIGNED }], cross: null },

  // --- Users and grants: admin only, for accounts whose grants lie in the admin's committee.
  ...resource('/api/v1/users', 'ownerUser', {
    list: [A],
    read: [A],
    listQuery: (t, x) => `page_size=100&q=${encodeURIComponent(x.memberName)}`,
    listSees: [],
    write: [A],
    listLeak: (body, { other }) =>
      itemIds(body).includes(other.ownerUser) ? `an account of the other committee ${other.ownerUser}` : '',
    createBody: () => ({ username: `mx${uniq()}`, name: '矩阵用户', password: 'Matrix12345', grants: [{ role: 'leader' }] }),
    createInvalid: () => ({ name: '矩阵用户' }),
    crossCreate: (t) => ({ username: `mx${uniq()}`, name: '矩阵用户', password: 'Matrix12345', grants: [{ role: 'unit_staff', unit_id: t.unitB }] }),
    updateBody: () => ({ name: '矩阵改名' }),
    updateInvalid: () => ({ status: '不存在' }),
    throwaway: async ({ admin }) => {
      const r = await admin.post('/api/v1/users', { username: `tmp${uniq()}`, name: '临时用户', password: 'Matrix12345', grants: [{ role: 'leader' }] });
      return r.status === 201 ? { id: r.body.id } : null;
    },
  }),
  {
    op: 'POST /api/v1/users/{id}/grants',
    cases: [
      {
        name: "another's account",
        allow: [A],
        path: (t) => ({ id: t.ownerUser }),
        body: () => ({ role: 'leader' }),
        allowedBody: () => ({ role: '不存在的角色' }),
        needs: ['ownerUser'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ role: 'leader' }),
  },
  {
    op: 'DELETE /api/v1/users/{id}/grants/{grant_id}',
    cases: [
      {
        name: "another's grant",
        allow: [A],
        path: (t) => ({ id: t.ownerUser, grant_id: t.ownerGrant }),
        needs: ['ownerUser', 'ownerGrant'],
        throwaway: async ({ admin, own }) => {
          const r = await admin.post(`/api/v1/users/${own.ownerUser}/grants`, { role: 'leader' });
          const g = r.status === 201 ? r.body.grants.find((x) => x.role === 'leader') : null;
          return g ? { id: own.ownerUser, grant_id: g.id } : null;
        },
      },
    ],
    cross: HIDDEN,
  },

  // --- The caller's own records.
  {
    op: 'GET /api/v1/members/directory',
    read: true,
    cases: [{ name: 'directory', allow: SIGNED, query: (t, x) => `page_size=100&q=${encodeURIComponent(x.memberName)}` }],
    cross: null,
    leak: (body, { other }) => (itemIds(body).includes(other.member) ? `the other committee's member ${other.member}` : ''),
  },
  // Only a member has a member record; for everyone else there is none to read.
  { op: 'GET /api/v1/me/member', read: true, cases: [{ name: 'my member record', allow: [M] }], cross: null },
  // A member record waiting for an existing account holder's consent (issue 14): only the
  // holder (no caller of the matrix) sees, accepts or declines it.
  {
    op: 'GET /api/v1/me/member-links',
    read: true,
    cases: [{ name: 'my pending links', allow: SIGNED }],
    cross: null,
    leak: (body, { own, other }) =>
      [own.pendingLink, other.pendingLink]
        .filter((id) => id && valuesOf(body, 'member_id').includes(id))
        .map((id) => `another account's pending link ${id}`)
        .join('; '),
  },
  {
    op: 'POST /api/v1/me/member-links/{id}/accept',
    cases: [{ name: "another account's pending link", allow: NOBODY, path: (t) => ({ id: t.pendingLink }), body: () => ({}), needs: ['pendingLink'] }],
    cross: HIDDEN,
  },
  {
    op: 'POST /api/v1/me/member-links/{id}/decline',
    cases: [{ name: "another account's pending link", allow: NOBODY, path: (t) => ({ id: t.pendingLink }), body: () => ({}), needs: ['pendingLink'] }],
    cross: HIDDEN,
  },
  { op: 'POST /api/v1/me/mobile', cases: [{ name: 'change my mobile', allow: SIGNED, allowedBody: () => ({}) }], cross: null },

  // --- Audit log: admin only.
  {
    op: 'GET /api/v1/audit',
    read: true,
    cases: [{ name: 'audit', allow: [A] }],
    cross: null,
  },

  // --- Search: scoped to what the caller may see.
  {
    op: 'GET /api/v1/search',
    read: true,
    cases: [{ name: 'search', allow: SIGNED, query: (t) => `q=${encodeURIComponent(t.marker)}` }],
    cross: { mode: 'noLeak', query: (t) => `q=${encodeURIComponent(t.marker)}` },
    leak: proposalIdLeak,
  },
  {
    op: 'GET /api/v1/public/search',
    read: true,
    cases: [{ name: 'public search', allow: EVERYONE, query: (t) => `q=${encodeURIComponent(t.marker)}` }],
    cross: { mode: 'noLeak', query: (t) => `q=${encodeURIComponent(t.marker)}` },
    leak: publicLeak,
  },
  { op: 'GET /api/v1/search/hot', read: true, cases: [{ name: 'hot', allow: SIGNED }], cross: null },
  {
    op: 'POST /api/v1/proposals/similar',
    read: true,
    cases: [{ name: "similar to another's draft", allow: SIGNED, body: (t) => t.similarQuery, allowedBody: (t) => t.similarQuery }],
    cross: { mode: 'noLeak', body: (t) => t.similarQuery },
    // Staff keep the full list (they review for duplicates); everyone else only what they may see.
    leak: (body, ctx) => ([A, PS].includes(ctx.role) ? proposalLeak(valuesOf(body, 'proposal_id'), { ...ctx, own: {} }) : proposalIdLeak(body, ctx)),
    // Staff find the assigned proposal with this text: the hiding above is not an empty answer.
    control: (body, { role, own }) =>
      [A, PS].includes(role) && !valuesOf(body, 'proposal_id').includes(own.handled) ? `similar proposals lack ${own.handled}` : '',
  },
  {
    op: 'GET /api/v1/proposals/merge-suggestions',
    read: true,
    cases: [{ name: 'merge suggestions', allow: STAFF, query: (t) => `session_id=${t.session}` }],
    cross: { mode: 'noLeak', query: (t) => `session_id=${t.session}` },
    leak: (body, ctx) => proposalLeak([...valuesOf(body, 'id'), ...valuesOf(body, 'proposal_id')], { ...ctx, own: {} }),
  },
  {
    op: 'GET /api/v1/proposals/{id}/unit-suggestions',
    read: true,
    cases: [{ name: "another unit's proposal", allow: STAFF, path: (t) => ({ id: t.handled }), needs: ['handled'] }],
    cross: HIDDEN,
  },
  { op: 'GET /api/v1/search/status', read: true, cases: [{ name: 'status', allow: STAFF }], cross: null },

  // --- Notifications: each user's own.
  {
    op: 'GET /api/v1/notifications',
    read: true,
    cases: [{ name: 'mine', allow: SIGNED }],
    cross: null,
    leak: (body, { own, other }) =>
      [own.notification, other.notification].filter((n) => n && itemIds(body).includes(n)).map((n) => `another user's notification ${n}`).join('; '),
  },
  { op: 'GET /api/v1/notifications/unread-count', read: true, cases: [{ name: 'count', allow: SIGNED }], cross: null },
  {
    op: 'POST /api/v1/notifications/{id}/read',
    cases: [{ name: "another user's notification", allow: NOBODY, path: (t) => ({ id: t.notification }), body: () => ({}), needs: ['notification'] }],
    cross: HIDDEN,
    probe: 'ownerUnread',
  },
  { op: 'POST /api/v1/notifications/read-all', cases: [{ name: 'mine', allow: SIGNED, body: () => ({}), allowedBody: () => ({}) }], cross: null, probe: 'ownerUnread' },

  // --- Proposal settings.
  { op: 'GET /api/v1/proposals/settings', read: true, cases: [{ name: 'settings', allow: SIGNED }], cross: null },
  { op: 'PUT /api/v1/proposals/settings', cases: [{ name: 'settings', allow: STAFF, body: () => ({}), allowedBody: () => [] }], cross: null, probe: 'settings' },
  { op: 'GET /api/v1/proposals/leaders', read: true, cases: [{ name: 'leaders', allow: STAFF }], cross: null },

  // --- Historical import: admin and proposal staff.
  { op: 'GET /api/v1/proposals/import/template', read: true, raw: true, cases: [{ name: 'template', allow: STAFF }], cross: null },
  { op: 'POST /api/v1/proposals/import/preview', cases: [{ name: 'preview', allow: STAFF, body: junkSheet, allowedBody: junkSheet }], cross: null },
  { op: 'POST /api/v1/proposals/import/commit', cases: [{ name: 'commit', allow: STAFF, body: junkSheet, allowedBody: junkSheet }], cross: null },

  // --- Face-to-face consultation: proposal staff arrange and record it.
  onProposals('POST /api/v1/proposals/{id}/face-to-face', {
    handled: STAFF,
    body: () => ({ meeting_date: '2040-01-02', place: '矩阵会议室', attendees: '矩阵' }),
    allowedBody: () => ({}),
  }),
  onProposals('POST /api/v1/proposals/{id}/face-to-face/outcome', {
    handled: STAFF,
    body: () => ({ outcome: '矩阵协商结果' }),
    allowedBody: () => ({}),
  }),

  // --- The reply editor: a draft is its lead unit's (no caller of the matrix leads these
  // proposals); the templates are read by units and staff and changed by staff.
  onProposals('GET /api/v1/proposals/{id}/reply-draft', { handled: NOBODY, read: true }),
  onProposals('PUT /api/v1/proposals/{id}/reply-draft', { handled: NOBODY, body: () => ({ body: '矩阵草稿' }) }),
  onProposals('POST /api/v1/proposals/{id}/documents/reply-letter-preview', { handled: NOBODY, body: () => ({ body: '矩阵预览' }) }),
  { op: 'GET /api/v1/proposals/reply-templates', read: true, cases: [{ name: 'templates', allow: [A, PS, US, UL] }], cross: null },
  {
    op: 'PUT /api/v1/proposals/reply-templates/{category}',
    cases: [{ name: 'a template', allow: STAFF, path: () => ({ category: 'C' }), body: () => ({ body: '矩阵模板' }), allowedBody: () => ({}) }],
    cross: null,
  },
  {
    op: 'DELETE /api/v1/proposals/reply-templates/{category}',
    cases: [{ name: 'a template', allow: STAFF, path: () => ({ category: 'D' }), throwaway: async () => ({ category: 'D' }) }],
    cross: null,
  },

  // --- Attachments follow the visibility of their proposal. Uploading is the proposer's (on a
  // draft) or the handling unit's (while handling); no caller of the matrix is either.
  onProposals('POST /api/v1/proposals/{id}/attachments', { handled: NOBODY, body: () => pdf() }),
  onProposals('GET /api/v1/proposals/{id}/attachments', { handled: SEES_ALL, read: true }),
  {
    ...onProposals('GET /api/v1/proposals/{id}/attachments/{attachment_id}', {
      handled: SEES_ALL,
      read: true,
      raw: true,
      extra: { attachment_id: (t, which) => (which === 'draft' ? t.draftAttachment : t.handledAttachment) },
    }),
  },
  // Deleting is for the uploader's side (the proposer here) or staff; staff are not called:
  // whether they may delete a proposer's file is left to the server, and it would destroy the
  // fixture.
  (() => {
    const e = onProposals('DELETE /api/v1/proposals/{id}/attachments/{attachment_id}', {
      handled: STAFF,
      extra: { attachment_id: (t, which) => (which === 'draft' ? t.draftAttachment : t.handledAttachment) },
    });
    e.cases[1].skipAllowed = 'staff deleting the proposer\'s file would destroy the fixture';
    return e;
  })(),

  // --- Proposals.
  {
    op: 'GET /api/v1/public/proposals',
    read: true,
    cases: [{ name: 'published', allow: EVERYONE }],
    cross: null,
    leak: publicLeak,
  },
  {
    op: 'GET /api/v1/public/proposals/{id}',
    read: true,
    open: true,
    cases: [
      // Published proposals are public whatever the committee.
      { name: 'a published proposal', allow: EVERYONE, path: (t) => ({ id: t.published }), needs: ['published'] },
      { name: "another member's draft", allow: NOBODY, path: (t) => ({ id: t.draft }), needs: ['draft'] },
    ],
    cross: HIDDEN,
    crossPath: (t) => ({ id: t.handled }),
  },
  {
    op: 'GET /api/v1/calendar-days',
    read: true,
    cases: [{ name: 'calendar', allow: SIGNED }],
    cross: null,
    leak: (body, { other }) =>
      Array.isArray(body?.items) && body.items.some((d) => d.day === other.calendarDay) ? `the other committee's day ${other.calendarDay}` : '',
  },
  {
    op: 'POST /api/v1/calendar-days',
    cases: [{ name: 'set a day', allow: STAFF, body: () => ({ day: '2031-06-02', kind: 'holiday', name: '矩阵' }), allowedBody: () => ({ day: '不是日期', kind: 'holiday' }) }],
    cross: null,
    probe: 'calendar',
  },
  {
    op: 'DELETE /api/v1/calendar-days/{day}',
    cases: [
      {
        name: 'a day of the committee',
        allow: STAFF,
        path: (t) => ({ day: t.calendarDay }),
        needs: ['calendarDay'],
        throwaway: async ({ admin }) => {
          const day = `2032-0${1 + (counter++ % 9)}-1${counter % 10}`;
          const r = await admin.post('/api/v1/calendar-days', { day, kind: 'workday', name: '临时' });
          return r.status === 201 ? { day } : null;
        },
      },
    ],
    cross: HIDDEN,
    probe: 'calendar',
  },
  { op: 'GET /api/v1/proposals/workflow', read: true, cases: [{ name: 'workflow', allow: SIGNED }], cross: null },
  { op: 'GET /api/v1/proposals/decline-reasons', read: true, cases: [{ name: 'reasons', allow: SIGNED }], cross: null },
  {
    op: 'GET /api/v1/proposals',
    read: true,
    cases: [{ name: 'list', allow: SIGNED, query: () => 'page_size=100&q=%E7%9F%A9%E9%98%B5' }],
    cross: null,
    leak: proposalsListLeak,
    control: (body, { role, own }) =>
      SEES_ALL.includes(role) && !itemIds(body).includes(own.handled) ? `the list lacks the committee's proposal ${own.handled}` : '',
  },
  {
    op: 'POST /api/v1/proposals',
    // Members, group contacts and special-committee staff propose.
    cases: [{ name: 'draft', allow: [M, GC, CS], body: () => ({ title: '矩阵越权提案' }), allowedBody: () => ({ category: '不存在' }) }],
    cross: REFUSED,
    crossBody: (t) => ({ title: '矩阵跨会提案', session_id: t.session, suggested_unit_ids: [t.unitB] }),
  },
  onProposals('GET /api/v1/proposals/{id}', { handled: SEES_ALL, read: true }),
  // Only the proposer edits a draft; staff who see a submitted proposal may not edit it.
  (() => {
    const e = onProposals('PATCH /api/v1/proposals/{id}', { handled: NOBODY });
    e.cases[0].body = (t) => ({ version: t.draftVersion, title: '矩阵改写' });
    e.cases[1].body = (t) => ({ version: t.handledVersion, title: '矩阵改写' });
    e.crossBody = (t) => ({ version: t.handledVersion, title: '矩阵改写' });
    return e;
  })(),
  (() => {
    const e = onProposals('POST /api/v1/proposals/{id}/transitions', { handled: STAFF });
    e.cases[0].body = (t) => ({ action: 'submit', version: t.draftVersion });
    e.cases[1].body = (t) => ({ action: 'mark_key', version: t.handledVersion, key: true });
    // A stale version: the actor check passes, the version check refuses (409).
    e.cases[1].allowedBody = () => ({ action: 'mark_key', version: -1, key: true });
    e.crossBody = (t) => ({ action: 'mark_key', version: t.handledVersion, key: true });
    return e;
  })(),
  onProposals('GET /api/v1/proposals/{id}/history', { handled: SEES_ALL, read: true }),

  // --- Follow-ups of B/C replies: proposal staff and the lead unit (another unit here).
  onProposals('POST /api/v1/proposals/{id}/follow-ups', {
    handled: STAFF,
    target: 'followUpProposal',
    body: () => ({ commitment: '矩阵承诺', due_date: '2040-01-01' }),
    allowedBody: () => ({}),
  }),
  onProposals('POST /api/v1/proposals/{id}/follow-ups/{follow_up_id}/progress', {
    handled: STAFF,
    target: 'followUpProposal',
    extra: { follow_up_id: (t) => t.followUp ?? 1 },
    body: () => ({ note: '矩阵进展' }),
    allowedBody: () => ({}),
  }),

  // --- Documents.
  onProposals('GET /api/v1/proposals/{id}/documents/form.docx', { handled: SEES_ALL, read: true, raw: true }),
  onProposals('GET /api/v1/proposals/{id}/documents/assignment-notice.docx', { handled: SEES_ALL, read: true, raw: true }),
  onProposals('GET /api/v1/proposals/{id}/documents/reply-letter.docx', { handled: SEES_ALL, target: 'followUpProposal', read: true, raw: true }),
  {
    op: 'GET /api/v1/proposals/compendium.docx',
    read: true,
    raw: true,
    cases: [{ name: 'the current session', allow: SEES_ALL }],
    cross: HIDDEN,
    crossQuery: (t) => `session_id=${t.session}`,
  },
  {
    op: 'GET /api/v1/proposals/export.xlsx',
    read: true,
    raw: true,
    cases: [{ name: 'the current session', allow: SEES_ALL }],
    cross: HIDDEN,
    crossQuery: (t) => `session_id=${t.session}`,
  },

  // --- The topic catalogue: readers are everyone of the committee, editors admin and staff,
  // claims are the group contacts'.
  {
    op: 'GET /api/v1/catalogue',
    read: true,
    cases: [{ name: 'current session', allow: SIGNED }],
    cross: HIDDEN,
    crossQuery: (t) => `session_id=${t.session}`,
  },
  {
    op: 'PATCH /api/v1/catalogue',
    cases: [{ name: 'claim deadline', allow: STAFF, body: () => ({ claim_until: '2040-01-01' }), allowedBody: () => ({ claim_until: '不是日期' }) }],
    cross: HIDDEN,
    crossBody: (t) => ({ session_id: t.session, claim_until: '2040-01-01' }),
  },
  {
    op: 'POST /api/v1/catalogue/publish',
    cases: [{ name: 'publish', allow: STAFF, body: () => ({}), allowedBody: () => ({ claim_until: '不是日期' }) }],
    cross: HIDDEN,
    crossBody: (t) => ({ session_id: t.session }),
  },
  {
    op: 'POST /api/v1/catalogue/unpublish',
    cases: [{ name: 'unpublish', allow: STAFF, body: () => ({}), allowedBody: () => ({ session_id: '不是编号' }) }],
    cross: HIDDEN,
    crossBody: (t) => ({ session_id: t.session }),
  },
  {
    op: 'POST /api/v1/catalogue/reorder',
    cases: [{ name: 'reorder', allow: STAFF, body: (t) => ({ topic_ids: [t.topic] }), allowedBody: () => ({}), needs: ['topic'] }],
    cross: HIDDEN,
    crossBody: (t) => ({ session_id: t.session, topic_ids: [t.topic] }),
  },
  {
    op: 'POST /api/v1/catalogue/topics/{id}/claims',
    cases: [
      {
        name: 'a published topic',
        allow: [GC],
        path: (t) => ({ id: t.topic }),
        body: () => ({}),
        allowedBody: () => ({ group_type: '不存在' }),
        needs: ['topic'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({}),
  },
  {
    op: 'DELETE /api/v1/catalogue/claims/{id}',
    cases: [
      {
        name: "another group's claim",
        allow: STAFF,
        path: (t) => ({ id: t.claim }),
        skipAllowed: 'withdrawing the claim would destroy the fixture',
        needs: ['claim'],
      },
    ],
    cross: HIDDEN,
  },
  {
    op: 'GET /api/v1/catalogue/check',
    read: true,
    cases: [{ name: 'check a draft', allow: SIGNED, query: () => `title=${encodeURIComponent('社区养老服务')}` }],
    cross: HIDDEN,
    crossQuery: (t) => `topic_id=${t.topic}&title=${encodeURIComponent('社区养老服务')}`,
  },
  {
    op: 'GET /api/v1/catalogue/export.docx',
    read: true,
    raw: true,
    cases: [{ name: 'current session', allow: SIGNED }],
    cross: HIDDEN,
    crossQuery: (t) => `session_id=${t.session}`,
  },
  ...resource('/api/v1/catalogue/topics', 'topic', {
    list: SIGNED,
    read: SIGNED,
    write: STAFF,
    listQuery: () => 'page_size=100',
    createBody: (t) => ({ session_id: t.session, topic: '矩阵越权选题' }),
    createInvalid: (t) => ({ session_id: t.session }),
    crossCreate: (t) => ({ session_id: t.session, topic: '矩阵跨会选题' }),
    updateBody: () => ({ description: '矩阵改写' }),
    updateInvalid: () => ({ category: '不存在' }),
    throwaway: async ({ admin, own }) => {
      const r = await admin.post('/api/v1/catalogue/topics', { session_id: own.session, topic: `临时选题${uniq()}` });
      return r.status === 201 ? { id: r.body.id } : null;
    },
  }),

  // --- Meetings and activities (modules/meetings/permissions.hpp): the committee office
  // (admin, proposal staff) manages every meeting, committee staff those of their own special
  // committee (the fixture is another special committee's), leaders and supervisors read
  // everything; the published calendar (members, contacts, committee staff) shows a notified
  // meeting's time and place only; invitees (none of the matrix's callers; the owner member is
  // invited) reply, sign in and apply to speak. Another committee's meeting is 404.
  { op: 'GET /api/v1/meetings/options', read: true, cases: [{ name: 'options', allow: SIGNED }], cross: null },
  {
    op: 'GET /api/v1/meetings',
    read: true,
    cases: [{ name: 'list', allow: SIGNED, query: () => 'page_size=100' }],
    cross: null,
    leak: listLeak('meeting'),
    control: (body, { role, own }) =>
      MEETING_CALENDAR.includes(role) && own.meeting && !itemIds(body).includes(own.meeting) ? `the list lacks the meeting ${own.meeting}` : '',
  },
  { op: 'GET /api/v1/meetings/mine', read: true, cases: [{ name: 'mine', allow: SIGNED }], cross: null, leak: (body, { other }) =>
    JSON.stringify(body).includes(`"id":${other.meeting},`) ? `the other committee's meeting ${other.meeting}` : '' },
  {
    op: 'POST /api/v1/meetings',
    cases: [{ name: 'create', allow: [...STAFF, CS], body: (t) => meetingBody(t), allowedBody: () => ({}) }],
    cross: null,
  },
  onMeeting('GET /api/v1/meetings/{id}', { allow: MEETING_CALENDAR, read: true }),
  onMeeting('PATCH /api/v1/meetings/{id}', { body: () => ({ version: 1, title: '矩阵改名' }), allowedBody: () => ({ version: '一' }) }),
  onMeeting('POST /api/v1/meetings/{id}/cancel', { body: () => ({ reason: '矩阵' }), allowedBody: () => ({ reason: 1 }) }),
  onMeeting('GET /api/v1/meetings/{id}/invitees', { allow: MEETING_READERS, read: true }),
  onMeeting('POST /api/v1/meetings/{id}/invitees', { body: (t) => ({ user_ids: [t.ownerUser] }), allowedBody: () => ({}) }),
  {
    op: 'DELETE /api/v1/meetings/{id}/invitees/{invitee_id}',
    cases: [
      {
        name: "the meeting's invitee",
        allow: STAFF,
        path: (t) => ({ id: t.meeting, invitee_id: t.meetingInvitee }),
        needs: ['meeting', 'meetingInvitee'],
        throwaway: async ({ admin, own }) => {
          const name = `矩阵嘉宾${uniq()}`;
          const r = await admin.post(`/api/v1/meetings/${own.meeting}/invitees`, { guests: [{ name, employer: '矩阵' }] });
          if (r.status !== 200) return null;
          const list = await admin.get(`/api/v1/meetings/${own.meeting}/invitees`);
          const g = list.body?.items?.find((i) => i.name === name);
          return g ? { id: own.meeting, invitee_id: g.id } : null;
        },
      },
    ],
    cross: HIDDEN,
    crossPath: (t) => ({ id: t.meeting, invitee_id: t.meetingInvitee }),
  },
  onMeeting('POST /api/v1/meetings/{id}/notify', { body: () => ({}), allowedBody: () => ({ matrix: 1 }) }),
  onMeeting('POST /api/v1/meetings/{id}/remind', { body: () => ({}), allowedBody: () => ({ matrix: 1 }) }),
  onMeeting('PUT /api/v1/meetings/{id}/reply', { allow: NOBODY, body: () => ({ reply: 'attend' }) }),
  onMeeting('POST /api/v1/meetings/{id}/invitees/{invitee_id}/leave', {
    invitee: true,
    body: () => ({ decision: 'approve' }),
    allowedBody: () => ({}),
  }),
  onMeeting('GET /api/v1/meetings/{id}/sign-in-code', { read: true }),
  onMeeting('POST /api/v1/meetings/{id}/sign-in', { allow: NOBODY, body: (t) => ({ token: `${t.meeting}.1.0123456789` }) }),
  onMeeting('POST /api/v1/meetings/{id}/invitees/{invitee_id}/attendance', {
    invitee: true,
    body: () => ({ status: 'present', reason: '矩阵' }),
    allowedBody: () => ({}),
  }),
  onMeeting('GET /api/v1/meetings/{id}/board', { allow: MEETING_READERS, read: true }),
  onMeeting('GET /api/v1/meetings/{id}/speeches', { allow: MEETING_READERS, read: true }),
  onMeeting('POST /api/v1/meetings/{id}/speeches', { allow: NOBODY, body: () => ({ title: '矩阵发言', mode: 'oral' }) }),
  onMeeting('PUT /api/v1/meetings/{id}/speeches/order', { body: (t) => ({ ids: [t.meetingSpeech] }), allowedBody: () => ({}) }),
  onMeeting('POST /api/v1/meetings/{id}/speeches/{speech_id}/decision', {
    speech: true,
    body: () => ({ decision: 'arrange' }),
    allowedBody: () => ({}),
  }),
  onMeeting('PUT /api/v1/meetings/{id}/minutes', { body: () => ({ text: '矩阵纪要' }), allowedBody: () => ({}) }),
  onMeeting('POST /api/v1/meetings/{id}/minutes/approve', { body: () => ({}), allowedBody: () => ({ matrix: 1 }) }),
  onMeeting('GET /api/v1/meetings/{id}/documents/notice', { allow: MEETING_READERS, read: true, raw: true }),
  onMeeting('GET /api/v1/meetings/{id}/documents/minutes', { allow: MEETING_READERS, read: true, raw: true }),

  // --- Consultations (专题、对口、界别协商): everyone of the committee reads the published plan
  // and its topics; the office (admin, proposal staff) drafts and publishes the plan and runs
  // topics no special committee leads; special committees' staff and party/sector contacts put
  // topics forward; leaders decide postponements.
  { op: 'GET /api/v1/consultations/workflow', read: true, cases: [{ name: 'workflow', allow: SIGNED }], cross: null },
  {
    op: 'GET /api/v1/consultations/leaders',
    read: true,
    cases: [{ name: 'the leader picker', allow: [A, PS, CS, GC, L, SV] }],
    cross: null,
    leak: (body, { other }) => (other.leaderName && JSON.stringify(body).includes(other.leaderName) ? 'the other committee\'s leader' : ''),
  },
  { op: 'GET /api/v1/consultations/plans', read: true, cases: [{ name: 'list', allow: SIGNED }], cross: null, leak: listLeak('cplan') },
  {
    op: 'POST /api/v1/consultations/plans',
    cases: [{ name: 'a year', allow: STAFF, body: () => ({ year: 2041 }), allowedBody: () => ({ year: 1 }) }],
    cross: null,
  },
  {
    op: 'GET /api/v1/consultations/plans/{id}',
    read: true,
    cases: [{ name: 'published plan', allow: SIGNED, path: (t) => ({ id: t.cplan }), needs: ['cplan'] }],
    cross: HIDDEN,
  },
  {
    op: 'POST /api/v1/consultations/plans/{id}/steps',
    cases: [
      {
        name: 'a step',
        allow: STAFF,
        path: (t) => ({ id: t.cplan }),
        body: () => ({ action: 'return_to_draft', version: 1, acted_on: '2040-02-01' }),
        allowedBody: () => ({ action: '不存在' }),
        needs: ['cplan'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ action: 'return_to_draft', version: 1, acted_on: '2040-02-01' }),
  },
  {
    op: 'GET /api/v1/consultations/plans/{id}/document',
    read: true,
    raw: true,
    cases: [{ name: 'published plan', allow: SIGNED, path: (t) => ({ id: t.cplan }), needs: ['cplan'] }],
    cross: HIDDEN,
  },
  { op: 'GET /api/v1/consultations/topics', read: true, cases: [{ name: 'list', allow: SIGNED }], cross: null, leak: listLeak('ctopic') },
  {
    op: 'POST /api/v1/consultations/topics',
    cases: [
      {
        name: 'a topic',
        allow: [A, PS, CS, GC],
        body: (t) => ({ plan_id: t.cplan, kind: 'thematic', title: '矩阵越权议题', planned_month: 3, form: 'meeting' }),
        allowedBody: () => ({ kind: '不存在' }),
        needs: ['cplan'],
      },
    ],
    cross: REFUSED,
    crossBody: (t) => ({ plan_id: t.cplan, kind: 'thematic', title: '矩阵跨会议题', planned_month: 3, form: 'meeting', reason: '矩阵' }),
  },
  {
    op: 'GET /api/v1/consultations/topics/{id}',
    read: true,
    cases: [{ name: 'a planned topic', allow: SIGNED, path: (t) => ({ id: t.ctopic }), needs: ['ctopic'] }],
    cross: HIDDEN,
  },
  {
    op: 'PATCH /api/v1/consultations/topics/{id}',
    cases: [
      {
        name: 'a topic no special committee leads',
        allow: STAFF,
        path: (t) => ({ id: t.ctopic }),
        body: () => ({ version: 1, purpose: '矩阵改写' }),
        allowedBody: () => ({ version: '不是版本' }),
        needs: ['ctopic'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ version: 1, purpose: '矩阵改写' }),
  },
  {
    op: 'POST /api/v1/consultations/topics/{id}/transitions',
    cases: [
      {
        name: 'start research',
        allow: STAFF,
        path: (t) => ({ id: t.ctopic }),
        body: () => ({ action: 'start_research', version: 1 }),
        allowedBody: () => ({ action: 'start_research' }),
        needs: ['ctopic'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ action: 'start_research', version: 1 }),
  },
  {
    op: 'POST /api/v1/consultations/topics/{id}/postponements',
    cases: [
      {
        name: 'ask for another month',
        allow: STAFF,
        path: (t) => ({ id: t.ctopic }),
        body: () => ({ to_month: 12, reason: '矩阵越权延期' }),
        allowedBody: () => ({}),
        needs: ['ctopic'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ to_month: 12, reason: '矩阵跨会延期' }),
  },
  {
    op: 'POST /api/v1/consultations/postponements/{id}/decision',
    cases: [
      {
        name: 'a pending postponement',
        allow: [L],
        path: (t) => ({ id: t.cpostponement }),
        body: () => ({ decision: 'reject', note: '矩阵越权' }),
        allowedBody: () => ({ decision: '不存在' }),
        needs: ['cpostponement'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ decision: 'reject', note: '矩阵跨会' }),
  },

  {
    op: 'POST /api/v1/consultations/topics/{id}/outcomes',
    cases: [
      {
        name: 'an outcome of a held topic',
        allow: STAFF,
        path: (t) => ({ id: t.ctopic }),
        body: () => ({ kind: 'opinions', title: '矩阵越权成果' }),
        allowedBody: () => ({ kind: '不存在' }),
        needs: ['ctopic'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ kind: 'opinions', title: '矩阵跨会成果' }),
  },
  {
    op: 'PATCH /api/v1/consultations/outcomes/{id}',
    cases: [
      {
        name: 'a sent outcome',
        allow: STAFF,
        path: (t) => ({ id: t.coutcome }),
        body: () => ({ version: 1, title: '矩阵改写' }),
        allowedBody: () => ({ version: '不是版本' }),
        needs: ['coutcome'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ version: 1, title: '矩阵改写' }),
  },
  {
    op: 'POST /api/v1/consultations/outcomes/{id}/transitions',
    // The topic names no lead leader, so every leader is its lead.
    cases: [
      {
        name: 'record the adoption',
        allow: [L],
        path: (t) => ({ id: t.coutcome }),
        body: () => ({ action: 'record_adoption', version: 1, adoption: 'adopted' }),
        allowedBody: () => ({ action: 'record_adoption' }),
        needs: ['coutcome'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ action: 'record_adoption', version: 1, adoption: 'adopted' }),
  },
  {
    op: 'POST /api/v1/consultations/outcomes/{id}/instructions',
    cases: [
      {
        name: 'an instruction',
        allow: STAFF,
        path: (t) => ({ id: t.coutcome }),
        body: (t) => ({ leader_name: '矩阵', instructed_on: '2026-01-12', text: '矩阵越权批示', unit_ids: [t.unitA] }),
        allowedBody: () => ({}),
        needs: ['coutcome'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ leader_name: '矩阵', instructed_on: '2026-01-12', text: '矩阵跨会批示' }),
  },
  {
    op: 'POST /api/v1/consultations/outcomes/{id}/follow-items',
    // The office for any unit; unit A's staff and leader for their own unit, which the instruction names.
    cases: [
      {
        name: "unit A's item",
        allow: [A, PS, US, UL],
        path: (t) => ({ id: t.coutcome }),
        body: (t) => ({ unit_id: t.unitA, title: '矩阵越权事项', due_on: '2040-06-30' }),
        allowedBody: () => ({}),
        needs: ['coutcome'],
      },
    ],
    cross: HIDDEN,
    crossBody: (t) => ({ unit_id: t.unitA, title: '矩阵跨会事项', due_on: '2040-06-30' }),
  },
  { op: 'GET /api/v1/consultations/follow-items', read: true, cases: [{ name: 'list', allow: SIGNED }], cross: null, leak: listLeak('citem') },
  {
    op: 'GET /api/v1/consultations/follow-items/late-notice',
    read: true,
    raw: true,
    // Who reads every consultation record: the office, special committees' staff, leaders, supervisors.
    cases: [{ name: 'the late items', allow: [A, PS, CS, L, SV] }],
    cross: null,
  },
  {
    op: 'POST /api/v1/consultations/follow-items/{id}/progress',
    cases: [
      {
        name: "unit A's item",
        allow: [A, PS, US, UL],
        path: (t) => ({ id: t.citem }),
        body: () => ({ note: '矩阵越权进展' }),
        allowedBody: () => ({}),
        needs: ['citem'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ note: '矩阵跨会进展' }),
  },
  {
    op: 'POST /api/v1/consultations/follow-items/{id}/close',
    cases: [
      {
        name: "unit A's item",
        allow: [A, PS, US, UL],
        path: (t) => ({ id: t.citem }),
        body: () => ({ result: '矩阵越权办结' }),
        allowedBody: () => ({}),
        needs: ['citem'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ result: '矩阵跨会办结' }),
  },

  // --- Research (调研、视察) of a topic: those who run the topic (the office here: no special
  // committee leads the fixture's topic) organise it and write the report; the lead leader (any
  // leader: the topic names none) approves it; those who read every consultation record read it,
  // and so does its team (the owner member, not the matrix's member); others find nothing.
  {
    op: 'GET /api/v1/consultations/topics/{id}/research',
    read: true,
    cases: [{ name: 'the research of a planned topic', allow: SIGNED, path: (t) => ({ id: t.ctopic }), needs: ['ctopic'] }],
    cross: HIDDEN,
  },
  {
    op: 'POST /api/v1/consultations/topics/{id}/research',
    cases: [
      {
        name: 'research of a topic no special committee leads',
        allow: STAFF,
        path: (t) => ({ id: t.ctopic }),
        body: () => ({ kind: 'research', title: '矩阵越权调研' }),
        allowedBody: () => ({ kind: '不存在' }),
        needs: ['ctopic'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ kind: 'research', title: '矩阵跨会调研' }),
  },
  { op: 'GET /api/v1/consultations/research/mine', read: true, cases: [{ name: 'my teams', allow: SIGNED }], cross: null, leak: listLeak('cresearch') },
  {
    op: 'GET /api/v1/consultations/research/{id}',
    read: true,
    cases: [{ name: "the owner's team's research", allow: [A, PS, CS, L, SV], path: (t) => ({ id: t.cresearch }), needs: ['cresearch'] }],
    cross: HIDDEN,
  },
  {
    op: 'PATCH /api/v1/consultations/research/{id}',
    cases: [
      {
        name: 'the outline',
        allow: STAFF,
        path: (t) => ({ id: t.cresearch }),
        body: () => ({ version: 1, outline: '矩阵越权提纲' }),
        allowedBody: () => ({ version: '不是版本' }),
        needs: ['cresearch'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ version: 1, outline: '矩阵跨会提纲' }),
  },
  {
    op: 'POST /api/v1/consultations/research/{id}/visits',
    cases: [
      {
        name: 'a visit',
        allow: STAFF,
        path: (t) => ({ id: t.cresearch }),
        body: () => ({ visited_on: '2026-01-06', place: '矩阵越权走访' }),
        allowedBody: () => ({ place: '' }),
        needs: ['cresearch'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ visited_on: '2026-01-06', place: '矩阵跨会走访' }),
  },
  {
    op: 'PATCH /api/v1/consultations/research-visits/{id}',
    cases: [
      {
        name: "a visit's notes",
        allow: STAFF,
        path: (t) => ({ id: t.cvisit }),
        body: () => ({ version: 1, notes: '矩阵越权记录' }),
        allowedBody: () => ({ version: '不是版本' }),
        needs: ['cvisit'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ version: 1, notes: '矩阵跨会记录' }),
  },
  {
    op: 'POST /api/v1/consultations/research/{id}/files',
    cases: [
      {
        name: 'a material',
        allow: STAFF,
        path: (t) => ({ id: t.cresearch }),
        body: () => pdf(),
        allowedBody: () => junkSheet(),
        needs: ['cresearch'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => pdf(),
  },
  {
    op: 'GET /api/v1/consultations/research-files/{id}',
    read: true,
    raw: true,
    cases: [{ name: "a visit's material", allow: [A, PS, CS, L, SV], path: (t) => ({ id: t.cfile }), needs: ['cfile'] }],
    cross: HIDDEN,
  },
  {
    op: 'DELETE /api/v1/consultations/research-files/{id}',
    cases: [
      {
        name: "a visit's material",
        allow: STAFF,
        path: (t) => ({ id: t.cfile }),
        needs: ['cfile'],
        throwaway: async ({ admin, own }) => {
          const r = await admin.post(`/api/v1/consultations/research/${own.cresearch}/files`, pdf());
          return r.status === 201 ? { id: r.body.files.at(-1).id } : null;
        },
      },
    ],
    cross: HIDDEN,
  },
  {
    op: 'POST /api/v1/consultations/research/{id}/report',
    cases: [
      {
        name: 'a report draft',
        allow: STAFF,
        path: (t) => ({ id: t.cresearch }),
        body: () => ({ version: 1, body: '矩阵越权报告' }),
        allowedBody: () => ({ version: '不是版本' }),
        needs: ['cresearch'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ version: 1, body: '矩阵跨会报告' }),
  },
  {
    op: 'POST /api/v1/consultations/research/{id}/transitions',
    cases: [
      {
        name: 'approve the report',
        allow: [L],
        path: (t) => ({ id: t.cresearch }),
        body: () => ({ action: 'approve', version: 1 }),
        allowedBody: () => ({ action: 'approve' }),
        needs: ['cresearch'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ action: 'approve', version: 1 }),
  },

  {
    op: 'POST /api/v1/consultations/outcomes/{id}/publication',
    cases: [
      {
        name: 'publish a sent outcome',
        allow: STAFF,
        path: (t) => ({ id: t.coutcome }),
        body: () => ({ published: true }),
        allowedBody: () => ({ published: '是' }),
        needs: ['coutcome'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ published: true }),
  },
  {
    op: 'GET /api/v1/public/consultations/outcomes',
    read: true,
    cases: [{ name: 'published outcomes', allow: EVERYONE }],
    cross: null,
    // An outcome is public only once published: the fixture's sent outcome is not.
    leak: (body, { own, other }) =>
      itemIds(body).filter((id) => id === own.coutcome || id === other.coutcome).map((id) => `the unpublished outcome ${id}`).join('; '),
  },
  {
    op: 'GET /api/v1/public/consultations/outcomes/{id}',
    read: true,
    open: true,
    cases: [{ name: 'an unpublished outcome', allow: NOBODY, path: (t) => ({ id: t.coutcome }), needs: ['coutcome'] }],
    cross: HIDDEN,
  },

  // --- System.
  { op: 'GET /healthz', read: true, cases: [{ name: 'health', allow: EVERYONE }], cross: null },
  // Metrics answer loopback callers (the tests run there).
  { op: 'GET /metrics', read: true, raw: true, cases: [{ name: 'metrics', allow: EVERYONE }], cross: null },
  { op: 'GET /api/v1/openapi.json', read: true, cases: [{ name: 'description', allow: EVERYONE }], cross: null },
  // Test-only hooks (SHANGLIANG_TEST_ROUTES=1, never in production): listed, not called.
  { op: 'GET /api/v1/test/slow', skip: 'test-only route' },
  { op: 'GET /api/v1/test/captcha/{id}', skip: 'test-only route' },
  { op: 'POST /api/v1/test/clock', skip: 'test-only route' },
  { op: 'POST /api/v1/test/scheduler/run', skip: 'test-only route' },
];

// Accounts that also hold a role in the parent committee (issue 14): a child committee's admin
// may not set their password, disable or delete them, or change their grants; the parent's
// admin may (every grant lies in the parent or below it).
const SHARED = { C: NOBODY, P: [A] };
const shared = (name, extra) => ({ name: "an account that also holds a role in the parent", allow: SHARED, needs: ['sharedUser'], ...extra });
function addCase(op, c) {
  const e = TABLE.find((x) => x.op === op);
  if (!e) throw new Error(`no ${op} in the table`);
  e.cases.push(c);
}
// Proposal staff name leaders for key proposals: they list the committee's leaders (a picker's
// fields), never any other account.
addCase('GET /api/v1/users', { name: 'the leaders (key-proposal picker)', allow: STAFF, query: () => 'role=leader&page_size=100' });
addCase('PATCH /api/v1/users/{id}', shared('', {
  path: (t) => ({ id: t.sharedUser }),
  body: () => ({ password: 'Hijack12345' }),
  allowedBody: () => ({ status: '不存在' }),
}));
addCase('PATCH /api/v1/users/{id}', {
  name: 'disable an account that also holds a role in the parent',
  allow: SHARED,
  needs: ['sharedUser'],
  path: (t) => ({ id: t.sharedUser }),
  body: () => ({ status: 'disabled' }),
  allowedBody: () => ({ status: '不存在' }),
});
// A login mobile changes only by its holder (/api/v1/me/mobile with an SMS code): through /users
// even the admin is refused (`refuse`: a 4xx for the roles listed, and nothing written).
addCase('PATCH /api/v1/users/{id}', {
  name: "another's login mobile",
  allow: NOBODY,
  refuse: [A],
  needs: ['ownerUser'],
  path: (t) => ({ id: t.ownerUser }),
  body: () => ({ mobile: freshMobile() }),
});
addCase('DELETE /api/v1/users/{id}', shared('', {
  path: (t) => ({ id: t.sharedUser }),
  skipAllowed: 'deleting the shared account would destroy the fixture',
}));
addCase('POST /api/v1/users/{id}/grants', shared('', {
  path: (t) => ({ id: t.sharedUser }),
  body: () => ({ role: 'leader' }),
  allowedBody: () => ({ role: '不存在的角色' }),
}));
addCase('DELETE /api/v1/users/{id}/grants/{grant_id}', shared('', {
  path: (t) => ({ id: t.sharedUser, grant_id: t.sharedGrant }),
  needs: ['sharedUser', 'sharedGrant'],
  skipAllowed: 'revoking the shared account\'s grant would destroy the fixture',
}));

// --- A topic's online deliberation (网络议政): the office (and the leading special committee's
// staff; the fixture's topic names none) open, change, close the window and invite; invited
// members post (the owner member, not the matrix's member, is invited: nobody here may post or
// change the owner's opinion); the office moderates and selects. Everyone of the committee reads
// the window; another committee's is not found.
const DELIB_STAFF = STAFF;
TABLE.push(
  {
    op: 'GET /api/v1/consultations/topics/{id}/deliberation',
    read: true,
    cases: [{ name: 'the window of a planned topic', allow: SIGNED, path: (t) => ({ id: t.ctopic }), needs: ['ctopic'] }],
    cross: HIDDEN,
  },
  {
    op: 'POST /api/v1/consultations/topics/{id}/deliberation',
    cases: [
      {
        name: 'open a window',
        allow: DELIB_STAFF,
        path: (t) => ({ id: t.ctopic }),
        body: (t) => ({ prompt: '矩阵越权网络议政', closes_at: '2099-01-01T00:00:00Z', user_ids: [t.ownerUser] }),
        allowedBody: () => ({ prompt: '' }),
        needs: ['ctopic'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ prompt: '矩阵跨会网络议政', closes_at: '2099-01-01T00:00:00Z', standing_committee: true }),
  },
  { op: 'GET /api/v1/consultations/deliberations/mine', read: true, cases: [{ name: 'my windows', allow: SIGNED }], cross: null, leak: listLeak('cdelib') },
  {
    op: 'PATCH /api/v1/consultations/deliberations/{id}',
    cases: [
      {
        name: 'the question',
        allow: DELIB_STAFF,
        path: (t) => ({ id: t.cdelib }),
        body: () => ({ version: 1, prompt: '矩阵越权改写' }),
        allowedBody: () => ({ version: '不是版本' }),
        needs: ['cdelib'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ version: 1, prompt: '矩阵跨会改写' }),
  },
  {
    op: 'POST /api/v1/consultations/deliberations/{id}/close',
    cases: [
      {
        name: 'close early',
        allow: DELIB_STAFF,
        path: (t) => ({ id: t.cdelib }),
        body: () => ({ version: 1 }),
        allowedBody: () => ({}),
        needs: ['cdelib'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ version: 1 }),
  },
  {
    op: 'POST /api/v1/consultations/deliberations/{id}/invitees',
    cases: [
      {
        name: 'invite more',
        allow: DELIB_STAFF,
        path: (t) => ({ id: t.cdelib }),
        body: () => ({ standing_committee: true }),
        allowedBody: () => ({}),
        needs: ['cdelib'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ standing_committee: true }),
  },
  {
    op: 'POST /api/v1/consultations/deliberations/{id}/opinions',
    cases: [{ name: 'an opinion, not invited', allow: NOBODY, path: (t) => ({ id: t.cdelib }), body: () => ({ body: '矩阵越权意见' }), needs: ['cdelib'] }],
    cross: HIDDEN,
    crossBody: () => ({ body: '矩阵跨会意见' }),
  },
  {
    op: 'PATCH /api/v1/consultations/deliberation-opinions/{id}',
    cases: [{ name: "the owner's opinion", allow: NOBODY, path: (t) => ({ id: t.copinion }), body: () => ({ body: '矩阵越权改写' }), needs: ['copinion'] }],
    cross: HIDDEN,
    crossBody: () => ({ body: '矩阵跨会改写' }),
  },
  {
    op: 'DELETE /api/v1/consultations/deliberation-opinions/{id}',
    cases: [{ name: "the owner's opinion", allow: NOBODY, path: (t) => ({ id: t.copinion }), needs: ['copinion'] }],
    cross: HIDDEN,
  },
  {
    op: 'POST /api/v1/consultations/deliberation-opinions/{id}/moderation',
    cases: [
      {
        name: 'publish or hide',
        allow: DELIB_STAFF,
        path: (t) => ({ id: t.copinion }),
        body: () => ({ action: 'hide', reason: '矩阵越权' }),
        allowedBody: () => ({ action: '不存在' }),
        needs: ['copinion'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ action: 'hide', reason: '矩阵跨会' }),
  },
  {
    op: 'POST /api/v1/consultations/deliberation-opinions/{id}/selection',
    cases: [
      {
        name: 'select into the outcome',
        allow: DELIB_STAFF,
        path: (t) => ({ id: t.copinion }),
        body: () => ({ selected: false }),
        allowedBody: () => ({ selected: '是' }),
        needs: ['copinion'],
      },
    ],
    cross: HIDDEN,
    crossBody: () => ({ selected: false }),
  },
);
