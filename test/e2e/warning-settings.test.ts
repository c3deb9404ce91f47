import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { consoleAndBrowser, openPage, signIn } from './support/browser.js';

const EVIDENCE = resolve(import.meta.dirname, '../../docs/evidence/issue-16');
const SLOW = 150_000;

describe('the warning settings (预警设置) in the administration page', () => {
  const env = consoleAndBrowser();

  it(
    'adds an escalation word and changes the customer repeat rule, keeps them; a bad value is refused on its field',
    async () => {
      const admin = await login(env.server.http, 'admin');
      const before = await admin.ok('GET', '/api/v1/settings/warnings');
      expect(before.escalationWords).not.toContain('上热搜');

      const w = await openPage(env.browser, env.server.baseUrl, { viewport: { width: 1440, height: 900 } });
      const { page } = w;
      await signIn(page, 'admin');
      await page.goto('/admin');
      await page.getByRole('tab', { name: '预警设置' }).click();
      await expect.poll(() => page.url()).toMatch(/\/admin\/warnings$/);
      const form = page.getByTestId('warning-settings');
      await form.waitFor();
      expect(await form.textContent()).toContain('结巴（jieba）分词');

      const words = page.getByTestId('warn-words');
      await words.locator('input').fill('上热搜');
      await words.locator('input').press('Enter');
      const days = page.getByLabel('同一客户 天');
      const count = page.getByLabel('同一客户 件数');
      await days.fill('5');
      await count.fill('2');
      await page.getByTestId('warn-settings-save').click();
      await page.getByText('预警设置已保存').waitFor();

      // Kept: after a reload the form shows them, and the API says them.
      await page.reload();
      await form.waitFor();
      await expect.poll(() => words.textContent()).toContain('上热搜');
      expect(await days.inputValue()).toBe('5');
      expect(await count.inputValue()).toBe('2');
      const saved = await admin.ok('GET', '/api/v1/settings/warnings');
      expect(saved.escalationWords).toContain('上热搜');
      expect(saved.escalationWords).toEqual([...before.escalationWords, '上热搜']);
      expect(saved.repeatCustomer).toEqual({ count: 2, days: 5 });
      expect(saved.repeatWaybill).toEqual(before.repeatWaybill);
      expect(saved.festivals).toEqual(before.festivals);
      expect(saved.nearBreach).toEqual(before.nearBreach);
      expect(saved.scopeSensitivity).toEqual(before.scopeSensitivity);
      mkdirSync(EVIDENCE, { recursive: true });
      await page.screenshot({ path: join(EVIDENCE, 'warning-settings.png'), fullPage: true });

      // 0 days: the server refuses it, the message is on the field, nothing is changed.
      await days.fill('0');
      await page.getByTestId('warn-settings-save').click();
      const rule = page.getByTestId('warn-rule-repeatCustomer');
      const fieldError = rule.locator('.ant-form-item-explain-error');
      await fieldError.first().waitFor();
      expect(await fieldError.first().textContent()).toMatch(/1/);
      await rule.screenshot({ path: join(EVIDENCE, 'warning-settings-refused.png') });
      expect(
        await page.getByTestId('warn-rule-repeatWaybill').locator('.ant-form-item-explain-error').count(),
      ).toBe(0);
      expect(await admin.ok('GET', '/api/v1/settings/warnings')).toEqual(saved);
      // The browser logs the refused PUT (400) as a failed resource; nothing else.
      expect(w.errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
    },
    SLOW,
  );
});
