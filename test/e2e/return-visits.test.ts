import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/lib/time.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint, judgement, remedy, reply } from '../support/factories.js';
import { consoleAndBrowser, label, openPage, signIn } from './support/browser.js';

/** Kept in the repository: the evidence for issue 14 that a return visit is called and recorded. */
const EVIDENCE = resolve(import.meta.dirname, '../../docs/evidence/issue-14');

describe('return visits (回访) in the console', () => {
  const env = consoleAndBrowser();

  /** A complaint taken to its close by the manager through the API; closing schedules its visit. */
  async function closedComplaint(manager: Client, title: string): Promise<string> {
    const t = env.server;
    const { number } = await manager.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(t.org, { unitId: t.org.unitIds.get('pudong'), title }),
    );
    const base = `/api/v1/complaints/${number}`;
    await manager.ok('POST', `${base}/accept`);
    await manager.ok('POST', `${base}/assign`, { assigneeId: t.org.userIds.get('handler') });
    await manager.ok('POST', `${base}/start`);
    await manager.ok('PUT', `${base}/judgement`, judgement);
    await manager.ok('POST', `${base}/remedies`, remedy(1000));
    await manager.ok('POST', `${base}/reply`, reply());
    await manager.ok('POST', `${base}/confirmation`, { outcome: 'satisfied' });
    await manager.ok('POST', `${base}/archive`);
    return number;
  }

  it('lists the due visit, records the call with the survey and a new problem, and shows them on the complaint', async () => {
    const t = env.server;
    const manager = await login(t.http, 'manager');
    const number = await closedComplaint(manager, '包裹延误三天未送达');
    const later = await closedComplaint(manager, '快递柜取件码无效');
    // The console runs on the real clock: the first visit's day comes, as it would 45 days on.
    const today = localDate(Date.now(), t.app.config.timeZone);
    await t.app.db
      .updateTable('return_visits')
      .set({ due_on: today })
      .where('complaint_id', '=', (qb) =>
        qb.selectFrom('complaints').select('id').where('number', '=', number),
      )
      .execute();

    const { page, expectClean } = await openPage(env.browser, t.baseUrl, {
      viewport: { width: 1440, height: 1000 },
    });
    await signIn(page, 'agent');
    await page.getByRole('menuitem', { name: '回访' }).click();
    await page.waitForURL('**/return-visits');
    const row = page.locator('tr', { hasText: number });
    await row.waitFor();
    // Due later: not in the queue before its day.
    expect(await page.locator('tr', { hasText: later }).count()).toBe(0);
    expect(await page.getByText(`今天：${today}`).count()).toBe(1);
    // The queue shows the customer's name masked, as every list does; the call dialog names them.
    expect(await row.textContent()).toContain('王**');
    expect(await row.textContent()).not.toContain('王女士');

    mkdirSync(EVIDENCE, { recursive: true });
    await page.screenshot({ path: join(EVIDENCE, 'return-visits.png'), fullPage: true });

    await row.getByRole('button', { name: label('记录回访') }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('王女士');
    await dialog.getByLabel('通话记录').fill('客户确认已收到包裹，对处理满意');
    await dialog.getByRole('checkbox', { name: '代客户填写满意度调查' }).check();
    for (const [question, stars] of [
      ['速度', 4],
      ['效果', 5],
      ['态度', 5],
      ['透明度', 4],
    ] as const) {
      await dialog
        .locator('.ant-form-item', { hasText: question })
        .locator('.ant-rate-star')
        .nth(stars - 1)
        .click();
    }
    await dialog.getByLabel('推荐意愿').fill('9');
    await dialog.getByRole('checkbox', { name: /客户反映了新问题/ }).check();
    await dialog.getByLabel('新问题标题').fill('另一件包裹外包装破损');
    await dialog.getByLabel('新问题内容（客户原话）').fill('回访时客户说上周另一件包裹外箱被压坏了。');
    await page.screenshot({ path: join(EVIDENCE, 'return-visit-call.png'), fullPage: true });
    await dialog.getByRole('button', { name: label('记录回访') }).click();

    const link = dialog.getByTestId('new-complaint-link');
    await link.waitFor();
    const opened = (await dialog.getByText(/已登记新投诉/).textContent())?.match(/KS\d{8}-\d{6}/)?.[0] ?? '';
    expect(opened).not.toBe('');
    await link.click();
    await page.waitForURL(`**/complaints/${opened}`);
    await page.getByTestId('complaint-page').waitFor();
    expect(await page.getByText(number).count()).toBeGreaterThan(0);

    await page.goto(`/complaints/${number}`);
    const card = page.getByTestId('return-visits-card');
    // The card is drawn before its visits have arrived (a late answer on a busy machine).
    await expect.poll(() => card.textContent()).toContain('已回访');
    expect(await card.textContent()).toContain(opened);
    // Its history names the complaint the call opened, as the new one's names this.
    const called = page.getByTestId('complaint-timeline').locator('[data-kind="return_visit_called"]');
    expect(await called.getByTestId('event-detail').textContent()).toBe(opened);
    await page.getByTestId('survey-source-return_visit').waitFor();
    await page.screenshot({ path: join(EVIDENCE, 'return-visit-complaint.png'), fullPage: true });
    expectClean();
  });
});
