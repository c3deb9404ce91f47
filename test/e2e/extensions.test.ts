import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { consoleAndBrowser, openPage, screenshot, signIn } from './support/browser.js';

/** Kept in the repository: the evidence for issue 13. */
const EVIDENCE = resolve(import.meta.dirname, '../../docs/evidence/issue-13');

describe('extensions of time limits in Chromium', () => {
  const env = consoleAndBrowser();

  it('the handler requests an extension on the complaint page and the supervisor approves it', async () => {
    const { server, browser } = env;
    const agent = await login(server.http, 'agent');
    const { number } = await agent.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(server.org, { title: '冷链包裹延误，需航空公司记录' }),
    );
    await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
    await agent.ok('POST', `/api/v1/complaints/${number}/assign`, {
      unitId: server.org.unitIds.get('pudong'),
      assigneeId: server.org.userIds.get('handler'),
    });
    const dueBefore = (await agent.ok('GET', `/api/v1/complaints/${number}`)).deadlines.find(
      (d: { stage: string }) => d.stage === 'first_response',
    ).dueAt as string;

    // The handler asks for two working days.
    const handler = await openPage(browser, server.baseUrl);
    await signIn(handler.page, 'handler');
    await handler.page.goto(`${server.baseUrl}/complaints/${number}`);
    const card = handler.page.locator('#complaint-extensions');
    await card.getByRole('button', { name: '申请延期' }).click();
    const ask = handler.page.getByRole('dialog');
    await ask.getByLabel('延长工作日数').fill('2');
    await ask.getByLabel('延期原因').fill('需要向航空公司调取运输记录');
    await ask.getByRole('button', { name: /提\s*交/ }).click();
    await ask.waitFor({ state: 'detached' });
    await expect.poll(() => card.textContent()).toContain('待审批');
    // One pending request at a time: the button is gone.
    expect(await card.getByRole('button', { name: '申请延期' }).count()).toBe(0);
    handler.expectClean();

    // The supervisor finds it among the approvals and approves it on the complaint page.
    const supervisor = await openPage(browser, server.baseUrl);
    await signIn(supervisor.page, 'supervisor');
    await supervisor.page.goto(`${server.baseUrl}/approvals`);
    const pending = supervisor.page.locator('#pending-extensions');
    await expect.poll(() => pending.textContent()).toContain(number);
    await pending.getByRole('link', { name: number }).click();
    const theirs = supervisor.page.locator('#complaint-extensions');
    await theirs.getByRole('button', { name: /批\s*准/ }).click();
    const decide = supervisor.page.getByRole('dialog');
    await decide.getByLabel('审批意见').fill('同意，尽快调取');
    await decide.getByRole('button', { name: /提\s*交/ }).click();
    await decide.waitFor({ state: 'detached' });
    await expect.poll(() => theirs.textContent()).toContain('已批准');
    expect(await theirs.textContent()).toContain('新的预计办结时间');
    await theirs.scrollIntoViewIfNeeded();
    const shot = await screenshot(supervisor.page, 'extension');
    mkdirSync(EVIDENCE, { recursive: true });
    copyFileSync(shot, resolve(EVIDENCE, 'extension.png'));
    supervisor.expectClean();

    // Every running limit moved by two working days.
    const after = (await agent.ok('GET', `/api/v1/complaints/${number}`)).deadlines.find(
      (d: { stage: string }) => d.stage === 'first_response',
    ).dueAt as string;
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(dueBefore) + 2 * 86_400_000 - 1);
    await handler.context.close();
    await supervisor.context.close();
  });
});
