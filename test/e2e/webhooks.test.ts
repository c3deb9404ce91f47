import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kesuJobs } from '../../src/jobs/registry.js';
import { startWorker, type Worker } from '../../src/modules/jobs/index.js';
import { startReceiver } from '../webhooks/receiver.js';
import { consoleAndBrowser, label, openPage, screenshot, signIn } from './support/browser.js';

/** The admin's Webhook 订阅 tab: subscribe, keep the secret, send a test, read the log, replay. */
describe('webhook subscriptions in Chromium', () => {
  const env = consoleAndBrowser();
  let worker: Worker;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    process.env.KESU_WEBHOOKS_ALLOW_PRIVATE = 'true';
    receiver = await startReceiver();
    worker = startWorker(env.server.app, kesuJobs(), { pollMs: 50, onEvent: () => {} });
  });
  afterAll(async () => {
    await worker?.stop();
    await receiver?.close();
  });

  it('creates a subscription, shows its secret once, and shows the delivery log with replay', async () => {
    const w = await openPage(env.browser, env.server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/webhooks');
    await page.getByRole('button', { name: '新建订阅' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('接收地址').fill(receiver.url('/crm'));
    await dialog.getByLabel('说明').fill('CRM 同步');
    await dialog.getByRole('button', { name: label('保存') }).click();
    // The form closes and the secret is shown, this once.
    const shown = page.getByTestId('webhook-secret');
    const secret = ((await shown.textContent()) ?? '').trim();
    expect(secret).toMatch(/^whsec_/);
    await screenshot(page, 'admin-webhooks-secret');
    await page.getByRole('button', { name: '我已保存' }).click();
    await shown.waitFor({ state: 'hidden' });
    expect(await page.getByRole('dialog').count()).toBe(0);
    const row = page.getByRole('row', { name: /CRM 同步/ });
    expect(await row.textContent()).toContain('投诉登记');

    await row.getByRole('button', { name: '发送测试' }).click();
    await page.getByText('测试事件已排队发送').waitFor();
    await expect.poll(() => receiver.at('/crm').length).toBe(1);
    const [sent] = receiver.at('/crm');
    const { t, v1 } = Object.fromEntries(
      String(sent?.headers['x-kesu-signature'])
        .split(',')
        .map((p) => p.split('=')),
    );
    expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${sent?.body}`).digest('hex'));

    await row.getByRole('button', { name: '投递记录' }).click();
    const log = page.getByTestId('webhook-deliveries');
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: /刷\s*新/ }).click();
        return log.textContent();
      })
      .toContain('已送达');
    expect(await log.textContent()).toContain('测试事件');
    await log.getByRole('button', { name: '重新投递' }).click();
    await page.getByText('已排队重新投递').waitFor();
    await expect.poll(() => receiver.at('/crm').length).toBe(2);
    expect(receiver.at('/crm')[1]?.headers['x-kesu-delivery']).toBe(sent?.headers['x-kesu-delivery']);
    // Opened, the delivery shows its id, the body sent and both attempts, the second a replay.
    await log.locator('.ant-table-row-expand-icon').first().click();
    const attempts = log.locator('.ant-table-expanded-row .ant-table-row');
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: /刷\s*新/ }).click();
        return attempts.count();
      })
      .toBe(2);
    expect(await attempts.nth(1).textContent()).toContain('重新投递');
    expect(await log.textContent()).toContain(String(sent?.headers['x-kesu-delivery']));
    await screenshot(page, 'admin-webhooks-log');
    w.expectClean();
    await w.context.close();
  });
});
