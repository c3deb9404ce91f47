import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { consoleAndBrowser, openPage, screenshot, signIn } from './support/browser.js';

/** Kept in the repository: the evidence for issue 14. */
const EVIDENCE = resolve(import.meta.dirname, '../../docs/evidence/issue-14');

describe('appeals (申诉) in Chromium', () => {
  const env = consoleAndBrowser();

  /** A Pudong complaint investigated by the handler and judged a valid complaint against the handler. */
  async function judgedAgainstHandler(title: string, basis: string) {
    const { server } = env;
    const manager = await login(server.http, 'manager');
    const pudong = server.org.unitIds.get('pudong');
    const { number } = await manager.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(server.org, { title, unitId: pudong }),
    );
    const url = `/api/v1/complaints/${number}`;
    await manager.ok('POST', `${url}/accept`);
    await manager.ok('POST', `${url}/assign`, { assigneeId: server.org.userIds.get('handler') });
    await manager.ok('POST', `${url}/start`);
    await manager.ok('PUT', `${url}/judgement`, {
      liableParty: 'company',
      degree: 'full',
      basis,
      validity: 'valid',
      validityKind: 'service_conduct',
      responsibleUnitId: pudong,
      responsibleUserId: server.org.userIds.get('handler'),
    });
    return { manager, number: number as string, url };
  }

  it('the handler appeals the judgement from the complaint page and the supervisor decides in the queue', async () => {
    const { server, browser } = env;
    const { manager, number, url } = await judgedAgainstHandler(
      '快递员未按约定时间派送',
      '派送员未按约定时间派送，客户多次催促。',
    );

    // The handler sees themself named and appeals within the window.
    const handler = await openPage(browser, server.baseUrl);
    await signIn(handler.page, 'handler');
    await handler.page.goto(`${server.baseUrl}/complaints/${number}`);
    await expect.poll(() => handler.page.getByTestId('complaint-handling').textContent()).toContain('刘处理');
    const card = handler.page.getByTestId('complaint-appeals');
    await expect.poll(() => card.textContent()).toContain('申诉截止');
    await card.getByTestId('appeal-button').click();
    const form = handler.page.getByRole('dialog');
    await form.getByLabel('申诉理由').fill('客户当日不在家，已电话约定次日派送，有通话记录为证。');
    await form.getByLabel('证据').fill('通话记录 18:02，时长 1 分 20 秒');
    await form.getByRole('button', { name: /提\s*交/ }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => card.textContent()).toContain('待主管复核');
    expect(await card.getByTestId('appeal-button').count()).toBe(0);
    handler.expectClean();

    // The supervisor finds it in the queue with its due time and overturns it.
    const supervisor = await openPage(browser, server.baseUrl);
    await signIn(supervisor.page, 'supervisor');
    await supervisor.page.goto(`${server.baseUrl}/appeals`);
    const page = supervisor.page.getByTestId('appeals-page');
    await expect.poll(() => page.textContent()).toContain(number);
    expect(await page.textContent()).toContain('刘处理');
    const shot = await screenshot(supervisor.page, 'appeals-queue');
    mkdirSync(EVIDENCE, { recursive: true });
    copyFileSync(shot, resolve(EVIDENCE, 'appeals-queue.png'));

    await page
      .getByRole('button', { name: /复\s*核/ })
      .first()
      .click();
    const decide = supervisor.page.getByRole('dialog');
    await decide.getByText('申诉成立（撤销原判定）').click();
    await decide.getByLabel('复核意见').fill('通话记录属实，改派系客户要求。');
    await decide.getByRole('button', { name: /提\s*交/ }).click();
    await decide.waitFor({ state: 'detached' });
    // Off the supervisor's level: it waits for a manager now.
    await supervisor.page.getByText('全部申诉').click();
    await expect.poll(() => page.textContent()).toContain('待经理确认');
    supervisor.expectClean();

    const appeals = await manager.ok('GET', `${url}/appeals`);
    expect(appeals.items[0]).toMatchObject({
      status: 'pending_manager',
      supervisor: { outcome: 'overturned' },
    });
    await handler.context.close();
    await supervisor.context.close();
  });

  it('the handler withdraws their own appeal from 申诉, and it leaves the supervisor’s queue', async () => {
    const { server, browser } = env;
    const { manager, number, url } = await judgedAgainstHandler('派件员态度生硬', '派件员态度生硬。');
    const handlerApi = await login(server.http, 'handler');
    const appeal = await handlerApi.ok('POST', `${url}/appeals`, {
      reason: '当时客户情绪激动，我已耐心解释。',
    });

    const w = await openPage(browser, server.baseUrl);
    await signIn(w.page, 'handler');
    await w.page.goto('/appeals');
    const page = w.page.getByTestId('appeals-page');
    const row = page.getByRole('row').filter({ has: w.page.getByRole('link', { name: number }) });
    await expect.poll(() => row.innerText()).toContain('待主管复核');
    await row.getByRole('button', { name: /撤\s*回/ }).click();
    await w.page
      .getByRole('tooltip')
      .getByRole('button', { name: /撤\s*回/ })
      .click();
    await expect.poll(() => row.innerText()).toContain('已撤回');
    expect(await row.getByRole('button', { name: /撤\s*回/ }).count()).toBe(0);
    w.expectClean();
    await w.context.close();

    const supervisor = await login(server.http, 'supervisor');
    const queue = await supervisor.ok('GET', '/api/v1/appeals?view=queue');
    expect(queue.items.map((a: { id: number }) => a.id)).not.toContain(appeal.id);
    expect((await manager.ok('GET', `/api/v1/appeals/${appeal.id}`)).status).toBe('withdrawn');
  });
});
