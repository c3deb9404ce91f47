import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterInput } from '../../src/modules/complaints/schemas.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint, judgement, remedy, reply } from '../support/factories.js';
import {
  type ConsoleServer,
  label,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  startConsole,
} from './support/browser.js';

const SCRIPT = '非常抱歉您的包裹外包装受损，我们已安排网点核实并优先处理。';

describe('the case library (案例库) in the console', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let manager: Client;
  beforeAll(async () => {
    server = await startConsole('sqlite');
    browser = await launchBrowser();
    manager = await login(server.http, 'manager');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A complaint of the Pudong station (every demo user sees it), taken by the manager up to `until`. */
  async function complaint(
    overrides: Partial<RegisterInput>,
    until: 'investigating' | 'approved' | 'resolved',
  ): Promise<string> {
    const { number } = await manager.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(server.org, {
        unitId: server.org.unitIds.get('pudong'),
        categoryId: server.org.categoryIds.get('damage.packaging'),
        ...overrides,
      }),
    );
    const base = `/api/v1/complaints/${number}`;
    await manager.ok('POST', `${base}/accept`);
    await manager.ok('POST', `${base}/assign`, { assigneeId: server.org.userIds.get('handler') });
    await manager.ok('POST', `${base}/start`);
    await manager.ok('PUT', `${base}/judgement`, judgement);
    if (until === 'investigating') return number;
    await manager.ok('POST', `${base}/remedies`, remedy(3000, { description: '致歉并补偿包装损失' }));
    if (until === 'approved') return number;
    await manager.ok('POST', `${base}/reply`, reply({ summary: '您反映包裹外包装破损。' }));
    await manager.ok('POST', `${base}/confirmation`, { outcome: 'satisfied' });
    return number;
  }

  it('marks a case, finds it in the library, offers its script in the reply form', async () => {
    const resolved = await complaint(
      { title: '外包装破损', content: '收到的快递外包装破损，纸箱压坏了，担心里面的东西。' },
      'resolved',
    );
    const open = await complaint(
      { title: '纸箱外包装破损', content: '快递到了，外包装破损严重，纸箱压坏。' },
      'approved',
    );

    // The supervisor marks the resolved complaint as a case with a script.
    const sv = await openPage(browser, server.baseUrl);
    await signIn(sv.page, 'supervisor');
    await sv.page.goto(`/complaints/${resolved}`);
    const card = sv.page.getByTestId('complaint-case');
    await card.getByRole('button', { name: '设为案例' }).click();
    const dialog = sv.page.getByRole('dialog');
    await dialog.getByLabel('案例标题').fill('外包装破损的处理');
    await dialog.getByLabel('经验教训').fill('外包装破损时先请客户拍照留存，再联系网点核实交接记录。');
    await dialog.getByLabel('话术名称').fill('破损致歉');
    await dialog.getByLabel('话术内容').fill(SCRIPT);
    await dialog.getByRole('button', { name: label('提交') }).click();
    await expect.poll(() => card.getByTestId('case-title').textContent()).toBe('外包装破损的处理');
    await expect.poll(() => card.getByRole('button', { name: '编辑案例' }).count()).toBe(1);
    await sv.page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await screenshot(sv.page, 'complaint-case');

    // The library finds it by a Chinese word of its lessons.
    await sv.page.getByRole('menuitem', { name: /案例库/ }).click();
    await sv.page.waitForURL('**/cases');
    await sv.page.getByRole('searchbox', { name: /按关键词搜索/ }).fill('拍照');
    await sv.page.getByRole('button', { name: label('搜索') }).click();
    await sv.page.waitForURL(/q=/);
    const item = sv.page.getByTestId(`case-${resolved}`);
    await expect.poll(() => item.count()).toBe(1);
    await item.getByText('话术 1 条').click();
    await item.getByText(SCRIPT).waitFor({ state: 'visible' });
    // The panel opens with an animation: shoot once it has its full height.
    await item.locator('[class*="ant-motion-collapse"]').waitFor({ state: 'detached' });
    await screenshot(sv.page, 'cases-library');
    await sv.page.getByRole('searchbox', { name: /按关键词搜索/ }).fill('发票');
    await sv.page.getByRole('button', { name: label('搜索') }).click();
    await expect.poll(() => sv.page.getByText('没有找到案例').count()).toBe(1);
    sv.expectClean();
    await sv.context.close();

    // On another complaint of the same category the agent's reply form offers the script.
    const ag = await openPage(browser, server.baseUrl);
    await signIn(ag.page, 'agent');
    await ag.page.goto(`/complaints/${open}`);
    const similar = ag.page.getByTestId('similar-complaints');
    await expect.poll(() => similar.getByTestId(`similar-${resolved}`).count()).toBe(1);
    await expect.poll(() => similar.getByTestId(`similar-${resolved}`).textContent()).toContain('¥30.00');
    await screenshot(ag.page, 'complaint-similar');
    await ag.page
      .getByTestId('complaint-actions')
      .getByRole('button', { name: label('回复客户') })
      .click();
    const replyForm = ag.page.getByRole('dialog');
    const picker = replyForm.getByRole('combobox', { name: '话术' });
    await expect.poll(() => picker.isEnabled()).toBe(true);
    await picker.click();
    const option = ag.page.locator('.ant-select-item-option').filter({ hasText: '破损致歉' });
    await option.click();
    await expect.poll(() => replyForm.getByLabel('处理结果').inputValue()).toBe(SCRIPT);
    // A Chinese customer answered from the Chinese console: no word about the language.
    expect(await replyForm.getByTestId('reply-customer-language').count()).toBe(0);
    ag.expectClean();
    await ag.context.close();
  }, 120_000);

  it('pre-fills the remedy form with the recommended remedy of the similar complaints', async () => {
    const number = await complaint(
      { title: '外包装破损了', content: '外包装破损，纸箱压坏，要求赔偿。' },
      'investigating',
    );
    const w = await openPage(browser, server.baseUrl);
    await signIn(w.page, 'agent');
    await w.page.goto(`/complaints/${number}`);
    const recommended = w.page.getByTestId('recommended-remedy');
    await expect.poll(() => recommended.count()).toBe(1);
    await recommended.getByRole('button', { name: '采用推荐方案' }).click();
    const dialog = w.page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('金额（元）').inputValue()).toBe('30.00');
    w.expectClean();
    await w.context.close();
  }, 120_000);
});
