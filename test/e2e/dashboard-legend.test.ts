import { beforeAll, describe, expect, it } from 'vitest';
import { STATUSES } from '../../src/domain/complaint-model.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { consoleAndBrowser, openPage, screenshot, signIn } from './support/browser.js';

const SLOW = 120_000;

/** Issue 10, item 6: the status chart names every status it draws, on one page, even at 1024 px. */
describe("the dashboard's legends in Chromium", () => {
  const env = consoleAndBrowser();
  let agent: Client;

  beforeAll(async () => {
    agent = await login(env.server.http, 'agent');
    // One complaint in each of the thirteen statuses: the longest legend the chart can have.
    for (const status of STATUSES) {
      const { number } = await agent.ok('POST', '/api/v1/complaints', buildComplaint(env.server.org));
      await env.server.app.db
        .updateTable('complaints')
        .set({ status })
        .where('number', '=', number)
        .execute();
    }
  }, SLOW);

  for (const [width, language] of [
    [1024, 'zh-CN'],
    [1024, 'en'],
    [1440, 'zh-CN'],
  ] as const)
    it(
      `shows all thirteen legend entries without paging at ${width} px (${language})`,
      async () => {
        const w = await openPage(env.browser, env.server.baseUrl, { viewport: { width, height: 900 } });
        const { page } = w;
        await signIn(page, 'supervisor');
        await page.goto('/');
        if (language === 'en') await page.getByTestId('language').click();
        const chart = page.getByTestId('chart-status');
        await expect.poll(() => chart.getAttribute('data-rendered')).toBe('true');
        // What the chart drew (see EChart.tsx): the legend's entries wholly inside the chart, no pager.
        const legend = async () => JSON.parse((await chart.getAttribute('data-legend')) ?? '{}');
        const first = language === 'en' ? 'Received' : '已登记';
        await expect.poll(async () => (await legend()).inside?.includes(first)).toBe(true);
        expect((await legend()).inside).toHaveLength(STATUSES.length);
        expect((await legend()).paged).toBe(false);
        // Nor is any entry drawn over by a slice's label.
        expect((await legend()).covered).toEqual([]);
        await screenshot(page, `dashboard-legend-${width}-${language}`);
        w.expectClean();
        await w.context.close();
      },
      SLOW,
    );
});
