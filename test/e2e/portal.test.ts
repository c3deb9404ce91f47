import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from '../evidence/support.js';
import { type Client, login } from '../support/client.js';
import { judgement, remedy, reply } from '../support/factories.js';
import { type ConsoleServer, launchBrowser, openPage, screenshot, startConsole } from './support/browser.js';

const MOBILE = { viewport: { width: 390, height: 844 }, isMobile: true };

/** The meaning the status tag is coloured by (antd's preset: processing, warning, success, default). */
const statusColour = (page: Page) => page.getByTestId('status').getAttribute('data-color');

/** Nothing wider than the phone's screen. */
const scrollWidth = (page: Page) => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);

describe('the customer portal on a phone in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let agent: Client;
  beforeAll(async () => {
    server = await startConsole('sqlite');
    browser = await launchBrowser();
    agent = await login(server.http, 'agent');
    const admin = await login(server.http, 'admin');
    // Web complaints are filed at the customer service centre, where the agent works.
    await admin.ok('PUT', '/api/v1/settings/portal', {
      submissionsPerMinute: 5,
      trackingPerMinute: 100,
      codesPerDay: 10,
      intakeUnitId: server.org.unitIds.get('service'),
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Staff take the complaint from received to replied, with a remedy within the agent's authority. */
  const answer = async (number: string) => {
    const base = `/api/v1/complaints/${number}`;
    await agent.ok('POST', `${base}/accept`);
    await agent.ok('POST', `${base}/assign`, {
      unitId: server.org.unitIds.get('service'),
      assigneeId: server.org.userIds.get('agent'),
    });
    await agent.ok('POST', `${base}/start`);
    await agent.ok('PUT', `${base}/judgement`, judgement);
    expect((await agent.ok('POST', `${base}/remedies`, remedy(1000))).status).toBe('approved');
    const replied = await agent.ok(
      'POST',
      `${base}/reply`,
      reply({ method: 'portal', result: '已为您补发包裹并补偿 10 元。' }),
    );
    expect(replied.status).toBe('replied');
  };

  it('takes a complaint with a photo, answers it, and the customer confirms and rates it', async () => {
    const w = await openPage(browser, server.baseUrl, MOBILE);
    const { page } = w;
    await page.goto('/portal');
    await page.getByLabel('您的称呼').fill('周女士');
    await page.getByLabel('手机号码').fill('13912340000');
    // Typed and Enter: the first category the search lists (inside its group).
    await page.getByLabel('投诉类别').fill('虚假签收');
    await page.getByLabel('投诉类别').press('Enter');
    await page.getByLabel('运单号').fill('SF20261125001');
    await page.getByLabel('投诉内容').fill('快递显示已签收，但我本人没有收到包裹。\n请尽快核实。');
    await page.getByRole('checkbox', { name: '解释说明' }).check();
    await page.getByRole('checkbox', { name: '赔偿' }).check();
    await page.getByLabel('诉求金额（元）').fill('50');
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'parcel.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.ant-upload-list-item').first().waitFor();
    // The honeypot is there for robots only.
    const honeypot = page.locator('input[name=website]');
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await honeypot.getAttribute('autocomplete')).toBe('off');
    expect(await honeypot.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThan(0);
    expect(await page.locator('[aria-hidden=true]:has(input[name=website])').count()).toBe(1);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'portal-form');

    await page.getByRole('button', { name: '提交投诉' }).click();
    const number = await page.getByTestId('ack-number').innerText();
    expect(number).toMatch(/^KS\d{8}-\d{6}$/);
    const token = await page.getByTestId('ack-token').innerText();
    // Short enough to write down: ten characters without 0/O or 1/I/L, in two groups.
    expect(token).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    await expect.poll(() => page.getByText('已上传 1 个文件').isVisible()).toBe(true);
    expect(await page.getByText('查询凭证只显示这一次').isVisible()).toBe(true);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'portal-acknowledgment');

    // The staff see the web complaint with its photo, and answer it.
    const staff = await agent.ok('GET', `/api/v1/complaints/${number}`);
    expect(staff).toMatchObject({
      channel: 'web',
      demands: ['explanation', 'compensation'],
      demandAmount: 5000,
    });
    expect(staff.category.path.at(-1).nameZh).toBe('虚假签收');
    await answer(number);

    // Back in the same browser: the token is remembered.
    await page.goto(`/track/${number}`);
    const replies = page.getByTestId('replies');
    await expect.poll(() => replies.innerText()).toContain('已为您补发包裹并补偿 10 元。');
    expect(await replies.innerText()).toContain('处理依据');
    expect(await page.getByTestId('status').innerText()).toBe('已回复');
    expect(await statusColour(page)).toBe('processing');
    expect(await page.getByTestId('evidence').innerText()).toContain('parcel.png');

    // The customer writes to the staff, who see it on the complaint.
    await page.getByLabel('给处理人员留言').fill('包裹已经收到了，谢谢。');
    await page.getByRole('button', { name: '发送留言' }).click();
    await expect.poll(() => page.getByTestId('messages').innerText()).toContain('包裹已经收到了，谢谢。');
    expect((await agent.ok('GET', `/api/v1/complaints/${number}`)).messages).toMatchObject([
      { author: 'customer', source: 'portal', body: '包裹已经收到了，谢谢。' },
    ]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'portal-tracking');

    await page
      .getByTestId('confirmation')
      .getByRole('button', { name: /^满\s*意$/ })
      .click();
    await expect.poll(() => page.getByTestId('confirmation').innerText()).toContain('您已确认满意');
    expect(await page.getByTestId('status').innerText()).toBe('已解决');
    // Resolved reads as done (green), not as an alarm (red).
    expect(await statusColour(page)).toBe('success');
    const [red, green] = await page
      .getByTestId('status')
      .evaluate((el) => getComputedStyle(el).color.match(/\d+/g)?.slice(0, 2).map(Number) ?? [0, 0]);
    expect(green).toBeGreaterThan(red ?? 0);

    const survey = page.getByTestId('survey');
    const stars = { speed: 5, effectiveness: 4, attitude: 5, transparency: 4 };
    for (const [item, score] of Object.entries(stars))
      await page
        .getByTestId(`survey-${item}`)
        .getByRole('radio')
        .nth(score - 1)
        .click();
    await survey.getByText('9', { exact: true }).click();
    await survey.getByLabel('意见和建议').fill('希望早点联系我');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByTestId('survey-done').waitFor();
    expect(await survey.count()).toBe(0);
    const stored = await agent.ok('GET', `/api/v1/complaints/${number}`);
    expect(stored.survey).toMatchObject({ ...stars, recommendation: 9, suggestions: '希望早点联系我' });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'portal-tracking-done');
    w.expectClean();
    await w.context.close();

    // Another browser knows nothing: the customer types the token in.
    const fresh = await openPage(browser, server.baseUrl, MOBILE);
    await fresh.page.goto(`/track/${number}`);
    await fresh.page.getByRole('textbox', { name: /查询凭证/ }).fill('not-the-token-at-all-000000');
    await fresh.page.getByRole('button', { name: '查看投诉' }).click();
    await expect.poll(() => fresh.page.getByRole('alert').innerText()).toContain('不匹配');
    // Written down and typed back as people do: without the dash, in small letters.
    await fresh.page.getByRole('textbox', { name: /查询凭证/ }).fill(token.replace('-', '').toLowerCase());
    expect(await scrollWidth(fresh.page)).toBeLessThanOrEqual(390);
    await screenshot(fresh.page, 'portal-proof');
    await fresh.page.getByRole('button', { name: '查看投诉' }).click();
    await expect.poll(() => fresh.page.getByTestId('replies').innerText()).toContain('已为您补发包裹');
    expect(await fresh.page.getByTestId('survey-done').isVisible()).toBe(true);
    expect(await scrollWidth(fresh.page)).toBeLessThanOrEqual(390);
    // The view speaks English too; only the customer's and the staff's own words stay Chinese.
    await fresh.page.getByTestId('language').click();
    await expect.poll(() => fresh.page.getByTestId('status').innerText()).toBe('Resolved');
    expect(await fresh.page.getByTestId('replies').innerText()).toContain('What we did');
    expect(await fresh.page.getByTestId('survey-done').innerText()).toContain('Thank you for your rating!');
    // The wrong token's 404 is the only error the browser may report.
    expect(fresh.errors.filter((e) => !e.includes('404'))).toEqual([]);
    await fresh.context.close();
  });

  it('switches the portal to English', async () => {
    const w = await openPage(browser, server.baseUrl, MOBILE);
    await w.page.goto('/portal');
    await w.page.getByTestId('language').click();
    await expect.poll(() => w.page.getByTestId('language').innerText()).toBe('中文');
    const text = await w.page.locator('body').innerText();
    const chinese = text.split('\n').filter((l) => /[\u4e00-\u9fff]/.test(l) && l !== '中文');
    expect(chinese).toEqual([]);
    expect(await w.page.getByRole('button', { name: 'Submit complaint' }).isVisible()).toBe(true);
    expect(await scrollWidth(w.page)).toBeLessThanOrEqual(390);

    // Filed in English: the customer is written to in English, and the tracking link says so.
    await w.page.getByLabel('Your name').fill('Jane Doe');
    await w.page.getByLabel('E-mail').fill('jane.doe@example.com');
    await w.page.getByLabel('Category').fill('Signed for without');
    await w.page.getByLabel('Category').press('Enter');
    await w.page
      .getByLabel('Complaint', { exact: true })
      .fill('The app says my parcel was signed for, but nobody gave it to me.');
    await w.page.getByRole('button', { name: 'Submit complaint' }).click();
    const number = await w.page.getByTestId('ack-number').innerText();
    const token = await w.page.getByTestId('ack-token').innerText();
    expect((await agent.ok('GET', `/api/v1/complaints/${number}`)).complainant.locale).toBe('en');
    await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
    const ack = await server.app.db
      .selectFrom('notifications')
      .innerJoin('complaints', 'complaints.id', 'notifications.complaint_id')
      .select(['notifications.locale', 'notifications.body'])
      .where('complaints.number', '=', number)
      .where('notifications.event', '=', 'acknowledgment')
      .executeTakeFirstOrThrow();
    expect(ack.locale).toBe('en');
    const link = ack.body.match(/http\S+/)?.[0] ?? '';
    expect(link).toMatch(new RegExp(`/track/${number}\\?lang=en$`));
    w.expectClean();
    await w.context.close();

    // The link opens in English in a browser that never chose a language.
    const fresh = await openPage(browser, server.baseUrl, MOBILE);
    await fresh.page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
    await fresh.page.getByRole('textbox', { name: /Tracking token/ }).fill(token);
    await fresh.page.getByRole('button', { name: 'Open my complaint' }).click();
    await expect.poll(() => fresh.page.getByTestId('status').innerText()).toBe('Accepted');
    fresh.expectClean();
    await fresh.context.close();
  });
});
