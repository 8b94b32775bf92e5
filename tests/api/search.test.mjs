// Full-text search: every query of tests/data/search_queries.json returns exactly the records a
// plain substring scan of the texts returns; ranking, snippets, facets, paging, the caller's
// scope (nobody finds another member's draft), the public search, hot searches and bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';
import { allTexts, searchQueries, newMember, createProposal, replicaReady } from '../lib/corpus.mjs';

let srv;
let usesReplica = false;
let admin, staff, writer, other;
const idToKey = new Map();
const texts = allTexts();

before(async () => {
  srv = await startServer({ env: { SHANGLIANG_SEARCH_HOT_BLOCK: '屏蔽词,不宜' } });
  admin = new Client(srv.baseUrl);
  await admin.login('admin', 'Admin12345');
  staff = new Client(srv.baseUrl);
  await staff.login('tianwei', 'Staff12345');
  writer = await newMember(srv, admin, '检索测试委员', '13677770001');
  other = await newMember(srv, admin, '另一位委员', '13677770002');
  for (const t of texts) {
    const p = await createProposal(writer, t);
    idToKey.set(p.id, t.key);
  }
  usesReplica = await replicaReady(staff);
  assert.equal(usesReplica, srv.databaseUrl.startsWith('postgresql:'));
});
after(async () => {
  await srv.stop();
});

/** Every proposal id the search returns for `q` among the writer's drafts, all pages. */
async function searchAll(client, q, extra = '') {
  const ids = new Set();
  for (let page = 1; ; page++) {
    const r = await client.get(`/api/v1/search?q=${encodeURIComponent(q)}&type=proposal&state=draft&page_size=100&page=${page}${extra}`);
    assert.equal(r.status, 200, `${q}: ${JSON.stringify(r.body)}`);
    for (const it of r.body.items) ids.add(it.proposal_id);
    if (page * 100 >= r.body.total) return { ids, total: r.body.total };
  }
}

test('every query returns exactly what a substring scan returns', async () => {
  assert.ok(searchQueries.length >= 50, `only ${searchQueries.length} queries`);
  const mismatches = [];
  for (const { q, scan } of searchQueries) {
    const needle = scan.toLowerCase();
    const expected = new Set(texts.filter((t) => `${t.title}\n${t.body}`.toLowerCase().includes(needle)).map((t) => t.key));
    const { ids, total } = await searchAll(writer, q);
    const got = new Set([...ids].map((id) => idToKey.get(id)));
    assert.equal(total, ids.size, `${q}: total ${total} but ${ids.size} items`);
    const missing = [...expected].filter((k) => !got.has(k));
    const extra = [...got].filter((k) => !expected.has(k));
    if (missing.length || extra.length) mismatches.push({ q, missing, extra });
  }
  assert.deepEqual(mismatches, []);
});

test('results are ranked, highlighted and faceted; paging is stable', async () => {
  const r = await writer.get(`/api/v1/search?q=${encodeURIComponent('停车')}&page_size=5`);
  assert.equal(r.status, 200);
  assert.ok(r.body.total > 5);
  assert.equal(r.body.items.length, 5);
  for (let i = 1; i < r.body.items.length; i++) assert.ok(r.body.items[i - 1].score >= r.body.items[i].score);
  const it = r.body.items[0];
  assert.match(`${it.title}${it.snippet}`, /<mark>停车<\/mark>/);
  assert.equal(r.body.facets.type.reduce((n, f) => n + f.count, 0), r.body.total);
  const drafts = await writer.get(`/api/v1/search?q=${encodeURIComponent('停车')}&state=draft&page_size=5`);
  assert.equal(drafts.body.total, r.body.facets.state.find((f) => f.value === 'draft').count);
  assert.ok(drafts.body.total < r.body.total, 'the writer also finds published proposals and replies');
  assert.ok(r.body.facets.state.some((f) => f.value === 'draft'));
  const p2 = await writer.get(`/api/v1/search?q=${encodeURIComponent('停车')}&page_size=5&page=2`);
  const first = new Set(r.body.items.map((x) => x.proposal_id));
  assert.ok(p2.body.items.every((x) => !first.has(x.proposal_id)));
});

test('quoted phrases and exclusions', async () => {
  const both = await searchAll(writer, '养老 社区');
  const phrase = await searchAll(writer, '"养老社区"');
  const without = await searchAll(writer, '养老 -社区');
  const plain = await searchAll(writer, '养老');
  for (const id of phrase.ids) assert.ok(both.ids.has(id));
  for (const id of without.ids) assert.ok(!both.ids.has(id));
  assert.equal(both.ids.size + without.ids.size, plain.ids.size);
  const key = [...without.ids].map((id) => texts.find((t) => t.key === idToKey.get(id)));
  for (const t of key) assert.ok(!`${t.title}${t.body}`.includes('社区'));
});

