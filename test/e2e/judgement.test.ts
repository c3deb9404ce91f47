import { describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { act, consoleAndBrowser, openPage, screenshot, signIn, slowDown } from './support/browser.js';

// The browser is slow when the machine is busy: generous time for the test.
const SLOW = 150_000;

describe('责任判定 in Chromium', () => {
  const env = consoleAndBrowser();

  it('names the responsible unit and staff member typed in the judgement form, Enter at once', {
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
    const admin = await login(server.http, 'admin');
    await admin.ok('POST', '/api/v1/parties', {
      kind: 'partner_station',
      code: 'SH-PD-J01',
      name: '浦东金桥加盟站',
      unitId: server.org.unitIds.get('pudong'),
    });

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

    // Judged again: the partner station is to blame, its code typed and Tab pressed at once; a judgement
    // names one 责任人, so the staff member chosen before is cleared.
    await act(page, '责任判定', async (dialog) => {
      await dialog.getByLabel('外部责任方').click();
      await page.keyboard.type('SH-PD');
      await page.keyboard.press('Tab');
      await dialog.getByText('主要责任').click();
      await expect.poll(() => shown('外部责任方')).toContain('浦东金桥加盟站');
      expect(await shown('责任员工')).toBe('');
    });
    await expect.poll(() => page.getByTestId('complaint-handling').textContent()).toContain('浦东金桥加盟站');
    const again = await manager.ok('GET', url);
    expect(again.judgement).toMatchObject({
      degree: 'primary',
      responsibleUser: null,
      responsibleParty: { name: '浦东金桥加盟站' },
    });
    expectClean();
  });
});
