// Organisation model CRUD: validation, uniqueness, references, paging, filters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
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

test('lists answer the envelope with paging and search', async () => {
  const r = await admin.get('/api/v1/members?page=2&page_size=10');
  assert.equal(r.status, 200);
  assert.equal(r.body.page, 2);
  assert.equal(r.body.page_size, 10);
  assert.equal(r.body.items.length, 10);
  assert.equal(r.body.total, 250);
  const q = await admin.get(`/api/v1/members?q=${encodeURIComponent(r.body.items[0].name)}`);
  assert.ok(q.body.total >= 1);
  assert.ok(q.body.items.every((m) => m.name.includes(r.body.items[0].name)));
  for (const bad of ['page=0', 'page_size=101', 'page=x']) {
    const b = await admin.get(`/api/v1/members?${bad}`);
    assert.equal(b.status, 400, bad);
    assert.equal(b.body.error.code, 'validation_failed');
  }
});

test('member filters by sector, party, standing and special committee', async () => {
  const sectors = await admin.get('/api/v1/sectors?page_size=100');
  const sector = sectors.body.items.find((s) => s.name === '教育界');
  const r = await admin.get(`/api/v1/members?sector_id=${sector.id}&page_size=100`);
  assert.ok(r.body.total > 0);
  assert.ok(r.body.items.every((m) => m.sector_id === sector.id && m.sector_name === '教育界'));
  const standing = await admin.get('/api/v1/members?is_standing=true&page_size=100');
  assert.ok(standing.body.total > 0 && standing.body.total < 250);
  assert.ok(standing.body.items.every((m) => m.is_standing === true));
  const sc = await admin.get('/api/v1/special-committees');
  const econ = sc.body.items.find((s) => s.name === '经济委员会');
  const inEcon = await admin.get(`/api/v1/members?special_committee_id=${econ.id}&page_size=100`);
  assert.ok(inEcon.body.total > 0);
  assert.ok(inEcon.body.items.every((m) => m.special_committee_ids.includes(econ.id)));
});

test('sector CRUD with uniqueness and references', async () => {
  let r = await admin.post('/api/v1/sectors', { name: '新经济界', description: '新经济组织', sort: 99 });
  assert.equal(r.status, 201);
  const id = r.body.id;
  assert.equal(r.body.name, '新经济界');
  r = await admin.post('/api/v1/sectors', { name: '新经济界' });
  assert.equal(r.status, 400);
  assert.equal(r.body.error.fields.name, '已存在相同的记录');
  r = await admin.patch(`/api/v1/sectors/${id}`, { description: '新的社会阶层' });
  assert.equal(r.status, 200);
  assert.equal(r.body.description, '新的社会阶层');
  assert.equal(r.body.name, '新经济界');
  r = await admin.get(`/api/v1/sectors/${id}`);
  assert.equal(r.body.description, '新的社会阶层');
  // A sector with members cannot be deleted.
  const used = (await admin.get('/api/v1/sectors?q=教育界')).body.items[0];
  r = await admin.del(`/api/v1/sectors/${used.id}`);
  assert.equal(r.status, 409);
  assert.equal(r.body.error.code, 'referenced');
  assert.match(r.body.error.message, /委员/);
  r = await admin.del(`/api/v1/sectors/${id}`);
  assert.equal(r.status, 204);
  r = await admin.get(`/api/v1/sectors/${id}`);
  assert.equal(r.status, 404);
  assert.equal(r.body.error.code, 'not_found');
});

