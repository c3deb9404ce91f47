import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kesuJobs } from '../../src/jobs/registry.js';
import { runDueJobs } from '../../src/modules/jobs/index.js';
import { followHistory } from '../../src/modules/stats/index.js';
import { writeComplaints } from '../stats/history.js';
import { consoleAndBrowser, openPage, signIn } from './support/browser.js';

const EVIDENCE = resolve(import.meta.dirname, '../../docs/evidence/issue-15');
const DAY = 86_400_000;

describe('reports (报表) in the browser', () => {
  const env = consoleAndBrowser();

  it('an admin sees the periodic reports, makes one on demand, expands its summary and sets a recipient', async () => {
    const now = Date.now();
    const base = {
      priority: 'P3',
      grade: 'general',
      region: null,
      firstContact: false,
      repeat: false,
    } as const;
    const units = ['pudong', 'nanshan', 'pudong', 'shanghai'] as const;
    const channels = ['phone', 'wechat', 'web'] as const;
    await writeComplaints(env.server.app.db, env.server.org, {
      complaints: Array.from({ length: 40 }, (_, i) => ({
        ...base,
        receivedAt: now - ((i * 37) % 20) * DAY - (i % 9) * 3_600_000,
        unit: units[i % units.length] ?? 'pudong',
        channel: channels[i % channels.length] ?? 'phone',
        grade: i % 13 === 0 ? 'major' : 'general',
      })),
      steps: [],
    });
    const app = env.server.app;
    while (await app.db.transaction().execute((tx) => followHistory(tx, app)));
    await runDueJobs(app, kesuJobs());

    const { page, errors } = await openPage(env.browser, env.server.baseUrl);
    await signIn(page, 'admin');
    await page.getByRole('menuitem', { name: '报表' }).click();
    const table = page.getByTestId('reports-table');
    await expect.poll(() => table.textContent()).toContain('周报');
    expect(await table.textContent()).toContain('已生成');

    // On demand: last week (the form's default) for the whole organisation, in Chinese.
    await page.getByTestId('request-report').click();
    await page.getByText('报表已排队生成').waitFor();
    await expect.poll(() => table.textContent()).toContain('生成中');
    await runDueJobs(app, kesuJobs());
    await page.getByTestId('refresh-reports').click();
    await expect.poll(() => table.locator('tbody tr').first().textContent()).toContain('已生成');
    const first = table.locator('tbody tr').first();
    expect(await first.textContent()).toContain('按需');
    expect(await first.getByRole('link', { name: /PDF/ }).getAttribute('href')).toMatch(
      /^\/api\/v1\/reports\/\d+\/pdf$/,
    );
    await first.locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => table.textContent()).toContain('本期共受理投诉');

    const recipients = page.getByTestId('report-recipients');
    await recipients.getByRole('button', { name: '添加接收人' }).click();
    await recipients.locator('.ant-select').first().click();
    await page.locator('.ant-select-tree-title', { hasText: '客速达快递有限公司' }).first().click();
    await recipients.getByPlaceholder('邮箱地址').fill('boss@example.com');
    await recipients.getByRole('button', { name: '保存接收人' }).click();
    await page.getByText('接收人已保存').waitFor();
    const saved = await app.db.selectFrom('report_recipients').selectAll().execute();
    expect(saved.map((r) => [r.email, r.locale])).toEqual([['boss@example.com', 'zh-CN']]);

    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    mkdirSync(EVIDENCE, { recursive: true });
    await page.screenshot({ path: join(EVIDENCE, 'reports.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
