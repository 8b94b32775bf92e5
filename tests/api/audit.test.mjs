// The audit log: every write recorded with before/after; `audit verify` finds a changed row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, runCli } from '../lib/server.mjs';
import { Client, DEMO_LOGINS } from '../lib/client.mjs';

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

/** A GET of the log that must be refused with the error envelope naming `field`. */
async function refused(query, field) {
  const r = await admin.get(`/api/v1/audit?${query}`);
  assert.equal(r.status, 400, `${query}: ${JSON.stringify(r.body)}`);
  assert.equal(r.body.error.code, 'validation_failed', query);
  assert.ok(r.body.error.fields[field], `${query}: ${JSON.stringify(r.body.error)}`);
}

test('the log filters by person, kind of action, one action, record type and dates', async () => {
  const sector = await admin.post('/api/v1/sectors', { name: '审计筛选界别' });
  assert.equal(sector.status, 201, JSON.stringify(sector.body));
  await admin.patch(`/api/v1/sectors/${sector.body.id}`, { description: '改过' });
  const me = (await admin.get('/api/v1/auth/me')).body.user;

  let r = await admin.get('/api/v1/audit?action=sector&page_size=100');
  assert.equal(r.status, 200);
  assert.ok(r.body.items.length >= 2);
  assert.ok(r.body.items.every((i) => i.action.startsWith('sector.')), 'a kind is every action of it');
  r = await admin.get('/api/v1/audit?action=sector.update');
  assert.ok(r.body.items.length >= 1 && r.body.items.every((i) => i.action === 'sector.update'));
  assert.equal(r.body.items[0].subject_label, '审计筛选界别', 'the record is named');
  r = await admin.get('/api/v1/audit?action=auth&page_size=100');
  assert.ok(r.body.items.some((i) => i.action === 'auth.login'));
  assert.ok(r.body.items.every((i) => i.action.startsWith('auth.')));

  r = await admin.get(`/api/v1/audit?actor=${me.id}&subject_type=sector&page_size=100`);
  assert.ok(r.body.items.length >= 2);
  assert.ok(r.body.items.every((i) => i.actor_user_id === me.id && i.subject_type === 'sector'));
  r = await admin.get('/api/v1/audit?actor=999999');
  assert.equal(r.body.total, 0);

  // the day in China Standard Time, the days the filter speaks of
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  r = await admin.get(`/api/v1/audit?from=${today}&to=${today}&action=sector.create`);
  assert.ok(r.body.items.some((i) => i.subject_id === String(sector.body.id)), 'today holds the creation');
  r = await admin.get('/api/v1/audit?from=2099-01-01');
  assert.equal(r.body.total, 0);
  r = await admin.get('/api/v1/audit?to=2000-01-01');
  assert.equal(r.body.total, 0);

  // deleted: still named by what its last entry kept
  await admin.del(`/api/v1/sectors/${sector.body.id}`);
  r = await admin.get(`/api/v1/audit?subject_type=sector&subject_id=${sector.body.id}`);
  assert.ok(r.body.items.every((i) => i.subject_label === '审计筛选界别'), JSON.stringify(r.body.items.map((i) => i.subject_label)));
});

test('bad filters are refused with the error envelope', async () => {
  await refused('from=2026-13-01', 'from');
  await refused('to=tomorrow', 'to');
  await refused('from=2026-10-09&to=2026-10-01', 'to');
  await refused('action=%25', 'action');
  await refused('action=proposal.submit%27--', 'action');
  await refused('action=a.b.c', 'action');
  await refused('subject_type=Proposal', 'subject_type');
  await refused('subject_type=proposal%20OR%201', 'subject_type');
  await refused('actor=abc', 'actor');
  await refused('actor=0', 'actor');
  await refused(`subject=${'长'.repeat(61)}`, 'subject');
  const r = await admin.get('/api/v1/audit?page_size=1000');
  assert.equal(r.status, 400);
});

test('a proposal is found by its number or title and named by its number', async () => {
  const member = new Client(srv.baseUrl);
  await member.login(...DEMO_LOGINS.member);
  const staff = new Client(srv.baseUrl);
  await staff.login(...DEMO_LOGINS.staff);
  const title = '关于审计日志筛选测试的建议';
  let p = (
    await member.post('/api/v1/proposals', {
      title,
      situation: '现状说明。',
      analysis: '原因分析。',
      suggestions: '具体建议。',
      category: '社会事业',
      keywords: '审计',
    })
  ).body;
  const step = async (client, action) => {
    const r = await client.post(`/api/v1/proposals/${p.id}/transitions`, { action, version: p.version });
    assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
    p = (await staff.get(`/api/v1/proposals/${p.id}`)).body;
  };
  await step(member, 'submit');
  await step(staff, 'file');
  assert.ok(p.number_label, JSON.stringify(p));
  const digits = p.number_label.match(/第(\d+)号/)[1];

  for (const subject of [digits, String(Number(digits)), '审计日志筛选测试']) {
    const r = await admin.get(`/api/v1/audit?subject=${encodeURIComponent(subject)}&page_size=100`);
    assert.equal(r.status, 200);
    const actions = r.body.items.filter((i) => i.subject_id === String(p.id)).map((i) => i.action);
    assert.ok(actions.includes('proposal.file') && actions.includes('proposal.submit'), `${subject}: ${actions}`);
    assert.ok(r.body.items.every((i) => i.subject_type === 'proposal'));
  }
  const r = await admin.get(`/api/v1/audit?subject_type=proposal&subject_id=${p.id}&action=proposal.file`);
  assert.equal(r.body.items[0].subject_label, p.number_label);
  assert.equal(r.body.items[0].subject_title, title);
  assert.equal(r.body.items[0].role, 'proposal_staff');
});
