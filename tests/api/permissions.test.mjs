// Roles and data scopes, one check per role at least.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';

let srv;
const as = {};
before(async () => {
  srv = await startServer();
  const logins = {
    admin: ['admin', 'Admin12345'],
    staff: ['tianwei', 'Staff12345'],
    committeeStaff: ['jingji', 'Staff12345'],
    group: ['minmeng', 'Group12345'],
    unit: ['fagaiju', 'Unit12345'],
    unitLeader: ['fagaiju_lead', 'Unit12345'],
    otherUnit: ['minzhengju', 'Unit12345'],
    leader: ['zhuxi', 'Leader12345'],
    supervisor: ['ducha', 'Super12345'],
    member: ['13900000001', 'Member12345'],
  };
  for (const [k, [l, p]] of Object.entries(logins)) {
    as[k] = new Client(srv.baseUrl);
    await as[k].login(l, p);
  }
});
after(async () => {
  await srv.stop();
});

test('a member cannot list users, members or the audit log', async () => {
  for (const path of ['/api/v1/users', '/api/v1/members', '/api/v1/audit']) {
    const r = await as.member.get(path);
    assert.equal(r.status, 403, path);
    assert.equal(r.body.error.code, 'forbidden');
  }
});

test('a member reads reference data but cannot write it', async () => {
  assert.equal((await as.member.get('/api/v1/sectors')).status, 200);
  const r = await as.member.post('/api/v1/sectors', { name: '委员自建界别' });
  assert.equal(r.status, 403);
});

test('a member sees unit names but not their contacts', async () => {
  const r = await as.member.get('/api/v1/units?page_size=100');
  assert.equal(r.status, 200);
  assert.ok(r.body.total >= 30);
  assert.ok(r.body.items.every((u) => u.contacts === undefined && u.contact_phone === undefined));
});

test('unit staff see their own unit only, not another unit even by id', async () => {
  const own = await as.unit.get('/api/v1/units?page_size=100');
  assert.equal(own.body.total, 1);
  assert.equal(own.body.items[0].name, '区发展和改革局');
  assert.ok(Array.isArray(own.body.items[0].contacts));
  const all = (await as.admin.get('/api/v1/units?page_size=100')).body.items;
  const minzheng = all.find((u) => u.name === '区民政局');
  const r = await as.unit.get(`/api/v1/units/${minzheng.id}`);
  assert.equal(r.status, 404);
  const mine = await as.otherUnit.get(`/api/v1/units/${minzheng.id}`);
  assert.equal(mine.status, 200);
  assert.equal((await as.unit.get('/api/v1/members')).status, 403);
  assert.equal((await as.unitLeader.patch(`/api/v1/units/${own.body.items[0].id}`, { address: '改' })).status, 403);
});

test('a group contact lists only their party members', async () => {
  const r = await as.group.get('/api/v1/members?page_size=100');
  assert.equal(r.status, 200);
  assert.ok(r.body.total > 0);
  assert.ok(r.body.items.every((m) => m.party_name === '民盟'), JSON.stringify(r.body.items.map((m) => m.party_name)));
  const any = (await as.admin.get('/api/v1/members?page_size=100')).body.items.find((m) => m.party_name !== '民盟');
  assert.equal((await as.group.get(`/api/v1/members/${any.id}`)).status, 404);
});

test('staff, leaders and supervisors read members; only admins and proposal staff write', async () => {
  for (const k of ['staff', 'committeeStaff', 'leader', 'supervisor']) {
    const r = await as[k].get('/api/v1/members?page_size=1');
    assert.equal(r.status, 200, k);
    assert.equal(r.body.total, 250);
  }
  const sectors = (await as.admin.get('/api/v1/sectors')).body.items;
  const w = await as.staff.post('/api/v1/members', { name: '提案委新建', mobile: '13544445555', sector_id: sectors[0].id });
  assert.equal(w.status, 201);
  for (const k of ['committeeStaff', 'leader', 'supervisor']) {
    const r = await as[k].post('/api/v1/sectors', { name: `${k}界别` });
    assert.equal(r.status, 403, k);
  }
});

