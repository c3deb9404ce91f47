import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLocal } from '../../src/lib/time.js';
import { login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { chineseText, consoleAndBrowser, label, openPage, screenshot, signIn } from './support/browser.js';

/** Kept in the repository: the evidence for issue 14 that a supervisor scores a sampled complaint. */
const EVIDENCE = resolve(import.meta.dirname, '../../docs/evidence/issue-14');

describe('quality checks (质检) in the console', () => {
  const env = consoleAndBrowser();

  it('draws a sample of last month’s closed complaints, scores one beside it, and shows the handler the findings', async () => {
    const t = env.server;
    const manager = await login(t.http, 'manager');
    // Three complaints 刘处理 closed on the 15th of last month (the form's default period).
    const now = new Date();
    const closedAt = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 4);
    const period = formatLocal(closedAt, 'Asia/Shanghai').slice(0, 7);
    for (const title of ['派件延误三天', '包裹外箱破损', '快递员态度差']) {
      const { number } = await manager.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, { unitId: t.org.unitIds.get('pudong'), title }),
      );
      await t.app.db
        .updateTable('complaints')
        .set({ status: 'closed', closed_at: closedAt, assignee_id: t.org.userIds.get('handler') ?? 0 })
        .where('number', '=', number)
        .execute();
    }

    const w = await openPage(env.browser, t.baseUrl);
    const { page } = w;
    await signIn(page, 'auditor');
    await page.getByRole('menuitem', { name: '质检' }).click();
    const draw = page.getByTestId('quality-draw');
    await draw.getByRole('spinbutton').first().fill('2');
    await page.getByTestId('quality-draw-submit').click();
    await expect.poll(() => page.getByTestId('quality-draw-result').textContent()).toContain('抽取 2 件');
    const rows = page.getByTestId('quality-checks').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('待评分');
    await screenshot(page, 'quality-checks-list');
    await rows.first().getByRole('link', { name: '评分' }).click();

    const form = page.getByTestId('quality-score-form');
    await form.waitFor();
    // The record's suggestions are filled in (identity not verified, no reply, no deadline missed).
    expect(await form.textContent()).toContain('系统建议：1');
    await page.getByTestId('quality-item-identity_checked').getByText('达标', { exact: true }).click();
    await page.getByTestId('quality-item-record_complete').getByText('达标', { exact: true }).click();
    await page.getByTestId('quality-item-reply_complete').getByText('不达标').click();
    await page.getByTestId('quality-item-tone').getByText('部分达标').click();
    await form.locator('tbody tr.ant-table-row').nth(2).getByRole('textbox').fill('未见书面回复');
    await page.getByTestId('quality-findings').fill('回复缺失五要素；用语可更规范。');
    mkdirSync(EVIDENCE, { recursive: true });
    await page.screenshot({ path: join(EVIDENCE, 'quality-check.png'), fullPage: true });
    await page.getByTestId('quality-finalise').click();
    await page.getByRole('button', { name: label('确定') }).click();
    // (15 + 20 + 0 + 20 + 20·0.5) / 100
    await expect.poll(() => page.getByTestId('quality-score').textContent()).toBe('65');
    expect(await page.getByTestId('quality-findings-text').textContent()).toBe(
      '回复缺失五要素；用语可更规范。',
    );
    await screenshot(page, 'quality-check-final');
    w.expectClean();

    const h = await openPage(env.browser, t.baseUrl);
    await signIn(h.page, 'handler');
    await h.page.goto('/quality');
    const mine = h.page.getByTestId('my-quality-checks').locator('tbody tr.ant-table-row');
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.first().textContent()).toContain(period);
    await mine.first().getByRole('link', { name: '查看' }).click();
    await expect
      .poll(() => h.page.getByTestId('quality-findings-text').textContent())
      .toBe('回复缺失五要素；用语可更规范。');
    expect(await h.page.getByTestId('quality-findings-items').textContent()).toContain('未见书面回复');
    await h.page.getByTestId('quality-appeal-slot').waitFor();
    await screenshot(h.page, 'quality-check-handler');
    await h.page.getByTestId('language').click();
    await expect.poll(() => h.page.getByTestId('quality-appeal-slot').textContent()).toContain('appeal');
    // Names, titles, notes and findings are data.
    const data = /刘处理|孙质检|派件延误三天|包裹外箱破损|快递员态度差|回复缺失五要素|未见书面回复|^中文$/;
    expect((await chineseText(h.page)).filter((line) => !data.test(line))).toEqual([]);
    h.expectClean();
  });

  it('lets the admin edit a checklist’s items', async () => {
    const w = await openPage(env.browser, env.server.baseUrl);
    await signIn(w.page, 'admin');
    await w.page.goto('/admin/quality');
    const row = w.page.getByRole('row', { name: /投诉处理质检标准/ });
    expect(await row.textContent()).toContain('回复五要素齐全 25');
    await row.getByRole('button', { name: label('编辑') }).click();
    const dialog = w.page.getByRole('dialog');
    await dialog.getByLabel('名称（中文）').fill('投诉处理质检标准（2027 版）');
    await dialog.getByRole('button', { name: /添加质检项/ }).click();
    const added = dialog.locator('.ant-card').last();
    await added.getByLabel('标识').fill('follow_up');
    await added.getByLabel('质检项（中文）').fill('回访跟进');
    await added.getByLabel('质检项（英文）').fill('Follow-up');
    await dialog.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await w.page.getByRole('row', { name: /2027 版/ }).waitFor();
    const admin = await login(env.server.http, 'admin');
    const [checklist] = (await admin.ok('GET', '/api/v1/quality-checklists')).items;
    expect(checklist.items.at(-1)).toMatchObject({ key: 'follow_up', labelZh: '回访跟进', weight: 10 });
    await screenshot(w.page, 'quality-checklists-admin');
    w.expectClean();
  });
});
