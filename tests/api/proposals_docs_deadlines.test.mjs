// Proposal documents read back (python3-docx, python3-openpyxl), the deadline scheduler's
// reminders and escalations under a test-controlled clock, and joint proposals' co-signing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, lastSmsCode } from '../lib/server.mjs';
import { Client, demoClients } from '../lib/client.mjs';

let srv;
const as = {};
let units;
before(async () => {
  srv = await startServer();
  Object.assign(as, await demoClients(srv.baseUrl, ['admin', 'staff', 'unit', 'lead', 'member']));
  units = Object.fromEntries((await as.admin.get('/api/v1/units?page_size=100')).body.items.map((u) => [u.name, u.id]));
});
after(async () => {
  await srv.stop();
});

const dir = mkdtempSync(join(tmpdir(), 'sl-docs-'));
function python(script, file) {
  return execFileSync('/usr/bin/python3', ['-c', script, file]).toString();
}
const docxText = `
import docx, sys
d = docx.Document(sys.argv[1])
s = d.sections[0]
print('PAGE', round(s.page_width.mm), round(s.page_height.mm), round(s.top_margin.mm), round(s.left_margin.mm))
for p in d.paragraphs: print(p.text)
for t in d.tables:
  for r in t.rows: print(' | '.join(c.text for c in r.cells))
`;

async function download(client, path, name) {
  const r = await client.get(path, { raw: true });
  assert.equal(r.status, 200, `${path}: ${r.body.toString().slice(0, 200)}`);
  const file = join(dir, name);
  writeFileSync(file, r.body);
  return file;
}

/** "2026年9月25日" of a day (YYYY-MM-DD) or of a stored UTC timestamp (its day in Beijing). */
function cnDate(value) {
  const day = value.length > 10 ? new Date(Date.parse(value) + 8 * 3600000).toISOString().slice(0, 10) : value;
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
const count = (text, re) => (text.match(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)) ?? []).length;
/** A session label written twice in a row ("十四届五次会议十四届五次会议", with or without a space). */
const DOUBLED_SESSION = /([一二三四五六七八九十]+届[一二三四五六七八九十]+次会议)[\s　]*\1/;

async function act(client, id, action, payload = {}) {
  const cur = (await client.get(`/api/v1/proposals/${id}`)).body;
  const r = await client.post(`/api/v1/proposals/${id}/transitions`, { action, version: cur.version, ...payload });
  assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
  return r.body;
}

async function assignedProposal(title) {
  const d = await as.member.post('/api/v1/proposals', {
    title, situation: '老旧小区加装电梯需求迫切。', analysis: '资金分摊与审批流程复杂。', suggestions: '简化审批，设立专项补贴。',
    category: '城市建设', keywords: '加装电梯',
  });
  assert.equal(d.status, 201);
  await act(as.member, d.body.id, 'submit');
  await act(as.staff, d.body.id, 'file');
  return act(as.staff, d.body.id, 'assign', { handling_type: 'single', units: [{ unit_id: units['区发展和改革局'], role: 'lead' }] });
}

