import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/client.js';
import {
  type ConsoleServer,
  chineseText,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  startConsole,
} from './support/browser.js';
import { tabTo, typeInto } from './support/keyboard.js';

// The browser is slow when the machine is busy: generous time for each test.
const SLOW = 150_000;

const DELAY = {
  title: '快递五天了还没送到',
  content: '寄出五天了，物流一直停在中转站没有更新，比承诺的时效晚了三天，什么时候能送到？',
};
const EXPLOSION = {
  title: '快递网点发生爆炸',
  content: '今天去网点取件时里面发生爆炸，我的包裹被炸坏了，人也受到惊吓。',
};

describe('classification suggestions in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let agent: Client;

  beforeAll(async () => {
    server = await startConsole('sqlite');
    browser = await launchBrowser();
    agent = await login(server.http, 'agent');
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The registration form as the agent, with the caller typed in; returns at the title field. */
  async function registerPage(page: Page, phone: string) {
    await signIn(page, 'agent');
    await page.goto('/register');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('complainant_phone');
    await page.keyboard.type(phone);
    await page.keyboard.press('Tab');
    await page.keyboard.type('周先生');
  }

  async function describeComplaint(page: Page, text: { title: string; content: string }) {
    await typeInto(page, '标题', text.title);
    await page.keyboard.press('Tab');
    await page.keyboard.type(text.content);
  }

  /**
   * The suggestion for the whole text is in: while one is on its way the card still shows the last,
   * and what is adopted from it may differ from what comes.
   */
  const suggestionIn = (page: Page) =>
    expect.poll(() => page.getByTestId('suggestions').getAttribute('aria-busy')).toBe('false');

  /** What the category cascader shows. */
  const categoryShown = (page: Page) =>
    page
      .locator('.ant-form-item')
      .filter({ has: page.locator('#categoryId') })
      .locator('.ant-select-content')
      .innerText();

  it(
    'suggests 延误 for a clear delay complaint with its confidence and fills in the category',
    async () => {
      const w = await openPage(browser, server.baseUrl);
      const { page } = w;
      await registerPage(page, '13900001234');
      await describeComplaint(page, DELAY);

      const category = page.getByTestId('suggestion-category');
      await expect.poll(() => category.innerText()).toMatch(/^分类：延误/);
      expect(await page.getByTestId('suggestion-category-confidence').innerText()).toMatch(
        /^置信度 \d{1,3}%$/,
      );
      // Confident (the shipped threshold is 85 %): filled in and marked as such.
      await page.getByTestId('suggestion-category-auto').waitFor();
      await expect.poll(() => categoryShown(page)).toMatch(/^延误 \/ /);
      expect(await page.getByTestId('auto-classified').first().innerText()).toBe('自动分类');

      await page.keyboard.press('Control+Enter');
      await page.getByTestId('register-result').waitFor();
      expect(await page.getByTestId('auto-applied').innerText()).toMatch(/^已自动分类：分类 延误 \/ /);
      const number = (await page.getByTestId('registered-number').innerText()).trim();
      const record = await agent.ok('GET', `/api/v1/complaints/${number}`);
      expect(record.category.path[0].code).toBe('delay');
      expect(record.classification.applied.category).toBe(true);
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );

  it(
    "never overwrites the agent's own category; a suggestion is one click away",
    async () => {
      const w = await openPage(browser, server.baseUrl);
      const { page } = w;
      await registerPage(page, '13900005678');
      // The agent picks a category before typing the complaint.
      await tabTo(page, '分类');
      await page.keyboard.type('外包装破损');
      await page
        .getByRole('menuitemcheckbox', { name: /外包装破损/ })
        .first()
        .waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => categoryShown(page)).toContain('外包装破损');
      await describeComplaint(page, DELAY);
      // The card may still show the answer for part of the text: adopt the answer to all of it.
      const answer = await agent.ok('POST', '/api/v1/classification/suggest', DELAY);
      expect(answer.category.path[0].code).toBe('delay');
      const card = page.getByTestId('suggestions');
      const settled = async () =>
        (await card.getAttribute('aria-busy')) === 'false' &&
        (await page.getByTestId('suggestion-category').innerText()).startsWith(
          `分类：${answer.category.path.map((p: { nameZh: string }) => p.nameZh).join(' / ')}`,
        );
      await expect.poll(settled).toBe(true);
      expect(await page.getByTestId('suggestion-category-auto').count()).toBe(0);
      expect(await categoryShown(page)).toContain('外包装破损');
      // Taking the suggestion is the agent's call, one click.
      await page.getByTestId('suggestion-category-adopt').click();
      await expect.poll(() => categoryShown(page)).toMatch(/^延误 \/ /);
      await page.getByTestId('suggestion-category-same').waitFor();
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );

  it(
    'lets the admin add a keyword rule; registration then names the rule and sets P1',
    async () => {
      const a = await openPage(browser, server.baseUrl);
      const admin = a.page;
      await signIn(admin, 'admin');
      await admin.goto('/admin/classification');
      await admin.getByRole('tab', { name: '智能分类' }).waitFor();
      await expect.poll(() => admin.getByLabel('自动应用阈值').inputValue()).toBe('85');

      await admin.getByRole('button', { name: '新建规则' }).click();
      const dialog = admin.getByRole('dialog');
      await dialog.getByLabel('规则名称').fill('爆炸危险品');
      await dialog.getByLabel('关键词').click();
      await admin.keyboard.type('爆炸');
      await admin.keyboard.press('Enter');
      await dialog.getByLabel('设为优先级').click();
      await admin
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: 'P1' })
        .click();
      await admin.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
      await dialog.getByLabel('定为重大客诉').click();
      await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
      const rules = admin.getByTestId('classification-rules');
      await expect.poll(() => rules.innerText()).toContain('爆炸危险品');
      expect(await rules.innerText()).toContain('爆炸');

      // 试一试: the rule fires on a sample text.
      const tryBox = admin.getByTestId('classification-try');
      await tryBox.getByLabel('标题').fill(EXPLOSION.title);
      await tryBox.getByLabel('内容').fill(EXPLOSION.content);
      await tryBox.getByTestId('classification-try-run').click();
      await expect.poll(() => tryBox.getByTestId('suggestion-rule').innerText()).toBe('命中规则：爆炸危险品');
      await expect.poll(() => tryBox.getByTestId('suggestion-priority').innerText()).toContain('P1');
      await screenshot(admin, 'admin-classification');

      // 训练新模型: a starter's name is refused in words; a new name is queued for the worker.
      const train = admin.getByTestId('train-model');
      await train.getByLabel('模型名称').fill('express');
      await train.getByRole('button', { name: '开始训练' }).click();
      await admin.getByText('express 是内置的初始模型，不能覆盖').waitFor();
      await train.getByLabel('模型名称').fill('courier-e2e');
      await train.getByRole('button', { name: '开始训练' }).click();
      await admin.getByText('模型 courier-e2e 已开始训练').waitFor();

      const administrator = await login(server.http, 'admin');
      const jobs = (await administrator.ok('GET', '/api/v1/jobs')).items;
      expect(jobs).toContainEqual(
        expect.objectContaining({
          kind: 'classifier.train',
          payload: expect.objectContaining({ model: 'courier-e2e' }),
        }),
      );
      const rule = (await administrator.ok('GET', '/api/v1/classification/rules')).items[0];
      expect(rule).toMatchObject({
        name: '爆炸危险品',
        words: ['爆炸'],
        priority: 'P1',
        major: true,
        active: true,
      });
      // The reserved name's refusal, and nothing else.
      expect(a.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
      await a.context.close();

      const w = await openPage(browser, server.baseUrl);
      const { page } = w;
      await registerPage(page, '13900009999');
      await describeComplaint(page, EXPLOSION);
      await expect.poll(() => page.getByTestId('suggestion-rule').innerText()).toBe('命中规则：爆炸危险品');
      await expect.poll(() => page.getByTestId('suggestion-priority').innerText()).toContain('置信度 100%');
      const priority = page.locator('.ant-form-item').filter({ has: page.locator('#priority') });
      await expect.poll(() => priority.innerText()).toContain('P1');
      expect(await priority.innerText()).toContain('自动分类');
      await expect.poll(() => page.getByTestId('grade-tag').innerText()).toBe('重大客诉');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'register-suggestions');

      // The rule sets no category and the model is unsure of it here: one click takes the suggestion.
      await suggestionIn(page);
      await page.getByTestId('suggestion-category-adopt').click();
      await expect.poll(() => categoryShown(page)).toContain(' / ');
      expect(await page.getByTestId('suggestion-category-same').innerText()).toBe('与您的选择一致');
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('register-result').waitFor();
      const number = (await page.getByTestId('registered-number').innerText()).trim();
      const record = await agent.ok('GET', `/api/v1/complaints/${number}`);
      expect(record).toMatchObject({ priority: 'P1', grade: 'major' });
      expect(record.classification.rule.name).toBe('爆炸危险品');
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );

  it(
    'asks again when the server fails for a moment, and fills in the category then',
    async () => {
      const w = await openPage(browser, server.baseUrl);
      const { page } = w;
      // The server is busy for every request about part of the text, and for the first two about all of it.
      let refused = 0;
      const busy = (whole: boolean) => !whole || refused++ < 2;
      await page.route('**/api/v1/classification/suggest', (route) =>
        busy(route.request().postDataJSON().content === DELAY.content)
          ? route.fulfill({
              status: 503,
              contentType: 'application/problem+json',
              body: JSON.stringify({ type: 'about:blank', title: 'busy', status: 503, code: 'unavailable' }),
            })
          : route.continue(),
      );
      await registerPage(page, '13900009012');
      await describeComplaint(page, DELAY);
      await page.getByTestId('suggestion-category-auto').waitFor();
      await expect.poll(() => categoryShown(page)).toMatch(/^延误 \/ /);
      expect(refused).toBe(3);
      // Only the refused requests reached the browser's console.
      expect(w.errors.filter((e) => !e.includes('503'))).toEqual([]);
      await w.context.close();
    },
    SLOW,
  );

  it(
    'shows the administration tab in English completely, data aside',
    async () => {
      const w = await openPage(browser, server.baseUrl);
      const { page } = w;
      await signIn(page, 'admin');
      await page.goto('/admin/classification');
      await page.getByTestId('language').click();
      await page.getByRole('tab', { name: 'Smart classification' }).waitFor();
      await expect.poll(() => page.getByTestId('classification-tab').innerText()).toContain('Keyword rules');
      const data = ['中文', '爆炸危险品', '爆炸', '系统管理员'];
      const chinese = (await chineseText(page)).filter((line) => !data.some((d) => line.includes(d)));
      expect(chinese).toEqual([]);
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );
});
