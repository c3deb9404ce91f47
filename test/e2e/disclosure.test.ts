import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { periodBounds, periodOf } from '../../src/lib/periods.js';
import { PEOPLE, resolvedComplaint } from '../disclosure/support.js';
import { login } from '../support/client.js';
import { consoleAndBrowser, openPage, signIn } from './support/browser.js';

const EVIDENCE = resolve(import.meta.dirname, '../../docs/evidence/issue-15');
const MOBILE = { viewport: { width: 390, height: 844 }, isMobile: true };
const ZONE = 'Asia/Shanghai';

describe('public disclosure (公示) in the browser', () => {
  const env = consoleAndBrowser();

  it('an admin prepares last month, edits a judgement, publishes; a phone shows it without anything personal; unpublished it is gone', async () => {
    const now = Date.now();
    const thisMonth = periodOf(now, ZONE);
    const { start } = periodBounds({ from: thisMonth, to: thisMonth }, ZONE);
    // Received ten days before this month began: last month, the page's default.
    const receivedAt = new Date(start - 10 * 24 * 3600_000).toISOString();
    const month = periodOf(start - 1, ZONE);
    const manager = await login(env.server.http, 'manager');
    const numbers: string[] = [];
    for (const p of PEOPLE) numbers.push(await resolvedComplaint(env.server, manager, p, receivedAt));

    const admin = await openPage(env.browser, env.server.baseUrl);
    const phone = await openPage(env.browser, env.server.baseUrl, MOBILE);
    try {
      const { page } = admin;
      await signIn(page, 'admin');
      await page.getByRole('menuitem', { name: '公示' }).click();
      await expect.poll(() => page.getByTestId('disclosure-page').textContent()).toContain('尚未准备');
      const tags = page.getByTestId('complaint-numbers').locator('input');
      for (const n of numbers) {
        await tags.fill(n);
        await tags.press('Enter');
      }
      await page.getByTestId('prepare').click();
      await expect.poll(() => page.getByTestId('status').textContent()).toBe('草稿');
      await expect.poll(() => page.getByTestId('figures-preview').textContent()).toContain('受理投诉量');

      // A phone number in the cause is refused on the field; a clean text is saved.
      const first = page.getByTestId(`judgement-${numbers[0]}`);
      const cause = first.getByLabel('原因');
      await cause.fill(`客户${PEOPLE[0]?.phone}来电反映中转延误`);
      await first.getByTestId('save-judgement').click();
      await expect.poll(() => first.textContent()).toContain('个人信息');
      await cause.fill('中转场夜班分拣能力不足，包裹滞留两天');
      await first.getByTestId('save-judgement').click();
      await expect.poll(() => first.textContent()).not.toContain('个人信息');
      await page.getByText('已保存').waitFor();

      await page.getByTestId('publish').click();
      await expect.poll(() => page.getByTestId('status').textContent()).toBe('已发布');
      // The picture without the passing notices over the month row.
      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
      mkdirSync(EVIDENCE, { recursive: true });
      await page.screenshot({ path: join(EVIDENCE, 'disclosure-admin.png'), fullPage: true });
      // The only failed request: the refused text (400). A month not prepared yet is not asked for.
      expect(admin.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
      expect(admin.errors).toHaveLength(1);

      // The public page on a phone, with no sign-in.
      const p = phone.page;
      await p.goto('/disclosure');
      await p.getByRole('link', { name: new RegExp(month) }).click();
      await p.getByTestId('judgements').waitFor();
      const text = await p.locator('body').textContent();
      expect(text).toContain('投诉处理公示');
      expect(text).toContain('中转场夜班分拣能力不足，包裹滞留两天');
      expect(text).toContain('受理投诉');
      const html = await p.content();
      for (const v of [...PEOPLE.flatMap((x) => Object.values(x)), ...numbers]) expect(html).not.toContain(v);
      expect(await p.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(390);
      await p.screenshot({ path: join(EVIDENCE, 'disclosure-public.png'), fullPage: true });

      await page.getByTestId('unpublish').click();
      await expect.poll(() => page.getByTestId('status').textContent()).toBe('草稿');
      // Opened afresh, the form holds the judgements chosen; preparing again recomputes and keeps them, edits and all.
      await page.reload();
      const chosen = page.getByTestId('complaint-numbers');
      await expect.poll(() => chosen.textContent()).toContain(numbers[0]);
      for (const n of numbers) expect(await chosen.textContent()).toContain(n);
      await page.getByTestId('prepare').click();
      await page.getByText('公示已准备').waitFor();
      for (const n of numbers) await page.getByTestId(`judgement-${n}`).waitFor();
      expect(await page.getByTestId(`judgement-${numbers[0]}`).getByLabel('原因').inputValue()).toBe(
        '中转场夜班分拣能力不足，包裹滞留两天',
      );
      const gone = await p.goto(`/disclosure/${month}`);
      expect(gone?.status()).toBe(404);
      // The phone's one failed request: the unpublished month, just asked for.
      expect(phone.errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    } finally {
      await admin.context.close();
      await phone.context.close();
    }
  });
});
