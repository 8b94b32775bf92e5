// Member and unit import: preview with row problems, all-or-nothing commit, templates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

function upload(bytes, filename, type = 'text/csv') {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), filename);
  return form;
}

const header = '姓名,性别,手机号,界别,党派,是否常委,工作单位,职务';
const good1 = '林晓,女,13600000001,教育界,民盟,否,汉江区第二中学,教师';
const good2 = '"欧,阳",男,13600000002,经济界,,是,"武汉某""实业""公司",董事长';
const bad = '赵无名,未知,1360000,不存在的界别,民盟,也许,,';

test('a file with one bad row: the preview names each problem, the commit imports nothing', async () => {
  const csv = [header, good1, bad, good2].join('\r\n');
  const before = (await admin.get('/api/v1/members?page_size=1')).body.total;
  const p = await admin.post('/api/v1/members/import/preview', upload(csv, 'members.csv'));
  assert.equal(p.status, 200, JSON.stringify(p.body));
  assert.equal(p.body.total, 3);
  assert.equal(p.body.valid, 2);
  assert.equal(p.body.invalid, 1);
  const row = p.body.rows.find((r) => r.errors.length);
  assert.equal(row.row, 3);
  const cols = row.errors.map((e) => e.column).sort();
  // Every problem of the row, those found reading the cells and those of the record's own checks.
  for (const c of ['性别', '手机号', '界别', '是否常委']) assert.ok(cols.includes(c), `${c} in ${cols}`);
  assert.equal(p.body.rows[2].data['工作单位'], '武汉某"实业"公司');
  assert.equal(p.body.rows[2].data['姓名'], '欧,阳');
  // The preview wrote nothing.
  assert.equal((await admin.get('/api/v1/members?page_size=1')).body.total, before);
  const c = await admin.post('/api/v1/members/import', upload(csv, 'members.csv'));
  assert.equal(c.status, 400);
  assert.equal(c.body.error.code, 'validation_failed');
  assert.ok(Array.isArray(c.body.error.rows));
  assert.equal((await admin.get('/api/v1/members?page_size=1')).body.total, before);
  assert.equal((await admin.get('/api/v1/members?q=林晓')).body.total, 0);
});

test('a bad mobile is reported with the column title', async () => {
  const csv = [header, '', '钱多,男,1234,教育界,,否,,'].join('\n');
  const p = await admin.post('/api/v1/members/import/preview', upload(csv, 'm.csv'));
  assert.equal(p.body.rows[0].row, 3, 'row numbers are the file\'s own, blank lines included');
  assert.equal(p.body.rows[0].errors[0].column, '手机号');
  assert.match(p.body.rows[0].errors[0].reason, /手机号码格式不正确/);
});

test('a row with a wrong 界别 and a wrong mobile shows both problems, each worded once', async () => {
  const csv = [header, good1.replace('林晓', '孙二'), '钱二,男,12345,不存在界,不存在党,否,,'].join('\n');
  const p = await admin.post('/api/v1/members/import/preview', upload(csv, 'm.csv'));
  assert.equal(p.status, 200, JSON.stringify(p.body));
  assert.equal(p.body.invalid, 1);
  assert.deepEqual(p.body.rows[0].errors, []);
  const errors = p.body.rows[1].errors;
  assert.deepEqual(errors.map((e) => e.column).sort(), ['党派', '手机号', '界别'].sort(), JSON.stringify(errors));
  // The web shows "column: reason": the reason does not name the column again.
  assert.equal(errors.find((e) => e.column === '界别').reason, '“不存在界”不存在');
  assert.equal(errors.find((e) => e.column === '党派').reason, '“不存在党”不存在');
  assert.match(errors.find((e) => e.column === '手机号').reason, /格式不正确/);
  // A missing required cell and a wrong choice are reported beside them, once per column.
  const csv2 = [header, ',未知,12345,,,也许,,'].join('\n');
  const p2 = await admin.post('/api/v1/members/import/preview', upload(csv2, 'm.csv'));
  const e2 = p2.body.rows[0].errors;
  assert.deepEqual(e2.map((e) => e.column).sort(), ['姓名', '性别', '手机号', '是否常委', '界别'].sort(), JSON.stringify(e2));
  assert.equal(e2.find((e) => e.column === '界别').reason, '必填');
  assert.equal(e2.find((e) => e.column === '性别').reason, '应为“男”或“女”');
  // The commit refuses with the same list and writes nothing.
  const c = await admin.post('/api/v1/members/import', upload(csv, 'm.csv'));
  assert.equal(c.status, 400);
  assert.deepEqual(c.body.error.rows[1].errors, errors);
  assert.equal((await admin.get('/api/v1/members?q=孙二')).body.total, 0);
});

