import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { consoleAndBrowser, label, openPage, screenshot, signIn } from './support/browser.js';

const EVIDENCE = resolve(import.meta.dirname, '../../docs/evidence/issue-14');
const DAY = 24 * 3600_000;

describe('corrective actions (整改) in the console', () => {
  const env = consoleAndBrowser();

  it('opens an action from a complaint, the owner completes it, the executive verifies it and sees the recurrence', async () => {
    const manager = await login(env.server.http, 'manager');
    const register = async (daysAgo: number): Promise<string> =>
      (
        await manager.ok(
          'POST',
          '/api/v1/complaints',
          buildComplaint(env.server.org, {
            unitId: env.server.org.unitIds.get('pudong'),
            categoryId: env.server.org.categoryIds.get('delay.transit'),
            title: '中转包裹滞留三天',
            receivedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
          }),
        )
      ).number;
    // Earlier delays of the same kind at the same station, and this one: the figure before the action.
    for (const days of [4, 9, 15, 22]) await register(days);
    const number = await register(0);

    const w = await openPage(env.browser, env.server.baseUrl, { viewport: { width: 1440, height: 900 } });
    await signIn(w.page, 'executive');
    await w.page.goto(`/complaints/${number}`);
    const card = w.page.getByTestId('complaint-corrective-actions');
    await card.getByTestId('ca-open').click();
    const dialog = w.page.getByRole('dialog');
    await dialog.getByLabel('做什么（整改事项）').fill('浦东网点中转滞留整改');
    await dialog.getByLabel('问题描述').fill('近一个月浦东网点中转包裹多次滞留超过 24 小时');
    await dialog.getByLabel('为什么（根本原因）').fill('夜班分拣人手不足，高峰排班未覆盖');
    await dialog.getByLabel('怎么做（整改方案）').fill('增加两名夜班分拣员，每日核查滞留件清单');
    await dialog.getByTestId('ca-owner').click();
    const options = w.page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.filter({ hasText: '刘处理' }).first().click();
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();

    // The action's page: 5W1H, the complaint linked, its history.
    const detail = w.page.getByTestId('ca-detail');
    await expect.poll(() => detail.textContent()).toContain('浦东网点中转滞留整改');
    expect(await detail.textContent()).toContain('夜班分拣人手不足');
    expect(await w.page.getByTestId('ca-linked').textContent()).toContain(number);
    const id = Number(w.page.url().split('/').at(-1));

    // The owner works on it and marks it done (through the API); the executive verifies it on the page.
    const handler: Client = await login(env.server.http, 'handler');
    await handler.ok('POST', `/api/v1/corrective-actions/${id}/progress`, { note: '已增派两名夜班分拣员' });
    await handler.ok('POST', `/api/v1/corrective-actions/${id}/done`, {
      note: '排班表已调整，滞留件每日核查',
    });
    await w.page.reload();
    await detail.getByRole('button', { name: label('验证通过') }).click();
    await w.page.getByRole('dialog').getByLabel('验证意见').fill('现场核查排班表和核查记录属实');
    await w.page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    const effect = w.page.getByTestId('ca-effect');
    await expect.poll(() => effect.textContent()).toContain('-100');
    expect(await effect.textContent()).toContain('5件');
    expect(await detail.textContent()).toContain('已验证，待效果验证');

    // The history of the action and of the complaint both show it.
    const admin = await login(env.server.http, 'admin');
    const action = await admin.ok('GET', `/api/v1/corrective-actions/${id}`);
    expect(action.history.map((e: { kind: string }) => e.kind)).toEqual([
      'opened',
      'progress',
      'done',
      'verified',
    ]);
    expect(action.effectiveness).toMatchObject({
      before: { count: 5 },
      after: { count: 0 },
      changePct: -100,
    });

    mkdirSync(EVIDENCE, { recursive: true });
    // Without the passing toast.
    await w.page.reload();
    await expect.poll(() => effect.textContent()).toContain('-100');
    await w.page.mouse.move(0, 0);
    await w.page.screenshot({ path: join(EVIDENCE, 'corrective-action.png'), fullPage: true });

    await w.page.goto(`/complaints/${number}`);
    await expect.poll(() => card.textContent()).toContain('浦东网点中转滞留整改');
    await expect.poll(() => w.page.getByTestId('complaint-timeline').textContent()).toContain('发起整改措施');

    await w.page.goto('/corrective-actions');
    await expect.poll(() => w.page.getByTestId('ca-list').textContent()).toContain('浦东网点中转滞留整改');
    await screenshot(w.page, 'corrective-actions-list');
    w.expectClean();
  });

  it('opens one action for complaints selected in the workbench', async () => {
    const manager = await login(env.server.http, 'manager');
    const numbers: string[] = [];
    for (const title of ['首问未登记客户诉求', '首问答复不一致'])
      numbers.push(
        (
          await manager.ok(
            'POST',
            '/api/v1/complaints',
            buildComplaint(env.server.org, { unitId: env.server.org.unitIds.get('service'), title }),
          )
        ).number,
      );
    const rowOf = (page: Page, number: string) =>
      page.getByRole('row').filter({ has: page.getByRole('link', { name: number }) });

    const w = await openPage(env.browser, env.server.baseUrl);
    await signIn(w.page, 'supervisor');
    await w.page.goto('/workbench');
    for (const n of numbers) await rowOf(w.page, n).getByRole('checkbox').check();
    await w.page.getByTestId('bulk-corrective-action').click();
    const dialog = w.page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('为 2 件投诉发起整改');
    await dialog.getByLabel('预防措施').check();
    await dialog.getByLabel('做什么（整改事项）').fill('首问责任制培训');
    await dialog.getByLabel('问题描述').fill('坐席首问登记不完整');
    await dialog.getByLabel('为什么（根本原因）').fill('新坐席未经首问责任制培训');
    await dialog.getByLabel('怎么做（整改方案）').fill('全员培训并抽查首问记录');
    await dialog.getByTestId('ca-owner').click();
    await w.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '陈坐席' })
      .first()
      .click();
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();

    await expect.poll(() => w.page.getByTestId('ca-detail').textContent()).toContain('首问责任制培训');
    const linked = await w.page.getByTestId('ca-linked').textContent();
    for (const n of numbers) expect(linked).toContain(n);
    expect(await w.page.getByTestId('ca-detail').textContent()).toContain('预防措施');
    w.expectClean();
  });
});
