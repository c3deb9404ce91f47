import { describe, expect, it } from 'vitest';
import { consoleAndBrowser, openPage, screenshot, signIn } from './support/browser.js';

const SLOW = 120_000;
// One good row, one with a category that does not exist.
const CSV = [
  'external ref,channel,received at,name,phone,email,title,content,category code',
  'WEB-001,phone,2026-11-20 08:00,赵先生,13700137000,,快递员态度差,派件员说话很冲。,delivery.attitude',
  'WEB-002,phone,2026-11-20 09:00,钱女士,13700137001,,包裹丢失,整件丢失。,no.such.category',
].join('\r\n');
const file = { name: 'calls.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${CSV}\r\n`) };

describe('批量导入 on the register page, in Chromium', () => {
  const env = consoleAndBrowser();

  it(
    'imports a file row by row, says what became of each row, and skips a row imported before',
    async () => {
      const w = await openPage(env.browser, env.server.baseUrl);
      const { page } = w;
      await signIn(page, 'agent');
      await page.goto('/register');
      await page.getByTestId('import-open').click();
      const modal = page.getByRole('dialog');
      await modal.getByText('批量导入投诉').waitFor();
      // The template downloads with the session.
      const template = await page.request.get(
        (await modal.getByTestId('import-template').getAttribute('href')) ?? '',
      );
      expect(template.status()).toBe(200);
      expect(template.headers()['content-type']).toContain('spreadsheetml');

      await modal.locator('input[type=file]').setInputFiles(file);
      const totals = modal.getByTestId('import-totals');
      await totals.waitFor();
      expect((await totals.innerText()).replace(/\s+/g, ' ')).toBe('总行数 2 已导入 1 已跳过 0 失败 1');
      const rows = modal.getByTestId('import-rows').locator('tbody tr');
      // The failed row first, its problem named by the column as the file heads it.
      expect(await rows.nth(0).innerText()).toMatch(/^3\s+失败\s+—\s+category code：分类不存在或已停用$/);
      expect(await rows.nth(1).innerText()).toMatch(/^2\s+已导入\s+KS\d{8}-\d{6}/);
      await screenshot(page, 'register-import');

      // The same file again: the imported row is skipped, not registered twice.
      await modal.locator('input[type=file]').setInputFiles(file);
      await expect
        .poll(async () => (await totals.innerText()).replace(/\s+/g, ' '))
        .toBe('总行数 2 已导入 0 已跳过 1 失败 1');
      const imported = await env.server.app.db
        .selectFrom('complaints')
        .select('number')
        .where('external_ref', '=', 'WEB-001')
        .execute();
      expect(imported).toHaveLength(1);
      // Its number opens the complaint.
      await rows.nth(1).getByRole('link', { name: imported[0]?.number }).click();
      await page.waitForURL(`**/complaints/${imported[0]?.number}`);
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );

  it('is not offered to a handler, who does not register', async () => {
    const w = await openPage(env.browser, env.server.baseUrl);
    await signIn(w.page, 'handler');
    await w.page.goto('/register');
    await w.page.getByTestId('register-disabled').or(w.page.getByTestId('register-form')).first().waitFor();
    expect(await w.page.getByTestId('import-open').count()).toBe(0);
    await w.context.close();
  });
});
