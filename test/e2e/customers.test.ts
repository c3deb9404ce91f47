import { describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { chineseText, consoleAndBrowser, openPage, screenshot, signIn } from './support/browser.js';

const SLOW = 120_000;
const PHONE = '13912340000';

describe('客户档案 in Chromium', () => {
  const env = consoleAndBrowser();

  it(
    "opens a complainant's profile from the complaint, shows the contacts on request, edits the level and tags",
    async () => {
      const agent = await login(env.server.http, 'agent');
      const numbers: string[] = [];
      for (const title of ['快件延误', '快件又延误了']) {
        const body = buildComplaint(env.server.org, { title });
        body.complainant.name = '孙悟空';
        body.complainant.phone = PHONE;
        numbers.push((await agent.ok('POST', '/api/v1/complaints', body)).number);
      }
      const w = await openPage(env.browser, env.server.baseUrl);
      const { page } = w;
      await signIn(page, 'supervisor');
      await page.goto(`/complaints/${numbers[1]}`);
      await page.getByTestId('customer-profile-link').click();
      await page.waitForURL(/\/customers\/\d+$/);
      const profile = page.getByTestId('customer-profile');
      await expect.poll(() => profile.innerText()).toContain('共 2 件，处理中 2 件');
      // Masked until asked for, and the asking is on the record.
      expect(await profile.innerText()).not.toContain(PHONE);
      expect(await profile.innerText()).toContain('139****0000');
      const rows = page.getByTestId('customer-complaints').locator('tbody tr');
      expect(await rows.allInnerTexts()).toEqual([
        expect.stringContaining(numbers[1] ?? ''),
        expect.stringContaining(numbers[0] ?? ''),
      ]);
      await page.getByRole('button', { name: '显示联系方式' }).click();
      await expect.poll(() => profile.innerText()).toContain(PHONE);
      await expect.poll(() => page.getByText('查看联系方式').count()).toBe(1);

      await page.getByTestId('customer-edit').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('客户等级').click();
      await page.locator('.ant-select-item-option', { hasText: /^VIP$/ }).click();
      await dialog.getByLabel('标签').click();
      await page.keyboard.type('多次催件');
      await page.keyboard.press('Enter');
      await dialog.getByLabel('备注').fill('周末不方便接电话');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => profile.innerText()).toContain('多次催件');
      expect(await profile.innerText()).toContain('周末不方便接电话');
      // An edit is a new version: the contacts are masked again.
      expect(await profile.innerText()).not.toContain(PHONE);
      await expect.poll(() => page.getByText('修改资料').count()).toBe(1);
      await screenshot(page, 'customer-page');

      const id = Number(new URL(page.url()).pathname.split('/').at(-1));
      const saved = await agent.ok('GET', `/api/v1/customers/${id}`);
      expect(saved).toMatchObject({ level: 'vip', tags: ['多次催件'], note: '周末不方便接电话' });

      // 客户档案 in the menu: found by the whole phone number, and among the VIPs.
      await page.getByRole('menuitem', { name: '客户档案' }).click();
      await page.getByLabel('姓名开头，或完整手机号、邮箱').fill(PHONE);
      await page.getByLabel('姓名开头，或完整手机号、邮箱').press('Enter');
      const list = page.getByTestId('customers-page').locator('tbody tr');
      await expect.poll(() => list.allInnerTexts()).toEqual([expect.stringMatching(/孙悟空\s+VIP[\s\S]*2/)]);

      // In English, data aside.
      await page.getByTestId('language').click();
      await page.getByRole('link', { name: '孙悟空' }).click();
      await expect.poll(() => profile.innerText()).toContain('2 in all, 2 open');
      const chinese = (await chineseText(page)).filter(
        (l) => !/孙悟空|快件|多次催件|周末|张主管|中文|客户资料已保存/.test(l),
      );
      expect(chinese).toEqual([]);
      w.expectClean();
      await w.context.close();

      // The agent, without the personal-data permission, is not offered what would be refused.
      const a = await openPage(env.browser, env.server.baseUrl);
      await signIn(a.page, 'agent');
      await a.page.goto(`/customers/${id}`);
      await expect.poll(() => a.page.getByTestId('customer-profile').innerText()).toContain('139****0000');
      expect(await a.page.getByRole('button', { name: '显示联系方式' }).count()).toBe(0);
      a.expectClean();
      await a.context.close();
    },
    SLOW,
  );
});
