// A query term that ends in a Latin word or a number matches the words that start with it. The
// server spells the prefix out as the indexed words it stands for (search_words), and when they are
// too many it confirms the term on the normalised text; on both databases the records found are
// exactly those a substring scan finds (on PostgreSQL, through the node's full-text replica).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';
import { newMember, createProposal, replicaReady } from '../lib/corpus.mjs';

let srv, writer;
const idToKey = new Map();
// Seventy numbers that start with 5: more words than the server spells out for the prefix "5".
const many = Array.from({ length: 70 }, (_, i) => String(501 + i)).join('、');
const texts = [
  { key: 'pm25', title: '关于治理细颗粒物PM2.5污染的建议', body: '冬季PM2.5浓度偏高，建议加强监测。' },
  { key: 'pm255', title: '关于空气监测点位的建议', body: '部分点位PM2.55的读数异常，建议校准设备。' },
  { key: 'pm2only', title: '关于监测标准的建议', body: '现行PM2标准已经过时，5个站点需要改造。' },
  { key: 'numbers', title: '关于门牌编号的建议', body: `辖区门牌依次为${many}号，建议统一更新。` },
  { key: 'hotline', title: '关于12345热线的建议', body: '市民通过12345反映问题，答复要及时。' },
  { key: 'hotline6', title: '关于服务号码的建议', body: '服务号码123456容易与热线混淆。' },
  { key: 'apps', title: '关于政务apps整合的建议', body: '各部门的apps过多，建议整合为一个入口。' },
  { key: 'none', title: '关于社区绿化的建议', body: '建议增加社区绿地。' },
];

before(async () => {
  srv = await startServer();
  const admin = new Client(srv.baseUrl);
  await admin.login('admin', 'Admin12345');
  writer = await newMember(srv, admin, '前缀检索委员', '13677770031');
  for (const t of texts) {
    const p = await createProposal(writer, t);
    idToKey.set(p.id, t.key);
  }
  const staff = new Client(srv.baseUrl);
  await staff.login('tianwei', 'Staff12345');
  assert.equal(await replicaReady(staff), srv.databaseUrl.startsWith('postgresql:'));
});
after(async () => {
  await srv.stop();
});

async function found(q) {
  const r = await writer.get(`/api/v1/search?q=${encodeURIComponent(q)}&state=draft&page_size=100`);
  assert.equal(r.status, 200, `${q}: ${JSON.stringify(r.body)}`);
  return new Set(r.body.items.map((it) => idToKey.get(it.proposal_id)).filter(Boolean));
}

function scan(needle) {
  return new Set(texts.filter((t) => `${t.title}\n${t.body}`.toLowerCase().includes(needle)).map((t) => t.key));
}

test('a prefix with many words after it finds exactly the substring matches', async () => {
  assert.deepEqual(await found('PM2.5'), scan('pm2.5'));
  assert.deepEqual(await found('PM2.5'), new Set(['pm25', 'pm255']));
  assert.deepEqual(await found('pm2.5 浓度'), new Set(['pm25']));
  assert.deepEqual(await found('50'), scan('50'));
  // Several prefix terms in one query: each confirms its own phrase (sl_hit numbers them).
  assert.deepEqual(await found('50 PM2.5'), new Set());
  assert.deepEqual(await found('PM2 PM2.5'), new Set(['pm25', 'pm255']));
  assert.deepEqual(await found('12345 PM2.5'), new Set());
  assert.deepEqual(await found('冬季 PM2.5 5'), new Set(['pm25']));
});

test('a prefix with few words after it finds each of them', async () => {
  assert.deepEqual(await found('12345'), new Set(['hotline', 'hotline6']));
  assert.deepEqual(await found('app'), scan('app'));
  assert.deepEqual(await found('政务app'), new Set(['apps']));
  assert.deepEqual(await found('zzzq9'), new Set());
});

test('an excluded prefix removes every record it matches', async () => {
  assert.deepEqual(await found('建议 -12345'), new Set(['pm25', 'pm255', 'pm2only', 'numbers', 'apps', 'none']));
  assert.deepEqual(await found('建议 -PM2.5'), new Set(['pm2only', 'numbers', 'hotline', 'hotline6', 'apps', 'none']));
});