test('only the admin manages users and grants', async () => {
  assert.equal((await as.staff.get('/api/v1/users')).status, 403);
  const list = await as.admin.get('/api/v1/users?q=fagaiju');
  assert.equal(list.status, 200);
  const u = list.body.items.find((x) => x.username === 'fagaiju');
  assert.equal(u.password_hash, undefined);
  assert.equal(u.grants[0].role, 'unit_staff');
  // Grant requires the scope that fits the role.
  let r = await as.admin.post(`/api/v1/users/${u.id}/grants`, { role: 'unit_leader' });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.unit_id);
  r = await as.admin.post(`/api/v1/users/${u.id}/grants`, { role: 'leader' });
  assert.equal(r.status, 201);
  const g = r.body.grants.find((x) => x.role === 'leader');
  r = await as.admin.del(`/api/v1/users/${u.id}/grants/${g.id}`);
  assert.equal(r.status, 204);
  // A new user needs a role and a password of the right strength.
  r = await as.admin.post('/api/v1/users', { username: 'newclerk', name: '新文员', password: 'weak', grants: [] });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.password && r.body.error.fields.grants);
  r = await as.admin.post('/api/v1/users', { username: 'newclerk', name: '新文员', password: 'Clerk12345', grants: [{ role: 'proposal_staff' }] });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const clerk = new Client(srv.baseUrl);
  const me = await clerk.login('newclerk', 'Clerk12345');
  assert.equal(me.must_change_password, true);
});

test('the last admin grant cannot be revoked', async () => {
  const me = (await as.admin.get('/api/v1/auth/me')).body.user;
  const users = await as.admin.get('/api/v1/users?q=admin');
  const self = users.body.items.find((u) => u.id === me.id);
  const g = self.grants.find((x) => x.role === 'admin');
  const r = await as.admin.del(`/api/v1/users/${me.id}/grants/${g.id}`);
  assert.equal(r.status, 409);
});

test("a committee's admin cannot touch another committee", async () => {
  // The admin, in the city committee, creates a second district and an admin for it only
  // (a district creates no committees: issue 14).
  const root = new Client(srv.baseUrl);
  await root.login('admin', 'Admin12345');
  const city = root.user.committees.find((c) => c.id !== root.user.committee_id).id;
  assert.equal((await root.post('/api/v1/auth/committee', { committee_id: city })).status, 200);
  const created = await root.post('/api/v1/committees', { parent_id: city, name: '汉江区测试分会', level: 'district' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  await root.post('/api/v1/auth/committee', { committee_id: created.body.id });
  const r = await root.post('/api/v1/users', {
    username: 'branchadmin', name: '分会管理员', password: 'Branch12345', grants: [{ role: 'admin' }],
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const branch = new Client(srv.baseUrl);
  await branch.login('branchadmin', 'Branch12345');
  await branch.post('/api/v1/auth/password', { old_password: 'Branch12345', new_password: 'Branch67890' });
  // It sees no district data and cannot reach district records by id.
  assert.equal((await branch.get('/api/v1/members')).body.total, 0);
  const districtSector = (await as.admin.get('/api/v1/sectors')).body.items[0];
  assert.equal((await branch.get(`/api/v1/sectors/${districtSector.id}`)).status, 404);
  assert.equal((await branch.del(`/api/v1/sectors/${districtSector.id}`)).status, 404);
  const fagaiju = (await as.admin.get('/api/v1/users?q=fagaiju')).body.items[0];
  assert.equal((await branch.get(`/api/v1/users/${fagaiju.id}`)).status, 404);
  assert.equal((await branch.post(`/api/v1/users/${fagaiju.id}/grants`, { role: 'admin' })).status, 404);
  assert.equal((await branch.post('/api/v1/auth/committee', { committee_id: as.admin.user.committee_id })).status, 403);
});