test('duplicates inside the file and against the database are caught', async () => {
  const csv = [header, good1, good1.replace('林晓', '林晓二')].join('\n');
  const p = await admin.post('/api/v1/members/import/preview', upload(csv, 'm.csv'));
  assert.equal(p.body.invalid, 1);
  assert.equal(p.body.rows[1].errors[0].column, '手机号');
  const existing = (await admin.get('/api/v1/members?page_size=1')).body.items[0];
  const csv2 = [header, `甲乙,男,${existing.mobile},教育界,,否,,`].join('\n');
  const p2 = await admin.post('/api/v1/members/import/preview', upload(csv2, 'm.csv'));
  assert.equal(p2.body.invalid, 1);
});

test('the fixed file imports every row and returns the initial passwords', async () => {
  const csv = [header, good1, good2].join('\r\n');
  const c = await admin.post('/api/v1/members/import', upload(csv, 'members.csv'));
  assert.equal(c.status, 200, JSON.stringify(c.body));
  assert.equal(c.body.imported, 2);
  assert.equal(c.body.accounts.length, 2);
  const lin = c.body.accounts.find((a) => a.mobile === '13600000001');
  const m = await admin.get('/api/v1/members?q=林晓');
  assert.equal(m.body.total, 1);
  assert.equal(m.body.items[0].party_name, '民盟');
  assert.equal(m.body.items[0].gender, 'female');
  const member = new Client(srv.baseUrl);
  const user = await member.login('13600000001', lin.initial_password);
  assert.equal(user.must_change_password, true);
  assert.deepEqual(c.body.pending_consent, []);
});

test("an imported member whose mobile already signs in waits for that account's holder", async () => {
  // 田伟 (proposal staff) signs in with 13700000002: importing a member with it links nothing.
  const staffUser = (await admin.get('/api/v1/users?q=tianwei')).body.items.find((u) => u.username === 'tianwei');
  const csv = [header, `田伟,男,${staffUser.mobile},教育界,,否,,`].join('\n');
  const c = await admin.post('/api/v1/members/import', upload(csv, 'members.csv'));
  assert.equal(c.status, 200, JSON.stringify(c.body));
  assert.deepEqual(c.body.accounts, [], 'no password for an existing account');
  assert.deepEqual(c.body.pending_consent.map((x) => [x.row, x.name, x.mobile]), [[2, '田伟', staffUser.mobile]]);
  const m = (await admin.get(`/api/v1/members?q=${staffUser.mobile}`)).body.items[0];
  assert.equal(m.user_id, null);
  assert.equal(m.account, 'pending_consent');
});

