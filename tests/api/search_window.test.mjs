// Search over a window of the newest matches (SHANGLIANG_SEARCH_WINDOW): a query that matches more
// than the window reports a capped total, ranks and counts the newest window, and a facet filter
// takes a window of its own, so older records stay reachable. A one-character term scans only the
// newest SHANGLIANG_SEARCH_SHORT_SCAN_DOCS documents and says so. Also: the demo's similar index is
// built at start from the demo proposals (not only from events).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';
import { similarReady } from '../lib/corpus.mjs';

const WINDOW = 12;
const SCAN = 40;
let srv, wide, scan, staff, staffWide, staffScan;

before(async () => {
  srv = await startServer({ env: { SHANGLIANG_SEARCH_WINDOW: String(WINDOW) } });
  staff = new Client(srv.baseUrl);
  await staff.login('tianwei', 'Staff12345');
  wide = await startServer();
  staffWide = new Client(wide.baseUrl);
  await staffWide.login('tianwei', 'Staff12345');
  scan = await startServer({ env: { SHANGLIANG_SEARCH_SHORT_SCAN_DOCS: String(SCAN) } });
  staffScan = new Client(scan.baseUrl);
  await staffScan.login('tianwei', 'Staff12345');
  // The demo's documents are indexed by the catch-up at start, which ends before the similar index is built.
  await similarReady(staff);
  await similarReady(staffWide);
  await similarReady(staffScan);
});
after(async () => {
  await srv.stop();
  await wide.stop();
  await scan.stop();
});

const q = encodeURIComponent('养老');

test('a query matching more than the window reports a capped total over the newest matches', async () => {
  const all = await staffWide.get(`/api/v1/search?q=${q}&page_size=100`);
  assert.equal(all.status, 200);
  assert.ok(all.body.total > WINDOW * 2, `the demo has ${all.body.total} matches for 养老`);
  assert.equal(all.body.total_capped, false);

  const r = await staff.get(`/api/v1/search?q=${q}&page_size=5`);
  assert.equal(r.status, 200);
  assert.equal(r.body.total, WINDOW);
  assert.equal(r.body.total_capped, true);
  assert.equal(r.body.facets.type.reduce((n, f) => n + f.count, 0), WINDOW);
  for (let i = 1; i < r.body.items.length; i++) assert.ok(r.body.items[i - 1].score >= r.body.items[i].score);
  // Paging stays inside the window and never repeats a record.
  const seen = new Set();
  for (let page = 1; page <= 3; page++) {
    const p = await staff.get(`/api/v1/search?q=${q}&page_size=5&page=${page}`);
    for (const it of p.body.items) {
      const key = `${it.type}-${it.id}`;
      assert.ok(!seen.has(key), `${key} on two pages`);
      seen.add(key);
    }
  }
  assert.equal(seen.size, WINDOW);
});

test('the window holds the newest matches: by date, then record', async () => {
  const all = [];
  for (let page = 1; ; page++) {
    const r = await staffWide.get(`/api/v1/search?q=${q}&page_size=100&page=${page}`);
    assert.equal(r.status, 200);
    all.push(...r.body.items);
    if (page * 100 >= r.body.total) break;
  }
  for (const it of all) assert.match(it.date, /^\d{4}-\d{2}-\d{2}$/);
  const newestFirst = (a, b) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id !== b.id ? b.id - a.id : (a.type === 'reply' ? -1 : 1);
  const key = (it) => `${it.type}-${it.id}`;
  const newest = all.sort(newestFirst).slice(0, WINDOW).map(key).sort();
  const inWindow = [];
  for (let page = 1; page <= Math.ceil(WINDOW / 5); page++) {
    const r = await staff.get(`/api/v1/search?q=${q}&page_size=5&page=${page}`);
    inWindow.push(...r.body.items.map(key));
  }
  assert.deepEqual(inWindow.sort(), newest);
});

test('a facet filter takes a window of its own: an older session is still found', async () => {
  const capped = await staff.get(`/api/v1/search?q=${q}&page_size=5`);
  const inWindow = new Set(capped.body.facets.session.map((s) => s.value));
  const all = await staffWide.get(`/api/v1/search?q=${q}&page_size=5`);
  const older = all.body.facets.session.find((s) => !inWindow.has(s.value));
  assert.ok(older, 'some session with 养老 proposals lies outside the newest window');
  const r = await staff.get(`/api/v1/search?q=${q}&session=${older.value}&page_size=50`);
  assert.equal(r.status, 200);
  assert.equal(r.body.total, Math.min(older.count, WINDOW));
  assert.ok(r.body.items.length > 0);
  assert.ok(r.body.items.every((it) => it.session_id === older.value));
});

test('the similar index is built at start from the demo proposals', async () => {
  const status = await similarReady(staff);
  const listed = await staff.get('/api/v1/proposals?page_size=1');
  assert.equal(listed.status, 200);
  // Every proposal staff can see except drafts is in the index (staff do not see drafts at all).
  assert.ok(status.similar_documents >= listed.body.total, `${status.similar_documents} indexed, ${listed.body.total} listed`);
  const detail = await staff.get('/api/v1/proposals?page_size=5&state=closed');
  const p = (await staff.get(`/api/v1/proposals/${detail.body.items[0].id}`)).body;
  const body = [p.situation, p.analysis, p.suggestions].filter(Boolean).join('\n');
  const r = await staff.post('/api/v1/proposals/similar', { title: p.title, body });
  assert.equal(r.status, 200);
  assert.equal(r.body.ready, true);
  assert.equal(r.body.items[0].proposal_id, p.id);
});

test('a one-character term scans the newest documents only, and the answer says how many', async () => {
  const one = encodeURIComponent('的');
  const all = await staffWide.get(`/api/v1/search?q=${one}&page_size=5`);
  assert.equal(all.status, 200);
  assert.equal(all.body.scanned_docs, undefined, 'the demo has fewer documents than the default scan');
  assert.ok(all.body.total > SCAN, `的 is in ${all.body.total} demo documents`);
  const r = await staffScan.get(`/api/v1/search?q=${one}&page_size=50`);
  assert.equal(r.status, 200);
  assert.equal(r.body.scanned_docs, SCAN);
  assert.ok(r.body.total > 0 && r.body.total <= SCAN, `${r.body.total} found in the newest ${SCAN}`);
  // The documents it found are among the newest: none is older than the oldest the full search ranks in.
  const wideIds = new Set();
  for (let page = 1; wideIds.size < all.body.total && page <= 20; page++) {
    const p = await staffWide.get(`/api/v1/search?q=${one}&page_size=100&page=${page}`);
    if (p.body.items.length === 0) break;
    for (const it of p.body.items) wideIds.add(`${it.type}-${it.id}`);
  }
  for (const it of r.body.items) assert.ok(wideIds.has(`${it.type}-${it.id}`));
  // Words of two or more characters are not limited.
  const word = await staffScan.get(`/api/v1/search?q=${q}&page_size=5`);
  assert.equal(word.body.scanned_docs, undefined);
  assert.equal(word.body.total, (await staffWide.get(`/api/v1/search?q=${q}&page_size=5`)).body.total);
});