test('the proposal form, assignment notice, reply letter, compendium and xlsx list read back', async () => {
  const p = await assignedProposal('关于加快老旧小区加装电梯的建议');
  let text = python(docxText, await download(as.member, `/api/v1/proposals/${p.id}/documents/form.docx`, 'form.docx'));
  assert.match(text, /PAGE 210 297 37 28/);
  assert.match(text, /关于加快老旧小区加装电梯的建议/);
  assert.match(text, /三、具体建议/);
  assert.match(text, /简化审批，设立专项补贴。/);
  text = python(docxText, await download(as.unit, `/api/v1/proposals/${p.id}/documents/assignment-notice.docx`, 'notice.docx'));
  assert.match(text, /关于交办政协提案的通知/);
  assert.match(text, /区发展和改革局/);
  // Deadlines and the date are written 2026年9月25日, never as ISO dates.
  assert.match(text, new RegExp(`请于${cnDate(p.assignments[0].sign_due)}前在系统中签收`));
  assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}/);
  assert.equal((await as.member.get(`/api/v1/proposals/${p.id}/documents/reply-letter.docx`)).status, 404);
  await act(as.unit, p.id, 'sign');
  await act(as.unit, p.id, 'record_consultation', { method: 'phone', held_on: '2026-02-03', content: '电话沟通了补贴标准。' });
  await act(as.unit, p.id, 'submit_reply', { body: '经研究，我局将于年内出台加装电梯补贴办法。', result_category: 'A' });
  await act(as.lead, p.id, 'approve_reply');
  await act(as.staff, p.id, 'pass_reply');
  text = python(docxText, await download(as.member, `/api/v1/proposals/${p.id}/documents/reply-letter.docx`, 'reply.docx'));
  assert.match(text, /的答复/);
  assert.match(text, /经研究，我局将于年内出台加装电梯补贴办法。/);
  // A reply without a salutation of its own: the system's, one opening and one closing.
  assert.equal(count(text, /^王敏委员：$/m), 1, text);
  assert.equal(count(text, /收悉/g), 1, text);
  assert.equal(count(text, /感谢/g), 1, text);
  assert.match(text, /A类（已解决或采纳）/);
  assert.match(text, /\d{4}年\d{1,2}月\d{1,2}日/);
  text = python(docxText, await download(as.staff, '/api/v1/proposals/compendium.docx', 'compendium.docx'));
  assert.match(text, /提案汇编/);
  assert.match(text, new RegExp(`${p.number_label} \\| 关于加快老旧小区加装电梯的建议`));
  const xlsx = await download(as.staff, '/api/v1/proposals/export.xlsx', 'list.xlsx');
  const rows = python(`
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1]).active
for r in ws.iter_rows(values_only=True): print('\\t'.join('' if v is None else str(v) for v in r))
`, xlsx).trim().split('\n').map((l) => l.split('\t'));
  assert.deepEqual(rows[0].slice(0, 4), ['编号', '案由', '提案人', '类别']);
  const row = rows.find((r) => r[0] === p.number_label);
  assert.ok(row, 'the proposal is in the list');
  assert.equal(row[4], '区发展和改革局');
  assert.equal(row[10], 'A');
  assert.equal((await as.member.get('/api/v1/proposals/export.xlsx')).status, 403);
});

test('the scheduler reminds before the sign-for deadline and escalates once overdue, once each', async () => {
  const p = await assignedProposal('关于优化社区停车管理的建议');
  const signDue = p.assignments[0].sign_due;
  // Move the clock to the working day before the deadline: a reminder (1 working day left).
  let day = new Date(`${signDue}T04:00:00Z`);
  do day = new Date(day.getTime() - 86400000); while ([0, 6].includes(day.getUTCDay()));
  const before = Math.round((day.getTime() - Date.now()) / 1000);
  const clock = new Client(srv.baseUrl);
  try {
    await clock.post('/api/v1/test/clock', { offset_seconds: before });
    let r = (await clock.post('/api/v1/test/scheduler/run')).body;
    assert.equal(r.ran, true);
    assert.ok(r.reminders >= 1, JSON.stringify(r));
    const unit = new Client(srv.baseUrl);
    await unit.login('fagaiju', 'Unit12345');
    let notes = (await unit.get('/api/v1/notifications?page_size=100')).body.items;
    assert.ok(notes.some((n) => n.kind === 'deadline.reminder' && n.proposal_id === p.id));
    // Running again the same day sends nothing new.
    r = (await clock.post('/api/v1/test/scheduler/run')).body;
    const again = (await unit.get('/api/v1/notifications?page_size=100')).body.items.filter((n) => n.kind === 'deadline.reminder' && n.proposal_id === p.id);
    assert.equal(again.length, 1);
    // Three days after the deadline: escalation to the unit leader and proposal staff, by SMS too.
    const after = Math.round((Date.parse(`${signDue}T04:00:00Z`) + 3 * 86400000 - Date.now()) / 1000);
    await clock.post('/api/v1/test/clock', { offset_seconds: after });
    r = (await clock.post('/api/v1/test/scheduler/run')).body;
    assert.ok(r.escalations >= 1, JSON.stringify(r));
    const lead = new Client(srv.baseUrl);
    await lead.login('fagaiju_lead', 'Unit12345');
    notes = (await lead.get('/api/v1/notifications?page_size=100')).body.items;
    assert.ok(notes.some((n) => n.kind === 'deadline.escalation' && n.proposal_id === p.id));
    const staff = new Client(srv.baseUrl);
    await staff.login('tianwei', 'Staff12345');
    assert.ok((await staff.get('/api/v1/notifications?page_size=100')).body.items.some((n) => n.kind === 'deadline.escalation'));
    assert.match(srv.log(), /sms gateway=log phone=13700000006 text=【商量】【督办】/);
    assert.ok((await staff.get('/api/v1/notifications/unread-count')).body.unread > 0);
    // Past the sign-for deadline but not the reply deadline: not overdue yet. The day after the
    // reply deadline it is, and every row the filter lists is overdue.
    const q = encodeURIComponent('关于优化社区停车管理的建议');
    let overdue = (await staff.get(`/api/v1/proposals?overdue=true&q=${q}`)).body;
    assert.equal(overdue.total, 0, JSON.stringify(overdue.items));
    const dueDate = p.deadline.due_date;
    assert.ok(dueDate > signDue, `${dueDate} > ${signDue}`);
    await clock.post('/api/v1/test/clock', { offset_seconds: Math.round((Date.parse(`${dueDate}T04:00:00Z`) + 86400000 - Date.now()) / 1000) });
    const later = new Client(srv.baseUrl);
    await later.login('tianwei', 'Staff12345');
    overdue = (await later.get(`/api/v1/proposals?overdue=true&q=${q}`)).body;
    assert.deepEqual(overdue.items.map((i) => i.id), [p.id]);
    assert.equal(overdue.items[0].overdue, true);
    assert.ok(overdue.items[0].working_days_left < 0);
    const all = (await later.get('/api/v1/proposals?overdue=true&page_size=100')).body.items;
    assert.ok(all.some((i) => i.id === p.id));
    for (const i of all) assert.ok(i.overdue === true && i.due_date <= dueDate, `${i.id}: due ${i.due_date}, overdue ${i.overdue}`);
  } finally {
    await clock.post('/api/v1/test/clock', { offset_seconds: 0 });
  }
});

