// Similar proposals, measured on the hand-labelled set in tests/data/similar_pairs.json: the
// first text of every pair and the distractors are submitted (with the demo's ~300 proposals
// around them); each pair's second text is then written in the editor and must find its partner.
// Reports recall@1, recall@5 and the false-positive rate at the editor's threshold, and on
// PostgreSQL the same figures for Decidim's method (pg_trgm similarity, threshold 0.25) side by
// side. Fails if our recall@5 is below 0.9. Also merge suggestions and unit suggestions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';
import { similarSet, newMember, createProposal, similarReady } from '../lib/corpus.mjs';

let srv;
let admin, staff, writer, member;
const keyOf = new Map();
const idOf = new Map();

before(async () => {
  srv = await startServer();
  admin = new Client(srv.baseUrl);
  await admin.login('admin', 'Admin12345');
  staff = new Client(srv.baseUrl);
  await staff.login('tianwei', 'Staff12345');
  member = new Client(srv.baseUrl);
  await member.login('13900000001', 'Member12345');
  writer = await newMember(srv, admin, '相似测试委员', '13677770003');
  await similarReady(staff);
  const indexed = [...similarSet.pairs.map((p) => ({ key: p.id, ...p.a })), ...similarSet.distractors.map((d) => ({ key: d.id, ...d }))];
  for (const t of indexed) {
    const p = await createProposal(writer, t, { submit: true });
    keyOf.set(p.id, t.key);
    idOf.set(t.key, p.id);
  }
});
after(async () => {
  await srv.stop();
});

