// Search in the browser: proposal staff search 养老 from the header (hot searches under the box),
// see results grouped by type with highlighted titles and snippets, filter by a facet, and get
// the server's message for a query of exclusions only; staff merge two submitted proposals on
// the same matter from the workbench's merge suggestions, and see unit suggestions in the
// assignment dialog; a member writing a proposal like an existing one sees the similar-proposals
// panel and is asked before submitting. Phone layout (375 px) and axe on each page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';
import { chooseOption, describeViolations, launchBrowser, logout, passwordLogin, PHONE, DESKTOP, screenshots, seriousViolations } from './helpers.mjs';

const STAFF = ['tianwei', 'Staff12345'];
const MEMBER = ['13900000001', 'Member12345'];
const PAIRS = JSON.parse(readFileSync(new URL('../data/similar_pairs.json', import.meta.url), 'utf8')).pairs;
const PAIR = PAIRS.find((p) => p.id === 'p01') ?? PAIRS[0];
// The same matter written again by its author: another title, the paragraphs in another order.
const PARAS = PAIR.a.body.split('\n');
const AGAIN = { title: '关于加快老旧小区加装电梯工作的建议', body: [...PARAS.slice(1), PARAS[0]].join('\n') };
// What a member starts writing: a title like the first one and its opening paragraph.
const DRAFT = { title: '关于推进老旧小区加装电梯的建议', body: PARAS[0] };

