import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import {
  type ConsoleServer,
  chineseText,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  startConsole,
} from './support/browser.js';

// The browser is slow when the machine is busy: generous time for each test.
const SLOW = 120_000;

describe('full-text search on the workbench in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let agent: Client;
  const complaints = {
    broken: { title: '收到的快递有问题', content: '今天签收时发现外包装破损，里面的水杯也有裂纹，请核实。' },
    fragile: { title: '易碎品外包装破损', content: '寄的是易碎品，外包装破损后玻璃瓶摔碎了。' },
    rude: { title: '派送员态度差', content: '快递员打电话时语气很冲，还挂我电话。' },
  };
  const numbers: Record<keyof typeof complaints, string> = { broken: '', fragile: '', rude: '' };

  beforeAll(async () => {
    server = await startConsole('sqlite');
    browser = await launchBrowser();
    agent = await login(server.http, 'agent');
    // Sent to a station: not waiting in the agent's own unit, so not in the agent's queue (issue 10).
    for (const [key, text] of Object.entries(complaints) as Array<
      [keyof typeof complaints, typeof complaints.broken]
    >)
      numbers[key] = (
        await agent.ok(
          'POST',
          '/api/v1/complaints',
          buildComplaint(server.org, { ...text, unitId: server.org.unitIds.get('pudong') }),
        )
      ).number;
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const rowOf = (page: Page, number: string) =>
    page.getByRole('row').filter({ has: page.getByRole('link', { name: number }) });

  /** "/" focuses the search box; the query replaces what is there and Enter runs it. */
  async function search(page: Page, q: string) {
    await page.getByRole('heading', { name: /工作台|Workbench/ }).click();
    await page.keyboard.press('/');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toMatch(/搜索|Search/);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(q);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(q);
  }

  it(
    'finds a complaint by a Chinese word with the word highlighted, a phrase and an exclusion, and says when nothing matches',
    async () => {
      const w = await openPage(browser, server.baseUrl);
      const { page } = w;
      await signIn(page, 'agent');
      await page.goto('/workbench');

      // A two-character word inside 外包装破损: none in the agent's own queue, a click searches them all.
      await search(page, '破损');
      await expect
        .poll(() => page.getByTestId('empty-result').textContent())
        .toBe('没有找到与“破损”匹配的投诉');
      await page.getByRole('button', { name: '在全部投诉中搜索' }).click();
      // Both complaints, the word marked in the excerpt.
      await rowOf(page, numbers.broken).waitFor();
      await rowOf(page, numbers.fragile).waitFor();
      await expect.poll(() => rowOf(page, numbers.rude).count()).toBe(0);
      const snippet = rowOf(page, numbers.broken).getByTestId('snippet');
      await expect.poll(() => snippet.innerText()).toContain('外包装破损');
      expect(await snippet.locator('mark').allInnerTexts()).toContain('破损');
      await screenshot(page, 'workbench-search');

      // The search is in the URL: a reload keeps it.
      await page.reload();
      await rowOf(page, numbers.broken).getByTestId('snippet').locator('mark').first().waitFor();
      expect(await rowOf(page, numbers.rude).count()).toBe(0);
      // Back on the workbench without it in the URL (from the menu): the session's search is kept.
      await page.goto('/workbench');
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('破损');
      await rowOf(page, numbers.broken).getByTestId('snippet').waitFor();

      // A word that is not in any complaint: nothing, and the page says so.
      await search(page, '破碎');
      await expect
        .poll(() => page.getByTestId('empty-result').innerText())
        .toBe('没有找到与“破碎”匹配的投诉');
      expect(await rowOf(page, numbers.broken).count()).toBe(0);

      // A quoted phrase with an exclusion: the fragile item's complaint is left out.
      await search(page, '"外包装破损" -易碎');
      await rowOf(page, numbers.broken).waitFor();
      await expect.poll(() => rowOf(page, numbers.fragile).count()).toBe(0);
      expect(await rowOf(page, numbers.rude).count()).toBe(0);
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );

  it(
    'shows the results in English completely, data aside',
    async () => {
      const w = await openPage(browser, server.baseUrl);
      const { page } = w;
      await signIn(page, 'agent');
      await page.goto(`/workbench?q=${encodeURIComponent('破损')}`);
      await page.getByRole('tab', { name: '全部/搜索' }).click();
      await rowOf(page, numbers.broken).getByTestId('snippet').waitFor();
      await page.getByTestId('language').click();
      await expect.poll(() => page.getByRole('tab', { name: 'All / search' }).count()).toBe(1);
      await expect.poll(() => page.getByRole('columnheader', { name: 'Title' }).count()).toBe(1);
      const snippets = await page.getByTestId('snippet').allInnerTexts();
      const data = [...Object.values(complaints).map((c) => c.title), '中文', '陈坐席', '王女士', '王**'];
      const chinese = (await chineseText(page)).filter(
        (line) => !data.some((d) => line.includes(d)) && !snippets.some((s) => s.includes(line.trim())),
      );
      expect(chinese).toEqual([]);
      expect(
        await rowOf(page, numbers.broken).getByTestId('snippet').locator('mark').count(),
      ).toBeGreaterThan(0);
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );
});