test('member create validates every field and links an account', async () => {
  let r = await admin.post('/api/v1/members', { name: '', mobile: '12345', sector_id: 999999, gender: 'x', extra: 1 });
  assert.equal(r.status, 400);
  const f = r.body.error.fields;
  assert.ok(f.name && f.mobile && f.sector_id && f.gender && f.extra, JSON.stringify(f));
  r = await admin.post('/api/v1/members', { name: '张三', mobile: 13800000000, sector_id: 1 });
  assert.equal(r.body.error.fields.mobile, '应为文本');
  const sectors = (await admin.get('/api/v1/sectors')).body.items;
  const parties = (await admin.get('/api/v1/parties')).body.items;
  const sc = (await admin.get('/api/v1/special-committees')).body.items;
  r = await admin.post('/api/v1/members', {
    name: '欧阳明',
    gender: 'female',
    mobile: '13511112222',
    sector_id: sectors[3].id,
    party_id: parties[2].id,
    is_standing: true,
    employer: '汉江区某医院',
    title: '副院长',
    special_committee_ids: [sc[1].id, sc[2].id],
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.party_name, parties[2].name);
  assert.deepEqual(r.body.special_committee_ids, [sc[1].id, sc[2].id].sort((a, b) => a - b));
  assert.ok(r.body.user_id > 0);
  const id = r.body.id;
  // The same mobile twice is refused.
  r = await admin.post('/api/v1/members', { name: '重复', mobile: '13511112222', sector_id: sectors[0].id });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.mobile);
  // Clearing the party with null.
  r = await admin.patch(`/api/v1/members/${id}`, { party_id: null, special_committee_ids: [] });
  assert.equal(r.status, 200);
  assert.equal(r.body.party_id, null);
  assert.deepEqual(r.body.special_committee_ids, []);
});

test('units carry contacts; bad contacts are refused', async () => {
  let r = await admin.post('/api/v1/units', {
    name: '区数据局',
    kind: 'government',
    contact_phone: '027-83600000',
    contacts: [{ name: '陈晨', title: '科长', phone: '13600001111' }],
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.contacts[0].name, '陈晨');
  r = await admin.post('/api/v1/units', { name: '区某局', contacts: [{ title: '无名' }] });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.contacts);
  r = await admin.post('/api/v1/units', { name: '区某局', contact_phone: 'abc' });
  assert.ok(r.body.error.fields.contact_phone);
});

test('special committees link counterpart units', async () => {
  const units = (await admin.get('/api/v1/units?page_size=3')).body.items;
  let r = await admin.post('/api/v1/special-committees', { name: '港澳台侨和外事委员会', unit_ids: units.map((u) => u.id) });
  assert.equal(r.status, 201);
  assert.equal(r.body.units.length, 3);
  r = await admin.post('/api/v1/special-committees', { name: '另一个委员会', unit_ids: [987654] });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.fields.unit_ids);
});

test('terms and sessions: one current session', async () => {
  let r = await admin.post('/api/v1/terms', { number: 15, name: '第十五届', start_date: '2027-01-01', end_date: '2031-12-31' });
  assert.equal(r.status, 201);
  const term = r.body.id;
  r = await admin.post('/api/v1/terms', { number: 16, name: '第十六届', start_date: '2027-02-30', end_date: '2031-12-31' });
  assert.equal(r.body.error.fields.start_date, '日期格式应为 YYYY-MM-DD');
  r = await admin.post('/api/v1/sessions', { term_id: term, number: 1, name: '十五届一次会议', start_date: '2027-01-08', end_date: '2027-01-11', is_current: true });
  assert.equal(r.status, 201);
  const sessions = (await admin.get('/api/v1/sessions?is_current=true')).body;
  assert.equal(sessions.total, 1);
  assert.equal(sessions.items[0].id, r.body.id);
  r = await admin.del(`/api/v1/terms/${term}`);
  assert.equal(r.status, 409);
});

