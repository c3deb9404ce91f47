import { describe, expect, it } from 'vitest';
import { consoleAndBrowser, openPage, screenshot, signIn } from './support/browser.js';

const SAVE = /保\s*存/;

describe('通知渠道 in Chromium', () => {
  const env = consoleAndBrowser();

  it("puts the API's refusal of a robot's webhook on that robot's field and stores nothing", async () => {
    const { server, browser } = env;
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/channels');
    await page.getByRole('button', { name: '添加机器人' }).click();
    await page.getByLabel('群名称').fill('客服经理群');
    // Filled, so the form lets it through; the API's pattern (http or https) refuses it.
    await page.getByLabel('Webhook 地址').fill('ftp://robot.kesu.test');
    await page.getByRole('button', { name: SAVE }).click();
    const robot = page.getByTestId('robot-0');
    await expect
      .poll(() => robot.locator('.ant-form-item-explain-error').allInnerTexts())
      .toContain('格式不正确');
    await screenshot(page, 'admin-channels-field-error');
    expect(await page.getByText('设置已保存').count()).toBe(0);
    const stored = await server.app.db.selectFrom('settings').selectAll().execute();
    expect(stored.filter((r) => r.key === 'notify_channels')).toEqual([]);

    // Corrected, it is saved and read back masked.
    await page.getByLabel('Webhook 地址').fill('https://oapi.dingtalk.com/robot/send?access_token=t-1');
    await page.getByRole('button', { name: SAVE }).click();
    await page.getByText('设置已保存').first().waitFor();
    await expect.poll(() => page.getByLabel('Webhook 地址').inputValue()).toBe('********');
    expect(w.errors.filter((e) => !e.includes('400'))).toEqual([]);
    await w.context.close();
  });
});
