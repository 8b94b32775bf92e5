// Historical import of closed proposals (历史提案导入): the template, a preview with the suggested
// column mapping, a file with other headers and an explicit mapping, row errors and the
// all-or-nothing commit, the imported proposals in the staff list, and who may import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';
import { provincialCsv, PROVINCIAL_CATEGORIES } from '../data/history_provincial.mjs';

const SAMPLE = readFileSync(new URL('../data/history_sample.csv', import.meta.url));
const HEADER = '提案号,届次,标题,提案人,类别,提交日期,提案内容,承办单位,答复内容,办理结果,满意度';

let srv;
let staff;
before(async () => {
  srv = await startServer();
  staff = new Client(srv.baseUrl);
  await staff.login('tianwei', 'Staff12345');
});
after(async () => {
  await srv.stop();
});

function upload(bytes, filename = 'history.csv', mapping = undefined, choices = {}) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: filename.endsWith('.csv') ? 'text/csv' : 'application/octet-stream' }), filename);
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  if (choices.categories) form.append('category_map', JSON.stringify(choices.categories));
  if (choices.units) form.append('unit_map', JSON.stringify(choices.units));
  return form;
}

async function sessionNames() {
  const r = await staff.get('/api/v1/sessions?page_size=100');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.items.map((s) => s.name);
}

