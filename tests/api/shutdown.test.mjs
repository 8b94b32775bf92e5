// Graceful shutdown: a request in flight when SIGTERM arrives still gets its answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer } from '../lib/server.mjs';

test('SIGTERM lets an in-flight request finish, then the server exits 0', async () => {
  const srv = await startServer({ demo: false });
  const inflight = fetch(`${srv.baseUrl}/api/v1/test/slow?ms=1500`).then(async (r) => ({ status: r.status, body: await r.json() }));
  await new Promise((r) => setTimeout(r, 300));
  srv.process.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 200));
  // New connections are refused while it drains.
  await assert.rejects(
    new Promise((resolve, reject) => {
      const req = http.get(`${srv.baseUrl}/healthz`, { agent: false }, resolve);
      req.on('error', reject);
    }),
  );
  const answer = await inflight;
  assert.equal(answer.status, 200);
  assert.equal(answer.body.slept_ms, 1500);
  const exit = await srv.exited;
  assert.equal(exit.code, 0);
  assert.match(srv.log(), /shutdown complete \(0 requests still in flight\)/);
  await srv.stop();
});