test('joint proposals: co-signers confirm, decline, or drop off when the window closes', async () => {
  const dirList = await as.member.get('/api/v1/members/directory?q=赵');
  assert.equal(dirList.status, 200);
  const [a, b] = dirList.body.items.filter((m) => m.name !== '王敏').slice(0, 2);
  assert.ok(a && b);
  // Namesakes are told apart by employer and the mobile's last four digits, never the whole number.
  for (const m of dirList.body.items) {
    assert.equal(typeof m.employer, 'string');
    assert.match(m.mobile_tail, /^\d{4}$/);
    assert.ok(!('mobile' in m), JSON.stringify(m));
  }
  // Co-signers need accounts with passwords: reset by SMS for the test.
  const d = await as.member.post('/api/v1/proposals', {
    title: '关于建设城市口袋公园的建议', suggestions: '利用边角地建设口袋公园。', category: '城市建设', kind: 'joint',
    cosigner_member_ids: [a.id, b.id],
  });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  const p = await act(as.member, d.body.id, 'submit');
  assert.equal(p.state, 'awaiting_cosign');
  assert.deepEqual(p.cosigners.map((c) => c.status), ['pending', 'pending']);
  // One answers in time (as themself), the other lets the window close.
  const members = (await as.admin.get(`/api/v1/members/${a.id}`)).body;
  const signer = new Client(srv.baseUrl);
  const cap = await signer.get('/api/v1/auth/captcha');
  const ans = await signer.get(`/api/v1/test/captcha/${cap.body.id}`);
  await signer.post('/api/v1/auth/sms/send', { phone: members.mobile, purpose: 'login', captcha_id: cap.body.id, captcha_answer: ans.body.answer });
  const login = await signer.post('/api/v1/auth/sms/login', { phone: members.mobile, code: lastSmsCode(srv, members.mobile) });
  assert.equal(login.status, 200);
  const notes = (await signer.get('/api/v1/notifications')).body.items;
  assert.ok(notes.some((n) => n.kind === 'proposal.submit' && n.proposal_id === p.id));
  const afterA = await act(signer, p.id, 'cosign', { accept: true });
  assert.equal(afterA.state, 'awaiting_cosign');
  const clock = new Client(srv.baseUrl);
  try {
    await clock.post('/api/v1/test/clock', { offset_seconds: 4 * 86400 });
    const r = (await clock.post('/api/v1/test/scheduler/run')).body;
    assert.equal(r.cosigners_expired, 1);
  } finally {
    await clock.post('/api/v1/test/clock', { offset_seconds: 0 });
  }
  const m = new Client(srv.baseUrl);
  await m.login('13900000001', 'Member12345');
  const final = (await m.get(`/api/v1/proposals/${p.id}`)).body;
  assert.equal(final.state, 'submitted');
  assert.deepEqual(final.cosigners.map((c) => c.status).sort(), ['confirmed', 'expired']);
  assert.ok((await m.get('/api/v1/notifications')).body.items.some((n) => n.kind === 'proposal.cosign_expired'));
});

