// The working-day calendar starts from the national arrangement: a fresh demo committee lists
// the State Council's 2026 holidays and make-up working days (and 2027's statutory holidays),
// counts its deadlines across 国庆 with them, and staff may still change a day.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client, demoClients } from '../lib/client.mjs';

let srv;
let as;
before(async () => {
  srv = await startServer();
  as = await demoClients(srv.baseUrl, ['staff', 'member', 'admin']);
});
after(async () => {
  await new Client(srv.baseUrl).post('/api/v1/test/clock', { offset_seconds: 0 });
  await srv.stop();
});

// 国务院办公厅关于2026年部分节假日安排的通知: 国庆节 10月1日至7日放假调休，9月20日（周日）、10月10日（周六）上班.
const GUOQING = ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'];

/** `date` plus `n` working days by the 2026 国庆 arrangement (the test's own count). */
function addWorkingDays(date, n) {
  let d = new Date(`${date}T00:00:00Z`);
  for (let added = 0; added < n; ) {
    d = new Date(d.getTime() + 86400000);
    const day = d.toISOString().slice(0, 10);
    const weekend = [0, 6].includes(d.getUTCDay());
    if (day === '2026-10-10' || day === '2026-09-20' || (!weekend && !GUOQING.includes(day))) added += 1;
  }
  return d.toISOString().slice(0, 10);
}

test('a fresh demo committee lists the national holidays and make-up working days', async () => {
  const r = await as.staff.get('/api/v1/calendar-days');
  assert.equal(r.status, 200);
  const days = new Map(r.body.items.map((d) => [d.day, d]));
  for (const day of GUOQING) assert.equal(days.get(day)?.kind, 'holiday', day);
  assert.equal(days.get('2026-10-01').name, '国庆节');
  for (const day of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
    assert.equal(days.get(day)?.kind, 'workday', day);
  const of = (year, kind) => r.body.items.filter((d) => d.day.startsWith(year) && d.kind === kind).length;
  assert.equal(of('2026', 'holiday'), 33);
  assert.equal(of('2026', 'workday'), 6);
  // 2027: the statutory days only, until the State Council publishes the arrangement
  assert.equal(of('2027', 'holiday'), 13);
  assert.equal(of('2027', 'workday'), 0);
  assert.equal(days.get('2027-02-06')?.kind, 'holiday', '春节 2027');
});

test('deadlines count working days across 2026 国庆 (holidays off, 10月10日 worked)', async () => {
  const settings = (await as.staff.get('/api/v1/proposals/settings')).body;
  const window = settings.sign_window_working_days;
  assert.ok(window >= 1);
  const clock = new Client(srv.baseUrl);
  // 2026-09-30 10:00 in Beijing
  const r = await clock.post('/api/v1/test/clock', { offset_seconds: Math.round((Date.parse('2026-09-30T02:00:00Z') - Date.now()) / 1000) });
  assert.equal(r.body.today, '2026-09-30');
  const units = (await as.admin.get('/api/v1/units?page_size=100')).body.items;
  const act = async (client, id, action, payload = {}) => {
    const cur = (await client.get(`/api/v1/proposals/${id}`)).body;
    const res = await client.post(`/api/v1/proposals/${id}/transitions`, { action, version: cur.version, ...payload });
    assert.equal(res.status, 200, `${action}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const d = await as.member.post('/api/v1/proposals', {
    title: '关于国庆假期后提案签收时限的建议',
    situation: '现状。',
    analysis: '分析。',
    suggestions: '建议。',
    category: '社会事业',
    keywords: '时限',
  });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  await act(as.member, d.body.id, 'submit');
  await act(as.staff, d.body.id, 'file');
  const p = await act(as.staff, d.body.id, 'assign', { handling_type: 'single', units: [{ unit_id: units[0].id, role: 'lead' }] });
  const due = p.assignments[0].sign_due;
  assert.equal(due, addWorkingDays('2026-09-30', window), `sign-for due ${due} after ${window} working days`);
  assert.ok(due >= '2026-10-08', 'no day of 国庆 counts');
  if (window >= 3) assert.ok(due >= '2026-10-10');
  await clock.post('/api/v1/test/clock', { offset_seconds: 0 });
});

test('staff change a day and delete one; what they deleted does not come back', async () => {
  let r = await as.staff.post('/api/v1/calendar-days', { day: '2026-10-08', kind: 'holiday', name: '本地调整' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  r = await as.staff.del('/api/v1/calendar-days/2026-10-07');
  assert.equal(r.status, 204);
  // a later load of the calendar (a proposal list counts working days) seeds nothing again
  await as.staff.get('/api/v1/proposals?page_size=5');
  const days = new Map((await as.staff.get('/api/v1/calendar-days')).body.items.map((d) => [d.day, d]));
  assert.equal(days.get('2026-10-08')?.name, '本地调整');
  assert.equal(days.has('2026-10-07'), false);
  assert.equal(days.get('2026-10-06')?.kind, 'holiday');
});