async function similar(client, title, body) {
  const r = await client.post('/api/v1/proposals/similar', { title, body });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

function report(name, r1, r5, fp) {
  console.log(`# ${name}: recall@1 ${r1.toFixed(3)}, recall@5 ${r5.toFixed(3)}, false positives ${fp.toFixed(3)}`);
}

test('recall@1, recall@5 and false positives on the labelled pairs, beside pg_trgm', async () => {
  const pairs = similarSet.pairs;
  assert.ok(pairs.length >= 60);
  // Ranked (what staff see with no lower bound) and as the editor shows them (at its threshold).
  let at1 = 0;
  let at5 = 0;
  let shown1 = 0;
  let shown5 = 0;
  let threshold = 0;
  const misses = [];
  for (const p of pairs) {
    const ranked = (await staff.post('/api/v1/proposals/similar', { title: p.b.title, body: p.b.body, min_score_pct: 0 })).body;
    // As the editor shows them to the author of the indexed texts (another member is not told of
    // unpublished proposals, issue 14): the two tiers (issue 16).
    const r = await similar(writer, p.b.title, p.b.body);
    threshold = r.threshold;
    assert.equal(r.ready, true);
    const keys = ranked.items.map((it) => keyOf.get(it.proposal_id));
    if (keys[0] === p.id) at1++;
    if (keys.slice(0, 5).includes(p.id)) at5++;
    else misses.push(p.id);
    const shown = r.items.map((it) => keyOf.get(it.proposal_id));
    if (shown[0] === p.id) shown1++;
    if (shown.slice(0, 5).includes(p.id)) shown5++;
    for (const it of r.items) assert.ok(it.score >= threshold);
  }
  // A novel proposal (no labelled partner) for which the editor shows any labelled text is a
  // false positive; matches among the demo's own proposals are not counted either way.
  let fpQueries = 0;
  let fpDuplicate = 0;
  for (const n of similarSet.novel) {
    const r = await similar(writer, n.title, n.body);
    if (r.items.some((it) => keyOf.has(it.proposal_id))) fpQueries++;
    if (r.items.some((it) => keyOf.has(it.proposal_id) && it.tier === 'duplicate')) fpDuplicate++;
  }
  const recall1 = at1 / pairs.length;
  const recall5 = at5 / pairs.length;
  // A false positive: a novel text shown a labelled one as 可能重复 (相关提案 are topic neighbours
  // by design; how often a novel text is shown any labelled one is printed beside).
  const fp = fpDuplicate / similarSet.novel.length;
  report('Shangliang TF-IDF bigrams, ranked', recall1, recall5, fp);
  report(`Shangliang, shown by the editor in either tier (candidates from score ${threshold})`, shown1 / pairs.length, shown5 / pairs.length, fp);
  console.log(`# novel texts shown a labelled text in either tier: ${(fpQueries / similarSet.novel.length).toFixed(3)}`);
  if (misses.length) console.log(`# missed at 5: ${misses.join(', ')}`);

  if (srv.databaseUrl.startsWith('postgresql:')) {
    const trgm = pgTrgm(srv.databaseUrl, [...pairs.map((p) => ({ key: p.id, ...p.b })), ...similarSet.novel.map((n) => ({ key: n.id, ...n }))]);
    let t1 = 0;
    let t5 = 0;
    for (const p of pairs) {
      const keys = (trgm.get(p.id) || []).map((id) => keyOf.get(id));
      if (keys[0] === p.id) t1++;
      if (keys.slice(0, 5).includes(p.id)) t5++;
    }
    let tfp = 0;
    for (const n of similarSet.novel) if ((trgm.get(n.id) || []).some((id) => keyOf.has(id))) tfp++;
    report('Decidim method, pg_trgm GREATEST(similarity(title), similarity(body)) >= 0.25', t1 / pairs.length, t5 / pairs.length, tfp / similarSet.novel.length);
  }
  assert.ok(recall5 >= 0.9, `recall@5 ${recall5} is below 0.9 (missed: ${misses.join(', ')})`);
});

/** Runs Decidim's similarity query for each text through psql; returns key → proposal ids, best first. */
function pgTrgm(url, queries) {
  const q = (s) => `$q$${s}$q$`;
  let sql = 'CREATE EXTENSION IF NOT EXISTS pg_trgm;\n';
  for (const t of queries) {
    const body = t.body;
    sql += `SELECT ${q(t.key)}, COALESCE(string_agg(id::text, ',' ORDER BY s DESC), '') FROM (SELECT id, GREATEST(similarity(title, ${q(t.title)}), similarity(concat_ws(E'\n', situation, analysis, suggestions), ${q(body)})) AS s FROM proposals WHERE state <> 'draft') x WHERE s >= 0.25;\n`;
  }
  const r = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAt', '-F', '|'], { input: sql, encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, r.stderr);
  const out = new Map();
  for (const line of r.stdout.split('\n')) {
    if (!line.includes('|')) continue;
    const [key, ids] = line.split('|');
    out.set(key, ids ? ids.split(',').map(Number) : []);
  }
  return out;
}

test('results carry state, shared phrases and visibility; a member is not told of others\' proposals', async () => {
  const p = similarSet.pairs[0];
  // Staff see every match (they review for duplicates), with the phrases it shares.
  const r = await similar(staff, p.b.title, p.b.body);
  const hit = r.items.find((it) => keyOf.get(it.proposal_id) === p.id);
  assert.ok(hit, 'partner found');
  assert.equal(hit.state, 'submitted');
  assert.ok(hit.shared_phrases.length > 0);
  for (const ph of hit.shared_phrases) assert.ok(p.a.title.includes(ph) || p.a.body.includes(ph), ph);
  assert.equal(hit.visible, true);
  // Another member learns nothing of an unpublished proposal they may not see (issue 14): not its
  // title, proposer or shared phrases; its author sees it.
  const other = await similar(member, p.b.title, p.b.body);
  assert.ok(!other.items.some((it) => it.proposal_id === hit.proposal_id), 'hidden from another member');
  assert.ok(other.items.every((it) => it.visible || it.published), 'only visible or published matches');
  const own = await similar(writer, p.b.title, p.b.body);
  assert.equal(own.items.find((it) => it.proposal_id === hit.proposal_id).visible, true);
  // exclude_id leaves the proposal being edited out.
  const ex = await writer.post('/api/v1/proposals/similar', { title: p.a.title, body: p.a.body, exclude_id: hit.proposal_id });
  assert.ok(!ex.body.items.some((it) => it.proposal_id === hit.proposal_id));
  const bad = await member.post('/api/v1/proposals/similar', { title: '', body: '' });
  assert.equal(bad.status, 400);
  const unknown = await member.post('/api/v1/proposals/similar', { title: '关于养老的建议', extra: 1 });
  assert.equal(unknown.status, 400);
});

test('a new submission is found by the next similar query at once', async () => {
  const text = { key: 'fresh', title: '关于在翡翠湖设置候鸟保护观测点的建议', body: '每年冬季翡翠湖有大批候鸟栖息，建议设置候鸟保护观测点，配备望远镜和科普展板，禁止在湖区周边燃放烟花，并安排志愿者巡护。' };
  const before = await similar(staff, text.title, text.body);
  assert.ok(!before.items.some((it) => it.title === text.title));
  const p = await createProposal(writer, text, { submit: true });
  const after = await similar(staff, '关于加强翡翠湖候鸟保护的建议', '翡翠湖冬季候鸟栖息，建议设立观测点并安排志愿者巡护，禁止燃放烟花。');
  assert.equal(after.items[0].proposal_id, p.id);
});

test('merge suggestions group the submitted pairs of the session and merge with one transition', async () => {
  const session = (await writer.get(`/api/v1/proposals/${idOf.get('p01')}`)).body.session_id;
  // Submit the second text of a few pairs too, so that the session holds both.
  const partners = {};
  for (const p of similarSet.pairs.slice(0, 6)) {
    const x = await createProposal(writer, { key: `${p.id}b`, ...p.b }, { submit: true });
    partners[p.id] = x.id;
  }
  const r = await staff.get(`/api/v1/proposals/merge-suggestions?session_id=${session}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  let found = 0;
  for (const [key, bId] of Object.entries(partners)) {
    const aId = idOf.get(key);
    if (r.body.items.some((c) => c.proposals.some((x) => x.id === aId) && c.proposals.some((x) => x.id === bId))) found++;
  }
  assert.ok(found >= 5, `only ${found} of 6 pairs suggested`);
  const ours = new Set(Object.values(partners));
  const cluster = r.body.items.find((c) => c.proposals.some((x) => ours.has(x.id)));
  assert.ok(cluster.shared_phrases.length > 0);
  const lead = cluster.lead_id;
  const other = cluster.proposals.find((x) => x.id !== lead);
  const detail = (await staff.get(`/api/v1/proposals/${other.id}`)).body;
  const m = await staff.post(`/api/v1/proposals/${other.id}/transitions`, { action: 'merge', version: detail.version, into_id: lead });
  assert.equal(m.status, 200, JSON.stringify(m.body));
  assert.equal(m.body.state, 'merged');
  const again = await staff.get(`/api/v1/proposals/merge-suggestions?session_id=${session}`);
  assert.ok(!again.body.items.some((c) => c.proposals.some((x) => x.id === other.id)));
  const denied = await member.get(`/api/v1/proposals/merge-suggestions?session_id=${session}`);
  assert.equal(denied.status, 403);
  const missing = await staff.get('/api/v1/proposals/merge-suggestions');
  assert.equal(missing.status, 400);
});

test('unit suggestions rank units from similar assigned proposals, with a reason', async () => {
  // A demo proposal that has been assigned: its own units are left out of its neighbours, so
  // the suggestion comes from other proposals.
  const list = await staff.get('/api/v1/proposals?state=in_handling&page_size=5');
  assert.ok(list.body.items.length > 0);
  const id = list.body.items[0].id;
  const r = await staff.get(`/api/v1/proposals/${id}/unit-suggestions`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.ok(r.body.lead.length > 0);
  for (const u of r.body.lead) {
    assert.ok(u.unit_name);
    assert.match(u.reason, /主办/);
  }
  for (let i = 1; i < r.body.lead.length; i++) assert.ok(r.body.lead[i - 1].score >= r.body.lead[i].score);
  assert.equal((await member.get(`/api/v1/proposals/${id}/unit-suggestions`)).status, 403);
});
