// The topic catalogue in the browser: proposal staff add an entry to the session's catalogue and
// publish it; the 民盟 contact claims it on a phone; a member picks it in the proposal editor,
// sees its suggested units, is warned on submitting that 民盟 claimed it, and submits anyway.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';
import { chooseOption, describeViolations, launchBrowser, logout, passwordLogin, PHONE, DESKTOP, screenshots, seriousViolations, submitDespiteSimilar } from './helpers.mjs';

const TOPIC = '推进城市社区嵌入式服务设施建设';
const UNIT = '区民政局';
const STAFF = ['tianwei', 'Staff12345'];
const GROUP = ['minmeng', 'Group12345'];
const MEMBER = ['13900000001', 'Member12345'];

describe('the topic catalogue, from editing to a proposal that picks it', () => {
  let srv;
  let browser;
  let page;
  let staffApi;

  before(async () => {
    srv = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    // The session's catalogue is being prepared again (the demo one is published).
    staffApi = new Client(srv.baseUrl);
    await staffApi.login(...STAFF);
    assert.equal((await staffApi.post('/api/v1/catalogue/unpublish', {})).status, 200);
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

  test('staff add an entry and publish the catalogue', async () => {
    await loginAs(STAFF);
    await page.click('[data-test="menu-item-/catalogue/manage"]');
    await page.waitForURL(/\/catalogue\/manage$/);
    await page.waitForSelector('[data-test=catalogue-state][data-state=draft]');
    await page.click('[data-test=add-topic]');
    await page.waitForSelector('[data-test=topic-form]');
    await chooseOption(page, '[data-test=topic-category]', '社会事业');
    await page.fill('#topic-name', TOPIC);
    await page.fill('#topic-description', '围绕社区食堂、托育点、养老驿站等嵌入式服务设施的布局、用房和运营，提出便民服务的建议。');
    await chooseOption(page, '[data-test=topic-units]', UNIT);
    await page.keyboard.press('Escape');
    await page.fill('#topic-proposed-by', '区委政研室');
    await page.click('[data-test=dialog-save]');
    await page.waitForSelector(`[data-test=topic-table] [data-test=topic-name]:has-text("${TOPIC}")`);
    // the new entry is the last one
    const names = await page.locator('[data-test=topic-table] [data-test=topic-name]').allTextContents();
    assert.equal(names[names.length - 1], TOPIC);
    const violations = await seriousViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await page.click('[data-test=catalogue-publish]');
    await page.click('.el-message-box__btns .el-button--primary');
    await page.waitForSelector('[data-test=catalogue-state][data-state=published]');
    await screenshots(page, 'catalogue-manage');
    const c = (await staffApi.get('/api/v1/catalogue')).body;
    assert.equal(c.state, 'published');
    assert.ok(c.topics.some((t) => t.topic === TOPIC));
  });

  test('the 民盟 contact claims it on a phone', async () => {
    await loginAs(GROUP);
    await page.setViewportSize(PHONE);
    await page.goto(`${srv.baseUrl}/catalogue`);
    const card = page.locator(`[data-topic="${TOPIC}"]`);
    await card.waitFor();
    assert.match(await page.textContent('[data-test=claim-bar]'), /民盟/);
    // a topic 民建 holds cannot be claimed again
    assert.equal(await page.locator('[data-topic="优化营商环境，促进民营经济高质量发展"] [data-test=claim-topic]').isDisabled(), true);
    await card.locator('[data-test=claim-topic]').click();
    await card.locator('[data-test=claimed-by]:has-text("民盟已认领")').waitFor();
    await card.locator('[data-test=withdraw-claim]').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `no sideways scrolling at 375 px (${width})`);
    const violations = await seriousViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await screenshots(page, 'catalogue-claim');
    await page.setViewportSize(DESKTOP);
  });

  test('a member picks it in the editor and is warned before submitting', async () => {
    await loginAs(MEMBER);
    await page.goto(`${srv.baseUrl}/proposals/new`);
    await page.waitForSelector('[data-test=proposal-form]');
    await page.fill('#p-title', '关于在老旧社区配建社区食堂和托育点的建议');
    await chooseOption(page, '[data-test=p-catalogue-topic]', TOPIC);
    assert.match(await page.textContent('[data-test=catalogue-topic-hint]'), new RegExp(`${UNIT}.*民盟已认领`));
    await chooseOption(page, '[data-test=p-category]', '社会事业');
    await page.fill('#p-situation', '我区老旧社区普遍缺少社区食堂和托育点，双职工家庭和独居老人需求迫切。');
    await page.fill('#p-analysis', '社区用房紧张，运营补贴政策不明确。');
    await page.fill('#p-suggestions', '一、盘活社区闲置用房；二、明确运营补贴；三、引入专业机构运营。');
    const violations = await seriousViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await page.click('[data-test=submit-proposal]');
    const box = page.locator('.catalogue-check');
    await box.waitFor();
    assert.match(await box.textContent(), new RegExp(`“${TOPIC}”已由民盟认领`));
    await screenshots(page, 'catalogue-warning');
    await box.locator('.el-message-box__btns .el-button--primary').click();
    await submitDespiteSimilar(page);
    const id = Number(page.url().match(/proposals\/(\d+)$/)[1]);
    const member = new Client(srv.baseUrl);
    await member.login(...MEMBER);
    const p = (await member.get(`/api/v1/proposals/${id}`)).body;
    assert.equal(p.state, 'submitted');
    const c = (await member.get('/api/v1/catalogue')).body;
    assert.equal(p.catalogue_topic_id, c.topics.find((t) => t.topic === TOPIC).id);
  });
});