async function countByTitle(q) {
  const r = await staff.get(`/api/v1/proposals?q=${encodeURIComponent(q)}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.total;
}

async function unitId(name) {
  const r = await staff.get(`/api/v1/units?q=${encodeURIComponent(name)}&page_size=100`);
  const u = r.body.items.find((x) => x.name === name);
  assert.ok(u, `unit ${name}`);
  return u.id;
}

test('the template downloads as CSV and .xlsx with the Chinese headers and two example rows', async () => {
  const csv = await staff.get('/api/v1/proposals/import/template?format=csv', { raw: true });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  const text = csv.body.toString('utf8').replace(/^\uFEFF/, '');
  const lines = text.trim().split(/\r\n/);
  assert.equal(lines.length, 3);
  assert.equal(lines[0], '提案号,届次,标题,提案人,类别,提交日期,提案内容,承办单位,协办单位,答复内容,办理结果,满意度');
  assert.match(lines[1], /^十三届三次会议第0012号,十三届三次会议,关于加快老旧小区加装电梯的建议,王敏、李强,/);

  const xlsx = await staff.get('/api/v1/proposals/import/template?format=xlsx', { raw: true });
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  const dir = mkdtempSync(join(tmpdir(), 'sl-hist-'));
  const path = join(dir, 'template.xlsx');
  writeFileSync(path, xlsx.body);
  const rows = JSON.parse(
    execFileSync('/usr/bin/python3', [
      '-c',
      'import json,sys,openpyxl\nws=openpyxl.load_workbook(sys.argv[1]).active\nprint(json.dumps([[c if c is not None else "" for c in r] for r in ws.iter_rows(values_only=True)], ensure_ascii=False))',
      path,
    ]).toString(),
  );
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[0].slice(0, 4), ['提案号', '届次', '标题', '提案人']);
  assert.equal(rows[2][3], '民盟区委');

  // The template itself passes the preview: every column recognised, both rows correct.
  const p = await staff.post('/api/v1/proposals/import/preview', upload(xlsx.body, 'template.xlsx'));
  assert.equal(p.status, 200, JSON.stringify(p.body));
  assert.deepEqual(p.body.missing, []);
  assert.equal(p.body.total, 2);
  assert.equal(p.body.invalid, 0, JSON.stringify(p.body.rows));

  assert.equal((await staff.get('/api/v1/proposals/import/template?format=pdf')).status, 400);
});

test('the preview of the sample recognises the columns, counts the rows and writes nothing', async () => {
  const p = await staff.post('/api/v1/proposals/import/preview', upload(SAMPLE, 'history_sample.csv'));
  assert.equal(p.status, 200, JSON.stringify(p.body));
  assert.equal(p.body.total, 40);
  assert.equal(p.body.valid, 40, JSON.stringify(p.body.rows.filter((r) => r.errors.length)));
  assert.equal(p.body.invalid, 0);
  assert.deepEqual(p.body.headers, HEADER.split(','));
  assert.deepEqual(p.body.suggested_mapping, {
    number: '提案号',
    session: '届次',
    title: '标题',
    proposers: '提案人',
    category: '类别',
    date: '提交日期',
    body: '提案内容',
    units: '承办单位',
    co_units: null,
    reply: '答复内容',
    result: '办理结果',
    satisfaction: '满意度',
  });
  assert.deepEqual(p.body.missing, []);
  assert.deepEqual(p.body.new_sessions, ['十三届三次会议', '十三届四次会议']);
  assert.deepEqual(p.body.new_terms, [], 'the 13th term exists in the demo committee');
  assert.equal(p.body.rows[0].row, 2);
  assert.equal(p.body.rows[0].data['标题'], '关于加快老旧小区加装电梯工作的建议');
  assert.ok(p.body.fields.find((f) => f.field === 'title').required);
  // Nothing written.
  assert.ok(!(await sessionNames()).includes('十三届三次会议'));
  assert.equal(await countByTitle('加快老旧小区加装电梯工作'), 0);
});

test('a file with other headers: suggestions where they fit, an explicit mapping for the rest', async () => {
  const csv = [
    '流水号,会议届次,事由,署名,所属类别,日期,全文,责任单位,回复,结果,反馈',
    '3,政协武汉市汉江区第十三届委员会第五次会议,关于规范共享单车停放的建议,民建区委,城建类,2021/1/9,' +
      '共享单车方便了市民出行，但乱停乱放问题突出。建议划定停放区域，并对运营企业实行配额管理。,区交通运输局；区城市管理执法委员会,' +
      '您的建议收悉，我局已会同城管执法委划定停放区域。,Ａ类,满意',
    '十三届五次会议第0004号,,关于加强老年人防范电信诈骗宣传的建议,"赵敏, 周涛",政法,2021年1月10日,' +
      '近年来针对老年人的电信诈骗案件多发。建议在社区开展防诈骗宣传。,主办：区司法局 协办：区民政局,,,',
  ].join('\n');
  const bare = await staff.post('/api/v1/proposals/import/preview', upload(csv, 'other.csv'));
  assert.equal(bare.status, 200, JSON.stringify(bare.body));
  assert.deepEqual(bare.body.missing.sort(), ['提案人', '提案号', '标题'].sort(), 'units are optional');
  assert.deepEqual(bare.body.rows, [], 'rows are checked only when the required columns are known');
  assert.equal(bare.body.total, 2);
  assert.equal(bare.body.suggested_mapping.session, '会议届次');
  assert.equal(bare.body.suggested_mapping.category, '所属类别');
  assert.equal(bare.body.suggested_mapping.date, '日期');
  assert.equal(bare.body.suggested_mapping.title, null);

  const mapping = { number: '流水号', title: '事由', proposers: '署名', body: '全文', units: '责任单位', reply: '回复', result: '结果', satisfaction: '反馈' };
  const p = await staff.post('/api/v1/proposals/import/preview', upload(csv, 'other.csv', mapping));
  assert.equal(p.status, 200, JSON.stringify(p.body));
  assert.deepEqual(p.body.missing, []);
  assert.equal(p.body.mapping.session, '会议届次', 'fields the mapping leaves out keep the suggestion');
  assert.equal(p.body.valid, 2, JSON.stringify(p.body.rows));
  assert.deepEqual(p.body.new_sessions, ['十三届五次会议']);

  // A mapping naming a column the file does not have, or one column twice, is refused.
  const wrong = await staff.post('/api/v1/proposals/import/preview', upload(csv, 'other.csv', { title: '标题' }));
  assert.equal(wrong.status, 400);
  assert.match(wrong.body.error.message, /文件中没有“标题”列/);
  const twice = await staff.post('/api/v1/proposals/import/preview', upload(csv, 'other.csv', { title: '事由', body: '事由' }));
  assert.equal(twice.status, 400);
  // Committing without the mapping: the required columns are unknown.
  const unmapped = await staff.post('/api/v1/proposals/import/commit', upload(csv, 'other.csv'));
  assert.equal(unmapped.status, 400);
  assert.match(unmapped.body.error.message, /请先为这些字段选择文件中的列/);

  const c = await staff.post('/api/v1/proposals/import/commit', upload(csv, 'other.csv', mapping));
  assert.equal(c.status, 200, JSON.stringify(c.body));
  assert.equal(c.body.imported, 2);
  assert.deepEqual(c.body.new_sessions, ['十三届五次会议']);
  const [first, second] = await Promise.all(c.body.ids.map((id) => staff.get(`/api/v1/proposals/${id}`)));
  assert.equal(first.body.number_label, '十三届五次会议 第0003号');
  assert.equal(first.body.kind, 'collective');
  assert.equal(first.body.group_type, 'party');
  assert.equal(first.body.category, '城市建设');
  assert.equal(first.body.handling_type, 'lead_co');
  assert.deepEqual(first.body.assignments.map((a) => [a.unit_name, a.role]), [
    ['区交通运输局', 'lead'],
    ['区城市管理执法委员会', 'co'],
  ]);
  assert.equal(first.body.replies[0].result_category, 'A');
  assert.equal(first.body.satisfaction, 'satisfied');
  assert.equal(first.body.closed_at.slice(0, 10), '2021-01-09');
  assert.equal(second.body.number_label, '十三届五次会议 第0004号');
  assert.equal(second.body.kind, 'joint');
  assert.equal(second.body.proposer_name, '赵敏、周涛');
  assert.equal(second.body.category, '政治法律');
  assert.deepEqual(second.body.assignments.map((a) => [a.unit_name, a.role]), [
    ['区司法局', 'lead'],
    ['区民政局', 'co'],
  ]);
  assert.deepEqual(second.body.replies, [], 'no reply text and no result: no reply');
  assert.equal(second.body.satisfaction, null);
  assert.equal(second.body.state, 'closed');
});

test('row problems are named per row and column; a failing commit writes nothing', async () => {
  // An existing numbered proposal of the demo data, to collide with.
  const listed = await staff.get('/api/v1/proposals?state=closed&page_size=1');
  const existing = (await staff.get(`/api/v1/proposals/${listed.body.items[0].id}`)).body;
  assert.ok(existing.number > 0);
  const unit = '区发展和改革局';
  const row = (number, session, title, units = unit) => `${number},${session},${title},王敏,经济建设,2019-01-09,正文,${units},答复,A,满意`;
  const csv = [
    HEADER,
    row('0101', '十三届三次会议', '关于测试正确行的建议'),
    row('0102', '十三届三次会议', '关于测试未知单位的建议', `${unit}、区不存在局`),
    row('0103', '第三次会议', '关于测试届次的建议'),
    row('0104', '十三届三次会议', ''),
    row('0101', '十三届三次会议', '关于测试重复编号的建议'),
    row(String(existing.number), existing.session_name, '关于测试库中已有编号的建议'),
    `0107,十三届三次会议,关于测试办理结果的建议,王敏,经济建设,2019-13-45,正文,${unit},答复,E类,很不满意`,
  ].join('\r\n');
  const p = await staff.post('/api/v1/proposals/import/preview', upload(csv));
  assert.equal(p.status, 200, JSON.stringify(p.body));
  assert.equal(p.body.total, 7);
  assert.equal(p.body.valid, 2);
  assert.equal(p.body.invalid, 5);
  const problems = (n) => p.body.rows.find((r) => r.row === n).errors;
  assert.deepEqual(problems(2), []);
  // An unknown unit is no row error: it is listed once, to be mapped or created.
  assert.deepEqual(problems(3), []);
  assert.equal(p.body.rows.find((r) => r.row === 3).pending, true);
  assert.equal(p.body.pending, 1);
  assert.equal(p.body.unresolved, 1);
  assert.deepEqual(p.body.unknown_units.map((u) => [u.value, u.count, u.rows]), [['区不存在局', 1, [3]]]);
  assert.equal(problems(4)[0].column, '届次');
  assert.match(problems(4)[0].reason, /无法识别的届次“第三次会议”/);
  assert.equal(problems(5)[0].column, '标题');
  assert.match(problems(5)[0].reason, /标题必填/);
  assert.equal(problems(6)[0].column, '提案号');
  assert.match(problems(6)[0].reason, /与第 2 行重复/);
  assert.equal(problems(7)[0].column, '提案号');
  assert.match(problems(7)[0].reason, /已存在于系统中/);
  const cols8 = problems(8).map((e) => e.column).sort();
  assert.deepEqual(cols8, ['办理结果', '提交日期', '满意度'].sort());

  const sessionsBefore = await sessionNames();
  const c = await staff.post('/api/v1/proposals/import/commit', upload(csv));
  assert.equal(c.status, 400);
  assert.equal(c.body.error.code, 'validation_failed');
  assert.match(c.body.error.message, /有 5 行数据有误，未导入任何提案/);
  assert.equal(c.body.error.rows.length, 7);
  assert.equal(await countByTitle('关于测试正确行的建议'), 0);
  assert.deepEqual(await sessionNames(), sessionsBefore, 'no session created either');

  const notSheet = await staff.post('/api/v1/proposals/import/preview', upload(Buffer.from([0, 1, 2, 3]), 'x.xlsx'));
  assert.equal(notSheet.status, 415);
});

test('the committed sample: closed proposals with number, units and reply in the staff list', async () => {
  const c = await staff.post('/api/v1/proposals/import/commit', upload(SAMPLE, 'history_sample.csv'));
  assert.equal(c.status, 200, JSON.stringify(c.body));
  assert.equal(c.body.imported, 40);
  assert.deepEqual(c.body.new_sessions, ['十三届三次会议', '十三届四次会议']);

  const sessions = (await staff.get('/api/v1/sessions?page_size=100')).body.items;
  const s3 = sessions.find((s) => s.name === '十三届三次会议');
  assert.ok(s3);
  assert.equal(s3.start_date.slice(0, 4), '2019', 'the 13th term began in 2017');
  assert.ok(!s3.is_current);

  const list = await staff.get(`/api/v1/proposals?session_id=${s3.id}&page_size=100`);
  assert.equal(list.status, 200);
  assert.equal(list.body.total, 20);
  for (const item of list.body.items) {
    assert.equal(item.state, 'closed');
    assert.match(item.number_label, /^十三届三次会议 第00\d\d号$/);
  }
  const elevator = list.body.items.find((i) => i.title === '关于加快老旧小区加装电梯工作的建议');
  assert.equal(elevator.number_label, '十三届三次会议 第0001号');
  assert.equal(elevator.result_category, 'B');

  const d = (await staff.get(`/api/v1/proposals/${elevator.id}`)).body;
  assert.equal(d.imported, true);
  assert.equal(d.session_name, '十三届三次会议');
  assert.equal(d.proposer_name, '王建国');
  assert.equal(d.kind, 'individual');
  assert.deepEqual(d.assignments.map((a) => [a.unit_name, a.role, a.state]), [
    ['区住房和城市更新局', 'lead', 'replied'],
    ['区财政局', 'co', 'replied'],
  ]);
  assert.equal(d.replies.length, 1);
  assert.equal(d.replies[0].state, 'released');
  assert.equal(d.replies[0].unit_name, '区住房和城市更新局');
  assert.match(d.replies[0].body, /^王建国委员：/);
  assert.equal(d.feedback[0].rating, 'satisfied');
  assert.equal(d.replied_at.slice(0, 10), '2019-01-08');
  assert.match(d.situation, /老旧小区/);
  assert.match(d.suggestions, /^具体建议：/, 'the body is split where its suggestions begin');
  const handling = ['sign', 'submit_reply', 'pass_reply', 'feedback', 'close', 'assign'];
  assert.deepEqual(d.allowed_actions.filter((a) => handling.includes(a.action)), [], 'nothing left to handle');
  assert.ok(d.allowed_actions.some((a) => a.action === 'publish'), 'staff may publish it like any closed proposal');
  const history = (await staff.get(`/api/v1/proposals/${elevator.id}/history`)).body.items;
  assert.deepEqual(history.map((h) => h.action), ['import']);

  // A party as proposer: a collective proposal of that party.
  const party = list.body.items.find((i) => i.proposer_name === '民盟区委');
  const pd = (await staff.get(`/api/v1/proposals/${party.id}`)).body;
  assert.equal(pd.kind, 'collective');
  assert.equal(pd.group_type, 'party');

  // Units find them: the unit filter lists the imported proposals they handled.
  const finance = await unitId('区财政局');
  const byUnit = await staff.get(`/api/v1/proposals?unit_id=${finance}&session_id=${s3.id}`);
  assert.ok(byUnit.body.items.some((i) => i.id === elevator.id));
  const unitClerk = new Client(srv.baseUrl);
  await unitClerk.login('fagaiju', 'Unit12345');
  const mine = await unitClerk.get(`/api/v1/proposals?session_id=${s3.id}&page_size=100`);
  assert.ok(mine.body.items.some((i) => i.title === '关于进一步优化营商环境助力民营企业发展的建议'));

  // The same file again: every number is already there, nothing is imported.
  const again = await staff.post('/api/v1/proposals/import/commit', upload(SAMPLE, 'history_sample.csv'));
  assert.equal(again.status, 400);
  assert.equal(again.body.error.rows.filter((r) => r.errors.some((e) => /已存在于系统中/.test(e.reason))).length, 40);
  assert.equal((await staff.get(`/api/v1/proposals?session_id=${s3.id}`)).body.total, 20);

  // The import is in the audit log.
  const admin = new Client(srv.baseUrl);
  await admin.login('admin', 'Admin12345');
  const audit = await admin.get('/api/v1/audit?action=proposal.import');
  assert.equal(audit.status, 200);
  assert.ok(audit.body.items.some((e) => e.action === 'proposal.import'));
});

test('only administrators and proposal staff may import', async () => {
  const member = new Client(srv.baseUrl);
  await member.login('13900000001', 'Member12345');
  const unit = new Client(srv.baseUrl);
  await unit.login('fagaiju', 'Unit12345');
  for (const who of [member, unit]) {
    assert.equal((await who.get('/api/v1/proposals/import/template?format=csv')).status, 403);
    assert.equal((await who.post('/api/v1/proposals/import/preview', upload(SAMPLE))).status, 403);
    assert.equal((await who.post('/api/v1/proposals/import/commit', upload(SAMPLE))).status, 403);
  }
  const admin = new Client(srv.baseUrl);
  await admin.login('admin', 'Admin12345');
  const p = await admin.post('/api/v1/proposals/import/preview', upload(SAMPLE));
  assert.equal(p.status, 200);
  // Nobody can log in as the account that proposes imported proposals.
  const sys = new Client(srv.baseUrl);
  const r = await sys.post('/api/v1/auth/login', { login: 'history-import-2', password: '' });
  assert.notEqual(r.status, 200);
});

test('a provincial list with its own 14 categories and no units: unknown categories mapped or created, all rows imported', async () => {
  const csv = provincialCsv();
  const preview = await staff.post('/api/v1/proposals/import/preview', upload(csv, 'provincial.csv'));
  assert.equal(preview.status, 200, JSON.stringify(preview.body).slice(0, 2000));
  const p = preview.body;
  assert.equal(p.total, 436);
  assert.deepEqual(p.missing, [], 'no unit column is needed');
  assert.equal(p.mapping.units, null);
  assert.equal(p.invalid, 0, JSON.stringify(p.rows.filter((r) => r.errors.length).slice(0, 3)));
  assert.deepEqual(p.new_sessions, ['十二届五次会议']);
  assert.deepEqual(p.new_terms, ['第十二届']);
  assert.deepEqual(p.unknown_units, []);
  assert.deepEqual(p.categories, ['经济建设', '城市建设', '社会事业', '科教文卫', '政治法律', '其他']);

  // Each unknown category once, with how many rows carry it; 城乡建设 (a known synonym of
  // 城市建设) and 其他 are recognised.
  const counts = {};
  for (const line of csv.split('\r\n').slice(1, -1)) {
    const cat = PROVINCIAL_CATEGORIES.find((c) => line.includes(`,${c},2016`));
    counts[cat] = (counts[cat] ?? 0) + 1;
  }
  const unknown = Object.fromEntries(p.unknown_categories.map((u) => [u.value, u.count]));
  const expected = PROVINCIAL_CATEGORIES.filter((c) => !['城乡建设', '其他'].includes(c));
  assert.deepEqual(Object.keys(unknown).sort(), [...expected].sort());
  for (const c of expected) assert.equal(unknown[c], counts[c], c);
  assert.equal(p.unresolved, 12);
  assert.equal(p.pending, 436 - counts['城乡建设'] - counts['其他']);
  assert.ok(p.unknown_categories.every((u) => u.choice === null && u.rows.length >= 1));
  assert.equal(p.unknown_categories.find((u) => u.value === '经济发展').suggestion, '经济建设');

  // Committing before every unknown value has a choice is refused, and writes nothing.
  const early = await staff.post('/api/v1/proposals/import/commit', upload(csv, 'provincial.csv'));
  assert.equal(early.status, 400);
  assert.match(early.body.error.message, /还有 12 个系统中没有的类别或承办单位未选择处理方式/);
  assert.equal(early.body.error.unknown_categories.length, 12);
  assert.ok(!(await sessionNames()).includes('十二届五次会议'));

  // A choice naming a category that does not exist, or a malformed one, is refused.
  for (const [cats, pattern] of [
    [{ 教育事业: { action: 'map', to: '没有这个类别' } }, /类别“没有这个类别”不存在/],
    [{ 教育事业: { action: 'rename' } }, /action 应为 map/],
    [{ 教育事业: 'create' }, /应写明 action/],
    [[1, 2], /应为 JSON 对象/],
  ]) {
    const r = await staff.post('/api/v1/proposals/import/preview', upload(csv, 'provincial.csv', undefined, { categories: cats }));
    assert.equal(r.status, 400, JSON.stringify(cats));
    assert.equal(r.body.error.code, 'validation_failed');
    assert.match(r.body.error.message + JSON.stringify(r.body.error.fields ?? {}), pattern);
  }

  const categories = Object.fromEntries(expected.map((c) => [c, { action: 'create' }]));
  categories['教育事业'] = { action: 'map', to: '科教文卫' };
  categories['医疗卫生'] = { action: 'map', to: '科教文卫' };
  categories['法治建设'] = { action: 'map', to: '政治法律' };
  const ready = await staff.post('/api/v1/proposals/import/preview', upload(csv, 'provincial.csv', undefined, { categories }));
  assert.equal(ready.status, 200);
  assert.equal(ready.body.unresolved, 0);
  assert.equal(ready.body.pending, 0);
  assert.equal(ready.body.valid, 436);
  assert.deepEqual(ready.body.create_categories.sort(), expected.filter((c) => !['教育事业', '医疗卫生', '法治建设'].includes(c)).sort());
  assert.deepEqual(ready.body.unknown_categories.find((u) => u.value === '教育事业').choice, { action: 'map', to: '科教文卫' });

  const c = await staff.post('/api/v1/proposals/import/commit', upload(csv, 'provincial.csv', undefined, { categories }));
  assert.equal(c.status, 200, JSON.stringify(c.body).slice(0, 2000));
  assert.equal(c.body.imported, 436);
  assert.equal(c.body.new_categories.length, 9);
  assert.deepEqual(c.body.new_units, []);

  // The proposals carry the mapped and created categories; they have no units.
  const s = (await staff.get('/api/v1/sessions?page_size=100')).body.items.find((x) => x.name === '十二届五次会议');
  assert.equal((await staff.get(`/api/v1/proposals?session_id=${s.id}`)).body.total, 436);
  const first = (await staff.get(`/api/v1/proposals/${c.body.ids[0]}`)).body;
  assert.equal(first.title, '关于推进内河航运发展的建议（1）');
  assert.equal(first.category, '交通运输', 'a created category');
  assert.deepEqual(first.assignments, []);
  assert.equal(first.state, 'closed');
  assert.equal(first.number_label, '十二届五次会议 第0001号');
  const details = await Promise.all(c.body.ids.slice(0, 60).map((id) => staff.get(`/api/v1/proposals/${id}`)));
  const got = new Set(details.map((d) => d.body.category));
  for (const gone of ['教育事业', '医疗卫生', '法治建设']) assert.ok(!got.has(gone), `${gone} was mapped`);
  const lines = csv.split('\r\n').slice(1, -1);
  details.forEach((d, i) => {
    const cat = PROVINCIAL_CATEGORIES.find((x) => lines[i].includes(`,${x},2016`));
    const want = categories[cat]?.action === 'map' ? categories[cat].to : cat === '城乡建设' ? '城市建设' : cat;
    assert.equal(d.body.category, want, `row ${i + 2}`);
  });

  // The created categories joined the committee's list (proposal settings), after the six.
  const settings = (await staff.get('/api/v1/proposals/settings')).body;
  assert.deepEqual(settings.categories.slice(0, 6), ['经济建设', '城市建设', '社会事业', '科教文卫', '政治法律', '其他']);
  for (const created of c.body.new_categories) assert.ok(settings.categories.includes(created), created);
  assert.equal(settings.category_usage['交通运输'], counts['交通运输']);
  // A created category in use cannot be removed from the list.
  const removed = await staff.request('PUT', '/api/v1/proposals/settings', { categories: settings.categories.filter((x) => x !== '交通运输') });
  assert.equal(removed.status, 400);
  assert.match(removed.body.error.fields.categories, /“交通运输”已有提案或参考选题使用，不能删除/);
});

test('English column titles mapped through the mapping; unknown units mapped or created; every problem of a row reported', async () => {
  const csv = [
    'No.,Session,Title,Proposer,Category,Date,Content,Handling unit',
    '1,十一届一次会议,关于完善城市公共自行车系统的建议,Chen Li,城市建设,2008-01-10,正文。,区住房和城市更新局',
    '2,十一届一次会议,关于加强社区图书室建设的建议,王敏,文化事业,2008-01-11,正文。,区图书馆',
    '3,十一届一次会议,关于治理噪声扰民的建议,李强,文化事业,2008-01-12,正文。,区环保局、区图书馆',
    '4,十一届一次会议,,赵敏,教育,2008-13-01,正文。,区环保局',
  ].join('\n');
  const bare = await staff.post('/api/v1/proposals/import/preview', upload(csv, 'english.csv'));
  assert.equal(bare.status, 200);
  assert.deepEqual(bare.body.missing.sort(), ['提案人', '提案号', '标题'].sort());
  assert.deepEqual(bare.body.headers, ['No.', 'Session', 'Title', 'Proposer', 'Category', 'Date', 'Content', 'Handling unit']);
  assert.equal(bare.body.suggested_mapping.title, null);

  const mapping = { number: 'No.', session: 'Session', title: 'Title', proposers: 'Proposer', category: 'Category', date: 'Date', body: 'Content', units: 'Handling unit' };
  const p = await staff.post('/api/v1/proposals/import/preview', upload(csv, 'english.csv', mapping));
  assert.equal(p.status, 200, JSON.stringify(p.body));
  assert.deepEqual(p.body.missing, []);
  assert.deepEqual(p.body.unknown_categories.map((u) => [u.value, u.count]), [['文化事业', 2]]);
  assert.equal(p.body.unknown_categories[0].suggestion, '科教文卫');
  assert.deepEqual(p.body.unknown_units.map((u) => [u.value, u.count, u.rows]), [['区图书馆', 2, [3, 4]], ['区环保局', 2, [4, 5]]]);
  assert.ok(p.body.units.some((u) => u.name === '区生态环境分局'));
  // Row 5: every problem at once (no title, a bad date), its known category (教育 → 科教文卫) read.
  const row5 = p.body.rows.find((r) => r.row === 5);
  assert.deepEqual(row5.errors.map((e) => e.column).sort(), ['Date', 'Title'].sort());
  assert.equal(p.body.invalid, 1);

  const fixed = csv.replace('4,十一届一次会议,,赵敏,教育,2008-13-01', '4,十一届一次会议,关于规范校外培训的建议,赵敏,教育,2008-01-13');
  const environment = await unitId('区生态环境分局');
  const choices = {
    categories: { 文化事业: { action: 'create' } },
    units: { 区图书馆: { action: 'create' }, 区环保局: { action: 'map', to: environment } },
  };
  const bad = await staff.post('/api/v1/proposals/import/preview', upload(fixed, 'english.csv', mapping, { units: { 区环保局: { action: 'map', to: 999999 } } }));
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.message + JSON.stringify(bad.body.error.fields ?? {}), /承办单位不存在/);

  const c = await staff.post('/api/v1/proposals/import/commit', upload(fixed, 'english.csv', mapping, choices));
  assert.equal(c.status, 200, JSON.stringify(c.body));
  assert.equal(c.body.imported, 4);
  assert.deepEqual(c.body.new_categories, ['文化事业']);
  assert.deepEqual(c.body.new_units, ['区图书馆']);
  const [one, two, three, four] = await Promise.all(c.body.ids.map((id) => staff.get(`/api/v1/proposals/${id}`)));
  assert.equal(one.body.proposer_name, 'Chen Li');
  assert.equal(two.body.category, '文化事业');
  assert.deepEqual(two.body.assignments.map((a) => [a.unit_name, a.role]), [['区图书馆', 'lead']]);
  assert.deepEqual(three.body.assignments.map((a) => [a.unit_name, a.role]), [['区生态环境分局', 'lead'], ['区图书馆', 'co']]);
  assert.equal(four.body.category, '科教文卫');
  // The created unit is an ordinary handling unit of the committee.
  const library = await unitId('区图书馆');
  assert.ok(library > 0);
});

test('a failing commit with choices writes neither the categories nor the units it would have created', async () => {
  const csv = [
    '提案号,届次,标题,提案人,类别,提交日期,提案内容,承办单位',
    '1,十届一次会议,关于测试回滚的建议,王敏,回滚类别,2003-01-10,正文。,回滚单位',
    '1,十届一次会议,关于测试回滚的建议二,王敏,回滚类别,2003-01-10,正文。,回滚单位',
  ].join('\n');
  const choices = { categories: { 回滚类别: { action: 'create' } }, units: { 回滚单位: { action: 'create' } } };
  const c = await staff.post('/api/v1/proposals/import/commit', upload(csv, 'rollback.csv', undefined, choices));
  assert.equal(c.status, 400);
  assert.match(c.body.error.message, /有 1 行数据有误/);
  assert.ok(!(await staff.get('/api/v1/proposals/settings')).body.categories.includes('回滚类别'));
  const units = await staff.get(`/api/v1/units?q=${encodeURIComponent('回滚单位')}`);
  assert.equal(units.body.total, 0);
});
