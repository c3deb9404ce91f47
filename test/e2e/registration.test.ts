import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import {
  type ConsoleServer,
  chineseText,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  startConsole,
} from './support/browser.js';
import { PNG, tabTo, typeInto } from './support/keyboard.js';
import { chooseCategory, startRegistration } from './support/register.js';

const phoneFocused = (page: Page) => page.evaluate(() => document.activeElement?.id);

describe('registering a complaint in the console', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let agent: Client;
  const phone = '13912345678';
  let firstNumber = '';

  beforeAll(async () => {
    server = await startConsole('sqlite');
    browser = await launchBrowser();
    agent = await login(server.http, 'agent');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('registers a phone complaint with evidence using only the keyboard, then a second one from the same customer', async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await startRegistration(page);

    // The call: the number first; an unknown number is a new customer.
    await page.keyboard.type(phone);
    await expect.poll(() => page.getByTestId('customer-panel').innerText()).toContain('未找到该号码的客户');
    await page.keyboard.press('Tab');
    await page.keyboard.type('李先生');
    await page.keyboard.press('Tab');
    await page.keyboard.type('li@example.com');
    await typeInto(page, '标题', '快递三天未更新物流');
    await page.keyboard.press('Tab');
    await page.keyboard.type('我的快递已经三天没有物流更新了。');
    // Enter in the content is a new line, never a submission.
    await page.keyboard.press('Enter');
    await page.keyboard.type('请尽快处理。');
    // The category (required) comes right after the words, before the optional fields.
    await chooseCategory(page, '中转延误');
    await tabTo(page, '解释说明');
    await page.keyboard.press('Space');
    await typeInto(page, '诉求金额（元）', '20');
    await typeInto(page, '运单号', 'SF1234567890');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'parcel.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => page.getByTestId('register-form').innerText()).toContain('parcel.png');
    expect(await page.getByTestId('register-result').count()).toBe(0);

    await page.keyboard.press('Control+Enter');
    await page.getByTestId('register-result').waitFor();
    firstNumber = (await page.getByTestId('registered-number').innerText()).trim();
    expect(firstNumber).toMatch(/^KS\d{8}-\d{6}$/);
    await expect.poll(() => page.getByTestId('register-result').innerText()).toContain('已上传 1 个证据文件');

    const record = await agent.ok('GET', `/api/v1/complaints/${firstNumber}`);
    expect(record).toMatchObject({
      title: '快递三天未更新物流',
      channel: 'phone',
      references: { waybillNo: 'SF1234567890' },
    });
    expect(record.demands).toEqual(['explanation']);
    expect(record.complainant.name).toBe('李先生');
    expect(record.content).toBe('我的快递已经三天没有物流更新了。\n请尽快处理。');
    expect(record.demandAmount).toBe(2000);
    const evidence = await agent.ok('GET', `/api/v1/complaints/${firstNumber}/evidence`);
    expect(JSON.stringify(evidence)).toContain('parcel.png');

    // "Register another" has the focus: Enter starts a fresh form.
    await page.keyboard.press('Enter');
    await expect.poll(() => phoneFocused(page)).toBe('complainant_phone');
    expect(await page.getByLabel('投诉人姓名').inputValue()).toBe('');
    await page.keyboard.type(phone);
    const panel = page.getByTestId('customer-panel');
    await expect.poll(() => panel.innerText()).toContain(firstNumber);
    expect(await panel.innerText()).toContain('快递三天未更新物流');
    await expect.poll(() => page.getByTestId('duplicate-warning').innerText()).toContain('尚未办结');
    // The name comes from the profile.
    await expect.poll(() => page.getByLabel('投诉人姓名').inputValue()).toBe('李先生');
    await typeInto(page, '标题', '催促处理');
    await page.keyboard.press('Tab');
    await page.keyboard.type('还是没有送到，第二次来电。');
    await chooseCategory(page, '中转延误');
    await tabTo(page, '人身伤害');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('grade-tag').innerText()).toBe('重大客诉');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('grade-tag').innerText()).toBe('一般客诉');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'registration-form');

    await page.keyboard.press('Control+Enter');
    await page.getByTestId('register-result').waitFor();
    const duplicates = page.getByTestId('possible-duplicates');
    await expect.poll(() => duplicates.innerText()).toContain(firstNumber);
    expect(await duplicates.getByRole('link', { name: firstNumber }).getAttribute('href')).toBe(
      `/complaints/${firstNumber}`,
    );
    await screenshot(page, 'registration-result');
    w.expectClean();
    await w.context.close();
  }, 120_000);

  it('resolves a complaint on first contact', async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await startRegistration(page, '13600001111', '赵女士');
    await typeInto(page, '标题', '查询派送时间');
    await page.keyboard.press('Tab');
    await page.keyboard.type('想知道快递什么时候送到。');
    await chooseCategory(page, '派送延误');
    await tabTo(page, '当场解决（登记、回复并解决）');
    await page.keyboard.press('Space');
    await typeInto(page, '投诉概述', '您询问包裹的派送时间。');
    await typeInto(page, '已采取的措施及原因', '已查询物流并联系派送网点。');
    await typeInto(page, '处理结果', '包裹今日下午送达。');
    await typeInto(page, '依据', '《快递服务》国家标准。');
    await typeInto(page, '后续联系方式', '如有疑问请拨打客服热线。');
    // She would rather be written to in English.
    await page.getByLabel('客户语言').click();
    await page.locator('.ant-select-item-option[title="English"]').click();
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('register-result').waitFor();
    expect(await page.getByTestId('registered-status').innerText()).toBe('已解决');
    const number = (await page.getByTestId('registered-number').innerText()).trim();
    expect(await agent.ok('GET', `/api/v1/complaints/${number}`)).toMatchObject({
      status: 'resolved',
      complainant: { locale: 'en' },
    });
    await page.goto(`/complaints/${number}`);
    await expect.poll(() => page.getByTestId('complainant-locale').innerText()).toBe('英文');
    w.expectClean();
    await w.context.close();
  }, 120_000);

  it("puts the API's message on the e-mail field", async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await startRegistration(page, '13700002222', '钱先生');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-an-email');
    await typeInto(page, '标题', '包裹破损');
    await page.keyboard.press('Tab');
    await page.keyboard.type('外箱压坏了。');
    await chooseCategory(page, '中转延误');
    await page.keyboard.press('Control+Enter');
    const help = page.locator('#complainant_email_help');
    await expect.poll(() => help.innerText()).toContain('格式不正确');
    expect(await page.getByTestId('register-result').count()).toBe(0);
    // The browser reports the 400 of the refused registration; nothing else.
    expect(w.errors.filter((e) => !e.includes('400'))).toEqual([]);
    await w.context.close();
  }, 120_000);

  it('shows the form in English completely', async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'agent');
    await page.goto('/register');
    await page.getByTestId('language').click();
    await expect.poll(() => page.getByTestId('language').innerText()).toBe('中文');
    await agent.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(server.org, {
        complainant: { name: 'Mr Li', phone: '13811112222', locale: 'en' },
        title: 'Parcel late',
      }),
    );
    await page.getByLabel('Phone', { exact: true }).fill('13811112222');
    await expect.poll(() => page.getByTestId('customer-panel').innerText()).toContain('Earlier complaints');
    await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('Mr Li');
    // Written to in English last time: English again, unless the agent says otherwise.
    expect(await page.getByTestId('complainant-locale').innerText()).toBe('English');
    await page.getByTestId('first-contact').click();
    await page.getByLabel('Channel').click();
    await page.keyboard.type('Regulator');
    await page.keyboard.press('Enter');
    await page.getByTestId('referral-fields').waitFor();
    const chinese = (await chineseText(page)).filter((line) => !['中文', '陈坐席'].includes(line.trim()));
    expect(chinese).toEqual([]);
    await screenshot(page, 'registration-form-en');
    w.expectClean();
    await w.context.close();
  }, 120_000);
});
