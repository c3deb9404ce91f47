import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { consoleAndBrowser, openPage, screenshot } from './support/browser.js';
import { tabTo, typeInto } from './support/keyboard.js';
import { chooseCategory, startRegistration } from './support/register.js';

// The browser is slow when the machine is busy: generous time for each test.
const SLOW = 150_000;

/** A clear delay complaint: the shipped model is sure of its category and fills it in. */
const DELAY = {
  title: '快递五天了还没送到',
  content: '寄出五天了，物流一直停在中转站没有更新，比承诺的时效晚了三天，什么时候能送到？',
};

/** What a select of the form (the category cascader, the priority) shows. */
const shown = (page: Page, id: 'categoryId' | 'priority') =>
  page.locator(`.ant-form-item:has(#${id}) .ant-select-content`).innerText();
const categoryShown = (page: Page) => shown(page, 'categoryId');

/** The accessible name of the focused element: its label, aria-label or text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const byFor = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    const labelledBy = el.getAttribute('aria-labelledby');
    const byRef = labelledBy ? document.getElementById(labelledBy.split(' ')[0] ?? '') : null;
    return (
      el.getAttribute('aria-label') ??
      byFor?.textContent ??
      byRef?.textContent ??
      el.closest('label')?.textContent ??
      el.textContent ??
      ''
    ).trim();
  });

/** Tab from the phone number to the submit button: the names of every stop on the way. */
async function tabStops(page: Page): Promise<string[]> {
  await page.locator('#complainant_phone').focus();
  const stops: string[] = [];
  for (let i = 0; i < 80; i++) {
    const name = await focusedName(page);
    stops.push(name);
    if (/^登记投诉$|^Register complaint$/.test(name)) return stops;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the submit button: ${stops.join(' | ')}`);
}

async function openForm(page: Page, phone: string) {
  await startRegistration(page, phone, '吴先生');
  await typeInto(page, '标题', DELAY.title);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DELAY.content);
  // The suggestion fills in the category; if it does not, the failure says what the page showed.
  await page
    .getByTestId('suggestion-category-auto')
    .waitFor({ timeout: 40_000 })
    .catch(async (e: Error) => {
      const card = await page.getByTestId('suggestions').innerText();
      const content = await page.locator('#content').inputValue();
      throw new Error(
        `${e.message}\nsuggestions: ${card}\ncontent: ${content}\nfocus: ${await focusedName(page)}`,
      );
    });
  await expect.poll(() => categoryShown(page)).toMatch(/^延误 \/ /);
}

describe('the registration form by keyboard', () => {
  const env = consoleAndBrowser('sqlite');

  /** Ctrl+Enter registers; the complaint as the API then has it. */
  async function registerAndRead(page: Page) {
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('register-result').waitFor();
    const number = (await page.getByTestId('registered-number').innerText()).trim();
    const agent = await login(env.server.http, 'agent');
    return { agent, record: await agent.ok('GET', `/api/v1/complaints/${number}`) };
  }

  /** A test on the form with a caller and a delay complaint typed in; the browser's console stays clean. */
  function onForm(
    name: string,
    phone: string,
    body: (page: Page, requests: string[]) => Promise<void>,
    viewport?: { width: number; height: number },
  ) {
    it(
      name,
      async () => {
        const w = await openPage(env.browser, env.server.baseUrl, viewport ? { viewport } : {});
        // The API requests the page makes ("GET /api/v1/categories").
        const requests: string[] = [];
        w.page.on('request', (r) => {
          const url = new URL(r.url());
          if (url.pathname.startsWith('/api/')) requests.push(`${r.method()} ${url.pathname}`);
        });
        await openForm(w.page, phone);
        await body(w.page, requests);
        w.expectClean();
        await w.context.close();
      },
      SLOW,
    );
  }

  onForm(
    'keeps the category when Enter is pressed in its search, and registers with it',
    '13900007001',
    async (page) => {
      const suggested = await categoryShown(page);

      // Searching without picking a match, then Enter: the suggested category stays.
      await tabTo(page, '分类');
      await page.keyboard.type('中转');
      await page.getByRole('menuitemcheckbox', { name: /中转/ }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      await expect.poll(() => categoryShown(page)).toBe(suggested);

      // Searching, picking a match with the arrows, Enter: that match is the category.
      await chooseCategory(page, '中转延误');
      await expect.poll(() => categoryShown(page)).toContain('中转延误');
      // And Enter once more, in a new search that matches nothing, does not drop it.
      await tabTo(page, '分类');
      await page.keyboard.type('无此分类');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      await expect.poll(() => categoryShown(page)).toContain('中转延误');
      await screenshot(page, 'register-category-enter');

      const { record } = await registerAndRead(page);
      expect(record.category.path.at(-1).nameZh).toBe('中转延误');
    },
  );

  onForm(
    'walks Tab through the form: the category before the optional fields, never an English "Clear"',
    '13900007002',
    async (page) => {
      // Every field that can show a clear button holds a value.
      await typeInto(page, '优先级', 'P2');
      await page.keyboard.press('Enter');
      await page.getByLabel('渠道').focus();
      await page.keyboard.type('监管转办');
      await page.keyboard.press('Enter');
      await page.getByTestId('referral-fields').waitFor();
      await typeInto(page, '转办要求办结时间', '2026-12-31 18:00');
      await page.keyboard.press('Enter');
      await typeInto(page, '诉求金额（元）', '20');

      const stops = await tabStops(page);
      expect(stops.filter((s) => /clear|清除/i.test(s))).toEqual([]);
      expect(stops.filter((s) => s === '')).toEqual([]);
      const at = (name: string) => stops.indexOf(name);
      expect(at('分类')).toBeGreaterThan(at('投诉内容（客户原话）'));
      for (const optional of ['优先级', '诉求金额（元）', '运单号', '诉求说明'])
        expect(at('分类'), `分类 before ${optional}`).toBeLessThan(at(optional));
    },
  );

  onForm('takes the priority typed on a busy PC: "1" Enter is P1', '13900007003', async (page) => {
    // A busy PC (the CPU 15 times slower): the list follows the typing late, yet the keys typed at once
    // pick what was typed (the list's own Enter took the option active before the search, and kept P3).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 15 });
    await tabTo(page, '优先级');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => shown(page, 'priority')).toBe('P1 紧急');
    // Tab takes it too, and goes on.
    await page.keyboard.type('p3');
    await page.keyboard.press('Tab');
    await expect.poll(() => shown(page, 'priority')).toBe('P3 中');
    expect(await focusedName(page)).not.toBe('优先级');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    // The arrows still choose among the matches: "p", down once, Enter is the second, P2.
    await page.locator('#priority').focus();
    await page.keyboard.type('p');
    await page.locator('.ant-select-item-option-active', { hasText: 'P1 紧急' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => shown(page, 'priority')).toBe('P2 高');
    // And so does the mouse: "p", the pointer on P4, Enter is P4.
    await page.keyboard.type('p');
    await page.locator('.ant-select-item-option', { hasText: 'P4 低' }).hover();
    await page.locator('.ant-select-item-option-active', { hasText: 'P4 低' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => shown(page, 'priority')).toBe('P4 低');

    expect((await registerAndRead(page)).record.priority).toBe('P4');
  });

  onForm('lists no alternative at 0 %', '13900007004', async (page) => {
    const agent = await login(env.server.http, 'agent');
    // The model's answer does name alternatives that round to 0 %.
    const answer = await agent.ok('POST', '/api/v1/classification/suggest', DELAY);
    const tiny = answer.alternatives.filter((a: { confidence: number }) => a.confidence < 0.005);
    expect(tiny.length).toBeGreaterThan(0);

    // The card may still show the answer for part of the text: wait for the answer to all of it.
    const card = page.getByTestId('suggestions');
    const pct = (c: number) => `${Math.round(c * 100)}%`;
    const settled = async () =>
      (await card.getAttribute('aria-busy')) === 'false' &&
      (await card.innerText()).includes(`置信度 ${pct(answer.category.confidence)}`);
    await expect.poll(settled).toBe(true);
    const shown = await card.innerText();
    for (const a of answer.alternatives.filter((a: { confidence: number }) => a.confidence >= 0.005))
      expect(shown).toContain(`${a.path.at(-1).nameZh} ${pct(a.confidence)}`);
    expect(shown).not.toMatch(/(^|\D)0%/);
    for (const a of tiny) expect(shown).not.toContain(a.path.at(-1).nameZh);
  });

  onForm(
    'says on the result page where the complaint went and by when it must be accepted',
    '13900007005',
    async (page, requests) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'register-form-1024');
      const { agent, record } = await registerAndRead(page);
      const listed = (await agent.ok('GET', `/api/v1/complaints?q=${record.number}&limit=1`)).items[0];
      await expect.poll(() => page.getByTestId('registered-unit').innerText()).toBe(listed.unit.name);
      expect(listed.dueAt).toBeTruthy();
      const due = new Date(listed.dueAt);
      const pad = (n: number) => String(n).padStart(2, '0');
      expect(await page.getByTestId('registered-due').innerText()).toContain(
        `${pad(due.getMonth() + 1)}-${pad(due.getDate())} ${pad(due.getHours())}:${pad(due.getMinutes())}`,
      );
      await screenshot(page, 'register-result-1024');

      // The same in English: the result, then a fresh form.
      await page.getByTestId('language').click();
      await expect.poll(() => page.getByTestId('register-result').innerText()).toContain('Accept by');
      await screenshot(page, 'register-result-1024-en');
      await page.getByRole('button', { name: 'Register another' }).click();
      await page.getByTestId('register-form').waitFor();
      await screenshot(page, 'register-form-1024-en');
      // Registering is one request; the categories were read once, for both forms.
      const count = (request: string) => requests.filter((r) => r === request).length;
      expect(count('POST /api/v1/complaints')).toBe(1);
      expect(count('GET /api/v1/categories')).toBe(1);
    },
    { width: 1024, height: 768 },
  );
});
