// The demo's proposal texts (server/src/cli/demo_texts*.cpp, issue 16): every subject has its own
// sentences, so proposals on different subjects share none and the merge suggestions group only
// proposals on one matter. Reads the seeded demo straight from its database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';
import { similarReady } from '../lib/corpus.mjs';

let srv;
let staff;
let rows;

/** The rows of `sql` (one JSON object per row) from the server's database, SQLite or PostgreSQL. */
function query(url, sql) {
  if (url.startsWith('sqlite:')) {
    const out = execFileSync('sqlite3', ['-cmd', '.timeout 10000', '-json', url.slice('sqlite:'.length), sql], { encoding: 'utf8' });
    return out.trim() ? JSON.parse(out) : [];
  }
  const out = execFileSync('psql', [url, '-X', '-At', '-v', 'ON_ERROR_STOP=1', '-c', `SELECT COALESCE(json_agg(t), '[]') FROM (${sql}) t`], {
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/** A proposal's subject: its keywords (one set per demo subject), or its title when it has none. */
const subjectOf = (p) => p.keywords || p.title;

/** The sentences of a text: split on 。；：and lines, without the numbering (一是, 一、, 第一，). */
function sentences(text, splitter) {
  return (text || '')
    .split(splitter)
    .map((s) => s.trim().replace(/^(第?[一二三四五六七八九十]+(是|、|，)|[0-9]+[、.])/, '').trim())
    .filter(Boolean);
}

before(async () => {
  srv = await startServer();
  staff = new Client(srv.baseUrl);
  await staff.login('tianwei', 'Staff12345');
  rows = query(srv.databaseUrl, 'SELECT id, session_id, state, title, situation, analysis, suggestions, keywords FROM proposals ORDER BY id');
});
after(async () => srv?.stop());

test('the demo seeds 303 proposals with titles of at most 50 characters', () => {
  assert.equal(rows.length, 303);
  for (const p of rows) assert.ok([...p.title].length <= 50, p.title);
});

test('proposals on different subjects share no sentence', () => {
  const subjectsOf = new Map(); // sentence → subjects
  for (const p of rows) {
    for (const s of sentences([p.title, p.situation, p.analysis, p.suggestions].join('\n'), /[。；\n]/)) {
      if ([...s].length < 12) continue;
      if (!subjectsOf.has(s)) subjectsOf.set(s, new Set());
      subjectsOf.get(s).add(subjectOf(p));
    }
  }
  const shared = [...subjectsOf].filter(([, subjects]) => subjects.size > 1);
  assert.deepEqual(
    shared.slice(0, 10).map(([s, subjects]) => `${s} ← ${[...subjects].join(' | ')}`),
    [],
    `${shared.length} sentences stand in proposals of different subjects`,
  );
});

test('no frame sentence stands in most proposals', () => {
  // Finer than above: clauses before a colon count too ("究其原因，主要有以下几点"), and a clause
  // may stand in a fifth of the proposals at most.
  const count = new Map();
  for (const p of rows) {
    const seen = new Set(sentences([p.situation, p.analysis, p.suggestions].join('\n'), /[。；：\n]/).filter((s) => [...s].length >= 8));
    for (const s of seen) count.set(s, (count.get(s) || 0) + 1);
  }
  const common = [...count].filter(([, n]) => n > rows.length / 5).map(([s, n]) => `${s} (${n})`);
  assert.deepEqual(common, []);
});

test('merge suggestions group proposals on one subject only', async () => {
  await similarReady(staff);
  const session = Math.max(...rows.map((p) => p.session_id));
  const r = await staff.get(`/api/v1/proposals/merge-suggestions?session_id=${session}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const byId = new Map(rows.map((p) => [p.id, p]));
  // The demo writes a few possible duplicates on purpose (seed_proposals_plan.cpp, pick_duplicates).
  assert.ok(r.body.items.length >= 1, 'the demo shows at least one merge group');
  for (const c of r.body.items) {
    const subjects = new Set(c.proposals.map((x) => subjectOf(byId.get(x.id))));
    assert.equal(subjects.size, 1, `one subject per group: ${c.proposals.map((x) => x.title).join(' / ')}`);
    console.log(`# merge group: ${c.proposals.map((x) => `${x.title} (#${x.id})`).join(' + ')}; shared: ${(c.shared_phrases || []).join('、')}`);
  }
});
