import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en as commonEn } from '../../web/src/i18n/sections/common.js';
import { login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { PASSWORD } from '../support/test-app.js';
import { consoleAndBrowser, openPage, screenshot } from './support/browser.js';

/** Sign in through the API (the context keeps the session cookie). */
async function signInByApi(context: BrowserContext, username: string) {
  const res = await context.request.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(res.status()).toBe(200);
}

/** Every JavaScript file the page fetches, with its text. */
function scripts(page: Page): { urls: string[]; texts(): Promise<string[]> } {
  const urls: string[] = [];
  const bodies: Array<Promise<string>> = [];
  page.on('response', (res) => {
    if (!res.url().endsWith('.js')) return;
    urls.push(new URL(res.url()).pathname);
    const body = res.text();
    // A file fetched after the last look is read, if at all, after the page has closed: not a failure.
    body.catch(() => undefined);
    bodies.push(body);
  });
  return { urls, texts: () => Promise.all(bodies) };
}

/**
 * Every line of text the page ever shows, from the first paint on (a MutationObserver installed before
 * the page's own scripts): a flash of the wrong language or of raw keys is caught even if it is brief.
 */
async function recordEveryText(context: BrowserContext) {
  await context.addInitScript(() => {
    const seen = new Set<string>();
    (window as unknown as { __seen: Set<string> }).__seen = seen;
    new MutationObserver(() => {
      for (const line of document.body?.innerText.split('\n') ?? []) if (line.trim()) seen.add(line.trim());
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}
const everyText = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { __seen: Set<string> }).__seen]);
/** The unread count on the bell, as shown (the badge keeps other digits in hidden nodes). */
const unread = (page: Page) => page.getByTestId('inbox-count').innerText();
/** Lines that are Chinese, or an untranslated key such as `nav.workbench`. */
const chineseOrKeys = (lines: string[]) =>
  lines.filter((l) => /[\u4e00-\u9fff]/.test(l) || /^[a-z]+(\.[a-zA-Z]+)+$/.test(l));

// Words only the English catalog has: they must not travel with a Chinese first page.
const ENGLISH_ONLY = [commonEn['nav.registerNotAllowed'], commonEn['login.title']];

describe('the console’s first page loads what it shows', () => {
  const env = consoleAndBrowser();

  it('brings the workbench in Chinese without the English words, the notices drawer, the charts, the dialogs or the form engine', async () => {
    const w = await openPage(env.browser, env.server.baseUrl);
    await signInByApi(w.context, 'agent');
    const loaded = scripts(w.page);
    await w.page.goto('/workbench');
    await w.page.getByRole('tab', { name: '我的待办' }).waitFor();
    await w.page.waitForLoadState('networkidle');
    const texts = await loaded.texts();
    for (const words of ENGLISH_ONLY)
      expect(
        texts.some((t) => t.includes(words)),
        words,
      ).toBe(false);
    expect(
      loaded.urls.filter((u) => /echarts|InboxDrawer|LoginPage|BulkModal|SaveViewDialog/.test(u)),
    ).toEqual([]);
    // Nor Ant Design's form engine (its fields' `validateTrigger`): the workbench shows no form.
    expect(texts.some((t) => t.includes('validateTrigger'))).toBe(false);

    // Chosen, English arrives in a file of its own, and the shell speaks it.
    await w.page.getByTestId('language').click();
    await w.page.getByRole('tab', { name: 'My queue' }).waitFor();
    expect((await loaded.texts()).some((t) => t.includes(commonEn['nav.registerNotAllowed']))).toBe(true);
    await w.page.getByTestId('language').click();
    await w.page.getByRole('tab', { name: '我的待办' }).waitFor();
    // No notices yet: the drawer says so.
    await w.page.getByRole('button', { name: '通知' }).click();
    await w.page.getByRole('dialog').getByText('无', { exact: true }).waitFor();
    w.expectClean();
    await w.context.close();
  });

  it('opens in English for someone who chose it, with no flash of Chinese or of raw keys', async () => {
    const w = await openPage(env.browser, env.server.baseUrl);
    await signInByApi(w.context, 'agent');
    await w.context.addInitScript(() => localStorage.setItem('kesu.locale', 'en'));
    await recordEveryText(w.context);
    await w.page.goto('/workbench');
    await w.page.getByRole('tab', { name: 'My queue' }).waitFor();
    await w.page.waitForLoadState('networkidle');
    expect(await w.page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The user's name and the button back to Chinese are the only Chinese words.
    const shown = chineseOrKeys(await everyText(w.page)).filter((l) => l !== '中文' && !l.includes('陈坐席'));
    expect(shown).toEqual([]);
    await screenshot(w.page, 'first-page-en');

    // Back to Chinese and to English again: each switch shows the whole page in the new language at once.
    await w.page.getByTestId('language').click();
    await w.page.getByRole('tab', { name: '我的待办' }).waitFor();
    await w.page.getByTestId('language').click();
    await w.page.getByRole('tab', { name: 'My queue' }).waitFor();
    expect((await everyText(w.page)).filter((l) => /^[a-z]+(\.[a-zA-Z]+)+$/.test(l))).toEqual([]);
    w.expectClean();
    await w.context.close();
  });

  it('opens the notices in their drawer, fetched on demand, and a notice leads to its complaint', async () => {
    // A major complaint tells the manager at once (站内信).
    const agent = await login(env.server.http, 'agent');
    const { number } = await agent.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(env.server.org, { majorReasons: ['injury'] }),
    );
    const w = await openPage(env.browser, env.server.baseUrl);
    await signInByApi(w.context, 'manager');
    const loaded = scripts(w.page);
    await w.page.goto('/workbench');
    await expect.poll(() => unread(w.page)).toBe('1');
    expect(loaded.urls.filter((u) => u.includes('InboxDrawer'))).toEqual([]);

    await w.page.getByRole('button', { name: '通知' }).click();
    const drawer = w.page.getByRole('dialog');
    const notice = drawer.getByRole('button', { name: `重大客诉 ${number}` });
    await notice.waitFor();
    await screenshot(w.page, 'inbox-drawer');
    await notice.click();
    await w.page.waitForURL(`**/complaints/${number}`);
    await expect.poll(() => drawer.isVisible()).toBe(false);
    await expect.poll(() => unread(w.page)).toBe('');

    // Two more: 全部已读 reads both at once.
    for (let i = 0; i < 2; i++)
      await agent.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(env.server.org, { majorReasons: ['injury'] }),
      );
    await w.page.reload();
    await expect.poll(() => unread(w.page)).toBe('2');
    await w.page.getByRole('button', { name: '通知' }).click();
    await drawer.getByTestId('inbox-read-all').click();
    await expect.poll(() => unread(w.page)).toBe('');
    await expect.poll(() => drawer.getByTestId('inbox-read-all').isDisabled()).toBe(true);
    w.expectClean();
    await w.context.close();
  });
});
