// Crash durability: several clients write proposals at once (members create, edit and submit
// drafts; proposal staff file and assign submitted ones), the server is killed with SIGKILL in the
// middle of the burst, and a new server on the same database must still hold every write that
// was answered 2xx, with the audit log's hash chain intact (checked after one more write).
// A request that was in flight at the kill may or may not have been committed: only answered
// writes are owed, and an unanswered one may be there too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, runCli } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';

/** Acknowledged writes (answered 2xx), per proposal id. */
const drafts = new Map(); // id -> { title, suggestions (last acknowledged), inflight (an unanswered edit), version, edits, submitted }
const filed = new Map(); // id -> { number, assignedUnit (acknowledged), inflightAssign }
let acked = 0;
let killed = false;

/** The request, or null when it got no complete answer (the server died under it). */
async function attempt(fn) {
  try {
    return await fn();
  } catch {
    return null;
  }
}

async function memberWorker(client, tag) {
  for (let i = 0; !killed; i++) {
    const title = `关于崩溃测试${tag}第${i}项的建议`;
    const body = { title, situation: '现状。', analysis: '分析。', suggestions: `建议${tag}-${i}-v0`, category: '其他', keywords: '测试' };
    const created = await attempt(() => client.post('/api/v1/proposals', body));
    if (!created) return;
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const d = { title, suggestions: body.suggestions, inflight: null, version: created.body.version, edits: 0, submitted: false };
    drafts.set(created.body.id, d);
    acked++;
    for (let v = 1; v <= 2; v++) {
      const suggestions = `建议${tag}-${i}-v${v}`;
      d.inflight = suggestions;
      const r = await attempt(() => client.patch(`/api/v1/proposals/${created.body.id}`, { version: d.version, suggestions }));
      if (!r) return;
      assert.equal(r.status, 200, JSON.stringify(r.body));
      d.suggestions = suggestions;
      d.inflight = null;
      d.edits++;
      d.version = r.body.version;
      acked++;
    }
    if (i % 2 === 0) {
      const r = await attempt(() => client.post(`/api/v1/proposals/${created.body.id}/transitions`, { action: 'submit', version: d.version }));
      if (!r) return;
      assert.equal(r.status, 200, JSON.stringify(r.body));
      d.submitted = true;
      d.version = r.body.version;
      acked++;
    }
  }
}

async function staffWorker(client, queue, unitId) {
  while (!killed && queue.length) {
    const p = queue.shift();
    const r = await attempt(() => client.post(`/api/v1/proposals/${p.id}/transitions`, { action: 'file', version: p.version }));
    if (!r) return;
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const f = { number: r.body.number, assignedUnit: null, inflightAssign: null };
    filed.set(p.id, f);
    acked++;
    f.inflightAssign = unitId;
    const a = await attempt(() =>
      client.post(`/api/v1/proposals/${p.id}/transitions`, { action: 'assign', version: r.body.version, handling_type: 'single', units: [{ unit_id: unitId, role: 'lead' }] }),
    );
    if (!a) return;
    assert.equal(a.status, 200, JSON.stringify(a.body));
    f.assignedUnit = unitId;
    f.inflightAssign = null;
    acked++;
  }
}

