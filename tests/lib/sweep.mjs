// Helpers for the bad-input sweep (tests/api/bad_input_sweep.test.mjs): a raw HTTP sender that
// can send what fetch refuses (bodies on GET, any bytes, a declared length with no body, any
// Content-Type) and reports a dropped connection instead of throwing, and a snapshot of the row
// count of every table of the test database.
import http from 'node:http';
import { execFileSync, spawn } from 'node:child_process';

/**
 * Sends one request on a fresh connection. `body` is a string or Buffer (sent as is). Resolves
 * { status, headers, text, json } or { error } when the connection dropped or timed out.
 * `declaredLength` sends a Content-Length header without the body (to test the size check).
 */
export function send(baseUrl, { method, path, headers = {}, body, declaredLength, timeoutMs = 30000 }) {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    let done = false;
    const finish = (r) => {
      if (!done) {
        done = true;
        resolve(r);
      }
    };
    const h = { ...headers };
    let payload = null;
    if (declaredLength !== undefined) h['content-length'] = String(declaredLength);
    else if (body !== undefined) {
      payload = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
      h['content-length'] = String(payload.length);
    }
    let req;
    try {
      req = http.request({ host: url.hostname, port: url.port, method, path, headers: h, agent: false });
    } catch (e) {
      finish({ error: `client could not send: ${e.message}` });
      return;
    }
    req.setTimeout(timeoutMs, () => {
      finish({ error: `no answer within ${timeoutMs} ms` });
      req.destroy();
    });
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          json = null;
        }
        finish({ status: res.statusCode, headers: res.headers, text, json });
        if (declaredLength !== undefined) req.destroy();
      });
      res.on('error', (e) => finish({ error: `answer cut off: ${e.message}` }));
    });
    // An error after a complete answer (the server closed while the client was still sending a
    // refused body) is not a dropped connection: `finish` keeps the first outcome.
    req.on('error', (e) => finish({ error: `connection dropped: ${e.code || e.message}` }));
    if (payload) req.end(payload);
    else if (declaredLength !== undefined) req.flushHeaders();
    else req.end();
  });
}

/** What is wrong with `r` as an error answer (a 4xx with the JSON envelope), or null. */
export function envelopeProblem(r, expectStatus) {
  if (r.error) return r.error;
  if (expectStatus !== undefined && r.status !== expectStatus) return `status ${r.status}, expected ${expectStatus}`;
  if (r.status < 400 || r.status > 499) return `status ${r.status}`;
  if (!/^application\/json/.test(r.headers['content-type'] || '')) return `content-type ${r.headers['content-type']}`;
  const e = r.json && r.json.error;
  if (!e || typeof e !== 'object') return 'no error envelope';
  if (typeof e.code !== 'string' || !e.code) return 'error.code missing';
  if (typeof e.message !== 'string' || !e.message.trim()) return 'error.message empty';
  return null;
}

/**
 * Row counts of every table of the database at `databaseUrl` (SQLite file or PostgreSQL URL),
 * plus the newest audit row's hash. Full-text shadow tables (SQLite FTS5) are left out: the
 * server merges their segments in the background.
 */
export function tableCounter(databaseUrl) {
  const sqlite = databaseUrl.startsWith('sqlite:');
  const file = sqlite ? databaseUrl.slice('sqlite:'.length) : null;
  const run = (sql) =>
    sqlite
      ? execFileSync('sqlite3', ['-cmd', '.timeout 10000', '-separator', '|', file, sql], { encoding: 'utf8' })
      : execFileSync('psql', [databaseUrl, '-X', '-At', '-F', '|', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
          encoding: 'utf8',
        });
  let tables;
  if (sqlite) {
    const rows = run("SELECT name, type, COALESCE(sql, '') LIKE 'CREATE VIRTUAL TABLE%' FROM sqlite_master " +
      "WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .trim()
      .split('\n')
      .map((l) => l.split('|'));
    const virtual = rows.filter((r) => r[2] === '1').map((r) => r[0]);
    tables = rows
      .map((r) => r[0])
      .filter((n) => !virtual.includes(n) && !virtual.some((v) => n.startsWith(`${v}_`)));
  } else {
    tables = run("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
      .trim()
      .split('\n')
      .filter(Boolean);
  }
  if (!tables.includes('audit_log')) throw new Error(`no audit_log table among ${tables.join(', ')}`);
  const q = (n) => `"${n}"`;
  const sql =
    tables.map((t) => `SELECT '${t}', CAST(COUNT(*) AS TEXT) FROM ${q(t)}`).join(' UNION ALL ') +
    " UNION ALL SELECT 'audit_log.last_hash', COALESCE((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '')";
  // One shell for all snapshots (a process per snapshot costs more than the counting): each
  // query is followed by a marker line that ends its answer.
  const shell = sqlite
    ? spawn('sqlite3', ['-cmd', '.timeout 10000', '-separator', '|', file], { stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn('psql', [databaseUrl, '-X', '-At', '-F', '|', '-v', 'ON_ERROR_STOP=1'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let waiting = null;
  shell.stdout.on('data', (d) => {
    out += d;
    const end = out.indexOf('__END__\n');
    if (end >= 0 && waiting) {
      const text = out.slice(0, end);
      out = out.slice(end + 8);
      const w = waiting;
      waiting = null;
      w.resolve(text);
    }
  });
  shell.stderr.on('data', (d) => (err += d));
  shell.on('exit', (code) => waiting && waiting.reject(new Error(`database shell ended (${code}): ${err}`)));
  return {
    tables,
    /** Resolves { table: count, 'audit_log.last_hash': hash }. */
    snapshot() {
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        shell.stdin.write(`${sql};\nSELECT '__END__';\n`);
      }).then((text) => {
        const result = {};
        for (const line of text.trim().split('\n')) {
          const i = line.indexOf('|');
          result[line.slice(0, i)] = line.slice(i + 1);
        }
        if (!('audit_log' in result)) throw new Error(`no counts read: ${text} ${err}`);
        return result;
      });
    },
    close() {
      shell.stdin.end();
    },
  };
}

/** The keys whose values differ between two snapshots, as "table: a → b". */
export function snapshotDiff(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => a[k] !== b[k]).map((k) => `${k}: ${a[k]} → ${b[k]}`);
}
