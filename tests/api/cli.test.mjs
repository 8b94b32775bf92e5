// The command line: migrate, user create / reset-password, backup and restore.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, runCli } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';

test('user create and reset-password', async () => {
  const srv = await startServer();
  try {
    let r = await runCli(['migrate'], srv.databaseUrl);
    assert.equal(r.code, 0, r.stderr);
    const committee = (await (async () => { const c = new Client(srv.baseUrl); await c.login('admin', 'Admin12345'); return c.user.committee_id; })());
    r = await runCli(['user', 'create', '--username', 'ops', '--name', '运维', '--password', 'Ops1234567', '--committee', String(committee)], srv.databaseUrl);
    assert.equal(r.code, 0, r.stderr);
    const c = new Client(srv.baseUrl);
    const u = await c.login('ops', 'Ops1234567');
    assert.deepEqual(u.roles, ['admin']);
    r = await runCli(['user', 'reset-password', '--login', 'ops', '--password', 'weak'], srv.databaseUrl);
    assert.notEqual(r.code, 0);
    r = await runCli(['user', 'reset-password', '--login', 'ops', '--password', 'Reset12345'], srv.databaseUrl);
    assert.equal(r.code, 0);
    const again = await new Client(srv.baseUrl).login('ops', 'Reset12345');
    assert.equal(again.must_change_password, true);
    r = await runCli(['user', 'reset-password', '--login', 'nobody', '--password', 'Reset12345'], srv.databaseUrl);
    assert.equal(r.code, 1);
  } finally {
    await srv.stop();
  }
});

test('backup while serving, then restore', { skip: !!process.env.SL_TEST_PG_ADMIN_URL && 'SQLite only; PostgreSQL uses pg_dump' }, async () => {
  const srv = await startServer();
  const dir = mkdtempSync(join(tmpdir(), 'sl-backup-'));
  const file = join(dir, 'backup.db');
  try {
    const c = new Client(srv.baseUrl);
    await c.login('admin', 'Admin12345');
    await c.post('/api/v1/sectors', { name: '备份前界别' });
    let r = await runCli(['backup', file], srv.databaseUrl);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(file));
    await c.post('/api/v1/sectors', { name: '备份后界别' });
    await srv.halt();
    r = await runCli(['restore', file], srv.databaseUrl);
    assert.equal(r.code, 0, r.stderr);
    const names = execFileSync('sqlite3', [srv.databaseUrl.slice(7), "SELECT name FROM sectors WHERE name LIKE '备份%'"]).toString();
    assert.match(names, /备份前界别/);
    assert.doesNotMatch(names, /备份后界别/);
    const restored = await runCli(['audit', 'verify'], srv.databaseUrl);
    assert.equal(restored.code, 0, restored.stdout);
  } finally {
    await srv.stop();
  }
});
