// Browser-test helpers: Debian's chromium through playwright-core (never a downloaded browser),
// screenshots at desktop and phone widths, axe-core checks, and the captcha/SMS test hooks.
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.SL_CHROMIUM || '/usr/bin/chromium';
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };
export const SCREENSHOT_DIR = new URL('../output/screenshots/', import.meta.url).pathname;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches chromium with a fresh profile folder. Returns { context, page, close() }; `close`
 * also removes the profile.
 */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'sl-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: DESKTOP,
    locale: 'zh-CN',
    timeout: 60000,
  });
  context.setDefaultTimeout(15000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves `name`-desktop.png (1280×800) and `name`-phone.png (375×812) of the current page. */
export async function screenshots(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(300);
}

/** Runs axe-core (WCAG 2 A/AA) on the page; answers the serious and critical violations. */
export async function seriousViolations(page, { include } = {}) {
  // half-faded dialogs would fail the contrast check: let transitions finish first
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))));
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  // evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly blocks inline scripts
  if (!hasAxe) await page.evaluate(`${AXE_SOURCE}\n;true`);
  const result = await page.evaluate(async (context) => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run(context ?? document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }, include ?? null);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Formats violations for an assertion message. */
export function describeViolations(violations) {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');
}

/**
 * Starts waiting for the next captcha the page loads; the returned function answers its
 * solution, read through the server's test-only route.
 */
export function nextCaptcha(page, baseUrl) {
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/auth/captcha') && r.request().method() === 'GET');
  return async () => {
    const res = await answered;
    const { id } = await res.json();
    const r = await fetch(`${baseUrl}/api/v1/test/captcha/${id}`);
    if (!r.ok) throw new Error(`captcha ${id}: ${r.status}`);
    return (await r.json()).answer;
  };
}

/** Waits for the SMS code the log gateway "sent" to `phone` after `since` log characters. */
export async function waitForSmsCode(server, phone, since = 0, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = server
      .log()
      .slice(since)
      .split('\n')
      .filter((l) => l.includes('sms gateway=log') && l.includes(`phone=${phone}`));
    if (lines.length) {
      const m = lines[lines.length - 1].match(/text=.*?(\d{6})/);
      if (m) return m[1];
    }
    if (Date.now() > deadline) throw new Error(`no SMS code for ${phone} in the server log`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Picks `label` in the Element Plus select found by `selector`. */
export async function chooseOption(page, selector, label) {
  await page.click(selector);
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: label }).first();
  await option.click();
}

/** Logs in with the password form (no captcha). */
export async function passwordLogin(page, baseUrl, login, password) {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#login-account', login);
  await page.fill('#login-password', password);
  await page.click('[data-test=login-submit]');
}

/** Logs out through the user menu and waits for the log-in page. */
export async function logout(page) {
  await page.click('[data-test=user-menu]');
  await page.click('[data-test=logout]:visible');
  await page.waitForURL(/\/login/);
}

/**
 * After a click on 提交: the editor may first ask whether to submit although similar proposals
 * exist (demo proposals on nearby matters); answer 仍要提交 and wait for the proposal page.
 */
export async function submitDespiteSimilar(page) {
  const similar = page.locator('.el-message-box:has([data-test=similar-confirm])');
  await Promise.race([
    page.waitForURL(/\/proposals\/\d+$/),
    similar
      .waitFor()
      .then(() => similar.locator('.el-message-box__btns .el-button--primary').click())
      .catch(() => {}),
  ]);
  await page.waitForURL(/\/proposals\/\d+$/);
}
