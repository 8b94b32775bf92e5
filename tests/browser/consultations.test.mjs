// One 对口协商 topic from the plan to an adopted outcome, in the browser: the office (tianwei)
// creates the plan of a year the demo has none for, adds a 对口协商 topic of 经济委员会 (counterpart
// 区发展和改革局, lead leader 区政协主席 曾志强), takes the plan through 提交主席会议审议 → 报区委审定 →
// 印发 (with its 文号), starts the topic's research, arranges its meeting (the meetings form opens
// preset from the topic) and records the consultation held; drafts the outcome and submits it; the
// leader (zhuxi) approves it; the office sends it and records an instruction naming 区发展和改革局;
// the unit (fagaiju) adds a follow-through item, reports progress and closes it on its 成果转化
// page at 390 px; the leader records 采纳 and the topic shows 已办结. Then a member on a 390 px phone
// opens the published plan and the topic, read-only, without horizontal scrolling. Screenshots at
// 1280 and 390 px; axe on each page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';
import { chooseOption, describeViolations, launchBrowser, logout, passwordLogin, SCREENSHOT_DIR, seriousViolations } from './helpers.mjs';

const STAFF = ['tianwei', 'Staff12345'];
const MEMBER = ['13900000001', 'Member12345'];
const LEADER = ['zhuxi', 'Leader12345'];
const UNIT = ['fagaiju', 'Unit12345'];
const LEAD_LEADER = '曾志强';
const OUTCOME_TITLE = '关于持续优化营商环境、提升政务服务效能的意见建议';
const ITEM_TITLE = '推行涉企事项“一件事一次办”清单';
const YEAR = 2030;
const TITLE = '优化营商环境、提升政务服务效能对口协商';
const DOC_NUMBER = `汉政协发〔${YEAR}〕1号`;
const WIDE = { width: 1280, height: 800 };
const PHONE_390 = { width: 390, height: 844 };

/** Saves `name`-1280.png and `name`-390.png of the current page (full page), back at `end` size. */
async function shots(page, name, end = WIDE) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const paths = [];
  for (const [size, tag] of [
    [WIDE, '1280'],
    [PHONE_390, '390'],
  ]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(400);
    const path = join(SCREENSHOT_DIR, `${name}-${tag}.png`);
    await page.screenshot({ path, fullPage: true });
    paths.push(path);
  }
  await page.setViewportSize(end);
  await page.waitForTimeout(300);
  return paths;
}

/** The page is no wider than the window (no horizontal scrolling). */
async function assertNoSideScroll(page, what) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client + 1, `${what}: the page is ${scroll}px wide in a ${client}px window`);
}

async function assertAccessible(page, what) {
  const violations = await seriousViolations(page);
  assert.equal(violations.length, 0, `${what}:\n${describeViolations(violations)}`);
}

