// The two tiers of similar proposals (issue 16), measured on the labelled pairs in
// tests/data/similar_tiers.json: 78 "same matter" pairs (可能重复 expected), 78 "related topic,
// different asks" pairs (相关提案 expected) and 78 unrelated pairs (nothing expected). Every match
// text is submitted (with the demo's proposals around them); every query text is then written in
// the editor, as a member, and the tier the editor shows for the match is read (absent: none).
// Reports precision and recall of each tier (and the ranked recall of the same-matter partner) and
// fails below the floors measured when the thresholds were chosen (with a margin). The measuring is
// tests/lib/tiers.mjs, shared with the held-out set (similar_holdout.test.mjs). With
// SL_TIERS_DUMP=file, writes every labelled pair's evidence (staff view, no lower bound) as JSON
// lines, for choosing weights and thresholds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createProposal } from '../lib/corpus.mjs';
import { loadTierSet, startTierServer, observeTiers, dumpLines, tierFigures, reportTiers, assertFloors } from '../lib/tiers.mjs';

const tiers = loadTierSet('similar_tiers.json');

// Floors: the figures measured on this set when the thresholds were chosen, less a margin.
const FLOORS = {
  // measured at 0.085 among the demo's own texts: precision 0.946, recall 0.897; 0.167 of the
  // queries shown a wrong 可能重复 (0.919, 0.872 and 0.205 at 0.075 among the old shared sentences)
  duplicate: { precision: 0.85, recall: 0.8, wrongQueries: 0.28 },
  // measured: precision 0.811, recall 0.551
  related: { precision: 0.7, recall: 0.42 },
  // measured: 0.801 of same+related shown in either tier, 0.026 of unrelated pairs
  shown: { recall: 0.72, unrelatedShown: 0.05 },
};

let fx;
let staff;
let writer;
let idOf;
let texts;

before(async () => {
  fx = await startTierServer(tiers, { name: '分级测试委员', mobile: '13677770016' });
  ({ staff, writer, idOf, texts } = fx);
});
after(async () => {
  await fx.srv.stop();
});

test('precision and recall of 可能重复 and 相关提案 on the labelled pairs', async () => {
  assert.ok(tiers.pairs.length >= 150);
  const obs = await observeTiers(fx, tiers);
  if (process.env.SL_TIERS_DUMP) writeFileSync(process.env.SL_TIERS_DUMP, dumpLines(obs));
  const fig = tierFigures(tiers, obs);
  reportTiers(fig);
  assertFloors(fig, FLOORS);
});

test('shared phrases mean something: no title frame, headings or stock sentences', async () => {
  const t = texts.get('t04b');
  const r = await staff.post('/api/v1/proposals/similar', { title: t.title, body: t.body });
  const hit = r.body.items.find((it) => it.proposal_id === idOf.get('t04a'));
  assert.ok(hit, 'the same matter is found');
  assert.equal(hit.tier, 'duplicate');
  assert.ok(hit.shared_phrases.length > 0);
  for (const ph of hit.shared_phrases) {
    assert.ok(!/^(的|了|和|与|在|是|对)|(的|了|和|与|在|是|对)$/.test(ph), ph);
    assert.ok(!['关于', '的建议', '建议如下', '原因主要', '以下几个方面'].some((b) => ph.includes(b)), ph);
  }
  // The stock sentence shared by unrelated proposals (t04r, t08r, t10r …) links nothing.
  const stock = await staff.post('/api/v1/proposals/similar', {
    title: '关于完善某事项的建议',
    body: '造成上述问题的原因主要有以下几个方面：\n为此，建议如下：',
  });
  assert.equal(stock.status, 200);
  assert.ok(!stock.body.items.some((it) => it.tier === 'duplicate'), JSON.stringify(stock.body.items.map((i) => i.title)));
});

test('merge suggestions join only possible duplicates', async () => {
  const session = (await writer.get(`/api/v1/proposals/${idOf.get('t01a')}`)).body.session_id;
  const added = {};
  for (const k of ['t02b', 't04b', 't09b', 't10b']) added[k] = (await createProposal(writer, { key: k, ...texts.get(k) }, { submit: true })).id;
  const r = await staff.get(`/api/v1/proposals/merge-suggestions?session_id=${session}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.tier, 'duplicate');
  const clusterOf = (id) => r.body.items.find((c) => c.proposals.some((x) => x.id === id));
  let withRelated = 0;
  for (const [k, id] of Object.entries(added)) {
    const c = clusterOf(id);
    assert.ok(c, `${k} suggested`);
    assert.ok(c.proposals.some((x) => x.id === idOf.get(k.replace('b', 'a'))), `${k} with its partner`);
    if (c.proposals.some((x) => x.id === idOf.get(k.replace('b', 'r')))) withRelated++;
    assert.ok(c.shared_phrases.length > 0);
  }
  // The related proposal of the same topic (different asks) stays out, but for one at most.
  assert.ok(withRelated <= 1, `${withRelated} clusters hold the related proposal`);
  // No cluster is held together by boilerplate alone: every one shares phrases that mean something.
  for (const c of r.body.items) assert.ok(c.score >= r.body.threshold);
});