describe('search, similar proposals, merge and unit suggestions in the browser', () => {
  let srv;
  let browser;
  let page;
  let staffApi;
  let memberApi;
  let leadId;
  let otherId;

  async function submitted(text) {
    const r = await memberApi.post('/api/v1/proposals', {
      title: text.title,
      situation: text.body,
      analysis: '见上文。',
      suggestions: '见上文。',
      category: '城市建设',
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const s = await memberApi.post(`/api/v1/proposals/${r.body.id}/transitions`, { action: 'submit', version: r.body.version });
    assert.equal(s.status, 200, JSON.stringify(s.body));
    return s.body;
  }

  before(async () => {
    srv = await startServer();
    staffApi = new Client(srv.baseUrl);
    await staffApi.login(...STAFF);
    memberApi = new Client(srv.baseUrl);
    await memberApi.login(...MEMBER);
    for (let i = 0; ; i++) {
      const s = await staffApi.get('/api/v1/search/status');
      if (s.body?.similar_ready) break;
      assert.ok(i < 300, 'the similar index was never ready');
      await new Promise((r) => setTimeout(r, 100));
    }
    // The same matter written twice, both waiting for review: a merge suggestion.
    leadId = (await submitted(PAIR.a)).id;
    otherId = (await submitted(AGAIN)).id;
    // Someone searched 养老 before: a hot search.
    assert.equal((await staffApi.get(`/api/v1/search?q=${encodeURIComponent('养老')}`)).status, 200);
    browser = await launchBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  async function loginAs([login, password]) {
    if (!page.url().includes('/login') && page.url().startsWith(srv.baseUrl)) await logout(page);
    await passwordLogin(page, srv.baseUrl, login, password);
    await page.waitForSelector('[data-test=home-roles]');
  }

  async function noSeriousViolations() {
    const violations = await seriousViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
  }

  async function fitsPhone() {
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(400);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.setViewportSize(DESKTOP);
    await page.waitForTimeout(300);
    return overflow;
  }

  test('staff search 养老 from the header and get grouped, highlighted results', async () => {
    await loginAs(STAFF);
    const box = page.locator("input[data-test=header-search]");
    await box.click();
    // hot searches under the box when focused
    await page.locator('.header-search-popper [data-test=hot-term]', { hasText: '养老' }).first().waitFor();
    await box.fill('养老');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    assert.equal(new URL(page.url()).searchParams.get('q'), '养老');
    await page.waitForSelector('[data-test=search-hit]');

    // grouped by type, with the counts of the facets
    const tabCount = async (name) => Number((await page.textContent(`[data-test=search-tab-${name}]`)).replace(/\D+/g, ''));
    const all = await tabCount('all');
    const proposals = await tabCount('proposal');
    const replies = await tabCount('reply');
    assert.ok(proposals > 0, 'proposals found');
    assert.equal(all, proposals + replies);
    assert.match(await page.textContent('[data-test=search-total]'), new RegExp(String(all)));

    // highlighted: <mark> around the term, in titles or snippets, and nothing else as HTML
    const marks = await page.locator('[data-test=search-results] mark').allTextContents();
    assert.ok(marks.length > 0);
    // (a snippet may end inside a match: then only its first part is marked)
    assert.ok(marks.includes('养老') && marks.every((m) => m && '养老'.startsWith(m)), marks.join(','));
    assert.equal(await page.locator('[data-test=search-results] script, [data-test=search-results] img').count(), 0);
    await noSeriousViolations();
    await screenshots(page, 'search-results');
    assert.ok((await fitsPhone()) <= 0, 'the results page fits 375 px');

    // only replies
    if (replies > 0) {
      await page.click('[data-test=search-tab-reply]');
      await page.waitForURL(/type=reply/);
      await page.waitForFunction(() => {
        const hits = [...document.querySelectorAll('[data-test=search-hit]')];
        return hits.length > 0 && hits.every((h) => h.dataset.type === 'reply');
      });
      await page.click('[data-test=search-tab-all]');
      await page.waitForURL((u) => !u.searchParams.has('type'));
    }

    // a category facet narrows the results to its count
    const tag = page.locator('[data-test=facet-category] .el-check-tag').first();
    const category = await tag.getAttribute('data-category');
    const facetCount = Number((await tag.textContent()).replace(/\D+/g, ''));
    await tag.click();
    await page.waitForURL((u) => u.searchParams.get('category') === category);
    await page.waitForFunction((n) => (document.querySelector('[data-test=search-total]')?.textContent ?? '').includes(`${n}`), facetCount);
    await page.click('[data-test=facet-clear]');
    await page.waitForURL((u) => !u.searchParams.has('category'));

    // a result opens its proposal
    await page.waitForSelector('[data-test=search-hit]');
    await page.locator('[data-test=hit-link]').first().click();
    await page.waitForURL(/\/proposals\/\d+$/);
  });

  test('a query of exclusions only gets the server\'s message in Chinese; an unknown word an empty state', async () => {
    await page.goto(`${srv.baseUrl}/search?q=${encodeURIComponent('-医院')}`);
    await page.waitForSelector('[data-test=search-error]');
    assert.match(await page.textContent('[data-test=search-error]'), /至少输入一个要查找的词/);
    await page.fill('input[data-test=search-input]', '翡翠湖候鸟观测站建设');
    await page.click('[data-test=search-submit]');
    await page.waitForSelector('[data-test=search-empty]');
    assert.match(await page.textContent('[data-test=search-empty]'), /没有找到/);
  });

  test('staff merge the two proposals on the same matter from the merge suggestions', async () => {
    await page.goto(`${srv.baseUrl}/proposals/workbench?tab=merge`);
    const cluster = page.locator(`[data-test=merge-cluster]:has([data-test=merge-member][data-id="${otherId}"])`);
    await cluster.waitFor();
    assert.equal(await cluster.locator(`[data-test=merge-member][data-id="${leadId}"]`).count(), 1, 'both proposals in one cluster');
    assert.ok((await cluster.locator('.el-tag--info').count()) > 0, 'shared phrases shown');
    await noSeriousViolations();
    await screenshots(page, 'search-merge-suggestions');
    // the lead is the first of the pair; keep it explicitly
    await cluster.locator(`[data-test=merge-lead-${leadId}]`).click();
    await cluster.locator('[data-test=merge-cluster-button]').click();
    await page.waitForSelector('[data-test=merge-confirm]');
    await page.click('.el-message-box__btns .el-button--primary');
    await page.locator('.el-message--success').first().waitFor();
    await page.waitForFunction((id) => !document.querySelector(`[data-test=merge-member][data-id="${id}"]`), otherId);
    const merged = (await staffApi.get(`/api/v1/proposals/${otherId}`)).body;
    assert.equal(merged.state, 'merged');
    assert.equal(merged.merged_into_id, leadId);
  });

  test('the assignment dialog suggests units and adds one with a click', async () => {
    let p = (await staffApi.get(`/api/v1/proposals/${leadId}`)).body;
    const filed = await staffApi.post(`/api/v1/proposals/${leadId}/transitions`, { action: 'file', version: p.version });
    assert.equal(filed.status, 200, JSON.stringify(filed.body));
    const api = (await staffApi.get(`/api/v1/proposals/${leadId}/unit-suggestions`)).body;
    assert.ok(api.lead.length > 0, JSON.stringify(api));
    await page.goto(`${srv.baseUrl}/proposals/${leadId}`);
    await page.click('[data-test=action-assign]');
    await page.waitForSelector('.action-dialog [data-test=unit-suggestions]');
    const first = api.lead[0];
    assert.match(await page.textContent('.action-dialog [data-test=unit-suggestions]'), new RegExp(first.unit_name));
    await page.click(`.action-dialog [data-test=take-lead-${first.unit_id}]`);
    await page.waitForFunction(
      (name) => (document.querySelector('.action-dialog [data-test=unit-select-0]')?.textContent ?? '').includes(name) || [...document.querySelectorAll('.action-dialog [data-test=unit-select-0] input')].some((i) => i.value === name),
      first.unit_name,
    );
    assert.equal(await page.locator(`.action-dialog [data-test=take-lead-${first.unit_id}]`).isDisabled(), true);
    await noSeriousViolations();
    await screenshots(page, 'search-unit-suggestions');
    await page.keyboard.press('Escape');
  });

  test('a member writing a proposal like an existing one sees the similar panel and is asked before submitting', async () => {
    await loginAs(MEMBER);
    await page.goto(`${srv.baseUrl}/proposals/new`);
    await page.waitForSelector('[data-test=similar-panel] [data-test=similar-idle]');
    await page.fill('#p-title', DRAFT.title);
    await page.fill('#p-situation', DRAFT.body);
    const match = page.locator(`[data-test=similar-match][data-id="${leadId}"]`);
    await match.waitFor();
    assert.match(await match.locator('[data-test=similar-score]').textContent(), /\d+%/);
    assert.ok((await match.locator('.el-tag--info').count()) > 0, 'shared phrases shown');
    assert.equal(await match.locator('[data-test=similar-link]').count(), 1, 'the author may open her own proposal');
    await noSeriousViolations();
    assert.ok((await fitsPhone()) <= 0, 'the editor fits 375 px');
    await screenshots(page, 'search-similar-panel');

    // before submitting: the matches in a confirmation; going back keeps the draft unsent
    await chooseOption(page, '[data-test=p-category]', '城市建设');
    await page.fill('#p-analysis', '手续繁琐，资金压力大。');
    await page.fill('#p-suggestions', '编制办事指南，制定补偿标准，拓宽资金来源。');
    const before = (await memberApi.get('/api/v1/proposals?page_size=1')).body.total;
    await page.click('[data-test=submit-proposal]');
    const asked = await page.waitForSelector('[data-test=similar-confirm], [data-test=catalogue-warnings]');
    if ((await asked.getAttribute('data-test')) === 'catalogue-warnings') {
      await page.click('.el-message-box__btns .el-button--primary');
      await page.waitForSelector('[data-test=similar-confirm]');
    }
    assert.match(await page.textContent('.el-message-box'), /已有相似提案/);
    assert.match(await page.textContent('[data-test=similar-confirm]'), new RegExp(PAIR.a.title));
    await page.click('.el-message-box__btns .el-button:not(.el-button--primary)');
    await page.waitForSelector('[data-test=similar-confirm]', { state: 'detached' });
    assert.match(page.url(), /\/proposals\/new$/);
    assert.equal((await memberApi.get('/api/v1/proposals?page_size=1')).body.total, before);
  });
});
