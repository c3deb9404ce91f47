import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMessage } from '../../src/modules/messages/index.js';
import { systemActor } from '../../src/modules/org/system-users.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint, judgement } from '../support/factories.js';
import { complaintIn } from '../support/states.js';
import {
  consoleAndBrowser,
  label,
  openPage,
  screenshot,
  signIn,
  type WatchedPage,
} from './support/browser.js';

describe('the complaint page as a complaint department uses it', () => {
  const env = consoleAndBrowser();
  let manager: Client;
  let agent: Client;
  beforeAll(async () => {
    manager = await login(env.server.http, 'manager');
    agent = await login(env.server.http, 'agent');
  });

  async function open(user: string, number: string): Promise<WatchedPage> {
    const w = await openPage(env.browser, env.server.baseUrl);
    await signIn(w.page, user);
    await w.page.goto(`/complaints/${number}`);
    await w.page.getByTestId('complaint-status').waitFor();
    return w;
  }
  const actions = (p: Page) => p.getByTestId('complaint-actions');

  it('names the complaint in the tab, disables what would be refused and says why, sets risky actions apart', async () => {
    const number = await complaintIn(env.server, 'proposed', manager, agent);
    const w = await open('agent', number);
    const a = w.page;
    expect(await a.title()).toBe(`${number} · 客诉`);

    // 批准 beyond the agent's ¥20 limit: disabled, the reason in words and yuan.
    const approve = actions(a).getByRole('button', { name: label('批准') });
    expect(await approve.isDisabled()).toBe(true);
    await a.getByTestId('blocked-approve').hover();
    await expect.poll(() => a.getByRole('tooltip').innerText()).toContain('¥50.00');
    expect(await a.getByRole('tooltip').innerText()).toContain('超出您的审批权限');
    await a.mouse.move(0, 0);

    // 撤诉, 无效, 合并 are apart, in danger style, and ask first.
    for (const risky of ['撤诉', '合并', '无效/不予受理'])
      expect(
        await actions(a)
          .getByRole('button', { name: label(risky) })
          .count(),
      ).toBe(0);
    await a.getByTestId('risky-actions').click();
    await a.getByRole('menuitem', { name: '撤诉' }).click();
    const confirm = a.getByRole('dialog').filter({ hasText: '确定要执行「撤诉」吗' });
    await confirm.waitFor();
    await screenshot(a, 'complaint-risky-confirm');
    await confirm.getByRole('button', { name: label('继续') }).click();
    const form = a.getByRole('dialog').filter({ hasText: '原因' });
    await form.waitFor();
    // Required fields are marked before anything is sent.
    expect(await form.locator('.ant-form-item-required').count()).toBeGreaterThan(0);
    await form.getByRole('button', { name: label('取消') }).click();
    await form.waitFor({ state: 'hidden' });
    expect(await a.getByTestId('complaint-status').innerText()).toBe('方案待批');
    w.expectClean();
    await w.context.close();
  }, 120_000);

  it('shows the customer with their other complaints and lets the handler reveal the number to call back', async () => {
    const complainant = { name: '周女士', phone: '13700001111', preferredContact: 'phone' as const };
    const first = await agent.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(env.server.org, { complainant }),
    );
    const second = await agent.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(env.server.org, { complainant }),
    );
    const base = `/api/v1/complaints/${second.number}`;
    await agent.ok('POST', `${base}/accept`);
    await agent.ok('POST', `${base}/assign`, { assigneeId: env.server.org.userIds.get('agent') });
    await agent.ok('POST', `${base}/start`);

    const w = await open('agent', second.number);
    const a = w.page;
    const panel = a.getByTestId('complaint-customer');
    await expect.poll(() => panel.innerText()).toContain(first.number);
    expect(await panel.getByTestId('customer-repeat').innerText()).toBe('重复投诉客户');
    expect(await panel.getByTestId('customer-level').innerText()).toBe('普通');
    expect(await panel.getByTestId('customer-phone').innerText()).toContain('****');
    await panel.getByRole('button', { name: /查看完整信息/ }).click();
    await expect.poll(() => panel.getByTestId('customer-phone').innerText()).toBe('13700001111');
    await expect.poll(() => a.getByTestId('complaint-timeline').innerText()).toContain('查看个人信息');
    await screenshot(a, 'complaint-customer-panel');
    await panel.getByRole('link', { name: first.number }).click();
    await a.waitForURL((url) => url.pathname === `/complaints/${first.number}`);
    await expect.poll(() => a.title()).toBe(`${first.number} · 客诉`);
    w.expectClean();
    await w.context.close();
  }, 120_000);

  it('announces a new customer message at the top', async () => {
    const number = await complaintIn(env.server, 'investigating', manager, agent);
    const row = await env.server.app.db
      .selectFrom('complaints')
      .select('id')
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    const customer = {
      ...env.server.app,
      actor: { ...(await systemActor(env.server.app.db, 'portal')), customerOf: row.id },
    };
    await addMessage(customer, number, { body: '请问什么时候能处理好？', source: 'portal' });
    const w = await open('manager', number);
    const banner = w.page.getByTestId('new-message');
    await expect.poll(() => banner.innerText()).toContain('请问什么时候能处理好？');
    expect(await banner.innerText()).toContain('客户有新留言');
    // The history names the channel and the customer in words, not by code.
    const history = w.page.getByTestId('complaint-timeline');
    await expect.poll(() => history.innerText()).toContain('客户门户');
    expect(await history.innerText()).toContain('客户（自助门户）');
    expect(await history.innerText()).not.toMatch(/\(portal\)|（register）/);
    await screenshot(w.page, 'complaint-new-message');
    w.expectClean();
    await w.context.close();
  }, 120_000);

  it('shows the limits and the demand in the remedy form, and the approved remedy in the reply template', async () => {
    const number = await complaintIn(env.server, 'investigating', manager, agent);
    await manager.ok('PUT', `/api/v1/complaints/${number}/judgement`, judgement);
    // The customer reads English: the reply form says so to the manager working in Chinese.
    await manager.ok('PATCH', `/api/v1/complaints/${number}`, { customerLocale: 'en' });
    const w = await open('manager', number);
    const m = w.page;
    await actions(m)
      .getByRole('button', { name: label('提出方案') })
      .click();
    const form = m.getByRole('dialog');
    await form.getByTestId('authority-limits').waitFor();
    const context = await form.getByTestId('remedy-context').innerText();
    expect(context).toContain('解释');
    expect(context).toContain('¥20.00');
    expect(await form.locator('.ant-form-item-required').count()).toBe(3);
    await screenshot(m, 'complaint-remedy-form');
    await form.getByText('赔偿', { exact: true }).click();
    await form.getByLabel('金额（元）').fill('30');
    await form.getByRole('textbox', { name: /说明/ }).fill('补偿 30 元');
    await form.getByRole('button', { name: /提\s*交/ }).click();
    await form.waitFor({ state: 'hidden' });
    await expect.poll(() => m.getByTestId('complaint-status').innerText()).toBe('已批准');

    await actions(m)
      .getByRole('button', { name: label('回复客户') })
      .click();
    const reply = m.getByRole('dialog');
    await reply.getByLabel('常用回复').click();
    await m.locator('.ant-select-item-option').filter({ hasText: '快递延误致歉' }).click();
    // The template writes to the customer in English, the approved remedy included.
    await expect
      .poll(() => reply.getByLabel('处理结果').inputValue())
      .toContain('the delay was our fault and we apologise. We offer you: Compensation ¥30.00.');
    expect(await reply.getByTestId('reply-customer-language').innerText()).toBe(
      '客户语言为英文：处理结果将以英文通知客户，请用英文填写回复。',
    );
    await reply.getByRole('button', { name: label('取消') }).click();
    w.expectClean();
    await w.context.close();
  }, 120_000);

  it('offers in the assign dialog only the people of the chosen unit who handle complaints', async () => {
    const number = await complaintIn(env.server, 'accepted', manager, agent);
    const w = await open('manager', number);
    const m = w.page;
    await actions(m)
      .getByRole('button', { name: label('分派') })
      .click();
    const dialog = m.getByRole('dialog');
    await dialog.getByTestId('assignee-select').click();
    const options = m.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    // The complaint is the Pudong station's: its handler, nobody of another unit, nobody who only audits.
    await expect.poll(() => options.allInnerTexts()).toEqual([expect.stringContaining('刘处理')]);
    await screenshot(m, 'complaint-assign');
    await m.keyboard.press('Escape');
    w.expectClean();
    await w.context.close();
  }, 120_000);
});
