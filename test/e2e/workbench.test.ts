import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../spreadsheets/support.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import {
  type ConsoleServer,
  chineseText,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  slowDown,
  startConsole,
} from './support/browser.js';

// The browser is slow when the machine is busy: generous time for each test.
const SLOW = 120_000;

describe('the workbench in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let agent: Client;
  const titles: string[] = [];
  const queue: Record<'urgent' | 'medium' | 'late', string> = { urgent: '', medium: '', late: '' };
  const unassigned: string[] = [];

  /** Register a complaint as the agent and accept it; `assign` puts it in the agent's queue. */
  async function complaint(title: string, overrides: object, assign: boolean): Promise<string> {
    titles.push(title);
    const r = await agent.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(server.org, { title, ...overrides }),
    );
    await agent.ok('POST', `/api/v1/complaints/${r.number}/accept`, {});
    if (assign)
      await agent.ok('POST', `/api/v1/complaints/${r.number}/assign`, {
        unitId: server.org.unitIds.get('service'),
        assigneeId: server.org.userIds.get('agent'),
      });
    return r.number;
  }

  beforeAll(async () => {
    server = await startConsole('sqlite');
    browser = await launchBrowser();
    agent = await login(server.http, 'agent');
    queue.urgent = await complaint('包裹丢失急件', { priority: 'P1' }, true);
    queue.medium = await complaint('派送态度问题', { priority: 'P3' }, true);
    queue.late = await complaint('十天前的投诉', { priority: 'P3' }, true);
    // Deadlines follow working hours; put one past, one within 2 h and one beyond directly (the list reads complaints.due_at).
    const dueAt = async (number: string, ms: number) =>
      server.app.db.updateTable('complaints').set({ due_at: ms }).where('number', '=', number).execute();
    await dueAt(queue.late, Date.now() - 12 * 60_000);
    await dueAt(queue.urgent, Date.now() + 80 * 60_000);
    // And one well ahead, whatever the time of day the test runs at (working hours would bring it near).
    await dueAt(queue.medium, Date.now() + 26 * 3_600_000);
    unassigned.push(await complaint('待分派投诉甲', { priority: 'P2' }, false));
    unassigned.push(await complaint('待分派投诉乙', { priority: 'P2' }, false));
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Pick an option of an open Ant Design select (its role="option" items are an invisible accessibility list). */
  const option = (page: Page, name: string) =>
    page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).click();

  const rowOf = (page: Page, number: string) =>
    page.getByRole('row').filter({ has: page.getByRole('link', { name: number }) });

  it(
    "shows the agent's queue with filters, saved views, live deadlines and links",
    async () => {
      const w = await openPage(browser, server.baseUrl);
      const { page } = w;
      await signIn(page, 'agent');
      await page.goto('/workbench');
      for (const n of Object.values(queue)) await rowOf(page, n).waitFor();
      for (const n of unassigned) expect(await rowOf(page, n).count()).toBe(0);
      // Most urgent first: the overdue one, the one due within 2 h, then the rest.
      const order = await page
        .locator('tbody tr[data-row-key]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));
      expect(order.slice(0, 3)).toEqual([queue.late, queue.urgent, queue.medium]);

      // The overdue complaint is red and counts up; the others count down, written as durations.
      const late = rowOf(page, queue.late).getByTestId('countdown');
      expect(await late.getAttribute('data-state')).toBe('overdue');
      const lateBefore = await late.innerText();
      expect(lateBefore).toMatch(/^超时 1\d分\d+秒$/);
      const urgent = rowOf(page, queue.urgent).getByTestId('countdown');
      expect(await urgent.innerText()).toMatch(/^剩余 1小时1\d分$/);
      expect(await urgent.getAttribute('data-state')).toBe('soon');
      expect(await rowOf(page, queue.medium).getByTestId('countdown').getAttribute('data-state')).toBe(
        'normal',
      );
      await expect.poll(() => late.innerText(), { timeout: 10_000 }).not.toBe(lateBefore);

      await screenshot(page, 'workbench');

      // Filter by priority: only the P1 complaint is left.
      // The filter, not the (sortable) column header of the same name.
      await page.getByRole('combobox', { name: '优先级' }).click();
      await option(page, 'P1 紧急');
      await page.keyboard.press('Escape');
      await expect.poll(() => rowOf(page, queue.medium).count()).toBe(0);
      expect(await rowOf(page, queue.urgent).count()).toBe(1);

      // Save it as a view; after a reload the view is still there and applies the filter.
      await page.getByRole('button', { name: '保存为视图' }).click();
      await page.getByLabel('视图名称').fill('紧急件');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /^保\s*存$/ })
        .click();
      await page.reload();
      await rowOf(page, queue.urgent).waitFor();
      await page.getByRole('button', { name: '清空筛选' }).click();
      await rowOf(page, queue.medium).waitFor();
      await page.getByLabel('已存视图').click();
      await option(page, '紧急件');
      await expect.poll(() => rowOf(page, queue.medium).count()).toBe(0);
      expect(await rowOf(page, queue.urgent).count()).toBe(1);

      // "/" focuses the search.
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('/');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
        .toBe('搜索');

      // Enter opens the picked row (the first); back on the workbench the filters are kept; the number is a link.
      await page.getByRole('heading', { name: '工作台' }).click();
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/complaints/${queue.urgent}`);
      await page.goBack();
      await rowOf(page, queue.urgent).waitFor();
      expect(await rowOf(page, queue.medium).count()).toBe(0);
      await page.getByRole('link', { name: queue.urgent }).click();
      await page.waitForURL(`**/complaints/${queue.urgent}`);
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );

  it(
    'lets the supervisor assign two complaints to the agent at once',
    async () => {
      const w = await openPage(browser, server.baseUrl);
      const { page } = w;
      await signIn(page, 'supervisor');
      await page.goto('/workbench');
      for (const n of unassigned) await rowOf(page, n).getByRole('checkbox').check();
      // A quick supervisor: types the name, presses Enter and submits while the list is still on its way.
      await slowDown(page, '/staff', 1500);
      await page.getByRole('button', { name: '批量分派' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('处理人').click();
      await page.keyboard.type('陈');
      await page.keyboard.press('Enter');
      await dialog.getByRole('button', { name: /提\s*交/ }).click();
      await expect.poll(() => page.getByTestId('bulk-outcome').innerText()).toContain('成功 2 条，失败 0 条');
      await screenshot(page, 'workbench-bulk');
      // The button's loading icon may still be leaving: match the label's end only.
      await dialog.getByRole('button', { name: /完\s*成$/ }).click();
      for (const n of unassigned)
        await expect.poll(() => rowOf(page, n).getByTestId('assignee').innerText()).toBe('陈坐席');
      for (const n of unassigned) {
        const detail = await agent.ok('GET', `/api/v1/complaints/${n}`);
        expect(detail.status).toBe('assigned');
      }
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );

  it(
    "fits a 1366-pixel laptop screen: the supervisor's every column in sight, none under the deadline",
    async () => {
      const long = await complaint(
        '快递员未经同意把一箱易碎的玻璃器皿放进了小区门口的快递柜还不接电话',
        { priority: 'P2', majorReasons: ['property_loss'] },
        true,
      );
      const w = await openPage(browser, server.baseUrl, { viewport: { width: 1366, height: 768 } });
      const { page } = w;
      await signIn(page, 'supervisor');
      await page.goto('/workbench');
      await page.getByRole('tab', { name: '本单位' }).click();
      const row = rowOf(page, long);
      await row.waitFor();
      const width = () =>
        page.evaluate(() => {
          const table = document.querySelector('.ant-table-content');
          return table ? table.scrollWidth - table.clientWidth : -1;
        });
      expect(await width()).toBe(0);
      // The long title is cut short in the row and whole on hover; the customer's channel and the handler sit beneath.
      const title = row.locator('[title^="快递员未经同意"]');
      expect(await title.getAttribute('title')).toContain('还不接电话');
      expect(await row.innerText()).toMatch(/电话[\s\S]*重大[\s\S]*客服中心\s*陈坐席/);
      await screenshot(page, 'workbench-1366');
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );

  it(
    "opens a customer's every complaint on the workbench from the complaint page",
    async () => {
      const numbers: string[] = [];
      for (const title of ['第一次来电', '第二次来电', '第三次来电']) {
        titles.push(title);
        const body = buildComplaint(server.org, { title });
        body.complainant.phone = '13912345678';
        numbers.push((await agent.ok('POST', '/api/v1/complaints', body)).number);
      }
      // One archived since: listed too, as the count counts it.
      await server.app.db
        .updateTable('complaints')
        .set({ status: 'closed' })
        .where('number', '=', numbers[0] ?? '')
        .execute();
      const w = await openPage(browser, server.baseUrl);
      const { page } = w;
      await signIn(page, 'supervisor');
      await page.goto(`/complaints/${numbers[2]}`);
      await expect.poll(() => page.getByTestId('customer-others').innerText()).toContain('累计投诉 3 次');
      await page.getByTestId('customer-all').click();
      await page.waitForURL((url) => url.pathname === '/workbench');
      for (const n of numbers) await rowOf(page, n).waitFor();
      expect(await page.locator('tbody tr[data-row-key]').count()).toBe(3);
      // The filter is shown, naming the customer as the rows do, and can be taken off.
      await expect
        .poll(() => page.getByTestId('customer-filter').innerText())
        .toMatch(/^客户 \S+\*+ 的投诉$/);
      await page.getByTestId('customer-filter').locator('.ant-tag-close-icon').click();
      await expect.poll(() => page.locator('tbody tr[data-row-key]').count()).toBeGreaterThan(3);
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );

  it(
    "exports the list as it is filtered, every complaint of it, in the console's language",
    async () => {
      const w = await openPage(browser, server.baseUrl);
      const { page } = w;
      await signIn(page, 'supervisor');
      // The two P2 complaints waiting to be assigned (a third P2 may be assigned by now: status narrows).
      await page.goto('/workbench?priority=P2&status=accepted,assigned');
      await page.getByTestId('language').click();
      for (const n of unassigned) await rowOf(page, n).waitFor();
      const shown = await page
        .locator('tbody tr[data-row-key]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-list').click(),
      ]);
      const rows = await readXlsx(readFileSync((await download.path()) ?? ''));
      expect(rows[0]?.slice(0, 2)).toEqual(['编号 number', '状态 status']);
      const exported = rows.slice(1);
      expect(exported.map((r) => r[0])).toEqual(shown);
      expect(exported.map((r) => r[6])).toEqual(shown.map(() => 'high'));
      // Not on 我的待办, whose list is no filter.
      await page.getByRole('tab', { name: 'My queue' }).click();
      expect(await page.getByTestId('export-list').count()).toBe(0);
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );

  it(
    'speaks English completely, data aside',
    async () => {
      const w = await openPage(browser, server.baseUrl);
      const { page } = w;
      await signIn(page, 'agent');
      await page.goto('/workbench');
      await rowOf(page, queue.urgent).waitFor();
      await page.getByTestId('language').click();
      await expect.poll(() => page.getByRole('tab', { name: 'My queue' }).count()).toBe(1);
      await expect
        .poll(() => rowOf(page, queue.urgent).getByTestId('countdown').innerText())
        .toMatch(/^1h \d+m left$/);
      // Titles, the handler's and customers' (masked) names and the language switch's own name are data.
      const data = [...titles, '陈坐席', '**', '中文'];
      const chinese = (await chineseText(page)).filter((line) => !data.some((d) => line.includes(d)));
      expect(chinese).toEqual([]);
      await screenshot(page, 'workbench-en');
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );
});
