import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Client, login } from '../support/client.js';
import { buildComplaint, judgement, remedy } from '../support/factories.js';
import { act, consoleAndBrowser, label, openPage, signIn } from './support/browser.js';

const EVIDENCE = resolve(import.meta.dirname, '../../docs/evidence/issue-13');

describe('remedy fulfilment in Chromium', { timeout: 180_000 }, () => {
  const env = consoleAndBrowser();

  /** A complaint of the Pudong station with its handler, judged, and a refund of ¥50 proposed by the agent (beyond its limit). */
  async function refundProposed(agent: Client, manager: Client): Promise<string> {
    const { server } = env;
    const { number } = await manager.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(server.org, { unitId: server.org.unitIds.get('pudong'), title: '包裹破损要求退款' }),
    );
    const base = `/api/v1/complaints/${number}`;
    await manager.ok('POST', `${base}/accept`);
    await manager.ok('POST', `${base}/assign`, { assigneeId: server.org.userIds.get('handler') });
    await manager.ok('POST', `${base}/start`);
    await manager.ok('PUT', `${base}/judgement`, judgement);
    await agent.ok('POST', `${base}/remedies`, {
      ...remedy(5000, { kinds: ['apology', 'refund'], description: '致歉并退还运费 50 元' }),
      costShares: [
        { bearer: 'company', amount: 3000 },
        { bearer: 'unit', name: '浦东网点', amount: 2000 },
      ],
    });
    return number;
  }

  it('approves a refund with its owner, then the owner records it done with the refund reference', async () => {
    const { server, browser } = env;
    const agent = await login(server.http, 'agent');
    const manager = await login(server.http, 'manager');
    const number = await refundProposed(agent, manager);

    // The supervisor approves on the complaint page; the handler carries it out (the default: the assignee).
    const sup = await openPage(browser, server.baseUrl);
    await signIn(sup.page, 'supervisor');
    await sup.page.goto(`/complaints/${number}`);
    await sup.page.getByTestId('complaint-status').waitFor();
    await act(sup.page, '批准', async (dialog) => {
      await expect.poll(() => dialog.textContent()).toContain('执行人');
      await dialog.getByLabel('备注').fill('同意退款');
    });
    const remedyArea = sup.page.getByTestId('complaint-handling');
    await expect.poll(() => remedyArea.textContent()).toContain('待执行');
    const area = await remedyArea.textContent();
    expect(area).toContain('执行人: 刘处理');
    expect(area).toMatch(/执行期限: 剩余 \d+/);
    expect(area).toContain('费用承担: 公司 ¥30.00；责任网点（浦东网点） ¥20.00');
    sup.expectClean();
    await sup.context.close();

    // The handler sees it on the approvals page among the remedies to carry out, with its due time.
    const h = await openPage(browser, server.baseUrl);
    await signIn(h.page, 'handler');
    await h.page.goto('/approvals');
    const row = h.page.getByTestId('fulfilments').getByRole('row', { name: new RegExp(number) });
    await expect.poll(() => row.textContent()).toContain('刘处理');
    expect(await row.textContent()).toContain('待执行');

    // …and records it done on the complaint page: the refund reference is required.
    await h.page.goto(`/complaints/${number}`);
    await h.page.getByTestId('complaint-status').waitFor();
    await h.page
      .getByTestId('complaint-actions')
      .getByRole('button', { name: label('登记执行') })
      .click();
    const dialog = h.page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('待执行方案：道歉、退款，¥50.00');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await expect.poll(() => dialog.textContent()).toContain('请填写此项');
    await dialog.getByLabel('退款流水号').fill('RF2026112300018');
    const recorded = h.page.waitForResponse((r) => r.url().endsWith(`/${number}/fulfilment`));
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    expect((await recorded).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
    const handling = h.page.getByTestId('complaint-handling');
    await expect.poll(() => handling.textContent()).toContain('执行凭证: 退款流水号 RF2026112300018');
    expect(await handling.textContent()).toContain('已执行');
    await handling.scrollIntoViewIfNeeded();
    await handling.screenshot({ path: `${EVIDENCE}/fulfilment.png` });

    // The approvals page lists it as carried out, with the proof.
    await h.page.goto('/approvals');
    await h.page.getByTestId('fulfilments').getByText('已执行', { exact: true }).first().click();
    const done = h.page.getByTestId('fulfilments').getByRole('row', { name: new RegExp(number) });
    await expect.poll(() => done.textContent()).toContain('退款流水号 RF2026112300018');
    await h.page.screenshot({ path: `${EVIDENCE}/fulfilment-approvals.png`, fullPage: true });
    const detail = await manager.ok('GET', `/api/v1/complaints/${number}`);
    expect(detail.remedies[0].fulfilment).toMatchObject({
      status: 'done',
      proof: { refundReference: 'RF2026112300018' },
    });
    h.expectClean();
    await h.context.close();
  });
});
