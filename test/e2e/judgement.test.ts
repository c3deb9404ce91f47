import { describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { act, consoleAndBrowser, openPage, screenshot, signIn, slowDown } from './support/browser.js';

// The browser is slow when the machine is busy: generous time for the test.
const SLOW = 150_000;

describe('责任判定 in Chromium', () => {
  const env = consoleAndBrowser();

  it('an admin records a partner station; the judgement names staff member or station typed and chosen at once', {
    timeout: SLOW,
  }, async () => {
    const { server, browser } = env;
    const manager = await login(server.http, 'manager');
    const { number } = await manager.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(server.org, { title: '快递员态度恶劣', unitId: server.org.unitIds.get('pudong') }),
    );
    const url = `/api/v1/complaints/${number}`;
    await manager.ok('POST', `${url}/accept`);
    await manager.ok('POST', `${url}/assign`, { assigneeId: server.org.userIds.get('handler') });
    await manager.ok('POST', `${url}/start`);

    // The administrator records the partner station as an external party; its code is unique.
    const admin = await openPage(browser, server.baseUrl);
    await signIn(admin.page, 'admin');
    await admin.page.goto('/admin/parties');
    const addParty = async (code: string, name: string) => {
      await admin.page.getByRole('button', { name: '新增外部责任方' }).click();
      const dialog = admin.page.getByRole('dialog');
      await dialog.getByLabel('编码').fill(code);
      await dialog.getByLabel('名称').fill(name);
      await dialog.getByLabel('管理单位').click();
      await admin.page.keyboard.type('浦东');
      await admin.page.keyboard.press('Enter');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      return dialog;
    };
    await (await addParty('SH-PD-J01', '浦东金桥加盟站')).waitFor({ state: 'detached' });
    await expect
      .poll(() => admin.page.getByRole('row', { name: /SH-PD-J01/ }).textContent())
      .toContain('浦东网点');
    const again = await addParty('SH-PD-J01', '金桥站');
    await expect.poll(() => again.textContent()).toContain('编码 SH-PD-J01 已被其他外部责任方使用');
    await again.getByRole('button', { name: /取\s*消/ }).click();
    // The refusal's 409 is the only thing the browser reports.
    expect(admin.errors.filter((e) => !/status of 409/.test(e))).toEqual([]);

    const { page, expectClean } = await openPage(browser, server.baseUrl);
    await signIn(page, 'supervisor');
    await page.goto(`${server.baseUrl}/complaints/${number}`);
    await slowDown(page, '/people/lookup', 600);
    /** What a select of the judgement form shows. */
    const shown = async (label: string) =>
      (await page
        .getByRole('dialog')
        .locator('.ant-form-item')
        .filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) })
        .locator('.ant-select-content')
        .textContent()) ?? '';
    await act(page, '责任判定', async (dialog) => {
      await dialog.getByText('本公司').click();
      await dialog.getByLabel('责任部门').click();
      await page.keyboard.type('浦东');
      await page.keyboard.press('Enter');
      // The staff member is looked up on the server: typed and chosen before its answer has come, and
      // shown when it has.
      await dialog.getByLabel('责任员工').click();
      await page.keyboard.type('刘');
      await page.keyboard.press('Enter');
      await expect.poll(() => shown('责任员工')).toContain('刘处理');
      await dialog.getByText('全部责任').click();
      await dialog.getByLabel('判定依据').fill('快递员与客户争吵，有录音为证。');
    });
    await expect.poll(() => page.getByTestId('complaint-handling').textContent()).toContain('刘处理');
    await screenshot(page, 'complaint-judgement');

    const judged = await manager.ok('GET', url);
    expect(judged.judgement).toMatchObject({
      liableParty: 'company',
      degree: 'full',
      responsibleUnit: { id: server.org.unitIds.get('pudong') },
      responsibleUser: { id: server.org.userIds.get('handler') },
    });

    // Judged again: the partner station is to blame, its code typed, Tab pressed and the form submitted
    // at once, before the lookup has answered: the submit waits for the pick. A judgement names one
    // 责任人, so the staff member chosen before is cleared (the server would refuse both).
    await act(page, '责任判定', async (dialog) => {
      await dialog.getByText('主要责任').click();
      await dialog.getByLabel('外部责任方').click();
      await page.keyboard.type('SH-PD');
      await page.keyboard.press('Tab');
    });
    await expect.poll(() => page.getByTestId('complaint-handling').textContent()).toContain('浦东金桥加盟站');
    const rejudged = await manager.ok('GET', url);
    expect(rejudged.judgement).toMatchObject({
      degree: 'primary',
      responsibleUser: null,
      responsibleParty: { name: '浦东金桥加盟站' },
    });
    // In English the responsible unit is named in English.
    await page.getByTestId('language').click();
    await expect.poll(() => page.getByTestId('complaint-handling').textContent()).toContain('Pudong Station');
    expect(await page.getByTestId('complaint-handling').textContent()).not.toContain('浦东网点');
    expectClean();
  });
});