test('committees: children of the current one', async () => {
  let r = await admin.get('/api/v1/committees');
  assert.equal(r.status, 200);
  const own = admin.user.committee_id;
  assert.ok(r.body.items.some((c) => c.id === own));
  // A district creates no committees; its city creates districts under itself only (issue 14).
  r = await admin.post('/api/v1/committees', { parent_id: own, name: '汉江区某街道政协联络处', level: 'district' });
  assert.equal(r.status, 403, JSON.stringify(r.body));
  const city = admin.user.committees.find((c) => c.id !== own).id;
  assert.equal((await admin.post('/api/v1/auth/committee', { committee_id: city })).status, 200);
  r = await admin.post('/api/v1/committees', { parent_id: city, name: '汉江新区政协', level: 'district' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  r = await admin.post('/api/v1/committees', { parent_id: 99999, name: '别处', level: 'district' });
  assert.equal(r.status, 400);
  assert.equal((await admin.post('/api/v1/auth/committee', { committee_id: own })).status, 200);
});

test('oversize bodies get 413, unknown routes 404, wrong methods 405', async () => {
  const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
  let r = await admin.request('POST', '/api/v1/sectors', big, { headers: { 'content-type': 'application/json' } });
  assert.equal(r.status, 413);
  assert.equal(r.body.error.code, 'payload_too_large');
  r = await admin.get('/api/v1/nothing-here');
  assert.equal(r.status, 404);
  assert.equal(r.body.error.code, 'not_found');
  r = await admin.request('PUT', '/api/v1/sectors', {});
  assert.equal(r.status, 405);
  r = await admin.get('/api/v1/sectors/abc');
  assert.equal(r.status, 404);
});

test('ids of another committee are not found', async () => {
  // Create a unit in the city committee, then look for it from the district.
  const city = admin.user.committees.find((c) => c.id !== admin.user.committee_id);
  const other = new Client(srv.baseUrl);
  await other.login('admin', 'Admin12345');
  await other.post('/api/v1/auth/committee', { committee_id: city.id });
  const sec = await other.post('/api/v1/sectors', { name: '市级界别' });
  assert.equal(sec.status, 201);
  let r = await admin.get(`/api/v1/sectors/${sec.body.id}`);
  assert.equal(r.status, 404);
  r = await admin.patch(`/api/v1/sectors/${sec.body.id}`, { name: '改名' });
  assert.equal(r.status, 404);
  r = await admin.del(`/api/v1/sectors/${sec.body.id}`);
  assert.equal(r.status, 404);
  // And it cannot be referenced from here either.
  r = await admin.post('/api/v1/members', { name: '跨会', mobile: '13522223333', sector_id: sec.body.id });
  assert.equal(r.status, 400);
  assert.match(r.body.error.fields.sector_id, /不属于本委员会/);
});

test('proposal staff list the leaders (to name them for key proposals), and nothing else of the accounts', async () => {
  const staff = new Client(srv.baseUrl);
  await staff.login('tianwei', 'Staff12345');
  const r = await staff.get('/api/v1/users?role=leader&page_size=100');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.ok(r.body.total >= 1);
  // A picker's fields only: no login names, mobiles or grants.
  for (const u of r.body.items) assert.deepEqual(Object.keys(u).sort(), ['id', 'name']);
  const zhuxi = (await admin.get('/api/v1/users?q=zhuxi')).body.items.find((u) => u.username === 'zhuxi');
  assert.ok(r.body.items.some((u) => u.id === zhuxi.id), 'the demo leader is listed');
  // The admin filters by role too, and sees the full accounts; every one listed holds that role here.
  const a = await admin.get('/api/v1/users?role=leader&page_size=100');
  assert.equal(a.status, 200);
  assert.ok(a.body.items.every((u) => u.grants.some((g) => g.role === 'leader')), JSON.stringify(a.body.items));
  assert.deepEqual(r.body.items.map((u) => u.id), a.body.items.filter((u) => u.status === 'active').map((u) => u.id));
  // Any other list, or one account, stays the admin's.
  for (const path of ['/api/v1/users', '/api/v1/users?role=admin', '/api/v1/users?role=member', `/api/v1/users/${zhuxi.id}`])
    assert.equal((await staff.get(path)).status, 403, path);
  const member = new Client(srv.baseUrl);
  await member.login('13900000001', 'Member12345');
  assert.equal((await member.get('/api/v1/users?role=leader')).status, 403);
  const bad = await admin.get('/api/v1/users?role=king');
  assert.equal(bad.status, 400);
  assert.ok(bad.body.error.fields.role);
});
