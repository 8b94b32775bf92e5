// The two tiers of similar proposals (issue 16) measured on a labelled set of pairs, shared by
// tests/api/similar_tiers.test.mjs (tests/data/similar_tiers.json, the set the thresholds were chosen
// on) and tests/api/similar_holdout.test.mjs (tests/data/similar_holdout.json, held out). A set is
// { texts: {key: {title, body}}, pairs: [{query, match, label: same|related|unrelated}] }; keys pNNa,
// pNNb and dNN name texts of similar_pairs.json. Every match text is submitted (with the demo's
// proposals around them); every query text is then written in the editor, as a member, and the tier
// the editor shows for the match is read (absent: none). The same text is also asked for as staff
// with no lower bound, for the rank of its same-matter partner.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from './server.mjs';
import { Client } from './client.mjs';
import { similarSet, newMember, createProposal, similarReady } from './corpus.mjs';

/** A labelled set of tests/data/ by file name. */
export function loadTierSet(file) {
  return JSON.parse(readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8'));
}

/** Every text by key: pNNa, pNNb, dNN of similar_pairs.json and the set's own texts. */
export function textsByKey(set) {
  const out = new Map();
  for (const p of similarSet.pairs) {
    out.set(`${p.id}a`, p.a);
    out.set(`${p.id}b`, p.b);
  }
  for (const d of similarSet.distractors) out.set(d.id, { title: d.title, body: d.body });
  for (const [k, t] of Object.entries(set.texts)) out.set(k, t);
  return out;
}

/**
 * A server with the demo data and every match text of the set submitted by a new member (the
 * writer). Returns { srv, admin, staff, writer, texts, idOf (key → proposal id) }.
 */
export async function startTierServer(set, { name, mobile }) {
  const srv = await startServer();
  const admin = new Client(srv.baseUrl);
  await admin.login('admin', 'Admin12345');
  const staff = new Client(srv.baseUrl);
  await staff.login('tianwei', 'Staff12345');
  const writer = await newMember(srv, admin, name, mobile);
  await similarReady(staff);
  const texts = textsByKey(set);
  const idOf = new Map();
  for (const key of [...new Set(set.pairs.map((p) => p.match))]) {
    const p = await createProposal(writer, { key, ...texts.get(key) }, { submit: true });
    idOf.set(key, p.id);
  }
  return { srv, admin, staff, writer, texts, idOf };
}

/**
 * Asks for every query text of the set: the tiers the editor shows the writer (query key → Map of
 * labelled match key → tier) and the labelled keys staff see ranked with no lower bound (query key
 * → [{key, score, evidence, phrases}], best first).
 */
export async function observeTiers(fx, set) {
  const keyOf = new Map([...fx.idOf].map(([k, id]) => [id, k]));
  const shownFor = new Map();
  const rankedFor = new Map();
  for (const q of [...new Set(set.pairs.map((p) => p.query))]) {
    const t = fx.texts.get(q);
    const r = await fx.writer.post('/api/v1/proposals/similar', { title: t.title, body: t.body });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(r.body.tiers.duplicate > r.body.tiers.related);
    const shown = new Map();
    for (const it of r.body.items) {
      assert.ok(['duplicate', 'related'].includes(it.tier), it.tier);
      if (keyOf.has(it.proposal_id)) shown.set(keyOf.get(it.proposal_id), it.tier);
    }
    shownFor.set(q, shown);
    const all = await fx.staff.post('/api/v1/proposals/similar', { title: t.title, body: t.body, min_score_pct: 0 });
    assert.equal(all.status, 200, JSON.stringify(all.body));
    // Every proposal ranked (demo ones too, as null keys), so that a rank counts all of them.
    rankedFor.set(q, all.body.items.map((it) => ({ key: keyOf.get(it.proposal_id) ?? null, score: it.score, evidence: it.evidence, phrases: it.shared_phrases })));
  }
  return { shownFor, rankedFor };
}

/** Each labelled pair's evidence (staff view, no lower bound), as the SL_TIERS_DUMP lines. */
export function dumpLines(obs) {
  const out = [];
  for (const [q, ranked] of obs.rankedFor) for (const it of ranked) if (it.key) out.push({ query: q, match: it.key, score: it.score, ...it.evidence, phrases: it.phrases });
  return out.map((d) => JSON.stringify(d)).join('\n') + '\n';
}

function pr(tp, predicted, actual) {
  return { precision: predicted ? tp / predicted : 1, recall: actual ? tp / actual : 1 };
}

/**
 * The figures of the pairs that `keep` accepts (all by default): precision and recall of each tier,
 * the share of same+related pairs shown in either tier and of unrelated pairs shown, the share of
 * queries shown another labelled text than their same-matter partner as 可能重复, and the ranked
 * recall of the partner (staff view, every proposal of the server ranked, demo ones included).
 */
export function tierFigures(set, obs, keep = () => true) {
  const pairs = set.pairs.filter(keep);
  const count = { same: 0, related: 0, unrelated: 0 };
  let dupTp = 0, dupPred = 0, relTp = 0, relPred = 0, shownRelevant = 0, unrelatedShown = 0;
  const confusion = {};
  for (const p of pairs) {
    const tier = obs.shownFor.get(p.query).get(p.match) ?? 'none';
    count[p.label]++;
    confusion[`${p.label}→${tier}`] = (confusion[`${p.label}→${tier}`] ?? 0) + 1;
    if (tier === 'duplicate') {
      dupPred++;
      if (p.label === 'same') dupTp++;
    }
    if (tier === 'related') {
      relPred++;
      if (p.label === 'related') relTp++;
    }
    if (tier !== 'none' && p.label !== 'unrelated') shownRelevant++;
    if (tier !== 'none' && p.label === 'unrelated') unrelatedShown++;
  }
  // Beyond the labelled pairs: queries for which any other labelled text than the partner of the
  // same matter is shown as 可能重复 (the texts are many neighbours of one another).
  const partner = new Map(pairs.filter((p) => p.label === 'same').map((p) => [p.query, p.match]));
  const queries = [...new Set(pairs.map((p) => p.query))];
  let wrongDuplicate = 0;
  for (const q of queries) if ([...obs.shownFor.get(q)].some(([k, tier]) => tier === 'duplicate' && k !== partner.get(q))) wrongDuplicate++;
  let at1 = 0, at5 = 0;
  for (const [q, m] of partner) {
    const rank = obs.rankedFor.get(q).findIndex((it) => it.key === m);
    if (rank === 0) at1++;
    if (rank >= 0 && rank < 5) at5++;
  }
  return {
    count,
    queries: queries.length,
    duplicate: pr(dupTp, dupPred, count.same),
    related: pr(relTp, relPred, count.related),
    shown: { recall: shownRelevant / (count.same + count.related), unrelatedShown: unrelatedShown / count.unrelated },
    wrongQueries: wrongDuplicate / queries.length,
    ranked: { at1: partner.size ? at1 / partner.size : 1, at5: partner.size ? at5 / partner.size : 1 },
    confusion,
  };
}

/** Prints the figures as test diagnostics, each line prefixed with `label`. */
export function reportTiers(fig, label = '') {
  const f = (x) => x.toFixed(3);
  const l = label ? `${label}: ` : '';
  console.log(`# ${l}pairs: ${fig.count.same} same, ${fig.count.related} related, ${fig.count.unrelated} unrelated`);
  console.log(`# ${l}可能重复 (duplicate): precision ${f(fig.duplicate.precision)}, recall ${f(fig.duplicate.recall)}`);
  console.log(`# ${l}相关提案 (related): precision ${f(fig.related.precision)}, recall ${f(fig.related.recall)}`);
  console.log(`# ${l}shown in either tier: recall ${f(fig.shown.recall)} of same+related, ${f(fig.shown.unrelatedShown)} of unrelated pairs shown`);
  console.log(`# ${l}queries shown another labelled text than their partner as 可能重复: ${f(fig.wrongQueries)} of ${fig.queries}`);
  console.log(`# ${l}ranked (staff, no lower bound): same-matter partner first ${f(fig.ranked.at1)}, in the top 5 ${f(fig.ranked.at5)}`);
  console.log(`# ${l}confusion: ${JSON.stringify(fig.confusion)}`);
}

/**
 * Fails below the floors: { duplicate: {precision, recall, wrongQueries}, related: {precision,
 * recall}, shown: {recall, unrelatedShown}, ranked?: {at1, at5} } (wrongQueries and unrelatedShown
 * are ceilings).
 */
export function assertFloors(fig, floors) {
  assert.ok(fig.wrongQueries <= floors.duplicate.wrongQueries, `wrong duplicates for ${fig.wrongQueries} of the queries`);
  assert.ok(fig.duplicate.precision >= floors.duplicate.precision, `duplicate precision ${fig.duplicate.precision}`);
  assert.ok(fig.duplicate.recall >= floors.duplicate.recall, `duplicate recall ${fig.duplicate.recall}`);
  assert.ok(fig.related.precision >= floors.related.precision, `related precision ${fig.related.precision}`);
  assert.ok(fig.related.recall >= floors.related.recall, `related recall ${fig.related.recall}`);
  assert.ok(fig.shown.recall >= floors.shown.recall, `shown recall ${fig.shown.recall}`);
  assert.ok(fig.shown.unrelatedShown <= floors.shown.unrelatedShown, `unrelated shown ${fig.shown.unrelatedShown}`);
  if (floors.ranked) {
    assert.ok(fig.ranked.at1 >= floors.ranked.at1, `ranked first ${fig.ranked.at1}`);
    assert.ok(fig.ranked.at5 >= floors.ranked.at5, `ranked top 5 ${fig.ranked.at5}`);
  }
}
