import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import {
  type ConsoleServer,
  label,
  launchBrowser,
  openPage,
  signIn,
  startConsole,
} from './support/browser.js';

describe('editing a complaint from its page', () => {
  let server: ConsoleServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startConsole('sqlite');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets the agent confirm the category and correct the waybill, with a comment in the history', async () => {
    const agent = await login(server.http, 'agent');
    const { number } = await agent.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(server.org, { priority: 'P3' }),
    );
    const w = await openPage(browser, server.baseUrl);
    await signIn(w.page, 'agent');
    await w.page.goto(`/complaints/${number}`);
    await w.page
      .getByTestId('complaint-actions')
      .getByRole('button', { name: label('修改') })
      .click();
    const dialog = w.page.getByRole('dialog');
    await dialog.getByLabel('分类已确认').click();
    await dialog.getByLabel('运单号').fill('SF-CORRECTED-1');
    await dialog.getByLabel('备注').fill('客户来电补充运单号');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await expect
      .poll(async () => (await agent.ok('GET', `/api/v1/complaints/${number}`)).category.confirmed)
      .toBe(true);
    const detail = await agent.ok('GET', `/api/v1/complaints/${number}`);
    expect(detail.references.waybillNo).toBe('SF-CORRECTED-1');
    await expect.poll(() => w.page.locator('body').innerText()).toContain('SF-CORRECTED-1');
    const timeline = (await agent.ok('GET', `/api/v1/complaints/${number}/timeline`)).items;
    expect(timeline.at(-1)).toMatchObject({ comment: '客户来电补充运单号' });
    w.expectClean();
    await w.context.close();
  });
});
