import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
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

describe('the console in Chromium', () => {
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

  it('sends a visitor to the sign-in page and the agent, signed in, to the console', async () => {
    const w = await openPage(browser, server.baseUrl);
    await w.page.goto('/workbench');
    await w.page.waitForURL('**/login');
    await signIn(w.page, 'agent');
    await expect.poll(() => w.page.getByTestId('current-user').innerText()).toBe('陈坐席');
    w.expectClean();
    await w.context.close();
  });

  it('refuses a wrong password with the API message', async () => {
    const w = await openPage(browser, server.baseUrl);
    await w.page.goto('/login');
    await w.page.getByLabel('用户名').fill('agent');
    await w.page.getByLabel('密码').fill('wrong-password');
    await w.page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => w.page.getByRole('alert').innerText()).toContain('用户名或密码不正确');
    // The 401 of the sign-in attempt is the only error the browser may report.
    expect(w.errors.filter((e) => !e.includes('401'))).toEqual([]);
    await w.context.close();
  });

  it('switches the shell to English completely', async () => {
    const w = await openPage(browser, server.baseUrl);
    await signIn(w.page, 'supervisor');
    await w.page.getByTestId('language').click();
    await expect.poll(() => w.page.getByTestId('language').innerText()).toBe('中文');
    const chinese = (await chineseText(w.page)).filter((line) => line !== '中文' && !line.includes('张主管'));
    expect(chinese).toEqual([]);
    await screenshot(w.page, 'shell-en');
    w.expectClean();
    await w.context.close();
  });

  it('writes the notices of someone who switched to English in English', async () => {
    const w = await openPage(browser, server.baseUrl);
    await signIn(w.page, 'handler');
    const saved = w.page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/locale'));
    await w.page.getByTestId('language').click();
    expect((await saved).status()).toBe(204);
    // A complaint assigned to the handler after the switch.
    const agent = await login(server.http, 'agent');
    const { number } = await agent.ok('POST', '/api/v1/complaints', buildComplaint(server.org));
    await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
    await agent.ok('POST', `/api/v1/complaints/${number}/assign`, {
      unitId: server.org.unitIds.get('pudong'),
      assigneeId: server.org.userIds.get('handler'),
    });
    await w.page.reload();
    await w.page.getByRole('button', { name: 'Notifications' }).click();
    await w.page
      .getByRole('dialog')
      .getByRole('button', { name: `Complaint ${number} is assigned to you` })
      .waitFor();
    w.expectClean();
    await w.context.close();
  });
});
