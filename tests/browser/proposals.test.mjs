// One proposal's whole path through the web pages, each role in its own session: a member drafts
// and submits it; proposal staff file and assign it (lead: 区发展和改革局); the unit signs for it,
// records a consultation and replies; its leader approves; staff pass it; the member answers
// 不满意; the second handling goes round again; the member's feedback closes it; the reply
// letter downloads. Along the way: batch assignment, the notification bell, the 375 px phone
// layout, axe on the member's pages, screenshots of every page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { startServer } from '../lib/server.mjs';
import { Client } from '../lib/client.mjs';
import { chooseOption, describeViolations, launchBrowser, logout, passwordLogin, PHONE, DESKTOP, screenshots, seriousViolations, submitDespiteSimilar } from './helpers.mjs';

const TITLE = '关于完善老旧小区加装电梯补贴政策的建议';
const LEAD_UNIT = '区发展和改革局';
const MEMBER = ['13900000001', 'Member12345'];
const STAFF = ['tianwei', 'Staff12345'];
const UNIT = ['fagaiju', 'Unit12345'];
const UNIT_LEAD = ['fagaiju_lead', 'Unit12345'];

/** A date a few days back (consultations cannot be dated in the future), YYYY-MM-DD. */
function daysAgo(n) {
  const d = new Date(Date.now() - n * 86400000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('a proposal from draft to closed, in the browser', () => {
  let srv;
  let browser;
  let page;
  let proposalId;

  before(async () => {
    srv = await startServer();
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

  async function openProposal() {
    await page.goto(`${srv.baseUrl}/proposals/${proposalId}`);
    await page.waitForSelector('[data-test=allowed-actions]');
  }

  /** Clicks an action the server allows, fills its form with `fill`, confirms, waits for `state`. */
  async function act(action, state, fill = async () => {}) {
    await page.click(`[data-test=action-${action}]`);
    await page.waitForSelector('.action-dialog [data-test=action-confirm]');
    await fill();
    await page.click('.action-dialog [data-test=action-confirm]');
    await page.waitForSelector('.action-dialog', { state: 'detached' });
    await page.waitForSelector(`.head [data-state=${state}]`);
  }

  /** Writes the reply in the reply editor: the category's template first, then `body`, and submits it. */
  async function reply(category, body, { look = false } = {}) {
    await page.click('[data-test=action-submit_reply]');
    await page.waitForSelector('[data-test=reply-editor] textarea[data-test=reply-body]');
    await page.click(`[data-test=reply-category] >> text=${category}`);
    // Choosing a category with nothing written starts from its template, whose guidance shows.
    await page.waitForSelector('[data-test=reply-prompts]');
    const template = await page.inputValue('textarea[data-test=reply-body]');
    assert.match(template, /收悉/);
    assert.match(template, /【请/);
    // Submitting the template as it is is refused before anything is sent.
    await page.click('[data-test=reply-submit]');
    await page.locator('[data-test=reply-editor] .el-form-item__error', { hasText: '模板提示' }).waitFor();
    await page.fill('textarea[data-test=reply-body]', body);
    await page.waitForSelector('[data-test=reply-prompts]', { state: 'detached' });
    await page.click('[data-test=reply-save]');
    await page.locator('[data-test=reply-saved]', { hasText: '草稿已于' }).waitFor();
    if (look) {
      await page.click('[data-test=reply-editor] .el-tabs__item:has-text("预览答复函")');
      await page.locator('[data-test=reply-preview] .block.title', { hasText: '提案的答复' }).waitFor();
      const letter = await page.textContent('[data-test=reply-preview]');
      assert.ok(letter.includes(LEAD_UNIT), letter);
      assert.equal(letter.split('委员：').length - 1, 1, `one salutation: ${letter}`);
      await screenshots(page, 'reply-editor');
    }
    await page.click('[data-test=reply-submit]');
    await page.click('.el-message-box__btns .el-button--primary');
    await page.waitForSelector('[data-test=reply-editor]', { state: 'detached' });
    await page.waitForSelector('.head [data-state=reply_unit_review]');
  }

  async function actions() {
    return page.locator('[data-test=allowed-actions] [data-test^=action-]').evaluateAll((els) => els.map((e) => e.dataset.test.slice(7)));
  }

  async function detailFromApi([login, password]) {
    const c = new Client(srv.baseUrl);
    await c.login(login, password);
    return (await c.get(`/api/v1/proposals/${proposalId}`)).body;
  }

  test('the member writes a draft on a phone, sees the one-matter rule, and submits it', async () => {
    await loginAs(MEMBER);
    await page.setViewportSize(PHONE);
    await page.click('[data-test=menu-toggle]');
    await page.click('[data-test="menu-drawer"] [data-test="menu-item-/proposals/mine"]');
    await page.waitForURL(/\/proposals\/mine/);
    await page.click('[data-test=new-proposal]');
    await page.waitForSelector('[data-test=proposal-form]');
    assert.match(await page.textContent('[data-test=one-matter-rule]'), /一事一案/);
    // The title rule is checked before anything is sent.
    await page.fill('#p-title', '加装电梯');
    await page.click('[data-test=save-draft]');
    await page.waitForSelector('.el-form-item__error:has-text("关于")');
    await page.fill('#p-title', TITLE);
    // The title shows its limit (the server's) and how much of it is used.
    assert.equal((await page.textContent('[data-test=proposal-form] .el-input__count')).replace(/\s/g, ''), `${[...TITLE].length}/50`);
    assert.match(await page.textContent('#p-title-hint'), /不超过 50 个字/);
    await chooseOption(page, '[data-test=p-category]', '城市建设');
    await page.fill('#p-keywords', '加装电梯 老旧小区');
    await chooseOption(page, '[data-test=p-units]', LEAD_UNIT);
    await page.keyboard.press('Escape');
    await page.fill('#p-situation', '我区2000年前建成的老旧小区约有多层住宅1200栋，绝大多数没有电梯，老年居民上下楼困难。');
    await page.fill('#p-analysis', '加装电梯补贴标准偏低、审批环节多，低楼层住户意见难以协调。');
    await page.fill('#p-suggestions', '一、提高加装电梯财政补贴标准；二、推行并联审批；三、建立低楼层住户补偿协商机制。');
    await page.click('[data-test=save-draft]');
    await page.waitForURL(/\/proposals\/\d+\/edit$/);
    proposalId = Number(page.url().match(/proposals\/(\d+)\/edit/)[1]);
    // a saved draft takes attachments: a PDF goes up, a spreadsheet is refused in the page
    await page.setInputFiles('[data-test=attachment-input]', { name: '调研数据.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n') });
    await page.waitForSelector('[data-test=attachments] li:has-text("调研数据.pdf")');
    await page.setInputFiles('[data-test=attachment-input]', { name: '表格.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK') });
    await page.waitForSelector('.el-message:has-text("只能上传")');
    const violations = await seriousViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await screenshots(page, 'proposal-editor');
    await page.setViewportSize(PHONE);
    await page.click('[data-test=submit-proposal]');
    await submitDespiteSimilar(page);
    assert.match(page.url(), new RegExp(`/proposals/${proposalId}$`));
    await page.waitForSelector('.head [data-state=submitted]');
    assert.deepEqual(await actions(), ['withdraw'], 'after submitting the member can only withdraw');
    await page.setViewportSize(DESKTOP);
  });

  test('我的提案 lists it under 已提交, as cards on a phone', async () => {
    await page.goto(`${srv.baseUrl}/proposals/mine?tab=submitted`);
    await page.waitForSelector(`[data-test=list-submitted] [data-test=proposal-link-${proposalId}]`);
    await page.setViewportSize(PHONE);
    await page.waitForSelector('[data-test=list-submitted] .card');
    const violations = await seriousViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await screenshots(page, 'my-proposals');
  });

  test('staff file it from the review queue and assign it to 区发展和改革局', async () => {
    await loginAs(STAFF);
    await page.click('[data-test="menu-item-/proposals/workbench"]');
    await page.waitForSelector(`[data-test=list-review] [data-test=proposal-link-${proposalId}]`);
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      const violations = await seriousViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    }
    await page.setViewportSize(DESKTOP);
    await screenshots(page, 'staff-workbench');
    await page.click(`[data-test=list-review] [data-test=proposal-link-${proposalId}]`);
    await page.waitForSelector('[data-test=allowed-actions]');
    assert.deepEqual((await actions()).sort(), ['decline', 'file', 'merge', 'return_for_revision']);
    await act('file', 'filed');
    assert.match(await page.textContent('.proposal-detail'), /十四届五次会议 第\d{4}号/);
    await page.click('[data-test=action-assign]');
    await page.waitForSelector('[data-test=assign-field]');
    // the rule of each handling type is checked in the page
    await page.click('[data-test=handling-type] >> text=主办+协办');
    await chooseOption(page, '[data-test=unit-select-0]', LEAD_UNIT);
    await page.click('.action-dialog [data-test=action-confirm]');
    await page.waitForSelector('.assign-field .error:has-text("协办")');
    await page.click('[data-test=handling-type] >> text=单办');
    await screenshots(page, 'proposal-assign');
    await page.click('.action-dialog [data-test=action-confirm]');
    await page.waitForSelector('.action-dialog', { state: 'detached' });
    await page.waitForSelector('.head [data-state=assigned]');
    assert.match(await page.textContent('[data-test=assignments]'), new RegExp(LEAD_UNIT));
  });

  test('staff assign two filed proposals at once from the workbench', async () => {
    const member = new Client(srv.baseUrl);
    await member.login(...MEMBER);
    const staff = new Client(srv.baseUrl);
    await staff.login(...STAFF);
    const ids = [];
    for (const topic of ['社区食堂', '口袋公园']) {
      let p = (await member.post('/api/v1/proposals', { title: `关于建设${topic}的建议`, suggestions: '建议。', category: '城市建设' })).body;
      p = (await member.post(`/api/v1/proposals/${p.id}/transitions`, { action: 'submit', version: p.version })).body;
      p = (await staff.post(`/api/v1/proposals/${p.id}/transitions`, { action: 'file', version: p.version })).body;
      assert.equal(p.state, 'filed');
      ids.push(p.id);
    }
    await page.goto(`${srv.baseUrl}/proposals/workbench?tab=assign`);
    for (const id of ids) {
      const row = page.locator('.el-table__row', { has: page.locator(`[data-test=proposal-link-${id}]`) });
      await row.locator('[data-test=row-check]').click();
    }
    await page.click('[data-test=batch-assign]');
    await page.waitForSelector('[data-test=batch-chosen]');
    assert.equal(await page.locator('[data-test=batch-chosen] li').count(), 2);
    await chooseOption(page, '[data-test=unit-select-0]', '区教育局');
    await page.click('[data-test=batch-confirm]');
    await page.waitForSelector('[data-test=batch-chosen]', { state: 'hidden' });
    for (const id of ids) assert.equal((await staff.get(`/api/v1/proposals/${id}`)).body.state, 'assigned');
  });

  test('the unit signs for it, records a consultation and replies', async () => {
    await loginAs(UNIT);
    await page.click('[data-test="menu-item-/proposals/unit"]');
    await page.waitForSelector(`[data-test=list-sign] [data-test=proposal-link-${proposalId}]`);
    await screenshots(page, 'unit-workbench');
    // Overdue counts are working days (the committee's calendar), and say so.
    const unitApi = new Client(srv.baseUrl);
    await unitApi.login(...UNIT);
    const late = (await unitApi.get('/api/v1/proposals?overdue=true&page_size=1')).body.items[0];
    await page.click('[data-test=unit-tabs] .el-tabs__item:has-text("已超期")');
    if (late) {
      await page.waitForSelector(`[data-test=list-overdue] [data-test=proposal-link-${late.id}]`);
      const tags = await page.locator('[data-test=list-overdue] [data-test=deadline]').allTextContents();
      assert.ok(tags.length > 0);
      for (const tag of tags) assert.match(tag, /已超期 \d+ 个工作日/);
    }
    await page.click('[data-test=unit-tabs] .el-tabs__item:has-text("待签收")');
    await page.click(`[data-test=list-sign] [data-test=proposal-link-${proposalId}]`);
    await page.waitForSelector('[data-test=allowed-actions]');
    // The unit (which may not list units) sees the suggested unit by its name.
    assert.equal(await page.textContent('[data-test=suggested-units]'), LEAD_UNIT);
    await act('sign', 'in_handling');
    // Told what happened, as a person would say it.
    await page.locator('.el-message--success', { hasText: '已签收' }).waitFor();
    await act('record_consultation', 'in_handling', async () => {
      await page.click('[data-test=field-method] >> text=见面');
      await page.fill('#act-held_on', daysAgo(2));
      await page.keyboard.press('Enter');
      await page.fill('#act-people', '王敏委员、发改局何磊');
      await page.fill('#act-content', '当面听取了委员对补贴标准和审批流程的意见。');
      await screenshots(page, 'proposal-consultation');
    });
    await page.waitForSelector('[data-test=consultation]');
    await reply('B 类', '王敏委员：您提出的关于完善老旧小区加装电梯补贴政策的建议收悉。我局已会同相关部门研究，拟于明年提高补贴标准。', { look: true });
  });

  test('its leader approves and staff pass the reply', async () => {
    await loginAs(UNIT_LEAD);
    await page.click('[data-test="menu-item-/proposals/unit"]');
    await page.waitForSelector(`[data-test=list-approval] [data-test=proposal-link-${proposalId}]`);
    await page.click(`[data-test=list-approval] [data-test=proposal-link-${proposalId}]`);
    await page.waitForSelector('[data-test=allowed-actions]');
    assert.deepEqual((await actions()).sort(), ['approve_reply', 'reject_reply']);
    await act('approve_reply', 'reply_cppcc_review');

    await loginAs(STAFF);
    await page.goto(`${srv.baseUrl}/proposals/workbench?tab=replies`);
    await page.click(`[data-test=list-replies] [data-test=proposal-link-${proposalId}]`);
    await page.waitForSelector('[data-test=allowed-actions]');
    await act('pass_reply', 'replied');
    // a B reply carries follow-up items the proposer can watch
    await page.click('[data-test=add-follow-up]');
    await page.fill('#fu-commitment', '明年一季度出台新的加装电梯补贴办法');
    await page.fill('#fu-due', '2027-03-31');
    await page.keyboard.press('Enter');
    await page.click('[data-test=follow-up-save]');
    await page.waitForSelector('[data-test=follow-ups] article:has-text("补贴办法")');
  });

  test('the member is notified, reads the reply and answers 不满意: second handling', async () => {
    await loginAs(MEMBER);
    await page.waitForSelector('[data-test=notification-count] .el-badge__content:not([style*="display: none"])');
    await page.click('[data-test=notification-bell]');
    await page.waitForURL(/\/notifications$/);
    await page.waitForSelector('[data-test=notifications] li');
    await screenshots(page, 'notifications');
    await page.locator('[data-test=notifications] button', { hasText: TITLE }).first().click();
    await page.waitForURL(new RegExp(`/proposals/${proposalId}$`));
    await page.waitForSelector('[data-test=reply]');
    assert.match(await page.textContent('[data-test=follow-ups]'), /补贴办法/);
    await page.setViewportSize(PHONE);
    await act('feedback', 'second_handling', async () => {
      await page.click('[data-test=field-rating] >> text=不满意');
      await page.click('[data-test=field-consulted] >> text=当面沟通');
      await page.click('[data-test=field-attitude] >> text=一般');
      await page.click('[data-test=field-answers_proposal] >> text=部分');
      await page.fill('#act-comment', '补贴提高的时间表不明确。');
      const violations = await seriousViolations(page, { include: '.action-dialog' });
      assert.equal(violations.length, 0, describeViolations(violations));
      await page.screenshot({ path: new URL('../output/screenshots/proposal-feedback-phone.png', import.meta.url).pathname, fullPage: true });
    });
    await page.setViewportSize(DESKTOP);
    assert.equal((await detailFromApi(MEMBER)).round, 2);
  });

  test('second handling: the unit replies again, its leader approves, staff pass', async () => {
    await loginAs(UNIT);
    await page.goto(`${srv.baseUrl}/proposals/unit?tab=handling`);
    await page.click(`[data-test=list-handling] [data-test=proposal-link-${proposalId}]`);
    await page.waitForSelector('[data-test=allowed-actions]');
    await reply('A 类', '补充答复：新的补贴标准将于明年3月1日起执行，审批改为并联办理。');
    await loginAs(UNIT_LEAD);
    await openProposal();
    await act('approve_reply', 'reply_cppcc_review');
    await loginAs(STAFF);
    await openProposal();
    await act('pass_reply', 'replied');
  });

  test('the member gives feedback and the proposal closes; the timeline shows every step', async () => {
    await loginAs(MEMBER);
    await page.goto(`${srv.baseUrl}/proposals/mine?tab=replied`);
    await page.click(`[data-test=row-feedback-${proposalId}]`);
    // ?action=feedback opens the form at once
    await page.waitForSelector('[data-test=action-form-feedback]');
    await page.click('[data-test=field-rating] >> text=基本满意');
    await page.click('[data-test=field-consulted] >> text=当面沟通');
    await page.click('[data-test=field-attitude] >> text=好');
    await page.click('[data-test=field-answers_proposal] >> text=是');
    await page.click('.action-dialog [data-test=action-confirm]');
    await page.waitForSelector('.head [data-state=closed]');
    const timeline = await page.textContent('[data-test=timeline]');
    for (const step of ['提交', '立案', '交办', '签收', '记录办理协商', '提交答复', '审核通过答复', '审核通过并发送', '反馈意见']) assert.ok(timeline.includes(step), `timeline shows ${step}`);
    assert.equal(await page.locator('[data-test=reply]').count(), 2);
    assert.equal(await page.locator('[data-test=feedback]').count(), 2);
    await page.waitForSelector('.el-message', { state: 'detached' });
    const violations = await seriousViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await screenshots(page, 'proposal-closed');
  });

  test('the reply letter downloads and carries the reply', async (t) => {
    const link = page.locator('[data-test=doc-reply-letter]');
    assert.equal(await link.getAttribute('data-href'), `/api/v1/proposals/${proposalId}/documents/reply-letter.docx`);
    // The proposal is closed with two released replies: the letter must be there (no 404 allowed).
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.match(download.suggestedFilename(), /\.docx$/);
    const path = await download.path();
    assert.ok(path, 'the file was saved');
    const head = readFileSync(path).subarray(0, 2).toString('latin1');
    assert.equal(head, 'PK', 'a .docx is a zip');
    const text = execFileSync('/usr/bin/python3', ['-c', 'import docx, sys\nfor p in docx.Document(sys.argv[1]).paragraphs: print(p.text)', path]).toString();
    assert.match(text, /的答复/);
    assert.match(text, /新的补贴标准将于明年3月1日起执行/);
    t.diagnostic(`reply letter downloaded: ${download.suggestedFilename()}`);
  });

  test('staff mark it as a key proposal and the leader finds it on the home page', async () => {
    await loginAs(STAFF);
    await openProposal();
    await page.click('[data-test=action-mark_key]');
    await page.waitForSelector('[data-test=action-form-mark_key]');
    // proposal staff may not list the leaders (GET /users is for admins): the form says so
    await page.waitForSelector('[data-test=unavailable-leader_ids], [data-test=field-leader_ids]');
    await chooseOption(page, '[data-test=field-special_committee_id]', '经济委员会');
    await page.click('.action-dialog [data-test=action-confirm]');
    await page.waitForSelector('.action-dialog', { state: 'detached' });
    await page.waitForSelector('.head .el-tag:has-text("重点提案")');

    await loginAs(['zhuxi', 'Leader12345']);
    await page.waitForSelector('[data-test=home-tasks]');
    await page.waitForSelector(`[data-test=home-tasks] a[href="/proposals/${proposalId}"]`);
    await screenshots(page, 'home-leader');
    await page.click('[data-test="menu-item-/proposals/key"]');
    await page.waitForSelector(`[data-test=list-key] [data-test=proposal-link-${proposalId}]`);
  });

  test('a group contact asks 王敏 to co-sign; she accepts on 联名邀请', async () => {
    const contact = new Client(srv.baseUrl);
    await contact.login('minmeng', 'Group12345');
    const directory = (await contact.get(`/api/v1/members/directory?q=${encodeURIComponent('王敏')}`)).body.items;
    const wang = directory.find((m) => m.name === '王敏');
    assert.ok(wang, 'the directory finds 王敏');
    let p = (await contact.post('/api/v1/proposals', { title: '关于推进中小学课后服务的建议', suggestions: '建议。', category: '科教文卫', kind: 'joint', cosigner_member_ids: [wang.id] })).body;
    p = (await contact.post(`/api/v1/proposals/${p.id}/transitions`, { action: 'submit', version: p.version })).body;
    assert.equal(p.state, 'awaiting_cosign');

    await loginAs(MEMBER);
    // 我的待办 counts the invitation and lists it.
    await page.waitForSelector(`[data-test=home-cosign-list] a[href="/proposals/${p.id}"]`);
    assert.ok(Number(await page.textContent('[data-test=task-mine-cosign] .count')) >= 1);
    await page.click('[data-test="menu-item-/proposals/cosign"]');
    await page.waitForSelector(`[data-test=cosign-${p.id}]`);
    await page.setViewportSize(PHONE);
    await screenshots(page, 'cosign-requests');
    await page.click(`[data-test=cosign-${p.id}] [data-test=cosign-accept]`);
    await page.click('.el-message-box .el-button--primary');
    await page.waitForSelector(`[data-test=cosign-${p.id}]`, { state: 'detached' });
    assert.equal((await contact.get(`/api/v1/proposals/${p.id}`)).body.state, 'submitted');
  });

  test('staff set a holiday in the working-day calendar', async () => {
    await loginAs(STAFF);
    await page.goto(`${srv.baseUrl}/admin/calendar`);
    await page.click('[data-test=add]');
    await page.fill('#cal-day', '2030-10-01');
    await page.keyboard.press('Enter');
    await page.fill('#cal-name', '国庆节');
    await page.click('[data-test=dialog-save]');
    await page.waitForSelector('.el-dialog', { state: 'hidden' });
    await chooseOption(page, '[data-test=filter-year]', '2030');
    await page.waitForSelector('.el-table__row:has-text("国庆节")');
    assert.match(await page.textContent('.el-table__row:has-text("国庆节")'), /节假日/);
    await screenshots(page, 'calendar');
  });
  test('staff choose which notices go by SMS and edit a reply template', async () => {
    await loginAs(STAFF);
    await page.goto(`${srv.baseUrl}/admin/proposal-settings`);
    await page.waitForSelector('[data-test=settings-sms]');
    const sms = await page.textContent('[data-test=settings-sms]');
    for (const label of ['交办提案（请承办单位签收）', '期限提醒', '超期督办', '提案立案']) assert.ok(sms.includes(label), label);
    assert.doesNotMatch(sms, /proposal\.|deadline\./, 'no raw codes');
    await page.waitForSelector('[data-test=reply-templates] textarea[data-test=reply-template-A]');
    const text = await page.inputValue('textarea[data-test=reply-template-A]');
    assert.match(text, /\{title\}/);
    await page.fill('textarea[data-test=reply-template-A]', `${text}\n（本委员会补充的结束语）`);
    await page.click('[data-test=reply-template-save-A]');
    await page.locator('.el-message--success', { hasText: '答复模板已保存' }).waitFor();
    await page.locator('[data-test=reply-templates] .el-tag', { hasText: '本委员会自定' }).waitFor();
    await screenshots(page, 'proposal-settings');
  });
});
