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

    // 转派 to 南山网点's handler, both typed and chosen with Enter, the staff list still on its way.
    await slowDown(page, '/staff', 800);
    await act(page, '转派', async (dialog) => {
      await dialog.getByLabel(label('部门')).click();
      await page.keyboard.type('南山');
      await page.keyboard.press('Enter');
      await dialog.getByLabel(label('处理人')).click();
      await page.keyboard.type('赵');
      await page.keyboard.press('Enter');
      // Chosen when the list has come, as the person sees before going on.
      await expect.poll(() => dialog.getByTestId('assignee-select').textContent()).toContain('赵处理');
      await dialog.getByLabel(label('原因')).fill('收件地址属南山网点辖区。');
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
});
