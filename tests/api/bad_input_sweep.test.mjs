// The bad-input sweep (issue 14): every operation of the OpenAPI description is called, as a
// role allowed to use it and with a valid session and CSRF token, with malformed input: missing
// fields, wrong types, oversize strings and bodies, deep nesting, invalid UTF-8, control
// characters, unknown fields, negative and huge ids, bad list parameters and wrong Content-Types.
// Every answer must be a 4xx with the JSON error envelope, never a 5xx or a dropped connection;
// the server stays up, the sessions stay valid, and nothing is written: the row count of every
// table and the newest audit hash are unchanged after each operation's batch, and the audit
// chain verifies at the end.
//
// What is expected comes from the tables below (which role uses which route, which routes take no
// body or a multipart upload, which inputs are valid for a route), never from the server's answers.
// What is read from the server to build inputs: real ids for path parameters, the field names a
// route reports missing for `{}` (or an item's own fields, for PATCH), so that wrong types and
// oversize strings go into the fields the route really reads, and whether a GET answers the list
// envelope (then bad list parameters are tried).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, runCli } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';
import { send, envelopeProblem, tableCounter, snapshotDiff } from '../lib/sweep.mjs';

// --- the tables -------------------------------------------------------------------------------

const LOGINS = {
  admin: ['admin', 'Admin12345'],
  staff: ['tianwei', 'Staff12345'],
  member: ['13900000001', 'Member12345'],
  unit: ['fagaiju', 'Unit12345'],
  group: ['minmeng', 'Group12345'],
  leader: ['zhuxi', 'Leader12345'],
  // A session of its own for POST /auth/logout, so that a logout that wrongly succeeds ends
  // nobody else's session.
  logout: ['ducha', 'Super12345'],
};

