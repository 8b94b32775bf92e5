// The audit log: every write recorded with before/after; `audit verify` finds a changed row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, runCli } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';

let srv;
let admin;
before(async () => {
  srv = await startServer();
  admin = new Client(srv.baseUrl);
  await admin.login('admin', 'Admin12345');
});
after(async () => {
  await srv.stop();
});

// Tampers with the database behind the server's back; on SQLite it waits (up to 10 s) while the
// server's background work (the search index's catch-up and merge at start) holds the write lock.
function sql(statement) {
  if (srv.databaseUrl.startsWith('sqlite:'))
    execFileSync('sqlite3', ['-cmd', '.timeout 10000', srv.databaseUrl.slice(7), statement]);
  else execFileSync('psql', [srv.databaseUrl, '-qc', statement]);
}

test('writes are recorded with actor, address and before/after', async () => {
  const created = await admin.post('/api/v1/parties', { name: '测试党派', short_name: '测' });
  await admin.patch(`/api/v1/parties/${created.body.id}`, { short_name: '测试' });
  await admin.del(`/api/v1/parties/${created.body.id}`);
  const r = await admin.get(`/api/v1/audit?subject_type=party&subject_id=${created.body.id}`);
  assert.equal(r.status, 200);
  const actions = r.body.items.map((i) => i.action);
  assert.deepEqual(actions, ['party.delete', 'party.update', 'party.create']);
  const update = r.body.items[1];
  assert.equal(update.before.short_name, '测');
  assert.equal(update.after.short_name, '测试');
  assert.equal(update.actor_name, '政协办管理员');
  assert.equal(update.role, 'admin');
  assert.equal(update.address, '127.0.0.1');
  assert.equal(r.body.items[0].after, null);
  const filtered = await admin.get('/api/v1/audit?action=party.create');
  assert.ok(filtered.body.items.every((i) => i.action === 'party.create'));
  const bad = await admin.get('/api/v1/audit?from=yesterday');
  assert.equal(bad.status, 400);
});

test('audit verify passes on an intact log and reports the first altered row', async () => {
  let v = await runCli(['audit', 'verify'], srv.databaseUrl);
  assert.equal(v.code, 0, v.stdout + v.stderr);
  assert.match(v.stdout, /intact/);
  const list = await admin.get('/api/v1/audit?action=party.update');
  const id = list.body.items[0].id;
  sql(`UPDATE audit_log SET after_json = '{"short_name":"伪造"}' WHERE id = ${id}`);
  v = await runCli(['audit', 'verify'], srv.databaseUrl);
  assert.equal(v.code, 1);
  assert.match(v.stdout, new RegExp(`BROKEN at row ${id}\\b`));
});
