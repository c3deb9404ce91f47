import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { complaintIn } from '../support/states.js';
import { consoleAndBrowser, openPage, screenshot, signIn } from './support/browser.js';

const SLOW = 150_000;
const EVIDENCE = resolve(import.meta.dirname, '../../docs/evidence/issue-17');

describe('模型表现 in the administration, in Chromium', () => {
  const env = consoleAndBrowser();

  it(
    "shows the active model's accuracy, recall per level-1 category and confusion on last month's closed complaints",
    async () => {
      const manager = await login(env.server.http, 'manager');
      const agent = await login(env.server.http, 'agent');
      for (let i = 0; i < 3; i++) await complaintIn(env.server, 'closed', manager, agent);
      const w = await openPage(env.browser, env.server.baseUrl);
      const { page } = w;
      await signIn(page, 'admin');
      await page.goto('/admin/classification');
      const card = page.getByTestId('classifier-performance');
      await expect.poll(() => card.innerText()).toContain('共 3 件');
      const text = await card.innerText();
      expect(text).toContain('延误');
      expect(text).toContain('召回率');
      expect(text).toContain('混淆矩阵');
      // Another model from the list of those an admin can choose: the built-in retail one.
      await card.getByLabel('模型').click();
      const retail = page.locator('.ant-select-item-option').filter({ hasText: /^retail/ });
      expect(await retail.innerText()).toContain('内置');
      await retail.click();
      // It knows none of the express tree's categories: none of the three is right.
      await expect.poll(() => card.innerText()).toContain('准确率 0.0%');
      await card.scrollIntoViewIfNeeded();
      const shot = await screenshot(page, 'classifier-performance');
      mkdirSync(EVIDENCE, { recursive: true });
      copyFileSync(shot, resolve(EVIDENCE, 'classifier-performance.png'));
      w.expectClean();
      await w.context.close();
    },
    SLOW,
  );
});