test('an .xlsx made from the template imports', async () => {
  const t = await admin.get('/api/v1/members/import/template?format=xlsx', { raw: true });
  assert.equal(t.status, 200);
  assert.equal(t.body.subarray(0, 2).toString(), 'PK');
  assert.match(t.headers.get('content-disposition'), /attachment; filename\*=UTF-8''/);
  // Fill the template with python3-openpyxl, the way a clerk fills it in Excel.
  const dir = mkdtempSync(join(tmpdir(), 'sl-xlsx-'));
  const src = join(dir, 'template.xlsx');
  const out = join(dir, 'filled.xlsx');
  writeFileSync(src, t.body);
  execFileSync('/usr/bin/python3', ['-c', `
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.active
assert [c.value for c in ws[1]][:3] == ['姓名', '性别', '手机号'], [c.value for c in ws[1]]
ws.delete_rows(2)
ws.append(['韩梅', '女', 13600000003, '科学技术界', '九三学社', '是', '汉江区科协', '秘书长'])
wb.save(sys.argv[2])
`, src, out]);
  const c = await admin.post('/api/v1/members/import', upload(readFileSync(out), 'filled.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
  assert.equal(c.status, 200, JSON.stringify(c.body));
  const m = await admin.get('/api/v1/members?q=韩梅');
  assert.equal(m.body.items[0].mobile, '13600000003');
  assert.equal(m.body.items[0].is_standing, true);
  const csvT = await admin.get('/api/v1/members/import/template?format=csv', { raw: true });
  assert.equal(csvT.body.subarray(0, 3).toString('hex'), 'efbbbf');
});

test('a file that is not a spreadsheet is refused clearly', async () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  let r = await admin.post('/api/v1/members/import/preview', upload(png, 'photo.png', 'image/png'));
  assert.equal(r.status, 415);
  assert.match(r.body.error.message, /Excel|CSV/);
  r = await admin.post('/api/v1/members/import/preview', upload('', 'empty.csv'));
  assert.ok(r.status === 400 || r.status === 415);
  r = await admin.post('/api/v1/members/import/preview', upload('名字,电话\n张三,1', 'x.csv'));
  assert.equal(r.status, 400);
  assert.match(r.body.error.message, /缺少必需的列/);
  // JSON sent to an upload route is the wrong media type (issue 14: bodies are checked against the route).
  r = await admin.post('/api/v1/members/import/preview', { not: 'a file' });
  assert.equal(r.status, 415);
  assert.equal(r.body.error.code, 'unsupported_media_type');
});

test('units import the same way', async () => {
  const csv = ['单位名称,简称,类型,负责人,联系人,联系电话,地址', '区档案馆,档案馆,政府部门,刘明,王强,027-83001111,汉江区某路', '区发展和改革局,,政府部门,,,,'].join('\n');
  const p = await admin.post('/api/v1/units/import/preview', upload(csv, 'units.csv'));
  assert.equal(p.status, 200);
  assert.equal(p.body.invalid, 1);
  assert.equal(p.body.rows[1].errors[0].column, '单位名称');
  // A unit row with a wrong kind and a wrong phone: both, neither naming its column again.
  const bad = ['单位名称,简称,类型,负责人,联系人,联系电话,地址', '区某某局,,部门,,,电话,'].join('\n');
  const b = await admin.post('/api/v1/units/import/preview', upload(bad, 'units.csv'));
  const errors = b.body.rows[0].errors;
  assert.deepEqual(errors.map((e) => e.column).sort(), ['类型', '联系电话'].sort(), JSON.stringify(errors));
  assert.equal(errors.find((e) => e.column === '类型').reason, '应为“政府部门”、“党委部门”、“法院”、“检察院”、“国有企业”或“其他”');
  for (const e of errors) assert.ok(!e.reason.includes(e.column), `${e.column}: ${e.reason}`);
  const ok = await admin.post('/api/v1/units/import', upload(csv.split('\n').slice(0, 2).join('\n'), 'units.csv'));
  assert.equal(ok.status, 200);
  assert.equal(ok.body.imported, 1);
});

test('members cannot import', async () => {
  const m = new Client(srv.baseUrl);
  await m.login('13900000001', 'Member12345');
  const r = await m.post('/api/v1/members/import/preview', upload([header, good1].join('\n'), 'm.csv'));
  assert.equal(r.status, 403);
});
