import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/client.js';
import { buildComplaint, judgement, remedy } from '../support/factories.js';
import { PASSWORD } from '../support/test-app.js';
import {
  type ConsoleServer,
  chineseText,
  launchBrowser,
  openPage,
  screenshot,
  startConsole,
} from './support/browser.js';

/** Sign in through the API (the page's context keeps the session cookie), then open `path`. */
async function signInAt(page: Page, path: string, username: string) {
  const res = await page
    .context()
    .request.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(res.status()).toBe(200);
  await page.goto(path);
}

describe('the home dashboard and the approvals inbox in Chromium', { timeout: 120_000 }, () => {
  let server: ConsoleServer;
  let browser: Browser;
  let agent: Client;
  let withinLimit: string;
  let aboveLimit: string;

  /** Register, take it to investigating and propose a remedy of `amount` fen: it waits in 方案待批. */
  async function proposed(amount: number): Promise<string> {
    const { number } = await agent.ok('POST', '/api/v1/complaints', buildComplaint(server.org));
    const base = `/api/v1/complaints/${number}`;
    await agent.ok('POST', `${base}/accept`);
    await agent.ok('POST', `${base}/assign`, {
      unitId: server.org.unitIds.get('service'),
      assigneeId: server.org.userIds.get('agent'),
    });
    await agent.ok('POST', `${base}/start`);
    await agent.ok('PUT', `${base}/judgement`, judgement);
    const res = await agent.ok('POST', `${base}/remedies`, remedy(amount));
    expect(res.status).toBe('proposed');
    return number;
  }

  beforeAll(async () => {
    server = await startConsole('sqlite');
    browser = await launchBrowser();
    agent = await login(server.http, 'agent');
    // ¥50: above the agent's ¥20, within the supervisor's ¥100.
    withinLimit = await proposed(5000);
    // ¥150: above the supervisor's limit too (the manager's).
    aboveLimit = await proposed(15000);
    const overdue = await agent.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(server.org, { categoryId: server.org.categoryIds.get('lost.whole') ?? 0 }),
    );
    await server.app.db
      .updateTable('complaints')
      .set({ due_at: Date.now() - 60_000 })
      .where('number', '=', overdue.number)
      .execute();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the supervisor today’s, open and overdue counts and draws the three charts', async () => {
    const w = await openPage(browser, server.baseUrl);
    await signInAt(w.page, '/', 'supervisor');
    await expect.poll(() => w.page.getByTestId('value-today').innerText()).toBe('3');
    expect(await w.page.getByTestId('value-open').innerText()).toBe('3');
    expect(await w.page.getByTestId('value-overdue').innerText()).toBe('1');
    const charts = ['chart-status', 'chart-category', 'chart-trend'].map((id) => w.page.getByTestId(id));
    const drawn = async () => {
      for (const chart of charts) {
        await chart.locator('canvas').first().waitFor();
        await expect.poll(() => chart.getAttribute('data-rendered')).toBe('true');
      }
    };
    await drawn();
    await expect.poll(() => w.page.getByText('按一级分类').count()).toBe(1);
    await screenshot(w.page, 'dashboard');

    // English, completely (the chart labels are drawn on canvas, not text).
    await w.page.getByTestId('language').click();
    await expect.poll(() => w.page.getByTestId('stat-today').innerText()).toContain('Received today');
    const chinese = (await chineseText(w.page)).filter((line) => line !== '中文' && !line.includes('张主管'));
    expect(chinese).toEqual([]);
    await drawn();
    await screenshot(w.page, 'dashboard-en');

    // The overdue figure opens the workbench on overdue complaints.
    await w.page.getByTestId('stat-overdue').click();
    await w.page.waitForURL(
      (url) => url.pathname === '/workbench' && url.searchParams.get('overdue') === 'true',
    );
    w.expectClean();
    await w.context.close();
  });

  it('lets the supervisor approve a remedy above the agent’s limit', async () => {
    const w = await openPage(browser, server.baseUrl);
    await signInAt(w.page, '/approvals', 'supervisor');
    await expect.poll(() => w.page.getByTestId('my-limit').innerText()).toContain('¥100.00');
    const row = w.page.getByRole('row', { name: new RegExp(withinLimit) });
    await expect.poll(() => row.innerText()).toContain('¥50.00');
    expect(await row.innerText()).toContain('赔偿');
    expect(await w.page.getByRole('row', { name: new RegExp(aboveLimit) }).innerText()).toContain(
      '超出您的权限',
    );
    await screenshot(w.page, 'approvals');

    await row.getByRole('button', { name: /批\s*准/ }).click();
    const dialog = w.page.getByRole('dialog');
    await dialog.getByLabel('审批意见（选填）').fill('同意补偿');
    const approved = w.page.waitForResponse((r) => r.url().endsWith(`/${withinLimit}/approve`));
    await dialog.getByRole('button', { name: /批\s*准/ }).click();
    expect((await approved).status()).toBe(200);
    // Gone from the approvals; now among the remedies being carried out below them.
    const pending = w.page.getByTestId('pending-approvals');
    await expect.poll(() => pending.getByRole('row', { name: new RegExp(withinLimit) }).count()).toBe(0);
    await expect
      .poll(() =>
        w.page
          .getByTestId('fulfilments')
          .getByRole('row', { name: new RegExp(withinLimit) })
          .count(),
      )
      .toBe(1);
    const detail = await agent.ok('GET', `/api/v1/complaints/${withinLimit}`);
    expect(detail.status).toBe('approved');
    expect(detail.remedies[0]).toMatchObject({ status: 'approved', decisionComment: '同意补偿' });
    w.expectClean();
    await w.context.close();
  });

  it('shows the API’s problem when the amount is above the supervisor’s limit', async () => {
    const w = await openPage(browser, server.baseUrl);
    await signInAt(w.page, '/approvals', 'supervisor');
    const row = w.page.getByRole('row', { name: new RegExp(aboveLimit) });
    await row.getByRole('button', { name: /批\s*准/ }).click();
    await w.page
      .getByRole('dialog')
      .getByRole('button', { name: /批\s*准/ })
      .click();
    await w.page.getByRole('alert').filter({ hasText: '超出您的审批权限' }).waitFor({ timeout: 15_000 });
    expect((await agent.ok('GET', `/api/v1/complaints/${aboveLimit}`)).status).toBe('proposed');
    await screenshot(w.page, 'approvals-over-limit');
    // The refused request is the only error the browser may report.
    expect(w.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    await w.context.close();
  });

  it('fits the approvals on a 1366-pixel screen in English, both buttons of a row in sight', async () => {
    const w = await openPage(browser, server.baseUrl, { viewport: { width: 1366, height: 900 } });
    await w.context.addInitScript(() => localStorage.setItem('kesu.locale', 'en'));
    await signInAt(w.page, '/approvals', 'supervisor');
    const row = w.page.getByRole('row', { name: new RegExp(aboveLimit) });
    await row.getByRole('button', { name: 'Reject' }).waitFor();
    const sideways = await w.page.getByTestId('pending-approvals').evaluate((el) => {
      const table = el.querySelector('.ant-table-content');
      return table ? table.scrollWidth - table.clientWidth : -1;
    });
    expect(sideways).toBe(0);
    w.expectClean();
    await w.context.close();
  });

  it('lets the manager reject it with a reason, which the form requires', async () => {
    const w = await openPage(browser, server.baseUrl);
    await signInAt(w.page, '/approvals', 'manager');
    await expect.poll(() => w.page.getByTestId('my-limit').innerText()).toContain('不限金额');
    const row = w.page.getByRole('row', { name: new RegExp(aboveLimit) });
    await row.getByRole('button', { name: /驳\s*回/ }).click();
    const dialog = w.page.getByRole('dialog');
    await dialog.getByRole('button', { name: /驳\s*回/ }).click();
    await expect.poll(() => dialog.innerText()).toContain('请填写驳回理由');
    await dialog.getByLabel('驳回理由').fill('补偿金额过高，请按标准重新核定');
    const rejected = w.page.waitForResponse((r) => r.url().endsWith(`/${aboveLimit}/reject`));
    await dialog.getByRole('button', { name: /驳\s*回/ }).click();
    expect((await rejected).status()).toBe(200);
    await expect.poll(() => w.page.getByRole('row', { name: new RegExp(aboveLimit) }).count()).toBe(0);
    await expect.poll(() => w.page.getByText('没有待审批的处理方案').count()).toBe(1);
    const detail = await agent.ok('GET', `/api/v1/complaints/${aboveLimit}`);
    expect(detail.status).not.toBe('proposed');
    expect(detail.remedies[0]).toMatchObject({ status: 'rejected' });
    w.expectClean();
    await w.context.close();
  });
});
