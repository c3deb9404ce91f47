import { describe, expect, it } from 'vitest';
import { verifyHistoryJob } from '../../src/modules/audit/index.js';
import { createJobRegistry, runDueJobs } from '../../src/modules/jobs/index.js';
import { login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { consoleAndBrowser, openPage, screenshot, signIn } from './support/browser.js';

describe('history verification (历史核验) in the console', () => {
  const env = consoleAndBrowser();

  it('lets an auditor verify the whole history and one complaint, and shows the results', async () => {
    const agent = await login(env.server.http, 'agent');
    const { number } = await agent.ok('POST', '/api/v1/complaints', buildComplaint(env.server.org));
    const { page, context, expectClean } = await openPage(env.browser, env.server.baseUrl);
    try {
      await signIn(page, 'auditor');
      await page.getByRole('menuitem', { name: '历史核验' }).click();
      await page.getByTestId('verify-all').click();
      await expect.poll(() => page.getByTestId('verifications').textContent()).toContain('排队中');
      // The worker of `kesu serve` would take the job; here the test runs it.
      await runDueJobs(env.server.app, createJobRegistry().register(verifyHistoryJob));
      await expect.poll(() => page.getByTestId('verifications').textContent()).toMatch(/已完成[\s\S]*完整/);

      await page.getByTestId('verify-number').fill(number);
      await page.getByTestId('verify-one').click();
      await expect(page.getByTestId('verify-result').textContent()).resolves.toMatch(/完整/);
      await expect.poll(() => page.getByTestId('verifications').textContent()).toContain(`投诉 ${number}`);
      await screenshot(page, 'audit-verification');
      expectClean();
    } finally {
      await context.close();
    }
  });

  it('is not offered to a handler', async () => {
    const { page, context } = await openPage(env.browser, env.server.baseUrl);
    try {
      await signIn(page, 'handler');
      await expect.poll(() => page.getByRole('menuitem').allInnerTexts()).not.toContain('历史核验');
    } finally {
      await context.close();
    }
  });
});
