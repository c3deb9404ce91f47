import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { consoleAndBrowser, openPage, screenshot, signIn } from './support/browser.js';

const SLOW = 120_000;

/** Issue 10: the queue puts urgent work first and keeps the deadline in sight. */
describe('the workbench puts urgent work first, in Chromium', () => {
  const env = consoleAndBrowser();
  let agent: Client;
  const waiting: string[] = [];

  beforeAll(async () => {
    agent = await login(env.server.http, 'agent');
    // Registered in the agent's own unit and not accepted yet: they wait in the agent's queue.
    for (const [title, priority, name] of [
      ['催件投诉一', 'P3', '欧阳娜娜'],
      ['催件投诉二', 'P1', '李雷'],
    ] as const) {
      const body = buildComplaint(env.server.org, {
        title,
        priority,
        channel: 'wechat',
        unitId: env.server.org.unitIds.get('service'),
      });
      body.complainant.name = name;
      waiting.push((await agent.ok('POST', '/api/v1/complaints', body)).number);
    }
    const due = (number: string, ms: number) =>
      env.server.app.db.updateTable('complaints').set({ due_at: ms }).where('number', '=', number).execute();
    await due(waiting[0] ?? '', Date.now() + 3 * 60_000);
    await due(waiting[1] ?? '', Date.now() + 57 * 60_000);
  }, SLOW);

  const rowOf = (page: Page, number: string) =>
    page.getByRole('row').filter({ has: page.getByRole('link', { name: number }) });
  const rowKeys = (page: Page) =>
    page
      .locator('tbody tr[data-row-key]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));

  it(
    "shows an agent's queue what waits in their unit, the most urgent first, with customer and channel",
    async () => {
      const w = await openPage(env.browser, env.server.baseUrl);
      const { page } = w;
      await signIn(page, 'agent');
      await page.goto('/workbench');
      await page.getByRole('tab', { name: '我的待办', selected: true }).waitFor();
      for (const n of waiting) await rowOf(page, n).waitFor();
      // 3 minutes left comes before 57 minutes left although it is P3 and the other P1.
      expect(await rowKeys(page)).toEqual(waiting);
      const first = rowOf(page, waiting[0] ?? '');
      expect(await first.getByTestId('countdown').getAttribute('data-state')).toBe('critical');
      expect(await first.getByTestId('countdown').innerText()).toMatch(/^剩余 [23]分\d+秒$/);
      expect(await first.innerText()).toContain('欧**');
      expect(await first.innerText()).toContain('微信');
      // The 57 minutes look different from the 3 minutes: orange within the hour, red within the quarter.
      expect(
        await rowOf(page, waiting[1] ?? '')
          .getByTestId('countdown')
          .getAttribute('data-state'),
      ).toBe('urgent');

      // Sort by time received, newest first: click the column twice.
      await page.getByRole('columnheader', { name: '登记时间' }).click();
      await expect.poll(() => rowKeys(page)).toEqual(waiting);
      await page.getByRole('columnheader', { name: '登记时间' }).click();
      await expect.poll(() => rowKeys(page)).toEqual([...waiting].reverse());
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );

  for (const width of [1024, 1366, 1440])
    it(
      `keeps the deadline column in sight at ${width} px, in English, in search results`,
      async () => {
        const w = await openPage(env.browser, env.server.baseUrl, { viewport: { width, height: 800 } });
        const { page } = w;
        await signIn(page, 'supervisor');
        await page.goto('/workbench?q=催件投诉');
        await page.getByTestId('language').click();
        await page.getByRole('tab', { name: 'All / search' }).click();
        for (const n of waiting) await rowOf(page, n).waitFor();
        const header = page.getByRole('columnheader', { name: 'Deadline' });
        const box = await header.boundingBox();
        expect(box).not.toBeNull();
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
        expect(
          await rowOf(page, waiting[0] ?? '')
            .getByTestId('countdown')
            .isVisible(),
        ).toBe(true);
        expect(await rowOf(page, waiting[0] ?? '').innerText()).toContain('WeChat');
        // From a common laptop's width up, the whole row shows without scrolling sideways.
        if (width >= 1366)
          expect(
            await page
              .getByTestId('workbench')
              .locator('.ant-table-content')
              .evaluate((c) => c.scrollWidth - c.clientWidth),
          ).toBe(0);
        await screenshot(page, `workbench-search-${width}`);
        w.expectClean();
        await w.context.close();
      },
      SLOW,
    );

  it(
    'lets a supervisor accept in bulk, and says why unaccepted complaints cannot be assigned',
    async () => {
      const w = await openPage(env.browser, env.server.baseUrl);
      const { page } = w;
      await signIn(page, 'supervisor');
      await page.goto('/workbench');
      await page.getByRole('tab', { name: '全部/搜索' }).click();
      for (const n of waiting) await rowOf(page, n).getByRole('checkbox').check();
      expect(await page.getByRole('button', { name: '批量分派' }).isDisabled()).toBe(true);
      expect(await page.getByTestId('bulk-hint').innerText()).toBe('已登记的投诉需先受理，才能分派');
      await page.getByRole('button', { name: '批量受理' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: /提\s*交/ }).click();
      await expect.poll(() => page.getByTestId('bulk-outcome').innerText()).toContain('成功 2 条，失败 0 条');
      await dialog.getByRole('button', { name: /完\s*成$/ }).click();
      for (const n of waiting)
        await expect
          .poll(async () => (await agent.ok('GET', `/api/v1/complaints/${n}`)).status)
          .toBe('accepted');
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );

  it(
    'greys the register entry for a handler, with the reason',
    async () => {
      const w = await openPage(env.browser, env.server.baseUrl);
      const { page } = w;
      await signIn(page, 'handler');
      const entry = page.getByTestId('register-disabled');
      await entry.waitFor();
      expect(await entry.getAttribute('aria-description')).toBe(
        '您的角色不能登记投诉（由坐席、主管或经理登记）',
      );
      expect(await page.getByRole('menuitem', { name: '投诉登记' }).getAttribute('aria-disabled')).toBe(
        'true',
      );
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );

  it(
    'draws a focused field in the accent colour, never in the error red',
    async () => {
      const w = await openPage(env.browser, env.server.baseUrl);
      const { page } = w;
      await signIn(page, 'agent');
      await page.goto('/workbench');
      const search = page.locator('input[aria-label="搜索"]');
      await search.focus();
      const border = () =>
        search.evaluate((el) => getComputedStyle(el.closest('.ant-input-affix-wrapper') ?? el).borderColor);
      // The accent #1f5fa8; the brand red #c4302b and the error red #cf1322 are for the logo and errors.
      await expect.poll(border).toBe('rgb(31, 95, 168)');
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );
});