test('every write answered 2xx before a SIGKILL is there after the restart, and the audit chain verifies', async (t) => {
  const started = Date.now();
  const first = await startServer();
  let second = null;
  try {
    const members = [];
    for (let k = 0; k < 3; k++) {
      const c = new Client(first.baseUrl);
      await c.login('13900000001', 'Member12345');
      members.push(c);
    }
    const staff = [];
    for (let k = 0; k < 2; k++) {
      const c = new Client(first.baseUrl);
      await c.login('tianwei', 'Staff12345');
      staff.push(c);
    }
    const units = Object.fromEntries((await staff[0].get('/api/v1/units?page_size=100')).body.items.map((u) => [u.name, u.id]));
    const queue = (await staff[0].get('/api/v1/proposals?state=submitted&page_size=100')).body.items.map((p) => ({ id: p.id, version: p.version }));
    assert.ok(queue.length >= 4, `the demo data has submitted proposals to file (${queue.length})`);

    // The burst: five clients write at once; the kill lands once 40 writes have been answered.
    const workers = [
      ...members.map((c, k) => memberWorker(c, `M${k}`)),
      staffWorker(staff[0], queue, units['区民政局']),
      staffWorker(staff[1], queue, units['区教育局']),
    ];
    const burst = Date.now();
    const killer = (async () => {
      while (acked < 40 && Date.now() - burst < 20000) await new Promise((r) => setTimeout(r, 2));
      assert.ok(first.process.kill('SIGKILL'), 'the server was running at the kill');
      killed = true;
    })();
    await Promise.all([killer, ...workers]);
    const exit = await first.exited;
    assert.equal(exit.signal, 'SIGKILL');
    assert.ok(acked >= 40, `writes answered before the kill: ${acked}`);

    // A new server on the same database: every acknowledged write is there.
    second = await startServer({ databaseUrl: first.databaseUrl, demo: false });
    const member = new Client(second.baseUrl);
    const me = await member.login('13900000001', 'Member12345');
    const staffAfter = new Client(second.baseUrl);
    await staffAfter.login('tianwei', 'Staff12345');
    // Each acknowledged write is counted as found when its effect is there.
    let found = 0;
    const missing = [];
    const check = (ok, what, n = 1) => (ok ? (found += n) : missing.push(what));
    for (const [id, d] of drafts) {
      const r = await member.get(`/api/v1/proposals/${id}`);
      if (r.status !== 200) {
        missing.push(`proposal ${id}: ${r.status}`);
        continue;
      }
      check(r.body.title === d.title && r.body.proposer_user_id === me.id, `proposal ${id} created: ${r.body.title}`);
      // The last acknowledged edit, or the one in flight at the kill (committed, unanswered).
      check([d.suggestions, d.inflight].includes(r.body.suggestions) && r.body.version >= d.version, `proposal ${id} edits: ${r.body.suggestions} v${r.body.version}, acknowledged ${d.suggestions} v${d.version}`, d.edits);
      if (d.submitted) check(r.body.state === 'submitted', `proposal ${id} submitted: ${r.body.state}`);
    }
    for (const [id, f] of filed) {
      const r = await staffAfter.get(`/api/v1/proposals/${id}`);
      check(r.status === 200 && r.body.number === f.number && r.body.state !== 'submitted', `proposal ${id} filed as ${f.number}: ${r.body.number} ${r.body.state}`);
      const units = (r.body.assignments ?? []).map((a) => a.unit_id);
      if (f.assignedUnit) check(r.body.state === 'assigned' && units.length === 1 && units[0] === f.assignedUnit, `proposal ${id} assigned to ${f.assignedUnit}: ${r.body.state} ${units}`);
      else assert.ok(r.body.state === 'filed' || (f.inflightAssign && r.body.state === 'assigned'), `proposal ${id} is ${r.body.state}`);
    }
    t.diagnostic(`writes acknowledged ${acked}, found ${found} (drafts ${drafts.size}, filed ${filed.size}); ${((Date.now() - started) / 1000).toFixed(1)} s so far`);
    assert.deepEqual(missing, []);
    assert.equal(found, acked);
    // The numbers acknowledged are distinct (no number handed out twice across the crash).
    const numbers = [...filed.values()].map((f) => f.number);
    assert.equal(new Set(numbers).size, numbers.length);

    // The chain continues after the crash: one more audited write, then the CLI verifies it.
    const after = await member.post('/api/v1/proposals', { title: '关于崩溃之后继续写入的建议', suggestions: '建议。', category: '其他' });
    assert.equal(after.status, 201, JSON.stringify(after.body));
    const verify = await runCli(['audit', 'verify'], first.databaseUrl);
    assert.equal(verify.code, 0, `audit verify: ${verify.stdout}${verify.stderr}`);
  } finally {
    if (second) await second.stop();
    await first.stop();
  }
});
