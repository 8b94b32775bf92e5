// Starts the real shangliang binary for black-box and browser tests: a fresh database (SQLite in
// a temporary folder, or the PostgreSQL database named by SL_TEST_PG_URL with a fresh schema),
// a free loopback port, the demo data, and the test-only routes. Collects its output so tests
// can read what the log SMS gateway "sent".
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { createRequire } from 'node:module';

const BIN = process.env.SL_BIN || new URL('../../build/server/shangliang', import.meta.url).pathname;

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

let pgCounter = 0;

/** A fresh database URL: SQLite by default, a new PostgreSQL database when SL_TEST_PG_ADMIN_URL is set. */
async function freshDatabase(dir) {
  const admin = process.env.SL_TEST_PG_ADMIN_URL;
  if (!admin) return { url: `sqlite:${join(dir, 'test.db')}`, drop: async () => {} };
  const name = `sl_test_${process.pid}_${Date.now()}_${pgCounter++}`;
  await psql(admin, `CREATE DATABASE ${name} ENCODING 'UTF8' LOCALE 'C.UTF-8' TEMPLATE template0`);
  const url = admin.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  return { url, drop: async () => psql(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

function psql(url, sql) {
  return new Promise((resolve, reject) => {
    const p = spawn('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql failed: ${err}`))));
  });
}

/** Runs the binary with `args` against `databaseUrl`, returning { code, stdout, stderr }. */
export function runCli(args, databaseUrl, env = {}) {
  return new Promise((resolve) => {
    const p = spawn(BIN, args, { env: { ...process.env, SHANGLIANG_DATABASE_URL: databaseUrl, ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Starts a server. Options: env (extra environment), demo (default true), databaseUrl (an existing
 * database, as a second node of it; default a fresh one).
 * Returns { baseUrl, databaseUrl, log(), stop(signal), process, exited }.
 */
export async function startServer({ env = {}, demo = true, databaseUrl = null } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sl-test-'));
  // Another node of an existing database: its owner drops the database.
  const db = databaseUrl ? { url: databaseUrl, drop: async () => {} } : await freshDatabase(dir);
  const port = await freePort();
  let output = '';
  const args = ['serve'];
  if (demo) args.push('--demo');
  const child = spawn(BIN, args, {
    env: {
      ...process.env,
      SHANGLIANG_DATABASE_URL: db.url,
      SHANGLIANG_HTTP_LISTEN: `127.0.0.1:${port}`,
      SHANGLIANG_TEST_ROUTES: '1',
      SHANGLIANG_SEARCH_REPLICA_DIR: dir,
      SHANGLIANG_HTTP_WEB_ROOT: new URL('../../web/dist', import.meta.url).pathname,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const r = await fetch(`${baseUrl}/healthz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl,
    databaseUrl: db.url,
    process: child,
    exited,
    log: () => output,
    /** Stops the process but keeps its database (for restore tests). */
    async halt() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      // Server-side errors are the first thing to read when a test fails.
      const errors = output.split('\n').filter((l) => / (error|critical) /.test(l));
      if (errors.length) console.error(`server errors:\n${errors.slice(0, 20).join('\n')}`);
      await db.drop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The last SMS code the log gateway "sent" to `phone`, from the server's output. */
export function lastSmsCode(server, phone) {
  const lines = server.log().split('\n').filter((l) => l.includes('sms gateway=log') && l.includes(`phone=${phone}`));
  if (!lines.length) return null;
  const m = lines[lines.length - 1].match(/验证码是 (\d{6})/);
  return m ? m[1] : null;
}

export const requireCjs = createRequire(import.meta.url);
