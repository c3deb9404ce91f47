import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { consoleAndBrowser, openPage, signIn } from './support/browser.js';

const SLOW = 180_000;

/** The workbench's list is one cached query of pages: "more" appends, an action refreshes every page shown. */
describe('the workbench pages its list, in Chromium', () => {
  const env = consoleAndBrowser();
  const numbers: string[] = [];

  beforeAll(async () => {
    const agent = await login(env.server.http, 'agent');
    // A page is 50 rows: 53 complaints make a second page of 3.
    for (let i = 0; i < 53; i++) {
      const body = buildComplaint(env.server.org, { title: `分页投诉${i + 1}` });
      numbers.push((await agent.ok('POST', '/api/v1/complaints', body)).number);
    }
  }, SLOW);

  const rowOf = (page: Page, number: string) =>
    page.getByRole('row').filter({ has: page.getByRole('link', { name: number }) });
  const shownKeys = (page: Page) =>
    page
      .locator('tbody tr[data-row-key]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key') ?? ''));

  it(
    'appends the next page, and keeps both pages, refreshed, after a bulk action on a row of the second',
    async () => {
      const w = await openPage(env.browser, env.server.baseUrl);
      const { page } = w;
      await signIn(page, 'supervisor');
      await page.goto('/workbench');
      await page.getByRole('tab', { name: '全部/搜索' }).click();
      await expect.poll(() => page.getByText('已显示 50 条').count()).toBe(1);
      await page.getByRole('button', { name: '加载更多' }).click();
      await expect.poll(() => page.getByText('已显示 53 条').count()).toBe(1);
      expect(await page.getByText('没有更多了').count()).toBe(1);
      const keys = await shownKeys(page);
      expect(new Set(keys)).toEqual(new Set(numbers));

      // A row of the second page, accepted in bulk: it says so in place, and the list is still both pages.
      const last = keys.at(-1) ?? '';
      await rowOf(page, last).getByRole('checkbox').check();
      await page.getByRole('button', { name: '批量受理' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: /提\s*交/ }).click();
      await expect
        .poll(() => page.getByTestId('bulk-outcome').textContent())
        .toContain('成功 1 条，失败 0 条');
      await dialog.getByRole('button', { name: /完\s*成$/ }).click();
      await expect.poll(() => rowOf(page, last).textContent()).toContain('已受理');
      expect(await page.getByText('已显示 53 条').count()).toBe(1);
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );
});