test('attachments: the proposer attaches PDF/Word/images to a draft, by content type; others download', async () => {
  const d = await as.member.post('/api/v1/proposals', { title: '关于附件测试的建议', suggestions: '建议', category: '其他' });
  const id = d.body.id;
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 65)]);
  const form = (bytes, name, type) => {
    const f = new FormData();
    f.append('file', new Blob([bytes], { type }), name);
    return f;
  };
  let r = await as.member.post(`/api/v1/proposals/${id}/attachments`, form(pdf, '调研报告.pdf', 'application/pdf'));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.content_type, 'application/pdf');
  assert.match(r.body.sha256, /^[0-9a-f]{64}$/);
  const attachment = r.body.id;
  r = await as.member.post(`/api/v1/proposals/${id}/attachments`, form(Buffer.from('MZ\x90\x00 not allowed'), 'virus.pdf', 'application/pdf'));
  assert.equal(r.status, 415);
  r = await as.member.post(`/api/v1/proposals/${id}/attachments`, form(Buffer.alloc(0), 'empty.pdf', 'application/pdf'));
  assert.equal(r.status, 400);
  const detail = (await as.member.get(`/api/v1/proposals/${id}`)).body;
  assert.equal(detail.attachments.length, 1);
  assert.equal(detail.attachments[0].filename, '调研报告.pdf');
  await act(as.member, id, 'submit');
  // After submission the proposer can no longer change attachments; staff can read them.
  r = await as.member.del(`/api/v1/proposals/${id}/attachments/${attachment}`);
  assert.equal(r.status, 403);
  const got = await as.staff.get(`/api/v1/proposals/${id}/attachments/${attachment}`, { raw: true });
  assert.equal(got.status, 200);
  assert.ok(got.body.equals(pdf));
  assert.equal(got.headers.get('content-type'), 'application/pdf');
  assert.equal((await as.unit.get(`/api/v1/proposals/${id}/attachments/${attachment}`)).status, 404);
});

