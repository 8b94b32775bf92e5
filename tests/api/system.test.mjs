// Health, metrics, OpenAPI, security headers, request ids, compression, the front end's files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import http from 'node:http';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';

let srv;
before(async () => {
  srv = await startServer();
});
after(async () => {
  await srv.stop();
});

test('healthz checks the database', async () => {
  const r = await fetch(`${srv.baseUrl}/healthz`);
  assert.equal(r.status, 200);
  assert.deepEqual(await r.json(), { status: 'ok', database: 'ok' });
});

test('every response carries security headers and a request id', async () => {
  for (const path of ['/healthz', '/api/v1/nothing', '/api/v1/auth/me']) {
    const r = await fetch(srv.baseUrl + path);
    const csp = r.headers.get('content-security-policy');
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(r.headers.get('referrer-policy'));
    assert.match(r.headers.get('x-request-id'), /^[0-9a-f]{16}$/);
  }
  const echoed = await fetch(`${srv.baseUrl}/healthz`, { headers: { 'x-request-id': 'trace-abc-123' } });
  assert.equal(echoed.headers.get('x-request-id'), 'trace-abc-123');
  // The access log line is written just after the answer is sent.
  for (let i = 0; i < 50 && !srv.log().includes('"request_id":"trace-abc-123"'); i++) await new Promise((r) => setTimeout(r, 20));
  assert.match(srv.log(), /"request_id":"trace-abc-123"/);
});

test('the access log is one JSON object per line', async () => {
  await fetch(`${srv.baseUrl}/healthz`);
  const lines = srv.log().split('\n').filter((l) => l.startsWith('{"ts"'));
  assert.ok(lines.length > 0);
  for (const l of lines) {
    const j = JSON.parse(l);
    assert.ok(j.request_id && j.method && j.path && typeof j.status === 'number' && typeof j.ms === 'number');
  }
});

test('metrics expose requests, latency, pool and connections', async () => {
  await fetch(`${srv.baseUrl}/healthz`);
  const text = await (await fetch(`${srv.baseUrl}/metrics`)).text();
  assert.match(text, /shangliang_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
  assert.match(text, /shangliang_http_request_duration_seconds_bucket\{method="GET",route="\/healthz",le="\+Inf"\} \d+/);
  assert.match(text, /shangliang_db_pool_connections\{state="open"\} \d+/);
  assert.match(text, /shangliang_http_open_connections \d+/);
});

test('OpenAPI describes every route, including these known ones', async () => {
  const doc = await (await fetch(`${srv.baseUrl}/api/v1/openapi.json`)).json();
  assert.equal(doc.openapi, '3.1.0');
  const expected = [
    ['post', '/api/v1/auth/login'], ['get', '/api/v1/auth/captcha'], ['post', '/api/v1/auth/logout'],
    ['get', '/api/v1/auth/me'], ['post', '/api/v1/auth/password'], ['post', '/api/v1/auth/sms/send'],
    ['post', '/api/v1/auth/sms/login'], ['post', '/api/v1/auth/password/reset'],
    ['post', '/api/v1/members/import/preview'], ['post', '/api/v1/members/import'],
    ['post', '/api/v1/units/import/preview'], ['post', '/api/v1/units/import'], ['get', '/api/v1/audit'],
    ['get', '/healthz'], ['get', '/metrics'],
  ];
  for (const res of ['committees', 'terms', 'sessions', 'sectors', 'parties', 'special-committees', 'units', 'members', 'users']) {
    expected.push(['get', `/api/v1/${res}`], ['post', `/api/v1/${res}`], ['get', `/api/v1/${res}/{id}`],
      ['patch', `/api/v1/${res}/{id}`], ['delete', `/api/v1/${res}/{id}`]);
  }
  for (const [method, path] of expected) {
    assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path} missing from openapi.json`);
    assert.ok(doc.paths[path][method].summary, `${path} has no summary`);
  }
  // And every documented operation answers something other than "no such route".
  const c = new Client(srv.baseUrl);
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) {
      const concrete = path.replace(/\{[^}]+\}/g, '1');
      const r = await c.request(method.toUpperCase(), concrete, method === 'get' || method === 'delete' ? undefined : {});
      const routeMissing = r.status === 404 && r.body?.error?.message === '接口不存在';
      assert.ok(!routeMissing && r.status !== 405, `${method} ${path} is documented but not routed (${r.status})`);
    }
  }
});

test('large JSON answers are gzip-compressed for clients that accept it', async () => {
  const c = new Client(srv.baseUrl);
  await c.login('admin', 'Admin12345');
  const body = await new Promise((resolve, reject) => {
    const req = http.get(`${srv.baseUrl}/api/v1/members?page_size=100`, {
      headers: { cookie: c.cookie, 'accept-encoding': 'gzip' },
    }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => resolve({ enc: res.headers['content-encoding'], buf: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
  assert.equal(body.enc, 'gzip');
  const json = JSON.parse(gunzipSync(body.buf).toString());
  assert.equal(json.items.length, 100);
});

test('the front end is served with client-route fallback and cache rules', { skip: !existsSync(new URL('../../web/dist/index.html', import.meta.url)) }, async () => {
  const index = await fetch(`${srv.baseUrl}/`);
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type'), /text\/html/);
  assert.equal(index.headers.get('cache-control'), 'no-cache');
  const html = await index.text();
  const deep = await fetch(`${srv.baseUrl}/admin/members`);
  assert.equal(deep.status, 200);
  assert.equal(await deep.text(), html);
  const asset = html.match(/\/assets\/[^"]+\.js/)[0];
  const a = await fetch(srv.baseUrl + asset);
  assert.equal(a.status, 200);
  assert.match(a.headers.get('cache-control'), /max-age=31536000/);
  const missing = await fetch(`${srv.baseUrl}/assets/nope.js`);
  assert.equal(missing.status, 404);
});