// Who calls each operation ("METHOD /path" as in the OpenAPI description). First match wins;
// several roles: the operation is swept once as each (the workflow's actions differ by actor).
// `anon`: an open route, called without a session.
const ROLE_RULES = [
  [/^POST \/api\/v1\/proposals\/\{id\}\/transitions$/, ['staff', 'unit', 'member']],
  [/^GET \/api\/v1\/proposals(\/\{id\})?$/, ['staff', 'unit', 'member']],
  [/^POST \/api\/v1\/proposals\/\{id\}\/(follow-ups|face-to-face)/, ['staff', 'unit']],
  [/^POST \/api\/v1\/proposals\/\{id\}\/attachments$/, ['member', 'unit']],
  [/^POST \/api\/v1\/auth\/(login|sms\/send|sms\/login|password\/reset)$/, 'anon'],
  [/^GET \/api\/v1\/auth\/captcha$/, 'anon'],
  [/^POST \/api\/v1\/auth\/logout$/, 'logout'],
  [/^(GET|POST) \/api\/v1\/me\//, 'member'],
  [/^GET \/api\/v1\/members\/directory$/, 'member'],
  [/^POST \/api\/v1\/proposals$/, 'member'],
  [/^PATCH \/api\/v1\/proposals\/\{id\}$/, 'member'],
  [/^POST \/api\/v1\/proposals\/similar$/, 'member'],
  [/^(POST|DELETE) \/api\/v1\/proposals\/\{id\}\/attachments/, 'member'],
  [/^(POST|DELETE) \/api\/v1\/catalogue\/(topics\/\{id\}\/claims|claims\/\{id\})$/, 'group'],
  [/^GET \/api\/v1\/public\//, 'anon'],
  [/^POST \/api\/v1\/consultations\/postponements\/\{id\}\/decision$/, 'leader'],
  [/ \/api\/v1\/(proposals|calendar-days|catalogue)/, 'staff'],
  [/./, 'admin'],
];

// Write routes that take no body: only the inputs every route must refuse before its handler
// (deep nesting, an oversize body, a body that is not JSON) are sent to them with a body.
const BODYLESS = new Set([
  'POST /api/v1/auth/logout',
  'POST /api/v1/notifications/{id}/read',
  'POST /api/v1/notifications/read-all',
  'POST /api/v1/catalogue/publish',
  'POST /api/v1/catalogue/unpublish',
]);

// Uploads (multipart/form-data), when the OpenAPI description does not say so itself.
const MULTIPART = [
  /^POST \/api\/v1\/proposals\/\{id\}\/attachments$/,
  /^POST \/api\/v1\/[a-z-]+\/import(\/preview|\/commit)?$/,
  /^POST \/api\/v1\/consultations\/research\/\{id\}\/files$/,
];

// Uploads that keep the file's name (at most 100 characters); imports read only the content, and
// the history import's preview analyses any table it can read, whatever its name.
const FILE_NAME_STORED = new Set(['POST /api/v1/proposals/{id}/attachments', 'POST /api/v1/consultations/research/{id}/files']);

// POST/PUT routes whose fields are all optional, so that `{}` is a valid request (not "missing
// fields"). PATCH routes are all of this kind.
const EMPTY_BODY_VALID = new Set([
  'PUT /api/v1/proposals/settings', // every setting is optional; a missing one keeps the default
]);

// Operations that answer the list envelope but are not paged (a committee's calendar, its few
// leaders): they read neither page, page_size nor q, so list parameters are not input to them.
const NOT_PAGED = new Set(['GET /api/v1/calendar-days', 'GET /api/v1/proposals/leaders']);

// Valid bodies of some routes: each field is spoiled in turn while the others stay valid, so that
// the bad value reaches the checks after the first ones (uniqueness, references, the workflow).
const VALID_BODIES = {
  'POST /api/v1/parties': { name: '扫描测试党派', short_name: '扫描' },
  'POST /api/v1/sectors': { name: '扫描测试界别' },
  'POST /api/v1/proposals': {
    title: '关于扫描测试的建议',
    situation: '情况说明。',
    analysis: '问题分析。',
    suggestions: '一、建议一；二、建议二。',
    category: '社会事业',
    keywords: '扫描 测试',
  },
  'POST /api/v1/proposals/similar': { title: '关于完善社区养老服务的建议', body: '社区养老服务设施不足', exclude_id: 1 },
  'POST /api/v1/proposals/{id}/follow-ups': { commitment: '年内完成', due_date: '2027-06-30' },
  'POST /api/v1/proposals/{id}/face-to-face': { meeting_date: '2027-06-30', place: '区政协会议室', attendees: '委员、承办单位' },
};
// Those accepted whatever the state of the demo data: after the batch, the unspoiled body must be
// accepted (2xx), which shows that the spoiled ones were refused for the spoiled field. (The
// follow-up and face-to-face bodies depend on the proposal's state; their fields are checked
// before it.)
const VALID_CONTROL = new Set(['POST /api/v1/parties', 'POST /api/v1/sectors', 'POST /api/v1/proposals', 'POST /api/v1/proposals/similar']);
const SPOILERS = [
  ['an object', () => ({ x: 1 })],
  ['an array', () => [[1]]],
  ['60000 characters', () => 'a'.repeat(60000)],
  ['control characters', () => 'a\u0000b'],
  ['a lone surrogate', null],
];

// Test-only routes (SHANGLIANG_TEST_ROUTES) are not part of the product's surface.
const SKIP = [/^\w+ \/api\/v1\/test\//];

// Bad path parameter values: negative, zero, beyond int64, non-numeric. 999999999999999999 is the
// longest id the router takes as a number: it must answer 404, not fail.
const BAD_IDS = ['-1', '0', '999999999999999999', '9223372036854775807', '99999999999999999999', 'abc', '1.5', '%FF%FE', '1%00'];
const BAD_STRING_PARAMS = ['-1', '0', '9223372036854775807', 'abc', '%FF%FE', '2026-13-45', 'x'.repeat(300)];

// Bad list parameters, for operations that answer the list envelope.
const BAD_LIST_QUERIES = [
  'page=0',
  'page=-1',
  'page=abc',
  'page=99999999999999999999',
  'page_size=0',
  'page_size=101',
  'page_size=-5',
  `q=${encodeURIComponent('字'.repeat(101))}`,
  'q=%FF%FE',
];
// Bad search text, for the search routes (which read q but are not plain lists).
const SEARCH_OPS = new Set(['GET /api/v1/search', 'GET /api/v1/public/search']);
const BAD_SEARCH_QUERIES = ['q=%FF%FE', `q=${encodeURIComponent('字'.repeat(101))}`, 'q=a%00b', 'q=', 'q=%20%E3%80%80', 'q=a&page=0', 'q=a&page_size=101'];

const FILE_DOWNLOAD = /\.(docx|xlsx)$/;
const COMMON_FIELDS = ['name', 'title', 'id'];
const DEEP = `{"a":${'['.repeat(100000)}${']'.repeat(100000)}}`;
const DEEP_DEPTH_65 = `{"a":${'['.repeat(64)}${']'.repeat(64)}}`;

// --- the run ------------------------------------------------------------------------------------

let srv;
const clients = {};
const ids = { any: {} };
let counter;
let totalInputs = 0;

before(async () => {
  // Every auth route counts against the per-address limit; a higher one lets each bad input reach
  // validation instead of the limiter. Logins still happen once per role.
  srv = await startServer({ env: { SHANGLIANG_AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
  for (const [role, [login, password]] of Object.entries(LOGINS)) {
    clients[role] = new Client(srv.baseUrl);
    await clients[role].login(login, password);
  }
  clients.anon = new Client(srv.baseUrl);
  await collectIds();
  counter = tableCounter(srv.databaseUrl);
});

after(async () => {
  counter?.close();
  await srv?.stop();
});

const firstId = (r) => (r.status === 200 && r.body && r.body.items && r.body.items[0] ? r.body.items[0].id : undefined);

/** Real objects to put into path parameters, so that body inputs reach the route's validation. */
async function collectIds() {
  const { admin, staff, member, unit, group } = clients;
  for (const c of ['committees', 'terms', 'sessions', 'sectors', 'parties', 'special-committees', 'units', 'members', 'users']) {
    const id = firstId(await admin.get(`/api/v1/${c}?page_size=1`));
    if (id) ids.any[c] = id;
  }
  // A draft of the member's own, with an attachment.
  const d = await member.post('/api/v1/proposals', {
    title: '关于完善社区体育设施的建议',
    situation: '社区健身场地不足，器材老化。',
    analysis: '新建小区配建标准执行不严，老旧小区缺少场地。',
    suggestions: '一、落实配建标准；二、利用边角地建设口袋公园；三、定期维护器材。',
    category: '社会事业',
    keywords: '体育 社区',
  });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  ids.member = { proposals: d.body.id };
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('%PDF-1.4\n%sweep\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], { type: 'application/pdf' }), '调研.pdf');
  const att = await member.post(`/api/v1/proposals/${d.body.id}/attachments`, form);
  assert.equal(att.status, 201, JSON.stringify(att.body));
  ids.member.attachments = att.body.id;
  for (const [role, c] of Object.entries({ staff, unit, admin, group })) {
    ids[role] = ids[role] || {};
    const p = firstId(await c.get('/api/v1/proposals?page_size=1'));
    if (p) ids[role].proposals = p;
    const n = firstId(await c.get('/api/v1/notifications?page_size=1'));
    if (n) ids[role].notifications = n;
  }
  const cat = await staff.get('/api/v1/catalogue');
  const topics = (cat.body && cat.body.topics) || [];
  if (topics[0]) ids.any.topics = topics[0].id;
  const claimed = topics.find((t) => t.claims && t.claims.length);
  if (claimed) ids.any.claims = claimed.claims[0].id;
  const u = await admin.get(`/api/v1/users/${ids.any.users}`);
  if (u.body && Array.isArray(u.body.grants) && u.body.grants[0]) ids.any.grants = u.body.grants[0].id;
  ids.any['calendar-days'] = '2026-10-01';
  // Consultations: the demo's published plan, a topic of it and a pending postponement.
  const plans = (await staff.get('/api/v1/consultations/plans')).body?.items || [];
  const published = plans.find((p) => p.state === 'published');
  if (published) {
    ids.any['consultations/plans'] = published.id;
    const detail = (await staff.get(`/api/v1/consultations/plans/${published.id}`)).body;
    for (const t of detail?.topics || []) {
      const d = (await staff.get(`/api/v1/consultations/topics/${t.id}`)).body;
      ids.any['consultations/topics'] ??= t.id;
      if (d?.outcomes?.[0] && !ids.any['consultations/outcomes']) ids.any['consultations/outcomes'] = d.outcomes[0].id;
      const item = d?.outcomes?.flatMap((o) => o.items).find((i) => i.state === 'open');
      if (item && !ids.any['consultations/follow-items']) ids.any['consultations/follow-items'] = item.id;
      // Research: an activity, its visit and (uploaded here) a file.
      const r = d?.state === 'researching' ? d.research?.find((x) => x.visits.length) : undefined;
      if (r && !ids.any['consultations/research']) {
        ids.any['consultations/research'] = r.id;
        ids.any['consultations/research-visits'] = r.visits[0].id;
        const f = new FormData();
        f.append('file', new Blob([Buffer.from('%PDF-1.4\n%sweep\n%%EOF\n')], { type: 'application/pdf' }), '调研材料.pdf');
        const up = await admin.post(`/api/v1/consultations/research/${r.id}/files?visit_id=${r.visits[0].id}`, f);
        assert.equal(up.status, 201, JSON.stringify(up.body));
        ids.any['consultations/research-files'] = up.body.visits[0].materials.at(-1).id;
      }
      // 网络议政: a window (an open one when there is) and one of its opinions.
      if (d?.deliberation && (!ids.any['consultations/deliberations'] || d.deliberation.phase === 'open')) {
        const v = (await staff.get(`/api/v1/consultations/topics/${t.id}/deliberation`)).body;
        ids.any['consultations/deliberations'] = v.window.id;
        if (v.opinions?.[0]) ids.any['consultations/deliberation-opinions'] = v.opinions[0].id;
      }
      if (d?.pending_postponement_id) {
        ids.any['consultations/topics'] = t.id;
        ids.any['consultations/postponements'] = d.pending_postponement_id;
      }
    }
  }
}

/** The real value for path parameter `param` (the segment before it names the collection). */
function realParam(role, segments, index) {
  // A module's own collections are named with the module (consultations/topics is not the
  // catalogue's topics).
  const collection = segments[index - 2] === 'consultations' ? `consultations/${segments[index - 1]}` : segments[index - 1];
  return (ids[role] && ids[role][collection]) ?? ids.any[collection] ?? '1';
}

function roleFor(key) {
  return ROLE_RULES.find(([re]) => re.test(key))[1];
}

/** The operations of the OpenAPI description, with what the tables say about each. */
async function operations() {
  const r = await clients.admin.get('/api/v1/openapi.json');
  assert.equal(r.status, 200);
  const ops = [];
  for (const [path, methods] of Object.entries(r.body.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase();
      const key = `${method} ${path}`;
      if (SKIP.some((re) => re.test(key))) continue;
      const params = Object.fromEntries((op.parameters || []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema?.type]));
      const content = op.requestBody?.content || {};
      const multipart = 'multipart/form-data' in content || MULTIPART.some((re) => re.test(key));
      const write = ['POST', 'PUT', 'PATCH'].includes(method);
      for (const role of [roleFor(key)].flat())
        ops.push({
          key,
          method,
          path,
          params,
          role,
          multipart: write && multipart,
          json: write && !multipart && !BODYLESS.has(key),
        });
    }
  }
  return ops;
}

/** The path with every parameter real except `bad` = { name, value }. */
function pathFor(op, bad) {
  const segments = op.path.split('/');
  return segments
    .map((s, i) => {
      const m = s.match(/^\{(\w+)\}$/);
      if (!m) return s;
      if (bad && bad.name === m[1]) return bad.value;
      return encodeURIComponent(String(realParam(op.role, segments, i)));
    })
    .join('/');
}

function headersFor(role, extra = {}) {
  const c = clients[role];
  const h = { ...extra };
  if (c.cookie) {
    h.cookie = c.cookie;
    h['x-csrf-token'] = c.csrf;
  }
  return h;
}

const JSON_CT = { 'content-type': 'application/json' };

/** Field names the route reads: those it reports missing for `{}`, or an item's own fields. */
async function fieldsOf(op) {
  const names = new Set();
  if (op.method === 'PATCH') {
    const r = await send(srv.baseUrl, { method: 'GET', path: pathFor(op), headers: headersFor(op.role) });
    if (r.status === 200 && r.json && typeof r.json === 'object' && !Array.isArray(r.json))
      for (const k of Object.keys(r.json)) names.add(k);
  } else if (!EMPTY_BODY_VALID.has(op.key)) {
    const r = await send(srv.baseUrl, { method: op.method, path: pathFor(op), headers: headersFor(op.role, JSON_CT), body: '{}' });
    if (r.json && r.json.error && r.json.error.fields) for (const k of Object.keys(r.json.error.fields)) names.add(k);
  }
  if (!names.size) for (const k of COMMON_FIELDS) names.add(k);
  return [...names];
}

const each = (fields, value) => Object.fromEntries(fields.map((f) => [f, value]));
const isIdField = (f) => f === 'id' || /_ids?$/.test(f);

function multipartBody(parts) {
  const boundary = '----sweep' + Math.random().toString(16).slice(2);
  const chunks = [];
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"` + (p.filename !== undefined ? `; filename="` : '');
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disp}`, 'latin1'));
    if (p.filename !== undefined) chunks.push(Buffer.isBuffer(p.filename) ? p.filename : Buffer.from(p.filename), Buffer.from('"'));
    chunks.push(Buffer.from(`\r\nContent-Type: ${p.type || 'application/octet-stream'}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The inputs for one operation: { name, method, path, headers, body?, declaredLength?, expect?,
 * probe? }. `expect` is an exact status when the case has one; otherwise any 4xx. `probe` marks
 * the inputs that pass authentication and authorization checks when the role is right (used to
 * check that the role table lets the input reach validation).
 */
async function inputsFor(op) {
  const out = [];
  const h = (extra) => headersFor(op.role, extra);
  const real = pathFor(op);
  const add = (c) => out.push({ method: op.method, path: real, headers: h(), ...c });

  // Every operation: deep nesting, a declared oversize body and an oversize request target are
  // refused before any handler (multipart routes get their deep JSON as a wrong media type below).
  if (!op.multipart) add({ name: 'deep nesting (100000 levels)', headers: h(JSON_CT), body: DEEP, expect: 400 });
  if (!op.multipart) add({ name: 'nesting of 65 levels', headers: h(JSON_CT), body: DEEP_DEPTH_65, expect: 400 });
  add({ name: 'declared body of 1 TB', headers: h(JSON_CT), declaredLength: 1e12, expect: 413 });
  add({ name: 'request target of 100 KB', path: `${real}?pad=${'a'.repeat(100 * 1024)}`, expect: 431 });

  // Path parameters: one bad value at a time, the others real.
  for (const [name, type] of Object.entries(op.params)) {
    for (const value of type === 'integer' ? BAD_IDS : BAD_STRING_PARAMS) {
      const c = { name: `path ${name}=${value.slice(0, 24)}`, path: pathFor(op, { name, value }), probe: value === '0' || value === '999999999999999999' };
      if (op.json) Object.assign(c, { headers: h(JSON_CT), body: '{}' });
      add(c);
    }
  }

  if (op.method === 'GET') {
    // Whether the operation answers the list envelope (documents are not lists, and costly).
    const probe = FILE_DOWNLOAD.test(op.path) ? {} : await send(srv.baseUrl, { method: 'GET', path: `${real}?page_size=1`, headers: h() });
    const isList = !FILE_DOWNLOAD.test(op.path) && probe.status === 200 && probe.json && Array.isArray(probe.json.items) && 'page' in probe.json;
    const queries = SEARCH_OPS.has(op.key) ? BAD_SEARCH_QUERIES : isList && !NOT_PAGED.has(op.key) ? BAD_LIST_QUERIES : [];
    for (const q of queries) add({ name: `query ${q.slice(0, 30)}`, path: `${real}?${q}`, probe: true, expect: 400 });
  }

  if (op.json) {
    const fields = await fieldsOf(op);
    const json = (name, body, extra = {}) => add({ name, headers: h(JSON_CT), body, probe: true, ...extra });
    json('empty body', '', { probe: false });
    json('malformed JSON', '{"a":', { probe: false });
    for (const b of ['[]', '"text"', '42', 'null', 'true']) json(`JSON ${b} instead of an object`, b, { probe: false });
    json('invalid UTF-8 in a string', Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]), { probe: false });
    json('invalid UTF-8 in every field', Buffer.from(`{${fields.map((f) => `"${f}":"\xff\xfe"`).join(',')}}`, 'latin1'));
    json('lone surrogate escape', `{${fields.map((f) => `"${f}":"\\ud800x"`).join(',')}}`);
    json('control characters', JSON.stringify(each(fields, 'a\u0000b\u0007c')));
    if (op.method !== 'PATCH' && !EMPTY_BODY_VALID.has(op.key)) json('missing fields ({})', '{}');
    json('unknown field', JSON.stringify({ __sweep_unknown__: 1 }));
    json('unknown field beside known ones', JSON.stringify({ ...each(fields, { x: 1 }), __sweep_unknown__: 'x' }));
    json('objects for every field', JSON.stringify(each(fields, { x: 1 })));
    json('arrays for every field', JSON.stringify(each(fields, [[1]])));
    json('fractions for every field', JSON.stringify(each(fields, 1.5)));
    // Longer than any field allows (the longest takes 50000 characters), in groups that keep the
    // body under the 1 MB limit so that the fields themselves are judged.
    for (let i = 0; i < fields.length; i += 15)
      json(`oversize strings (60000 characters) in fields ${i + 1}…`, JSON.stringify(each(fields.slice(i, i + 15), 'a'.repeat(60000))));
    json('oversize CJK string (200000 characters) in the first field', JSON.stringify({ [fields[0]]: '字'.repeat(200000) }));
    const idFields = fields.filter(isIdField);
    for (const v of ['-1', '0', '9223372036854775807', '99999999999999999999', '"abc"'])
      if (idFields.length) json(`id fields = ${v}`, `{${idFields.map((f) => `"${f}":${f.endsWith('_ids') ? `[${v}]` : v}`).join(',')}}`);
    const valid = VALID_BODIES[op.key];
    if (valid) {
      for (const f of Object.keys(valid)) {
        for (const [what, make] of SPOILERS) {
          const body = make ? JSON.stringify({ ...valid, [f]: make() }) : JSON.stringify({ ...valid, [f]: 'x' }).replace('"x"', '"\\ud800"');
          json(`valid body with ${f} = ${what}`, body);
        }
      }
      json('valid body with an unknown field', JSON.stringify({ ...valid, __sweep_unknown__: 'x' }));
    }
    json('oversize body (2 MB)', JSON.stringify({ pad: 'a'.repeat(2 * 1024 * 1024) }), { probe: false, expect: 413 });
    // Wrong media types: the body would be JSON, but the route reads JSON only as application/json.
    const empty = '{}';
    add({ name: 'Content-Type text/plain', headers: h({ 'content-type': 'text/plain' }), body: empty, expect: 415 });
    add({ name: 'Content-Type form-urlencoded', headers: h({ 'content-type': 'application/x-www-form-urlencoded' }), body: 'a=1&b=2', expect: 415 });
    const mp = multipartBody([{ name: 'name', data: 'x' }]);
    add({ name: 'Content-Type multipart', headers: h({ 'content-type': mp.type }), body: mp.body, expect: 415 });
    add({ name: 'no Content-Type', headers: h(), body: empty, expect: 415 });
  }

  if (BODYLESS.has(op.key)) {
    // A body that is not JSON (what a cross-site form sends) is refused even where none is read.
    add({ name: 'form body to a body-less action', headers: h({ 'content-type': 'application/x-www-form-urlencoded' }), body: 'a=1', expect: 415 });
    add({ name: 'text body to a body-less action', headers: h({ 'content-type': 'text/plain' }), body: 'x', expect: 415 });
  }

  if (op.multipart) {
    const up = (name, parts, extra = {}) => {
      const mp = multipartBody(parts);
      add({ name, headers: h({ 'content-type': mp.type }), body: mp.body, ...extra });
    };
    add({ name: 'JSON instead of an upload', headers: h(JSON_CT), body: '{"file":"x"}', expect: 415 });
    add({ name: 'deep JSON instead of an upload', headers: h(JSON_CT), body: DEEP });
    add({ name: 'text/plain instead of an upload', headers: h({ 'content-type': 'text/plain' }), body: 'hello', expect: 415 });
    add({ name: 'multipart without a boundary', headers: h({ 'content-type': 'multipart/form-data' }), body: 'x', probe: true });
    add({ name: 'multipart, truncated', headers: h({ 'content-type': 'multipart/form-data; boundary=zz' }), body: '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc', probe: true });
    up('multipart without the file field', [{ name: 'other', data: 'x' }], { probe: true });
    up('an empty file', [{ name: 'file', filename: 'a.csv', data: '' }], { probe: true });
    up('junk bytes', [{ name: 'file', filename: 'a.xlsx', data: Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0x50, 0x4b]) }], { probe: true });
    up('a zip that is no workbook', [{ name: 'file', filename: 'a.xlsx', data: Buffer.from('PK\x03\x04' + 'x'.repeat(100), 'latin1') }], { probe: true });
    up('invalid UTF-8 in the file name', [{ name: 'file', filename: Buffer.from([0xff, 0xfe, 0x2e, 0x70, 0x64, 0x66]), type: 'application/pdf', data: '%PDF-1.4\n%%EOF\n' }], { probe: true });
    up('CSV with invalid UTF-8 cells', [{ name: 'file', filename: 'a.csv', type: 'text/csv', data: Buffer.concat([Buffer.from('姓名,手机号码\n'), Buffer.from([0xff, 0xfe, 0x2c, 0xff, 0x0a])]) }], { probe: true });
    if (FILE_NAME_STORED.has(op.key)) up('a 300-character file name', [{ name: 'file', filename: `${'名'.repeat(300)}.pdf`, type: 'application/pdf', data: '%PDF-1.4\n%%EOF\n' }], { probe: true });
  }
  return out;
}

// Operations whose probing inputs may all stop at authorization although the role table is right
// (none at present): every other operation must answer at least one probe with something other
// than 401/403, or its role in ROLE_RULES is wrong and the sweep would test nothing but the gate.
const ROUTES_OK_UNREACHED = new Set([]);

test('bad-input sweep: every operation refuses bad input with a 4xx envelope and writes nothing', async (t) => {
  const ops = await operations();
  const distinct = new Set(ops.map((o) => o.key)).size;
  assert.ok(distinct > 50, `only ${distinct} operations in the OpenAPI description`);
  const started = Date.now();
  // Logout last: its session is the only one it may end.
  ops.sort((a, b) => (a.key === 'POST /api/v1/auth/logout') - (b.key === 'POST /api/v1/auth/logout'));
  for (const op of ops) {
    await t.test(`${op.key} as ${op.role}`, async () => {
      const inputs = await inputsFor(op);
      const before = await counter.snapshot();
      const problems = [];
      let reached = false;
      let probes = 0;
      for (const input of inputs) {
        const r = await send(srv.baseUrl, input);
        totalInputs++;
        const p = envelopeProblem(r, input.expect);
        if (p) problems.push(`${input.name}: ${p}${r.text ? ` — ${r.text.slice(0, 160)}` : ''}`);
        if (input.probe) {
          probes++;
          if (r.status && r.status !== 401 && r.status !== 403) reached = true;
        }
      }
      const health = await send(srv.baseUrl, { method: 'GET', path: '/healthz' });
      if (health.status !== 200) problems.push(`after the batch /healthz answered ${health.status ?? health.error}`);
      const diff = snapshotDiff(before, await counter.snapshot());
      if (diff.length) problems.push(`written by refused requests: ${diff.join('; ')}`);
      if (op.role !== 'anon') {
        const me = await send(srv.baseUrl, { method: 'GET', path: '/api/v1/auth/me', headers: headersFor(op.role) });
        if (me.status !== 200) problems.push(`the ${op.role} session ended (auth/me ${me.status ?? me.error})`);
      }
      if (VALID_CONTROL.has(op.key)) {
        const ok = await send(srv.baseUrl, { method: op.method, path: pathFor(op), headers: headersFor(op.role, JSON_CT), body: JSON.stringify(VALID_BODIES[op.key]) });
        if (!(ok.status >= 200 && ok.status < 300)) problems.push(`the valid body was refused: ${ok.status ?? ok.error} ${ok.text?.slice(0, 160)}`);
      }
      if (probes && !reached && !ROUTES_OK_UNREACHED.has(op.key))
        problems.push(`no input got past authorization as ${op.role}: fix the role table`);
      assert.deepEqual(problems, [], `${op.key}:\n  ${problems.join('\n  ')}`);
    });
  }
  const v = await runCli(['audit', 'verify'], srv.databaseUrl);
  assert.equal(v.code, 0, `audit verify: ${v.stdout}${v.stderr}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`bad-input sweep: ${distinct} operations, ${totalInputs} inputs tried (${ops.length} operation × role batches, ${seconds} s)`);
});