test('nobody finds another member\'s draft; staff do not see drafts; published records are found by all', async () => {
  const mine = await searchAll(writer, '停车');
  assert.ok(mine.ids.size > 0);
  const theirs = await other.get(`/api/v1/search?q=${encodeURIComponent('停车')}&page_size=100`);
  for (const it of theirs.body.items) assert.ok(!idToKey.has(it.proposal_id), 'another member found a draft');
  const st = await staff.get(`/api/v1/search?q=${encodeURIComponent('停车')}&page_size=100`);
  assert.equal(st.status, 200);
  for (const it of st.body.items) assert.notEqual(it.state, 'draft');
  // The demo has published proposals with replies: the public search finds them without a login.
  const pub = await fetch(`${srv.baseUrl}/api/v1/public/search?q=${encodeURIComponent('建议')}`).then((x) => x.json());
  assert.ok(pub.total > 0);
  const anyPublished = pub.items[0].proposal_id;
  const detail = await fetch(`${srv.baseUrl}/api/v1/public/proposals/${anyPublished}`);
  assert.equal(detail.status, 200);
  for (const it of pub.items) assert.ok(!idToKey.has(it.proposal_id));
  const asOther = await other.get(`/api/v1/search?q=${encodeURIComponent(pub.items[0].title.replace(/<\/?mark>/g, ''))}&page_size=100`);
  assert.ok(asOther.body.items.some((it) => it.proposal_id === anyPublished), 'a member finds a published proposal');
});

test('replies are searchable by their text, and the type facet splits them', async () => {
  const r = await staff.get(`/api/v1/search?q=${encodeURIComponent('答复')}&type=reply&page_size=5`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.ok(r.body.total > 0, 'the demo has released replies');
  for (const it of r.body.items) assert.equal(it.type, 'reply');
  assert.ok(r.body.facets.type.some((f) => f.value === 'reply'));
});

test('the index follows edits: a changed title is found by its new words only', async () => {
  const p = await createProposal(writer, { key: 'edit', title: '关于整治琉璃巷噪声扰民的建议', body: '琉璃巷夜间施工噪声扰民。' });
  let r = await searchAll(writer, '琉璃巷');
  assert.ok(r.ids.has(p.id));
  const u = await writer.patch(`/api/v1/proposals/${p.id}`, { version: p.version, title: '关于整治翡翠街噪声扰民的建议', situation: '翡翠街夜间施工噪声扰民。', suggestions: '翡翠街夜间施工限时。' });
  assert.equal(u.status, 200, JSON.stringify(u.body));
  r = await searchAll(writer, '琉璃巷');
  assert.ok(!r.ids.has(p.id));
  r = await searchAll(writer, '翡翠街');
  assert.ok(r.ids.has(p.id));
});

test('bad queries get a clear 400', async () => {
  for (const q of ['', '   ', 'x'.repeat(101), '-养老', '，。！']) {
    const r = await writer.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
    assert.equal(r.status, 400, q);
    assert.equal(r.body.error.code, 'validation_failed');
    assert.ok(r.body.error.fields.q, q);
  }
  const t = await writer.get(`/api/v1/search?q=${encodeURIComponent('养老')}&type=nonsense`);
  assert.equal(t.status, 400);
  const anon = await fetch(`${srv.baseUrl}/api/v1/search?q=x`);
  assert.equal(anon.status, 401);
});

test('hot searches count each person once a day and hide blocked terms', async () => {
  for (let i = 0; i < 3; i++) await writer.get(`/api/v1/search?q=${encodeURIComponent('加装电梯')}`);
  await other.get(`/api/v1/search?q=${encodeURIComponent('加装电梯')}`);
  await other.get(`/api/v1/search?q=${encodeURIComponent('停車')}`);
  await other.get(`/api/v1/search?q=${encodeURIComponent('屏蔽词测试')}`);
  const hot = await staff.get('/api/v1/search/hot');
  assert.equal(hot.status, 200);
  const lift = hot.body.items.find((x) => x.term === '加装电梯');
  assert.equal(lift.count, 2);
  assert.ok(hot.body.items.some((x) => x.term === '停车'), 'traditional input counts as its simplified form');
  assert.equal(hot.body.days, 30);
  assert.ok(!hot.body.items.some((x) => x.term.includes('屏蔽词')), 'blocked terms are hidden');
});
