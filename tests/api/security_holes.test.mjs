// Issue 14's findings, each reproduced as an attacker would try it: a deeply nested body that
// stopped the server, account takeover through member records, admins reaching accounts outside
// their subtree, committee creation, similar proposals leaking, reply files before release,
// split-handling approvals, collective proposals in another group's name, reassigned units,
// calendar edits without audit, and .xlsx uploads that expand without bound.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { startServer } from '../lib/server.mjs';
import { Client, demoClients } from '../lib/client.mjs';

let srv;
let as;
let units;
before(async () => {
  srv = await startServer();
  as = await demoClients(srv.baseUrl, ['admin', 'staff', 'unit', 'lead', 'other', 'member', 'group']);
  units = Object.fromEntries((await as.admin.get('/api/v1/units?page_size=100')).body.items.map((u) => [u.name, u.id]));
});
after(async () => {
  await srv.stop();
});

function assertEnvelope(r, status) {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(typeof r.body.error.code, 'string');
  assert.ok(r.body.error.message.length > 0);
}

test('a body nested 200,000 deep is refused with 400 and the server stays up', async () => {
  const deep = `{"login":"a","password":"b","x":${'['.repeat(200000)}${']'.repeat(200000)}}`;
  const r = await fetch(`${srv.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep });
  assert.equal(r.status, 400);
  const body = await r.json();
  assert.equal(body.error.code, 'bad_request');
  assert.match(body.error.message, /嵌套/);
  assert.equal((await fetch(`${srv.baseUrl}/healthz`)).status, 200);
  // A signed-in route too, and 65 levels is one too many while 60 pass the parser.
  const session = await as.staff.post('/api/v1/proposals/similar', JSON.parse(`{"title":"养老服务设施建设","x":${'['.repeat(60)}${']'.repeat(60)}}`));
  assert.equal(session.status, 400);
  assert.equal(session.body.error.code, 'validation_failed', 'a 60-deep body reaches validation (unknown field)');
  const tooDeep = await as.staff.request('POST', '/api/v1/proposals/similar', `{"title":"养老服务设施建设","x":${'['.repeat(65)}${']'.repeat(65)}}`, { headers: { 'content-type': 'application/json' } });
  assertEnvelope(tooDeep, 400);
  assert.match(tooDeep.body.error.message, /嵌套/);
});

test('staff cannot take over an account by creating or editing a member with its mobile', async () => {
  const adminUsers = (await as.admin.get('/api/v1/users?q=admin')).body.items;
  const adminUser = adminUsers.find((u) => u.username === 'admin');
  assert.ok(adminUser && adminUser.mobile);
  const sector = (await as.staff.get('/api/v1/sectors?page_size=1')).body.items[0];
  // 1. A member with the admin's mobile is created, but the admin's account is not linked.
  const m = await as.staff.post('/api/v1/members', { name: '冒名委员', mobile: adminUser.mobile, sector_id: sector.id });
  assert.equal(m.status, 201, JSON.stringify(m.body));
  assert.equal(m.body.user_id, null);
  assert.equal(m.body.account, 'pending_consent');
  assert.equal(m.body.initial_password, undefined);
  // 2. Editing that member's mobile leaves the admin's login mobile alone.
  const edit = await as.staff.patch(`/api/v1/members/${m.body.id}`, { mobile: '13811112222' });
  assert.equal(edit.status, 200, JSON.stringify(edit.body));
  let after = (await as.admin.get(`/api/v1/users/${adminUser.id}`)).body;
  assert.equal(after.mobile, adminUser.mobile, "the admin's mobile is unchanged");
  assert.equal(edit.body.account, 'linked', 'the new mobile got an account of its own');
  assert.notEqual(edit.body.user_id, adminUser.id);
  // 3. A linked member's mobile cannot be rewritten by staff at all.
  const relink = await as.staff.patch(`/api/v1/members/${m.body.id}`, { mobile: '13811113333' });
  assertEnvelope(relink, 400);
  assert.ok(relink.body.error.fields.mobile);
  // 4. The demo member's account: staff cannot move its login mobile either.
  const member = (await as.staff.get('/api/v1/members?q=13900000001')).body.items[0];
  const move = await as.staff.patch(`/api/v1/members/${member.id}`, { mobile: '13811114444' });
  assertEnvelope(move, 400);
  const again = new Client(srv.baseUrl);
  await again.login('13900000001', 'Member12345');
  // 5. Nor through /users: the login mobile is the holder's to change.
  const viaUsers = await as.admin.patch(`/api/v1/users/${adminUser.id}`, { mobile: '13811115555' });
  assertEnvelope(viaUsers, 400);
  after = (await as.admin.get(`/api/v1/users/${adminUser.id}`)).body;
  assert.equal(after.mobile, adminUser.mobile);
  // An unchanged mobile in an edit form is fine.
  const same = await as.admin.patch(`/api/v1/users/${adminUser.id}`, { mobile: adminUser.mobile, name: adminUser.name });
  assert.equal(same.status, 200, JSON.stringify(same.body));
});

test('linking an existing account to a member waits for its holder, who accepts from their own session', async () => {
  const sector = (await as.staff.get('/api/v1/sectors?page_size=1')).body.items[0];
  const staffUser = (await as.admin.get('/api/v1/users?q=tianwei')).body.items.find((u) => u.username === 'tianwei');
  const m = await as.admin.post('/api/v1/members', { name: '田伟', mobile: staffUser.mobile, sector_id: sector.id });
  assert.equal(m.status, 201, JSON.stringify(m.body));
  assert.equal(m.body.account, 'pending_consent');
  // Someone else cannot accept it.
  const links = (await as.staff.get('/api/v1/me/member-links')).body.items;
  assert.deepEqual(links.map((l) => l.member_id), [m.body.id]);
  assert.equal((await as.unit.get('/api/v1/me/member-links')).body.items.length, 0);
  assertEnvelope(await as.unit.post(`/api/v1/me/member-links/${m.body.id}/accept`), 404);
  // The holder accepts: the member is linked and the account gains the member role here.
  const ok = await as.staff.post(`/api/v1/me/member-links/${m.body.id}/accept`);
  assert.equal(ok.status, 204, JSON.stringify(ok.body));
  const linked = (await as.admin.get(`/api/v1/members/${m.body.id}`)).body;
  assert.equal(linked.user_id, staffUser.id);
  assert.equal(linked.account, 'linked');
  const me = (await as.staff.get('/api/v1/auth/me')).body;
  assert.ok(JSON.stringify(me).includes('"member"'), 'the member role is granted');
  const audit = (await as.admin.get('/api/v1/audit?page_size=20')).body.items.map((e) => e.action);
  assert.ok(audit.includes('member.link_accept'), audit.join(','));
  assertEnvelope(await as.staff.post(`/api/v1/me/member-links/${m.body.id}/accept`), 404);
});

test('an admin manages only accounts that lie wholly in their committee or below', async () => {
  // A district-only admin, made by the admin who holds grants in the city too.
  const d = await as.admin.post('/api/v1/users', { username: 'district_admin', name: '区管理员', password: 'Dist12345x', grants: [{ role: 'admin' }] });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  const da = new Client(srv.baseUrl);
  await da.login('district_admin', 'Dist12345x');
  await da.post('/api/v1/auth/password', { old_password: 'Dist12345x', new_password: 'Dist12345y' });
  const adminUser = (await da.get('/api/v1/users?q=admin')).body.items.find((u) => u.username === 'admin');
  assert.ok(adminUser, 'the district admin lists the admin account (it holds a role here)');
  for (const [what, call] of [
    ['password', () => da.patch(`/api/v1/users/${adminUser.id}`, { password: 'Taken12345x' })],
    ['disable', () => da.patch(`/api/v1/users/${adminUser.id}`, { status: 'disabled' })],
    ['delete', () => da.del(`/api/v1/users/${adminUser.id}`)],
  ]) {
    const r = await call();
    assertEnvelope(r, 403);
    assert.match(r.body.error.message, /其他委员会/, what);
  }
  await new Client(srv.baseUrl).login('admin', 'Admin12345');
  // An account with roles in this district only is theirs to manage.
  const staffUser = (await da.get('/api/v1/users?q=ducha')).body.items.find((u) => u.username === 'ducha');
  const r = await da.patch(`/api/v1/users/${staffUser.id}`, { password: 'Super12345b' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
});

test('committees are created downwards only, and only from a province or a city', async () => {
  const district = await as.admin.post('/api/v1/committees', { name: '某街道政协工作委员会', parent_id: as.admin.user.committee_id, level: 'district' });
  assertEnvelope(district, 403);
  const me = (await as.admin.get('/api/v1/auth/me')).body.user;
  const districtId = me.committee_id;
  const cityId = me.committees.find((c) => c.id !== districtId).id;
  const sw = await as.admin.post('/api/v1/auth/committee', { committee_id: cityId });
  assert.equal(sw.status, 200, JSON.stringify(sw.body));
  const wrongLevel = await as.admin.post('/api/v1/committees', { name: '汉江新区政协', parent_id: cityId, level: 'city' });
  assertEnvelope(wrongLevel, 400);
  const ok = await as.admin.post('/api/v1/committees', { name: '汉江新区政协', parent_id: cityId, level: 'district' });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  const back = await as.admin.post('/api/v1/auth/committee', { committee_id: districtId });
  assert.equal(back.status, 200);
  assert.equal(back.body.user.committee_id, districtId);
});

async function draft(client, extra = {}) {
  const r = await client.post('/api/v1/proposals', {
    title: '关于推进老旧小区加装电梯的建议',
    situation: '我区老旧小区多为六层以下住宅，老年住户上下楼困难。',
    analysis: '加装电梯涉及业主意见协调、资金分摊和管线迁移，进展缓慢。',
    suggestions: '一、简化审批流程；二、设立财政补贴；三、引入社会资本参与运营维护。',
    category: '城市建设',
    ...extra,
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}
async function must(client, id, action, payload = {}) {
  const p = (await client.get(`/api/v1/proposals/${id}`)).body;
  const r = await client.post(`/api/v1/proposals/${id}/transitions`, { action, version: p.version, ...payload });
  assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
  return r.body;
}

test('similar proposals show members only what they may see, staff everything', async () => {
  const other = new Client(srv.baseUrl);
  const sector = (await as.staff.get('/api/v1/sectors?page_size=1')).body.items[0];
  const created = await as.admin.post('/api/v1/members', { name: '秦岚', mobile: '13811116666', sector_id: sector.id });
  await other.login('13811116666', created.body.initial_password);
  await other.post('/api/v1/auth/password', { old_password: created.body.initial_password, new_password: 'Other12345x' });
  const secret = await draft(other, { title: '关于在滨江片区建设无人机物流试验走廊的建议', situation: '滨江片区低空空域条件较好，无人机物流试验走廊可以带动产业。', suggestions: '建设无人机物流试验走廊，配套起降场和低空监管平台。' });
  await must(other, secret.id, 'submit');
  const probe = { title: '关于建设无人机物流试验走廊的建议', body: '滨江片区无人机物流试验走廊，起降场和低空监管平台。' };
  const staffSees = (await as.staff.post('/api/v1/proposals/similar', probe)).body.items.map((i) => i.proposal_id);
  assert.ok(staffSees.includes(secret.id), 'staff see the match');
  const memberSees = await as.member.post('/api/v1/proposals/similar', probe);
  assert.equal(memberSees.status, 200);
  assert.ok(!memberSees.body.items.some((i) => i.proposal_id === secret.id), 'a member does not');
  assert.ok(!JSON.stringify(memberSees.body).includes('秦岚'), "nor the proposer's name");
  assert.ok(memberSees.body.items.every((i) => i.visible || i.published), 'only what the member may see, or published');
  const unitSees = await as.unit.post('/api/v1/proposals/similar', probe);
  assert.ok(!unitSees.body.items.some((i) => i.proposal_id === secret.id), 'nor a unit it is not assigned to');
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
function upload(client, id, name) {
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), name);
  return client.request('POST', `/api/v1/proposals/${id}/attachments`, form);
}

test('reply files wait for their reply; only their unit or staff delete them', async () => {
  const p = await draft(as.member);
  await must(as.member, p.id, 'submit');
  await must(as.staff, p.id, 'file');
  await must(as.staff, p.id, 'assign', { handling_type: 'lead_co', units: [{ unit_id: units['区发展和改革局'], role: 'lead' }, { unit_id: units['区民政局'], role: 'co' }] });
  await must(as.other, p.id, 'sign');
  await must(as.unit, p.id, 'sign');
  const lead = await upload(as.unit, p.id, '答复附件.pdf');
  assert.equal(lead.status, 201, JSON.stringify(lead.body));
  const co = await upload(as.other, p.id, '协办意见.pdf');
  assert.equal(co.status, 201, JSON.stringify(co.body));
  // The proposer sees neither file, in the list or by id, before the reply is released.
  const list = (await as.member.get(`/api/v1/proposals/${p.id}/attachments`)).body.items.map((a) => a.id);
  assert.ok(!list.includes(lead.body.id) && !list.includes(co.body.id), JSON.stringify(list));
  assertEnvelope(await as.member.get(`/api/v1/proposals/${p.id}/attachments/${lead.body.id}`), 404);
  assert.equal((await as.unit.get(`/api/v1/proposals/${p.id}/attachments/${lead.body.id}`, { raw: true })).status, 200);
  // The co-unit cannot delete the lead unit's file; the lead unit deletes its own.
  assertEnvelope(await as.other.del(`/api/v1/proposals/${p.id}/attachments/${lead.body.id}`), 403);
  assertEnvelope(await as.unit.del(`/api/v1/proposals/${p.id}/attachments/${co.body.id}`), 403);
  assert.equal((await as.unit.get(`/api/v1/proposals/${p.id}/attachments`)).body.items.length, 2);
  assert.equal((await as.other.del(`/api/v1/proposals/${p.id}/attachments/${co.body.id}`)).status, 204);
  // Released: the lead unit's file reaches the proposer.
  await must(as.unit, p.id, 'record_consultation', { method: 'phone', held_on: '2026-01-20', people: '王敏委员', content: '电话沟通了加装电梯补贴政策。' });
  await must(as.unit, p.id, 'submit_reply', { body: '关于加装电梯的答复正文。', result_category: 'B' });
  await must(as.lead, p.id, 'approve_reply');
  await must(as.staff, p.id, 'pass_reply');
  const released = (await as.member.get(`/api/v1/proposals/${p.id}/attachments`)).body.items.map((a) => a.id);
  assert.deepEqual(released, [lead.body.id]);
  assert.equal((await as.member.get(`/api/v1/proposals/${p.id}/attachments/${lead.body.id}`, { raw: true })).status, 200);
});

test("under split handling a unit leader approves their own unit's reply only", async () => {
  const p = await draft(as.member, { title: '关于统筹社区养老和托育服务的建议' });
  await must(as.member, p.id, 'submit');
  await must(as.staff, p.id, 'file');
  await must(as.staff, p.id, 'assign', { handling_type: 'split', units: [{ unit_id: units['区发展和改革局'], role: 'lead' }, { unit_id: units['区民政局'], role: 'lead' }] });
  await must(as.unit, p.id, 'sign');
  const second = await must(as.other, p.id, 'sign');
  assert.equal(second.state, 'in_handling', "a split's second lead unit signs while the first handles");
  await must(as.other, p.id, 'record_consultation', { method: 'phone', held_on: '2026-01-21', people: '王敏委员', content: '电话沟通。' });
  const s = await must(as.other, p.id, 'submit_reply', { body: '民政局的答复。', result_category: 'A' });
  assert.equal(s.state, 'reply_unit_review');
  const cur = (await as.lead.get(`/api/v1/proposals/${p.id}`)).body;
  const r = await as.lead.post(`/api/v1/proposals/${p.id}/transitions`, { action: 'approve_reply', version: cur.version });
  assert.notEqual(r.status, 200, "the 发改局 leader cannot approve 民政局's reply");
  const after = (await as.staff.get(`/api/v1/proposals/${p.id}`)).body;
  assert.equal(after.state, 'reply_unit_review');
  assert.ok(after.replies.every((x) => x.state === 'unit_review'), JSON.stringify(after.replies));
});

test("a member cannot label a draft as another party's collective proposal", async () => {
  const parties = (await as.member.get('/api/v1/parties?page_size=50')).body.items;
  const minmeng = parties.find((x) => x.name.includes('民盟'));
  const r = await as.member.post('/api/v1/proposals', { title: '关于优化营商环境的建议', situation: '情况', suggestions: '建议', category: '经济建设', group_type: 'party', group_id: minmeng.id });
  assertEnvelope(r, 400);
  assert.ok(r.body.error.fields.group_id);
  const p = await draft(as.member);
  const edit = await as.member.patch(`/api/v1/proposals/${p.id}`, { version: p.version, group_type: 'party', group_id: minmeng.id });
  assertEnvelope(edit, 400);
  // The party's own contact may.
  const ok = await as.group.post('/api/v1/proposals', { title: '关于优化营商环境的建议', situation: '情况', suggestions: '建议', category: '经济建设', group_type: 'party', group_id: minmeng.id });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  const other = parties.find((x) => x.id !== minmeng.id);
  const wrong = await as.group.post('/api/v1/proposals', { title: '关于优化营商环境的建议', situation: '情况', suggestions: '建议', category: '经济建设', group_type: 'party', group_id: other.id });
  assertEnvelope(wrong, 400);
});

test('calendar edits are audited, one transaction each', async () => {
  const set = await as.staff.post('/api/v1/calendar-days', { day: '2031-10-08', kind: 'holiday', name: '国庆调休' });
  assert.equal(set.status, 201);
  const del = await as.staff.del('/api/v1/calendar-days/2031-10-08');
  assert.equal(del.status, 204);
  assertEnvelope(await as.staff.del('/api/v1/calendar-days/2031-10-08'), 404);
  const audit = (await as.admin.get('/api/v1/audit?page_size=10')).body.items;
  const actions = audit.map((e) => e.action);
  assert.ok(actions.includes('calendar.set') && actions.includes('calendar.delete'), actions.join(','));
});

/** A minimal .xlsx whose one shared string of `bytes` is referenced by `cells` cells. */
function bombXlsx(bytes, rows, cols) {
  const files = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${'委'.repeat(Math.floor(bytes / 3))}</t></si></sst>`,
  };
  const row = '<c t="s"><v>0</v></c>'.repeat(cols);
  let sheet = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  for (let r = 1; r <= rows; r++) sheet += `<row r="${r}">${row}</row>`;
  files['xl/worksheets/sheet1.xml'] = sheet + '</sheetData></worksheet>';
  return zip(files);
}

/** A zip of `files` (name → text), deflated. */
function zip(files) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const packed = deflateRawSync(data, { level: 9 });
    const nameBuf = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(0, 6); head.writeUInt16LE(8, 8);
    head.writeUInt32LE(0, 10); head.writeUInt32LE(crc32(data), 14); head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22); head.writeUInt16LE(nameBuf.length, 26); head.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10); central.writeUInt32LE(0, 12); central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += head.length + nameBuf.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(files).length, 8); end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

test('an .xlsx that expands without bound is refused with 413 and a Chinese message', async () => {
  // One 300 KB shared string in 200 × 50 cells: about 3 GB if every cell copied it.
  const bomb = bombXlsx(300000, 200, 50);
  assert.ok(bomb.length < 400000, `the upload is small (${bomb.length} bytes)`);
  const form = new FormData();
  form.append('file', new Blob([bomb]), 'members.xlsx');
  const started = Date.now();
  const r = await as.admin.request('POST', '/api/v1/members/import/preview', form);
  assertEnvelope(r, 413);
  assert.match(r.body.error.message, /表格/);
  assert.ok(Date.now() - started < 20000, 'refused quickly');
  assert.equal((await fetch(`${srv.baseUrl}/healthz`)).status, 200);
});
