// PostgreSQL: each node answers full-text searches from its own replica of the search documents
// (modules/search/replica.hpp). A second node of the same database must see what the first one
// writes (new drafts, edits, state changes that move a document's key) within a few seconds, and
// a node restarted on its existing replica must pick up what was written while it was down.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';
import { newMember, createProposal, replicaReady } from '../lib/corpus.mjs';

const pg = !!process.env.SL_TEST_PG_ADMIN_URL;
let a, b;
let adminA, writerA, writerB, staffB;
const replicaDir = mkdtempSync(join(tmpdir(), 'sl-replica-'));

async function login(srv, name, password) {
  const c = new Client(srv.baseUrl);
  await c.login(name, password);
  return c;
}

function psql(sql) {
  const r = spawnSync('psql', [a.databaseUrl, '-v', 'ON_ERROR_STOP=1', '-Atc', sql], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

/** The replica's document count (kept as rows come and go) against PostgreSQL's, once B has caught up. */
async function assertCounted() {
  let st;
  for (let i = 0; i < 50; i++) {
    st = await staffB.get('/api/v1/search/status');
    if (String(st.body.replica.documents) === psql('SELECT COUNT(*) FROM search_docs')) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  assert.equal(String(st.body.replica.documents), psql('SELECT COUNT(*) FROM search_docs'));
}

async function startB() {
  b = await startServer({ databaseUrl: a.databaseUrl, demo: false, env: { SHANGLIANG_SEARCH_REPLICA_DIR: replicaDir } });
  staffB = await login(b, 'tianwei', 'Staff12345');
  writerB = await login(b, '13688880001', 'Corpus12345');
  assert.equal(await replicaReady(staffB), true);
}

/** The proposal ids `client` finds for `q`, asked until `done(ids)` holds or five seconds pass. */
async function searchUntil(client, q, done) {
  let ids = [];
  for (let i = 0; i < 50; i++) {
    const r = await client.get(`/api/v1/search?q=${encodeURIComponent(q)}&type=proposal&page_size=100`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    ids = r.body.items.map((it) => it.proposal_id);
    if (done(ids)) return ids;
    await new Promise((res) => setTimeout(res, 100));
  }
  return ids;
}

before(async () => {
  if (!pg) return;
  a = await startServer();
  adminA = await login(a, 'admin', 'Admin12345');
  writerA = await newMember(a, adminA, '副本测试委员', '13688880001');
  assert.equal(await replicaReady(await login(a, 'tianwei', 'Staff12345')), true);
  await startB();
});
after(async () => {
  if (b) await b.stop();
  if (a) await a.stop();
  rmSync(replicaDir, { recursive: true, force: true });
});

test('a second node finds a draft, an edit and a submission made on the first', { skip: !pg && 'PostgreSQL only' }, async () => {
  const p = await createProposal(writerA, { key: 'r1', title: '关于琥珀巷停车难的建议', body: '琥珀巷居民停车难，建议错时开放机关停车场。' });
  let ids = await searchUntil(writerB, '琥珀巷', (x) => x.includes(p.id));
  assert.deepEqual(ids, [p.id], 'the author finds the draft on the other node, once');
  ids = await searchUntil(staffB, '琥珀巷', () => false);
  assert.ok(!ids.includes(p.id), 'staff do not see a draft');

  const u = await writerA.patch(`/api/v1/proposals/${p.id}`, { version: p.version, title: '关于玛瑙巷停车难的建议', situation: '玛瑙巷居民停车难。', suggestions: '建议错时开放机关停车场。' });
  assert.equal(u.status, 200, JSON.stringify(u.body));
  ids = await searchUntil(writerB, '玛瑙巷', (x) => x.includes(p.id));
  assert.deepEqual(ids, [p.id]);
  ids = await searchUntil(writerB, '琥珀巷', (x) => !x.includes(p.id));
  assert.ok(!ids.includes(p.id), 'the old title is no longer found');

  const s = await writerA.post(`/api/v1/proposals/${p.id}/transitions`, { action: 'submit', version: u.body.version });
  assert.equal(s.status, 200, JSON.stringify(s.body));
  ids = await searchUntil(staffB, '玛瑙巷', (x) => x.includes(p.id));
  assert.deepEqual(ids, [p.id], 'staff find the submitted proposal once');
  ids = await searchUntil(writerB, '玛瑙巷', () => false);
  assert.deepEqual(ids, [p.id], 'the author still finds it once');
  await assertCounted();
});

test('a node restarted on its replica picks up what was written while it was down', { skip: !pg && 'PostgreSQL only' }, async () => {
  await b.stop();
  const p = await createProposal(writerA, { key: 'r2', title: '关于珊瑚路路灯损坏的建议', body: '珊瑚路路灯多处损坏，夜间出行不便。' }, { submit: true });
  await startB();
  assert.match(b.log(), /search replica ready/);
  const ids = await searchUntil(staffB, '珊瑚路', (x) => x.includes(p.id));
  assert.deepEqual(ids, [p.id]);
  await assertCounted();
});

test('a replica ahead of its database (a restore elsewhere) is rebuilt', { skip: !pg && 'PostgreSQL only' }, async () => {
  await b.stop();
  const file = readdirSync(replicaDir).find((f) => f.endsWith('.db'));
  const r = spawnSync('sqlite3', [join(replicaDir, file), "UPDATE replica_state SET v = '999999999999' WHERE k = 'cursor'"]);
  assert.equal(r.status, 0, String(r.stderr));
  const p = await createProposal(writerA, { key: 'r3', title: '关于翡翠湖步道照明的建议', body: '翡翠湖步道夜间照明不足。' }, { submit: true });
  await startB();
  assert.match(b.log(), /ahead of its database/);
  const ids = await searchUntil(staffB, '翡翠湖', (x) => x.includes(p.id));
  assert.deepEqual(ids, [p.id]);
  const old = await searchUntil(staffB, '珊瑚路', (x) => x.length > 0);
  assert.equal(old.length, 1, 'the rebuilt replica holds the earlier documents too');
  await assertCounted();
});

test('a replica stopped for longer than changes are kept is rebuilt', { skip: !pg && 'PostgreSQL only' }, async () => {
  await b.stop();
  const p = await createProposal(writerA, { key: 'r4', title: '关于玉带河清淤的建议', body: '玉带河淤积严重，建议汛前清淤。' }, { submit: true });
  psql("UPDATE search_changes SET at = now() - interval '8 days'");
  await startB();
  assert.match(b.log(), /changes since it last ran were deleted/);
  assert.equal(psql('SELECT COUNT(*) FROM search_changes'), '0', 'the node deleted the old changes');
  assert.notEqual(psql('SELECT pruned_through FROM search_source'), '0');
  const ids = await searchUntil(staffB, '玉带河', (x) => x.includes(p.id));
  assert.deepEqual(ids, [p.id]);
});