describe('the consultation plan, from drafting to a consultation held, and a member reading it', () => {
  let srv;
  let browser;
  let page;
  let unitName;
  let topicUrl;
  let planUrl;
  const saved = [];

  before(async () => {
    srv = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    const api = new Client(srv.baseUrl);
    await api.login(...STAFF);
    const units = (await api.get('/api/v1/units?page_size=100')).body.items;
    unitName = units.find((u) => u.name.includes('发展和改革'))?.name;
    assert.ok(unitName, 'the demo has a development and reform unit');
    const plans = (await api.get('/api/v1/consultations/plans')).body.items;
    assert.ok(!plans.some((p) => p.year === YEAR), `the demo has no ${YEAR} plan`);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
    if (saved.length) console.log(`screenshots:\n  ${saved.join('\n  ')}`);
  });

  async function loginAs([login, password]) {
    if (!page.url().includes('/login') && page.url().startsWith(srv.baseUrl)) await logout(page);
    await passwordLogin(page, srv.baseUrl, login, password);
    await page.waitForSelector('[data-test=home-roles]');
  }

  test('the office creates the plan and adds a 对口协商 topic of 经济委员会', async () => {
    await loginAs(STAFF);
    await page.click('[data-test="menu-item-/consultations/plans"]');
    await page.waitForURL(/\/consultations\/plans/);
    await page.click('[data-test=plan-create]');
    await page.waitForSelector('[data-test=plan-create-form]');
    await page.fill('#plan-year-input', String(YEAR));
    await page.click('.el-dialog:visible [data-test=dialog-save]');
    await page.waitForURL(/\/consultations\/plans\/\d+$/);
    await page.waitForSelector('[data-test=plan-state][data-state=drafting]');
    planUrl = page.url();
    assert.match(await page.textContent('[data-test=plan-title]'), new RegExp(`${YEAR}年度协商工作计划`));

    await page.click('[data-test=add-topic]');
    await page.waitForSelector('[data-test=topic-form]');
    await page.click('[data-test=kind-counterpart]');
    await page.fill('#topic-title', TITLE);
    await page.fill('#topic-purpose', '围绕涉企服务“一网通办”、政务服务“高效办成一件事”开展对口协商，推动营商环境持续优化。');
    await chooseOption(page, '[data-test=topic-leader]', LEAD_LEADER);
    await chooseOption(page, '[data-test=topic-special]', '经济委员会');
    // the special committee's counterpart units come preselected; add the unit if it is not among them
    const units = await page.textContent('[data-test=topic-units]');
    if (!units.includes(unitName)) {
      await chooseOption(page, '[data-test=topic-units]', unitName);
      await page.keyboard.press('Escape');
    }
    assert.ok((await page.textContent('[data-test=topic-units]')).includes(unitName));
    await chooseOption(page, '[data-test=topic-month]', '5月');
    await chooseOption(page, '[data-test=topic-form-kind]', '座谈会');
    await page.fill('#topic-participants', '经济委委员、部分企业界委员');
    await page.click('.el-dialog:visible [data-test=dialog-save]');
    const row = page.locator('[data-test=kind-group][data-kind=counterpart] [data-test=topic-link]', { hasText: TITLE });
    await row.waitFor();
    const group = await page.textContent('[data-test=kind-group][data-kind=counterpart]');
    assert.match(group, /经济委员会/);
    assert.ok(group.includes(unitName));
    assert.match(group, /座谈会/);
    assert.match(group, /已列入计划/);
    // coverage: other special committees still lack a counterpart topic
    assert.match(await page.textContent('[data-test=coverage-warnings]'), /专委会本年度没有对口协商议题/);
    await assertAccessible(page, 'the drafted plan');
  });

  test('the plan goes through the chairs’ meeting and the party committee to publication', async () => {
    await page.click('[data-test=plan-action-submit_to_chair]');
    await page.waitForSelector('[data-test=plan-step-form]');
    assert.match(await page.inputValue('#step-date'), /^\d{4}-\d{2}-\d{2}$/, 'the date defaults to today');
    await page.fill('#step-note', '十四届第30次主席会议');
    await page.click('.el-dialog:visible [data-test=dialog-save]');
    await page.waitForSelector('[data-test=plan-state][data-state=chair_review]');
    await page.locator('[data-test=plan-step-form]').waitFor({ state: 'detached' });

    await page.click('[data-test=plan-action-submit_to_party]');
    await page.waitForSelector('[data-test=plan-step-form]');
    await page.click('.el-dialog:visible [data-test=dialog-save]');
    await page.waitForSelector('[data-test=plan-state][data-state=party_review]');
    await page.locator('[data-test=plan-step-form]').waitFor({ state: 'detached' });

    await page.click('[data-test=plan-action-publish]');
    await page.waitForSelector('[data-test=plan-step-form]');
    // 印发 needs its 文号: refused in the form first
    await page.click('.el-dialog:visible [data-test=dialog-save]');
    await page.waitForSelector('[data-test=plan-step-form] .el-form-item.is-error');
    await page.fill('#step-doc', DOC_NUMBER);
    await page.click('.el-dialog:visible [data-test=dialog-save]');
    await page.waitForSelector('[data-test=plan-state][data-state=published]');
    assert.equal((await page.textContent('[data-test=plan-doc-number]')).trim(), DOC_NUMBER);
    assert.match(await page.textContent('[data-test=plan-published-on]'), /^\d{4}-\d{2}-\d{2}$/);
    const steps = await page.textContent('[data-test=plan-steps]');
    for (const s of ['提交主席会议审议', '主席会议通过，报区委审定', '区委审定同意，印发', '十四届第30次主席会议', DOC_NUMBER]) assert.ok(steps.includes(s), s);
    assert.equal(await page.locator('[data-test=plan-actions] [data-test^=plan-action-]').count(), 0, 'no step after publication');
    await assertAccessible(page, 'the published plan (staff)');
    saved.push(...(await shots(page, 'consultations-plan-staff')));
    // the topics table, scrolled into view (the workspace scrolls inside its main pane)
    await page.locator('[data-test=kind-group][data-kind=counterpart]').scrollIntoViewIfNeeded();
    const tablePath = join(SCREENSHOT_DIR, 'consultations-plan-topics-staff-1280.png');
    await page.screenshot({ path: tablePath });
    saved.push(tablePath);
  });

  test('the office starts research on the topic and records the consultation held', async () => {
    await page.locator('[data-test=kind-group][data-kind=counterpart] [data-test=topic-link]', { hasText: TITLE }).click();
    await page.waitForURL(/\/consultations\/topics\/\d+$/);
    topicUrl = page.url();
    await page.waitForSelector('[data-test=topic-detail] [data-test=topic-state][data-state=planned]');
    assert.match(await page.textContent('[data-test=topic-phases]'), /待审批.*已列入计划.*调研中.*已协商/s);

    await page.click('[data-test=topic-action-start_research]');
    await page.waitForSelector('[data-test=topic-action-form]');
    await page.fill('#topic-note', '成立调研组，赴区政务服务中心实地调研');
    await page.click('.el-dialog:visible [data-test=dialog-save]');
    await page.waitForSelector('[data-test=topic-detail] [data-test=topic-state][data-state=researching]');
    await page.locator('[data-test=topic-action-form]').waitFor({ state: 'detached' });

    await page.click('[data-test=topic-action-record_consultation]');
    await page.waitForSelector('[data-test=topic-action-form]');
    assert.match(await page.inputValue('#topic-held-on'), /^\d{4}-\d{2}-\d{2}$/);
    await page.click('.el-dialog:visible [data-test=dialog-save]');
    await page.waitForSelector('[data-test=topic-detail] [data-test=topic-state][data-state=consulted]');
    assert.match(await page.textContent('[data-test=topic-held-on-value]'), /^\d{4}-\d{2}-\d{2}$/);
    const history = await page.locator('[data-test=history-action]').allTextContents();
    assert.deepEqual(history, ['新增议题', '启动调研', '登记协商活动已举行']);
    assert.ok((await page.textContent('[data-test=topic-units-list]')).includes(unitName));
    await page.locator('[data-test=topic-action-form]').waitFor({ state: 'detached' });
    assert.equal(await page.locator('[data-test=topic-actions] [data-test^=topic-action-]').count(), 0, 'no workflow action once consulted');
    // 协商活动: the meetings module answers for the topic (none arranged yet)
    await page.waitForSelector('[data-test=topic-meetings]');
    await assertAccessible(page, 'the consulted topic (staff)');
    saved.push(...(await shots(page, 'consultations-topic-staff')));
    await page.locator('[data-test=topic-meetings]').scrollIntoViewIfNeeded();
    const meetingsPath = join(SCREENSHOT_DIR, 'consultations-topic-meetings-staff-1280.png');
    await page.screenshot({ path: meetingsPath });
    saved.push(meetingsPath);
    // 安排协商活动: the meetings page opens its form preset from the topic, and the meeting saved
    // is listed on the topic as its 协商活动
    await page.click('[data-test=arrange-meeting]');
    await page.waitForURL(/\/meetings\?new=1&subject_type=consultation_topic&subject_id=\d+/);
    await page.waitForSelector('[data-test=meeting-form]');
    const titleInput = page.locator('[data-test=meeting-form] input[data-test=meeting-title], [data-test=meeting-form] [data-test=meeting-title] input').first();
    assert.equal(await titleInput.inputValue(), TITLE, 'the title comes from the topic');
    assert.match(await page.textContent('[data-test=meeting-form]'), /协商会/, 'the kind is preset');
    assert.match(await page.textContent('[data-test=meeting-form]'), /经济委员会/, 'the organiser is the leading special committee');
    await page.locator('[data-test=meeting-form] input[data-test=meeting-place], [data-test=meeting-form] [data-test=meeting-place] input').first().fill('区政协三楼会议室');
    await page.click('[data-test=meeting-save]');
    await page.waitForURL(/\/meetings\/\d+$/);
    await page.goto(topicUrl);
    await page.waitForSelector('[data-test=topic-detail] [data-test=topic-state][data-state=consulted]');
    await page.locator('[data-test=topic-meetings]', { hasText: TITLE }).waitFor();
  });

  /** Clicks the outcome's action button `action`, fills the dialog with `fill` and saves. */
  async function outcomeStep(action, fill = async () => {}) {
    await page.click(`[data-test=outcome-action-${action}]`);
    await page.waitForSelector('[data-test=outcome-action-form]');
    await fill();
    await page.click('.el-dialog:visible [data-test=dialog-save]');
    await page.locator('[data-test=outcome-action-form]').waitFor({ state: 'detached' });
  }

  test('the office drafts the outcome and submits it; the lead leader approves; the office sends it', async () => {
    await page.click('[data-test=outcome-create]');
    await page.waitForSelector('[data-test=outcome-form]');
    await page.click('[data-test=outcome-kind-opinions]');
    await page.fill('#outcome-title', OUTCOME_TITLE);
    await page.fill('#outcome-body', '一、全面推行涉企事项“一件事一次办”。\n二、建立企业诉求快速响应机制。');
    await page.click('.el-dialog:visible [data-test=dialog-save]');
    await page.waitForSelector('[data-test=outcome][data-state=drafting]');
    assert.match(await page.textContent('[data-test=outcome-title]'), /优化营商环境/);
    await outcomeStep('submit');
    await page.waitForSelector('[data-test=outcome][data-state=review]');
    assert.equal(await page.locator('[data-test=outcome-action-approve]').count(), 0, 'the office does not approve');

    await loginAs(LEADER);
    await page.goto(topicUrl);
    await page.waitForSelector('[data-test=outcome][data-state=review]');
    await outcomeStep('approve', () => page.fill('#outcome-note', '同意报送'));
    await page.waitForSelector('[data-test=outcome][data-state=approved]');

    await loginAs(STAFF);
    await page.goto(topicUrl);
    await page.waitForSelector('[data-test=outcome][data-state=approved]');
    await outcomeStep('send', async () => {
      assert.equal(await page.inputValue('#outcome-sent-to'), '区委、区政府', 'sent to the party committee and government unless changed');
      assert.match(await page.inputValue('#outcome-sent-on'), /^\d{4}-\d{2}-\d{2}$/);
    });
    await page.waitForSelector('[data-test=outcome][data-state=sent]');
    await page.waitForSelector('[data-test=topic-detail] [data-test=topic-state][data-state=following]');
    assert.match(await page.textContent('[data-test=outcome-sent]'), /报送区委、区政府/);

    // 登记领导批示 naming 区发展和改革局 (the counterpart unit comes preselected)
    await page.click('[data-test=outcome-instruct]');
    await page.waitForSelector('[data-test=instruction-form]');
    await page.fill('#ins-leader', '李明');
    await page.fill('#ins-title', '区委书记');
    await page.fill('#ins-text', '请区发改局牵头研究落实，按期报送进展。');
    if (!(await page.textContent('[data-test=ins-units]')).includes(unitName)) {
      await chooseOption(page, '[data-test=ins-units]', unitName);
      await page.keyboard.press('Escape');
    }
    await page.click('.el-dialog:visible [data-test=dialog-save]');
    await page.locator('[data-test=instruction-form]').waitFor({ state: 'detached' });
    const ins = await page.textContent('[data-test=outcome-instructions]');
    assert.match(ins, /区委书记李明/);
    assert.ok(ins.includes(unitName));
    await assertAccessible(page, 'the sent outcome (staff)');
  });

  test('the unit adds a follow-through item, reports progress and closes it on its phone', async () => {
    await loginAs(UNIT);
    // the unit's home shows its open items; its menu has 成果转化
    await page.waitForSelector('[data-test=home-follow-items]');
    await page.goto(topicUrl);
    await page.waitForSelector('[data-test=outcome][data-state=sent]');
    await page.click('[data-test=outcome-add-item]');
    await page.waitForSelector('[data-test=follow-item-form]');
    assert.ok((await page.textContent('[data-test=follow-item-form] [data-test=follow-unit]')).includes(unitName), 'the unit is its own');
    assert.ok(await page.locator('[data-test=follow-item-form] .el-select.is-disabled, [data-test=follow-item-form] .el-select__wrapper.is-disabled').count(), 'and fixed');
    await page.fill('#follow-title', ITEM_TITLE);
    const due = new Date(Date.now() + 8 * 3600e3 + 30 * 86400e3).toISOString().slice(0, 10);
    await page.fill('#follow-due', due);
    await page.keyboard.press('Enter');
    await page.click('.el-dialog:visible [data-test=dialog-save]');
    await page.locator('[data-test=follow-item-form]').waitFor({ state: 'detached' });
    await page.locator('[data-test=follow-items]', { hasText: ITEM_TITLE }).waitFor();
    assert.match(await page.textContent('[data-test=follow-items]'), /办理中/);
    await assertAccessible(page, 'the topic with its item (unit)');

    // 成果转化 at 390 px: the unit's own items as cards
    await page.setViewportSize(PHONE_390);
    await page.goto(`${srv.baseUrl}/consultations/follow-items`);
    const card = page.locator('[data-test=follow-item]', { hasText: ITEM_TITLE });
    await card.waitFor();
    assert.equal(await page.locator('[data-test=follow-table]').count(), 0, 'cards, not a table, on a phone');
    assert.equal(await page.locator('[data-test=late-notice]').count(), 0, 'the notice is for the office');
    await card.locator('[data-test=follow-progress]').click();
    await page.waitForSelector('[data-test=follow-note-form]');
    await page.fill('#follow-note', '已起草清单，正征求各部门意见');
    await page.click('.el-dialog:visible [data-test=dialog-save]');
    await page.locator('[data-test=follow-note-form]').waitFor({ state: 'detached' });
    await page.locator('[data-test=follow-item]', { hasText: '已起草清单' }).waitFor();
    await page.waitForTimeout(300);
    await assertNoSideScroll(page, 'the unit’s 成果转化 at 390 px');
    await assertAccessible(page, 'the unit’s 成果转化 (phone)');
    saved.push(...(await shots(page, 'consultations-follow-unit', PHONE_390)));
    await page.locator('[data-test=follow-item]', { hasText: ITEM_TITLE }).locator('[data-test=follow-close]').click();
    await page.waitForSelector('[data-test=follow-note-form]');
    await page.fill('#follow-note', '清单已印发实施，首批32个事项一次办');
    await page.click('.el-dialog:visible [data-test=dialog-save]');
    await page.locator('[data-test=follow-note-form]').waitFor({ state: 'detached' });
    await page.click('[data-test=follow-filter-done]');
    await page.locator('[data-test=follow-item][data-state=done]', { hasText: ITEM_TITLE }).waitFor();
    await page.setViewportSize(WIDE);
  });

  test('the lead leader records 采纳 and the topic is concluded', async () => {
    await loginAs(LEADER);
    await page.goto(topicUrl);
    await page.waitForSelector('[data-test=outcome][data-state=sent]');
    await outcomeStep('record_adoption', async () => {
      await page.click('[data-test=adoption-adopted]');
      await page.fill('#outcome-note', '区政府专题会议研究采纳');
    });
    await page.waitForSelector('[data-test=outcome][data-state=concluded]');
    await page.waitForSelector('[data-test=topic-detail] [data-test=topic-state][data-state=concluded]');
    assert.match(await page.textContent('[data-test=topic-state]'), /已办结/);
    assert.match(await page.textContent('[data-test=outcome-adoption-tag]'), /采纳/);
    assert.match(await page.textContent('[data-test=follow-items]'), /已办结/);
    assert.match(await page.textContent('[data-test=topic-phases]'), /成果转化中.*已办结/s);
    await assertAccessible(page, 'the concluded topic (leader)');
    saved.push(...(await shots(page, 'consultations-topic-outcomes')));
  });

  test('a member on a 390 px phone reads the published plan and the topic', async () => {
    await loginAs(MEMBER);
    await page.setViewportSize(PHONE_390);
    // /consultations/plans opens this year's plan (the demo's); the year switcher leads to ours
    await page.goto(`${srv.baseUrl}/consultations/plans`);
    await page.waitForURL(/\/consultations\/plans\/\d+$/);
    await page.goto(planUrl);
    await page.waitForSelector('[data-test=plan-state][data-state=published]');
    assert.equal((await page.textContent('[data-test=plan-doc-number]')).trim(), DOC_NUMBER);
    const card = page.locator('[data-test=topic-card]', { hasText: TITLE });
    await card.waitFor();
    assert.match(await card.textContent(), /5月/);
    assert.equal(await page.locator('[data-test=topic-table]').count(), 0, 'cards, not a table, on a phone');
    assert.equal(await page.locator('[data-test=add-topic]').count(), 0, 'members read only');
    assert.equal(await page.locator('[data-test^=plan-action-]').count(), 0);
    assert.equal(await page.locator('[data-test=coverage-warnings]').count(), 0, 'coverage warnings are for staff');
    await page.waitForTimeout(300);
    await assertNoSideScroll(page, 'the plan at 390 px');
    await assertAccessible(page, 'the plan (member, phone)');
    saved.push(...(await shots(page, 'consultations-plan-member', PHONE_390)));

    await card.locator('[data-test=topic-link]').click();
    await page.waitForURL(topicUrl);
    await page.waitForSelector('[data-test=topic-detail] [data-test=topic-state][data-state=concluded]');
    assert.equal(await page.locator('[data-test=topic-actions]').count(), 0, 'no actions for a member');
    assert.match(await page.textContent('[data-test=topic-phases]'), /已办结/);
    // the server shows outcomes to the office, leaders and the units concerned, not to members
    assert.equal(await page.locator('[data-test=outcome-actions]').count(), 0);
    await page.waitForTimeout(300);
    await assertNoSideScroll(page, 'the topic at 390 px');
    await assertAccessible(page, 'the topic (member, phone)');
    saved.push(...(await shots(page, 'consultations-topic-member', PHONE_390)));
  });
});