test('B and C replies carry follow-up items the proposer can see', async () => {
  const p = await assignedProposal('关于完善社区充电桩布局的建议');
  await act(as.unit, p.id, 'sign');
  await act(as.unit, p.id, 'record_consultation', { method: 'site', held_on: '2026-03-01', content: '现场查看了小区车棚。' });
  await act(as.unit, p.id, 'submit_reply', { body: '已列入明年计划。', result_category: 'B' });
  await act(as.lead, p.id, 'approve_reply');
  await act(as.staff, p.id, 'pass_reply');
  let r = await as.member.post(`/api/v1/proposals/${p.id}/follow-ups`, { commitment: 'x', due_date: '2027-06-30' });
  assert.equal(r.status, 403);
  r = await as.unit.post(`/api/v1/proposals/${p.id}/follow-ups`, { commitment: '2027年6月前新增充电桩200个', due_date: '2027-13-01' });
  assert.equal(r.status, 400);
  r = await as.unit.post(`/api/v1/proposals/${p.id}/follow-ups`, { commitment: '2027年6月前新增充电桩200个', due_date: '2027-06-30' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  r = await as.unit.post(`/api/v1/proposals/${p.id}/follow-ups/${r.body.id}/progress`, { note: '已完成选址80处', done: false });
  assert.equal(r.status, 200);
  const seen = (await as.member.get(`/api/v1/proposals/${p.id}`)).body;
  assert.equal(seen.follow_up, true);
  assert.equal(seen.follow_ups[0].commitment, '2027年6月前新增充电桩200个');
  assert.equal(seen.follow_ups[0].progress[0].note, '已完成选址80处');
  assert.ok((await as.member.get('/api/v1/notifications')).body.items.some((n) => n.kind === 'proposal.follow_up' && n.proposal_id === p.id));
});

/** A signed-in client of the member `memberId` (logs in by SMS code, as co-signers do). */
async function memberClient(memberId) {
  const member = (await as.admin.get(`/api/v1/members/${memberId}`)).body;
  const c = new Client(srv.baseUrl);
  const cap = await c.get('/api/v1/auth/captcha');
  const ans = await c.get(`/api/v1/test/captcha/${cap.body.id}`);
  await c.post('/api/v1/auth/sms/send', { phone: member.mobile, purpose: 'login', captcha_id: cap.body.id, captcha_answer: ans.body.answer });
  const login = await c.post('/api/v1/auth/sms/login', { phone: member.mobile, code: lastSmsCode(srv, member.mobile) });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  return c;
}

test('documents of a joint proposal: the session once, one salutation with the co-signers, one closing, the dates of the acts', async () => {
  const [co] = (await as.member.get(`/api/v1/members/directory?q=${encodeURIComponent('孙')}`)).body.items.filter((m) => m.name !== '王敏');
  assert.ok(co, 'a member to co-sign');
  const d = await as.member.post('/api/v1/proposals', {
    title: '关于完善社区养老服务网络的建议', situation: '社区养老服务点覆盖不足。', analysis: '运营补贴不稳定。', suggestions: '建立运营补贴长效机制。',
    category: '社会事业', kind: 'joint', cosigner_member_ids: [co.id], suggested_unit_ids: [units['区民政局']],
  });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  const id = d.body.id;
  await act(as.member, id, 'submit');
  const cosigner = await memberClient(co.id);
  // The invitation is in the co-signer's list of what waits on them (我的待办).
  const waiting = (await cosigner.get('/api/v1/proposals?cosign=pending')).body;
  assert.ok(waiting.items.some((i) => i.id === id), JSON.stringify(waiting));
  assert.equal((await act(cosigner, id, 'cosign', { accept: true })).state, 'submitted');
  await act(as.staff, id, 'file');
  const assigned = await act(as.staff, id, 'assign', { handling_type: 'single', units: [{ unit_id: units['区发展和改革局'], role: 'lead' }] });
  // The unit sees the suggested unit by its name (it may not list units).
  const seen = (await as.unit.get(`/api/v1/proposals/${id}`)).body;
  assert.deepEqual(seen.suggested_units, [{ id: units['区民政局'], name: '区民政局' }]);
  await act(as.unit, id, 'sign');
  await act(as.unit, id, 'record_consultation', { method: 'meeting', held_on: '2026-02-03', content: '当面听取了意见。' });
  // The unit's own letter: its salutation, opening, closing, signature, date and contact note.
  const body = ['王敏委员等：', `您提出的《关于完善社区养老服务网络的建议》收悉。我局高度重视，现答复如下：`,
    '一、已将社区养老服务点建设纳入年度计划。', '二、运营补贴将按年度核定。',
    '感谢您对发展改革工作的关心和支持。', '', '区发展和改革局', '2026年1月5日', '（联系人：李华，联系电话：027-83600000）'].join('\n');
  await act(as.unit, id, 'submit_reply', { body, result_category: 'B' });
  await act(as.lead, id, 'approve_reply');
  const released = await act(as.staff, id, 'pass_reply');
  const number = released.number_label.replace(/\s/g, '');
  // Downloaded days later: every document keeps the day of its own act.
  const clock = new Client(srv.baseUrl);
  try {
    await clock.post('/api/v1/test/clock', { offset_seconds: 9 * 86400 });
    const later = { member: new Client(srv.baseUrl), unit: new Client(srv.baseUrl) };
    await later.member.login('13900000001', 'Member12345');
    await later.unit.login('fagaiju', 'Unit12345');
    const today = new Date(Date.now() + 9 * 86400000 + 8 * 3600000).toISOString().slice(0, 10);
    const reply = released.replies.at(-1);

    const letter = python(docxText, await download(later.member, `/api/v1/proposals/${id}/documents/reply-letter.docx`, 'joint-reply.docx'));
    const lines = letter.split('\n');
    assert.doesNotMatch(letter, DOUBLED_SESSION);
    assert.equal(lines[1], `关于政协${number}提案的答复`);
    assert.deepEqual(lines.filter((l) => /委员.*：$/.test(l)), [`王敏委员、${co.name}委员：`], letter);
    assert.equal(count(letter, /收悉/g), 1, letter);
    assert.equal(count(letter, /感谢/g), 1, letter);
    assert.equal(count(letter, /^区发展和改革局$/m), 1, letter);
    assert.equal(count(letter, /\d{4}年\d{1,2}月\d{1,2}日/g), 1, letter);
    const date = lines.findIndex((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l));
    assert.equal(lines[date], cnDate(reply.released_at), 'the reply letter carries the day it was released');
    assert.equal(lines[date - 1], '区发展和改革局');
    assert.equal(lines[date + 1], '（联系人：李华，联系电话：027-83600000）');
    assert.match(letter, /B类（正在解决或列入计划）/);
    assert.doesNotMatch(letter, /2026年1月5日/);

    const notice = python(docxText, await download(later.unit, `/api/v1/proposals/${id}/documents/assignment-notice.docx`, 'joint-notice.docx'));
    assert.doesNotMatch(notice, DOUBLED_SESSION);
    assert.match(notice, new RegExp(`现将政协${number}提案`));
    assert.doesNotMatch(notice, /\d{4}-\d{2}-\d{2}/);
    const a = assigned.assignments.at(-1);
    assert.match(notice, new RegExp(`请于${cnDate(a.sign_due)}前`));
    assert.match(notice, new RegExp(`并于${cnDate(a.reply_due)}前`));
    assert.match(notice, new RegExp(`提案委员会\\n${cnDate(assigned.assigned_at)}\\n`), 'the notice carries the day of assignment');

    const form = python(docxText, await download(later.member, `/api/v1/proposals/${id}/documents/form.docx`, 'joint-form.docx'));
    assert.doesNotMatch(form, DOUBLED_SESSION);
    assert.match(form, new RegExp(`^${released.number_label}$`, 'm'));
    assert.match(form, new RegExp(`^联名人：${co.name}$`, 'm'));
    assert.match(form, new RegExp(`^提交日期：${cnDate(released.submitted_at)}$`, 'm'));
    assert.doesNotMatch(form, /\d{4}-\d{2}-\d{2}/);

    for (const text of [letter, notice, form]) assert.ok(!text.includes(cnDate(today)) || cnDate(today) === cnDate(reply.released_at), 'no document is dated the download day');
  } finally {
    await clock.post('/api/v1/test/clock', { offset_seconds: 0 });
  }
});

test('a reply whose salutation runs on into its first paragraph is addressed once', async () => {
  const p = await assignedProposal('关于增设社区便民菜市场的建议');
  await act(as.unit, p.id, 'sign');
  await act(as.unit, p.id, 'record_consultation', { method: 'phone', held_on: '2026-02-03', content: '电话沟通。' });
  await act(as.unit, p.id, 'submit_reply', { body: '王敏委员：您提出的《关于增设社区便民菜市场的建议》收悉。我局将于明年新增便民菜市场3处。', result_category: 'B' });
  await act(as.lead, p.id, 'approve_reply');
  const released = await act(as.staff, p.id, 'pass_reply');
  const text = python(docxText, await download(as.member, `/api/v1/proposals/${p.id}/documents/reply-letter.docx`, 'inline-reply.docx'));
  const lines = text.split('\n');
  assert.equal(count(text, /王敏委员/g), 1, text);
  assert.ok(lines.includes('王敏委员：'), text);
  assert.ok(lines.includes('您提出的《关于增设社区便民菜市场的建议》收悉。我局将于明年新增便民菜市场3处。'), text);
  assert.equal(count(text, /收悉/g), 1, text);
  assert.equal(count(text, /感谢/g), 1, text);
  assert.ok(lines.includes(cnDate(released.replies.at(-1).released_at)), text);
});
