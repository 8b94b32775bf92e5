// The reply editor: a lead unit's saved draft, the templates per result category (built in, or a
// committee's own), the refusal of a reply that still holds a template's guidance, and who may
// read or write any of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { demoClients } from '../lib/client.mjs';

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

async function act(client, id, action, payload = {}) {
  const cur = (await client.get(`/api/v1/proposals/${id}`)).body;
  const r = await client.post(`/api/v1/proposals/${id}/transitions`, { action, version: cur.version, ...payload });
  assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A proposal the 区发展和改革局 has signed for and consulted on: ready for its reply. */
async function inHandling(title) {
  const d = await as.member.post('/api/v1/proposals', {
    title, situation: '现状。', analysis: '原因。', suggestions: '一、建议甲；二、建议乙。', category: '城市建设',
  });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  await act(as.member, d.body.id, 'submit');
  await act(as.staff, d.body.id, 'file');
  await act(as.staff, d.body.id, 'assign', { handling_type: 'single', units: [{ unit_id: units['区发展和改革局'], role: 'lead' }] });
  return d.body.id;
}

test('a lead unit starts from the template, saves a draft, and the draft becomes the reply', async () => {
  const id = await inHandling('关于完善社区养老服务网络的建议');
  // Before signing the reply cannot be written; the proposer and staff never write it.
  assert.equal((await as.unit.get(`/api/v1/proposals/${id}/reply-draft`)).status, 409);
  await act(as.unit, id, 'sign');
  assert.equal((await as.member.get(`/api/v1/proposals/${id}/reply-draft`)).status, 403);
  assert.equal((await as.staff.put(`/api/v1/proposals/${id}/reply-draft`, { body: '代写' })).status, 403);

  let d = (await as.unit.get(`/api/v1/proposals/${id}/reply-draft`)).body;
  assert.equal(d.source, 'empty');
  assert.equal(d.unit_id, units['区发展和改革局']);
  assert.deepEqual(Object.keys(d.templates).sort(), ['A', 'B', 'C']);  // D is off by default
  const a = d.templates.A.body;
  // Filled in for this proposal: its title and number, no placeholder left.
  const p = (await as.unit.get(`/api/v1/proposals/${id}`)).body;
  assert.ok(a.includes('《关于完善社区养老服务网络的建议》'), a);
  assert.ok(a.includes(p.number_label), a);
  assert.doesNotMatch(a, /\{[a-z_]+\}/);
  assert.match(a, /【请/);
  assert.notEqual(d.templates.B.body, a);

  // Saved as it is written; read back with who saved it.
  const r = await as.unit.put(`/api/v1/proposals/${id}/reply-draft`, { result_category: 'B', body: `${a}\n补充一句。` });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  d = (await as.unit.get(`/api/v1/proposals/${id}/reply-draft`)).body;
  assert.equal(d.source, 'draft');
  assert.equal(d.result_category, 'B');
  assert.ok(d.body.endsWith('补充一句。'));
  assert.ok(d.updated_by_name);
  // A category the committee does not use, or a field the draft does not take, is refused.
  assert.equal((await as.unit.put(`/api/v1/proposals/${id}/reply-draft`, { result_category: 'D', body: 'x' })).status, 400);
  assert.equal((await as.unit.put(`/api/v1/proposals/${id}/reply-draft`, { body: 'x', colour: 'red' })).status, 400);

  // The preview is the letter as it will print: the title with the number once, the proposer
  // greeted once, the text, the unit's signature and today's date.
  const pv = await as.unit.post(`/api/v1/proposals/${id}/documents/reply-letter-preview`, { result_category: 'B', body: '经研究，我局将于年内完善社区养老服务网络。' });
  assert.equal(pv.status, 200, JSON.stringify(pv.body));
  const kinds = pv.body.blocks.map((b) => b.kind);
  const textOf = (kind) => pv.body.blocks.filter((b) => b.kind === kind).map((b) => b.text);
  assert.deepEqual(textOf('title'), [`关于政协${p.number_label.replace(' ', '')}提案的答复`]);
  assert.ok(textOf('paragraph').includes('经研究，我局将于年内完善社区养老服务网络。'), JSON.stringify(pv.body));
  assert.equal(textOf('plain').filter((x) => x.endsWith('委员：')).length, 1, JSON.stringify(pv.body));
  assert.deepEqual(textOf('signature'), ['区发展和改革局']);
  assert.match(textOf('date')[0], /^\d{4}年\d{1,2}月\d{1,2}日$/);
  assert.ok(kinds.indexOf('title') < kinds.indexOf('signature'));
  assert.equal((await as.member.post(`/api/v1/proposals/${id}/documents/reply-letter-preview`, { body: 'x' })).status, 403);

  // Submitting text that still holds the template's guidance is refused, and nothing changes.
  await act(as.unit, id, 'record_consultation', { method: 'phone', held_on: '2026-02-03', content: '电话沟通。' });
  const cur = (await as.unit.get(`/api/v1/proposals/${id}`)).body;
  const bad = await as.unit.post(`/api/v1/proposals/${id}/transitions`, { action: 'submit_reply', version: cur.version, body: a, result_category: 'A' });
  assert.equal(bad.status, 400, JSON.stringify(bad.body));
  assert.ok(bad.body.error.fields.body.includes('模板提示'), JSON.stringify(bad.body));
  assert.equal((await as.unit.get(`/api/v1/proposals/${id}`)).body.version, cur.version);

  await act(as.unit, id, 'submit_reply', { body: '经研究，我局将于年内完善社区养老服务网络。', result_category: 'B' });
  // The draft became the reply: nothing is left to resume, and the editor is closed.
  assert.equal((await as.unit.get(`/api/v1/proposals/${id}/reply-draft`)).status, 409);

  // Sent back by the unit's leader: the editor starts again from the reply that was sent back.
  await act(as.lead, id, 'reject_reply', { comment: '请补充资金安排。' });
  d = (await as.unit.get(`/api/v1/proposals/${id}/reply-draft`)).body;
  assert.equal(d.source, 'sent_back');
  assert.equal(d.body, '经研究，我局将于年内完善社区养老服务网络。');
  assert.equal(d.result_category, 'B');
});

test('proposal staff replace a template and restore the built-in one; units read them', async () => {
  const builtIn = (await as.unit.get('/api/v1/proposals/reply-templates')).body.items;
  assert.equal(builtIn.A.custom, false);
  assert.equal((await as.member.get('/api/v1/proposals/reply-templates')).status, 403);
  assert.equal((await as.unit.put('/api/v1/proposals/reply-templates/A', { body: '单位自改' })).status, 403);
  assert.equal((await as.staff.put('/api/v1/proposals/reply-templates/E', { body: 'x' })).status, 400);
  assert.equal((await as.staff.put('/api/v1/proposals/reply-templates/A', {})).status, 400);

  const own = '您提出的《{title}》收悉，已采纳。【请写明落实情况。】';
  const r = await as.staff.put('/api/v1/proposals/reply-templates/A', { body: own });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.items.A.body, own);
  assert.equal(r.body.items.A.custom, true);
  assert.equal(r.body.items.B.custom, false);
  // A unit writing a reply now starts from the committee's own template, filled in.
  const id = await inHandling('关于增设社区充电桩的建议');
  await act(as.unit, id, 'sign');
  const d = (await as.unit.get(`/api/v1/proposals/${id}/reply-draft`)).body;
  assert.equal(d.templates.A.body, '您提出的《关于增设社区充电桩的建议》收悉，已采纳。【请写明落实情况。】');
  // The change is audited.
  const audit = (await as.admin.get('/api/v1/audit?action=proposal.reply_template')).body.items;
  assert.ok(audit.length >= 1, JSON.stringify(audit));

  assert.equal((await as.staff.del('/api/v1/proposals/reply-templates/A')).status, 204);
  const back = (await as.unit.get('/api/v1/proposals/reply-templates')).body.items;
  assert.equal(back.A.custom, false);
  assert.equal(back.A.body, builtIn.A.body);
});
