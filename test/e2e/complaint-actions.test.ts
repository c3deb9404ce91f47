import { describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { act, consoleAndBrowser, label, openPage, screenshot, signIn, slowDown } from './support/browser.js';

// The browser is slow when the machine is busy: generous time for the test.
const SLOW = 180_000;

describe('the complaint page’s other actions in Chromium', () => {
  const env = consoleAndBrowser();

  it('watches, transfers, asks for material and resumes, assesses, calls back and links', {
    timeout: SLOW,
  }, async () => {
    const { server, browser } = env;
    const manager = await login(server.http, 'manager');
    const register = (title: string) =>
      manager.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(server.org, { title, unitId: server.org.unitIds.get('pudong') }),
      );
    const { number } = await register('包裹外包装破损');
    const other = await register('同一包裹再次投诉');
    const url = `/api/v1/complaints/${number}`;
    await manager.ok('POST', `${url}/accept`);
    await manager.ok('POST', `${url}/assign`, { assigneeId: server.org.userIds.get('handler') });

    const { page, expectClean } = await openPage(browser, server.baseUrl);
    await signIn(page, 'supervisor');
    await page.goto(`${server.baseUrl}/complaints/${number}`);
    const actions = page.getByTestId('complaint-actions');
    const history = page.getByTestId('complaint-timeline');

    // 关注, and back.
    await actions.getByRole('button', { name: label('关注') }).click();
    await actions.getByRole('button', { name: label('取消关注') }).waitFor();
    expect((await manager.ok('GET', url)).watchers.map((w: { id: number }) => w.id)).toEqual([
      server.org.userIds.get('supervisor'),
    ]);

    // 转派 to 南山网点's handler, both typed and chosen with Enter, the staff list still on its way, and
    // the form submitted at once: the submit waits for the handler's list and sends the one named.
    await slowDown(page, '/staff', 1500);
    await act(page, '转派', async (dialog) => {
      await dialog.getByLabel(label('原因')).fill('收件地址属南山网点辖区。');
      await dialog.getByLabel(label('部门')).click();
      await page.keyboard.type('南山');
      await page.keyboard.press('Enter');
      await dialog.getByLabel(label('处理人')).click();
      await page.keyboard.type('赵');
      await page.keyboard.press('Enter');
    });
    await expect
      .poll(async () => (await manager.ok('GET', url)).assignee?.id)
      .toBe(server.org.userIds.get('handler2'));
    expect((await manager.ok('GET', url)).unit.id).toBe(server.org.unitIds.get('nanshan'));
    await manager.ok('POST', `${url}/start`);
    await page.reload();

    // 待补充材料, then 恢复调查 when it came.
    await act(page, '待补充材料', async (dialog) => {
      await dialog.getByLabel(label('原因')).fill('请补充破损包裹的照片。');
    });
    await expect.poll(async () => (await manager.ok('GET', url)).status).toBe('waiting_customer');
    await act(page, '恢复调查');
    await expect.poll(async () => (await manager.ok('GET', url)).status).toBe('investigating');

    // 有效性评定: valid, of the kind chosen from its list.
    await act(page, '有效性评定', async (dialog) => {
      await dialog.getByText('有效', { exact: true }).click();
      await dialog.getByLabel(label('有效类别')).click();
      await page.locator('.ant-select-dropdown:visible').getByText('服务行为', { exact: true }).click();
    });
    await expect
      .poll(async () => (await manager.ok('GET', url)).validity)
      .toMatchObject({ validity: 'valid', kind: 'service_conduct' });

    // 回电, reached; 关联 with the other complaint by its number.
    await act(page, '回电', async (dialog) => {
      await dialog.getByText('已联系上').click();
      await dialog.getByLabel(label('记录')).fill('客户同意补发。');
    });
    await act(page, '关联', async (dialog) => {
      await dialog.getByLabel(label('目标投诉编号')).fill(other.number);
    });
    await expect
      .poll(async () => (await manager.ok('GET', url)).links)
      .toMatchObject([{ kind: 'related', number: other.number }]);
    for (const event of ['关注', '转派', '有效性评定', '回电', '关联'])
      await expect.poll(() => history.textContent()).toContain(event);
    await screenshot(page, 'complaint-other-actions');
    expectClean();
  });

  it('merges a repeat into the customer’s open complaint chosen from a list, and links one found by its waybill', {
    timeout: SLOW,
  }, async () => {
    const { server, browser } = env;
    const agent = await login(server.http, 'agent');
    const complainant = { name: '肖女士', phone: '13911112222', preferredContact: 'phone' as const };
    const register = (title: string, waybillNo: string) =>
      agent.ok('POST', '/api/v1/complaints', buildComplaint(server.org, { title, complainant, waybillNo }));
    const first = await register('快件在济南转运中心五天不动', 'SF7700001');
    const closed = await register('上月的内件短少', 'SF7700002');
    await agent.ok('POST', `/api/v1/complaints/${closed.number}/withdraw`, { reason: '客户已收到。' });
    const repeat = await register('快件还是不动，再次投诉', 'SF7700001');
    const elsewhere = buildComplaint(server.org, { title: '同城件延误', waybillNo: 'SF7709999' });
    const unrelated = await agent.ok('POST', '/api/v1/complaints', elsewhere);

    const { page, expectClean } = await openPage(browser, server.baseUrl);
    await signIn(page, 'agent');
    await page.goto(`${server.baseUrl}/complaints/${repeat.number}`);
    // 关联: the waybill of another customer's complaint typed, the complaint it finds chosen.
    await act(page, '关联', async (dialog) => {
      await dialog.getByLabel(label('目标投诉编号')).fill('SF7709999');
      await page.locator('.ant-select-item-option', { hasText: unrelated.number }).click();
      expect(await dialog.getByLabel(label('目标投诉编号')).inputValue()).toBe(unrelated.number);
    });
    // 合并: the customer's other complaints are offered as soon as the field is entered, the
    // withdrawn one not (a merge needs an open target).
    await page.getByTestId('risky-actions').click();
    await page.getByRole('menuitem', { name: '合并' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: label('继续') })
      .click();
    const dialog = page.getByRole('dialog').filter({ hasText: '目标投诉编号' });
    await dialog.getByLabel(label('目标投诉编号')).click();
    const offered = page.locator('.ant-select-dropdown:visible');
    await expect.poll(() => offered.textContent()).toContain('该客户的其他投诉');
    expect(await offered.textContent()).toContain(first.number);
    expect(await offered.textContent()).not.toContain(closed.number);
    await offered.locator('.ant-select-item-option', { hasText: first.number }).click();
    await dialog.getByLabel(label('原因')).fill('同一运单重复投诉。');
    await dialog.getByRole('button', { name: label('提交') }).click();
    await dialog.waitFor({ state: 'hidden' });

    await expect.poll(() => page.getByTestId('complaint-status').innerText()).toBe('已合并');
    const links = page.getByTestId('complaint-links');
    await expect.poll(() => links.innerText()).toContain(`合并至: ${first.number}`);
    expect(await links.innerText()).toContain(`相关: ${unrelated.number}`);
    // Each complaint names the other in words, whichever side the link was made from.
    await links.locator('.ant-tag', { hasText: '合并至' }).getByRole('link').click();
    await expect.poll(() => links.innerText()).toContain(`合并自: ${repeat.number}`);
    await page.goto(`${server.baseUrl}/complaints/${unrelated.number}`);
    await expect.poll(() => links.innerText()).toContain(`相关: ${repeat.number}`);
    expect(await links.innerText()).not.toContain(':incoming');
    // Its history names the link and the complaint it came from.
    const history = page.getByTestId('complaint-timeline');
    await expect.poll(() => history.innerText()).toContain('被关联');
    expect(await history.innerText()).toContain(repeat.number);
    await screenshot(page, 'complaint-linked-from');
    expect((await agent.ok('GET', `/api/v1/complaints/${repeat.number}`)).status).toBe('merged');
    expectClean();
  });
});
