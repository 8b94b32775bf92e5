// The hand-written labelled corpus in tests/data/ and helpers to load it into a running server.
import { readFileSync } from 'node:fs';
import { Client } from './client.mjs';

const dataDir = new URL('../data/', import.meta.url);
export const similarSet = JSON.parse(readFileSync(new URL('similar_pairs.json', dataDir), 'utf8'));
export const searchQueries = JSON.parse(readFileSync(new URL('search_queries.json', dataDir), 'utf8')).queries;

/** Every text of the labelled set, each { key, title, body }. */
export function allTexts() {
  const out = [];
  for (const p of similarSet.pairs) {
    out.push({ key: `${p.id}a`, ...p.a });
    out.push({ key: `${p.id}b`, ...p.b });
  }
  for (const d of similarSet.distractors) out.push({ key: d.id, title: d.title, body: d.body });
  for (const n of similarSet.novel) out.push({ key: n.id, title: n.title, body: n.body });
  return out;
}

/** A new member account of the demo committee, signed in with a changed password. */
export async function newMember(srv, admin, name, mobile) {
  const sector = (await admin.get('/api/v1/sectors?page_size=1')).body.items[0];
  const m = await admin.post('/api/v1/members', { name, mobile, sector_id: sector.id });
  if (m.status !== 201) throw new Error(`member not created: ${JSON.stringify(m.body)}`);
  const client = new Client(srv.baseUrl);
  await client.login(mobile, m.body.initial_password);
  const r = await client.post('/api/v1/auth/password', { old_password: m.body.initial_password, new_password: 'Corpus12345' });
  if (r.status >= 300) throw new Error(`password not changed: ${JSON.stringify(r.body)}`);
  return client;
}

/** The three sections of a proposal from a text: first paragraph, middle ones, last one. */
export function sections(body) {
  const paras = body.split('\n').filter((x) => x.trim());
  if (paras.length < 2) return { situation: body, analysis: '', suggestions: body };
  return { situation: paras[0], analysis: paras.slice(1, -1).join('\n'), suggestions: paras[paras.length - 1] };
}

/** Creates a draft from a text (its paragraphs become the sections); submits it when asked. */
export async function createProposal(client, text, { submit = false } = {}) {
  const r = await client.post('/api/v1/proposals', { title: text.title, ...sections(text.body), category: '社会事业' });
  if (r.status !== 201) throw new Error(`${text.key}: ${JSON.stringify(r.body)}`);
  let p = r.body;
  if (submit) {
    const s = await client.post(`/api/v1/proposals/${p.id}/transitions`, { action: 'submit', version: p.version });
    if (s.status !== 200) throw new Error(`${text.key} submit: ${JSON.stringify(s.body)}`);
    p = s.body;
  }
  return p;
}

/** Waits until the in-memory similar index has been built. */
export async function similarReady(staff) {
  for (let i = 0; i < 300; i++) {
    const s = await staff.get('/api/v1/search/status');
    if (s.body.similar_ready) return s.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('similar index never became ready');
}

/**
 * Waits until the server's full-text replica (PostgreSQL) is ready, so that searches are answered
 * from it; returns false on SQLite, which has none.
 */
export async function replicaReady(staff) {
  for (let i = 0; i < 300; i++) {
    const s = await staff.get('/api/v1/search/status');
    if (!s.body.replica) return false;
    if (s.body.replica.ready) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('search replica never became ready');
}
