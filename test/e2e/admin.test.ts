import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRegistry, insertJob, runDueJobs } from '../../src/modules/jobs/index.js';
import { login } from '../support/client.js';
import { PASSWORD } from '../support/test-app.js';
import {
  type ConsoleServer,
  chineseText,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  startConsole,
} from './support/browser.js';

const SAVE = /保\s*存/;

describe('administration in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startConsole('sqlite');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a unit and a handler in it, who can then sign in', async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.getByRole('menuitem', { name: '系统管理' }).click();
    await page.waitForURL('**/admin');

    // A department under the company (the form's default parent).
    await page.getByRole('button', { name: '新建单位' }).click();
    const unitDialog = page.getByRole('dialog');
    await unitDialog.getByLabel('名称', { exact: true }).fill('华东理赔部');
    await unitDialog.getByLabel('英文名称').fill('East China Claims');
    await unitDialog.getByRole('button', { name: SAVE }).click();
    await unitDialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '华东理赔部' }).waitFor();

    // A user with the handler role in it.
    await page.getByRole('tab', { name: '用户与角色' }).click();
    await page.waitForURL('**/admin/users');
    await page.getByRole('button', { name: '新建用户' }).click();
    const userDialog = page.getByRole('dialog');
    await userDialog.getByLabel('用户名', { exact: true }).fill('wang.handler');
    await userDialog.getByLabel('姓名').fill('王处理');
    await userDialog.getByLabel('初始密码').fill(PASSWORD);
    await userDialog.getByLabel('所属单位').click();
    await page.getByTitle('华东理赔部', { exact: true }).click();
    await userDialog.getByLabel('角色').click();
    await page.locator('.ant-select-item-option', { hasText: '处理人' }).click();
    await userDialog.getByLabel('姓名').click(); // close the role list
    await userDialog.getByLabel('通知语言').click();
    await page.locator('.ant-select-item-option', { hasText: 'English' }).click();
    await userDialog.getByRole('button', { name: SAVE }).click();
    await userDialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /wang\.handler/ });
    await expect.poll(() => row.innerText()).toContain('华东理赔部');
    expect(await row.innerText()).toContain('处理人');
    await screenshot(page, 'admin-users');

    const admin = await login(server.http, 'admin');
    const users = (await admin.request('GET', '/api/v1/users')).body.items;
    const created = users.find((u: { username: string }) => u.username === 'wang.handler');
    expect(created).toMatchObject({ displayName: '王处理', roles: ['handler'], active: true, locale: 'en' });

    // The new user signs in, in a browser of their own; their notices then follow its language.
    const other = await openPage(browser, server.baseUrl);
    await signIn(other.page, 'wang.handler');
    await expect.poll(() => other.page.getByTestId('current-user').innerText()).toBe('王处理');
    const localeNow = async () =>
      (await admin.request('GET', '/api/v1/users')).body.items.find(
        (u: { username: string }) => u.username === 'wang.handler',
      ).locale;
    expect(await localeNow()).toBe('zh-CN');
    other.expectClean();
    await other.context.close();

    // Deactivating is asked first (set apart from 编辑): nothing changes until it is confirmed.
    await row.getByRole('button', { name: /停\s*用/ }).click();
    const ask = page.locator('.ant-popconfirm');
    await ask.getByText('停用用户“王处理”？').waitFor();
    await screenshot(page, 'admin-users-deactivate');
    await ask.getByRole('button', { name: /取\s*消/ }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(
      (await admin.request('GET', '/api/v1/users')).body.items.find(
        (u: { username: string }) => u.username === 'wang.handler',
      ).active,
    ).toBe(true);
    // Confirmed, the account is marked so in the list and the API.
    await row.getByRole('button', { name: /停\s*用/ }).click();
    await ask.getByRole('button', { name: /停\s*用/ }).click();
    await expect.poll(() => row.textContent()).toMatch(/启\s*用/);
    await expect
      .poll(async () => {
        const list = (await admin.request('GET', '/api/v1/users')).body.items;
        return list.find((u: { username: string }) => u.username === 'wang.handler').active;
      })
      .toBe(false);
    await row.getByRole('button', { name: /启\s*用/ }).waitFor();

    w.expectClean();
    await w.context.close();
  });

  it("changes the supervisor's approval limit, shown in yuan and stored in fen", async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/authority');
    const amount = page.getByLabel('主管 金额上限（元）');
    await expect.poll(() => amount.inputValue()).toBe('100.00');
    await amount.fill('200');
    await page.getByRole('button', { name: SAVE }).click();
    await page.getByText('处理权限已保存').waitFor();

    const admin = await login(server.http, 'admin');
    const limits = (await admin.request('GET', '/api/v1/settings/authority-limits')).body;
    expect(limits.limits.supervisor).toBe(20000);
    expect(limits.limits.agent).toBe(2000);
    w.expectClean();
    await w.context.close();
  });

  it('sets a time limit policy and the working hours of Saturday', async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/sla');
    await page.getByRole('button', { name: '新增策略' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('环节').click();
    await page.locator('.ant-select-item-option', { hasText: /^开始调查$/ }).click();
    await dialog.getByLabel('优先级').click();
    await page.locator('.ant-select-item-option', { hasText: 'P1 紧急' }).click();
    await dialog.getByLabel('时限（分钟）').fill('240');
    await dialog.getByRole('button', { name: SAVE }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '4 小时 · 工作时间' }).waitFor();
    await screenshot(page, 'admin-sla');

    const admin = await login(server.http, 'admin');
    const policies = (await admin.request('GET', '/api/v1/sla-policies')).body.items;
    expect(policies).toEqual([
      expect.objectContaining({ stage: 'investigation', priority: 'P1', categoryId: null, minutes: 240 }),
    ]);

    // 时限规则: remind at 70 % of a limit, raise a breached complaint's priority by two steps.
    const remind = page.getByLabel('到期提醒（时限已用）');
    await expect.poll(() => remind.inputValue(), { timeout: 8000 }).not.toBe('');
    await remind.fill('70');
    await page.getByLabel('超时提升优先级').click();
    await page.locator('.ant-select-item-option', { hasText: /^2 级$/ }).click();
    await page.locator('form').filter({ has: remind }).getByRole('button', { name: SAVE }).click();
    await page.getByText('设置已保存').first().waitFor();
    expect((await admin.request('GET', '/api/v1/settings/sla')).body).toMatchObject({
      remindShare: 0.7,
      raisePriorityOnBreach: 2,
    });

    // Saturday gets the default period 09:00–18:00.
    await page.getByRole('tab', { name: '工作日历' }).click();
    const saturday = page.getByRole('row', { name: /周六/ });
    await saturday.getByRole('button', { name: /添加时段/ }).click();
    await page.getByRole('button', { name: SAVE }).click();
    await page.getByText('工作日历已保存').waitFor();
    const calendar = (await admin.request('GET', '/api/v1/settings/calendar')).body;
    expect(calendar.hours['6']).toEqual([[540, 1080]]);
    expect(calendar.hours['1']).toEqual([[540, 1080]]);
    expect(calendar.hours['0']).toBeUndefined();
    await page.getByText('工作日历已保存').waitFor({ state: 'detached', timeout: 10_000 });
    await screenshot(page, 'admin-calendar');

    // The admin pages speak English completely.
    await page.getByTestId('language').click();
    await page.getByRole('tab', { name: 'Time limits' }).click();
    await page.getByRole('cell', { name: '4 h · Working time' }).waitFor();
    const chinese = (await chineseText(page)).filter(
      (line) => line !== '中文' && !line.includes('系统管理员'),
    );
    expect(chinese).toEqual([]);
    await page.getByTestId('language').click();
    w.expectClean();
    await w.context.close();
  });

  it('adds a sub-category, showing the API field error on the form first', async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/categories');
    const delay = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'delay', exact: true }) });
    await delay.getByRole('button', { name: '添加下级' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('代码').inputValue()).toBe('delay.');
    await dialog.getByLabel('代码').fill('delay.Weather Delay');
    await dialog.getByLabel('中文名称').fill('天气原因延误');
    await dialog.getByLabel('英文名称').fill('Weather delay');
    await dialog.getByRole('button', { name: SAVE }).click();
    // The API refuses the code; its message stands under the field.
    await dialog.locator('#category_code_help').waitFor();
    await dialog.getByLabel('代码').fill('delay.weather');
    await dialog.getByRole('button', { name: SAVE }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '天气原因延误' }).waitFor();
    await screenshot(page, 'admin-categories');

    const admin = await login(server.http, 'admin');
    const items = (await admin.request('GET', '/api/v1/categories')).body.items;
    const parent = items.find((c: { code: string }) => c.code === 'delay');
    expect(items.find((c: { code: string }) => c.code === 'delay.weather')).toMatchObject({
      parentId: parent.id,
      level: 2,
      nameEn: 'Weather delay',
    });
    // The refused attempt is the only error the browser may report.
    expect(w.errors.filter((e) => !e.includes('400'))).toEqual([]);
    await w.context.close();
  });

  it('adds a dispatch rule', async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/dispatch');
    await page.getByRole('button', { name: '新建规则' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('规则名称').fill('损毁件交浦东网点');
    await dialog.getByLabel('分类（含下级）').click();
    await page.getByTitle('损毁', { exact: true }).click();
    await dialog.getByLabel('渠道').click();
    await page.locator('.ant-select-item-option', { hasText: /^电话$/ }).click();
    await dialog.getByLabel('规则名称').click(); // close the channel list
    await dialog.getByLabel('责任部门').click();
    await page.getByTitle('浦东网点', { exact: true }).click();
    await dialog.getByLabel('分派方式').click();
    await page.locator('.ant-select-item-option', { hasText: '部门内轮流分派' }).click();
    await dialog.getByRole('button', { name: SAVE }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '损毁件交浦东网点' }).waitFor();
    await screenshot(page, 'admin-dispatch');

    const admin = await login(server.http, 'admin');
    const rules = (await admin.request('GET', '/api/v1/dispatch-rules')).body.items;
    expect(rules).toEqual([
      expect.objectContaining({
        name: '损毁件交浦东网点',
        unitId: server.org.unitIds.get('pudong'),
        assign: 'round_robin',
        active: true,
        conditions: { categoryId: server.org.categoryIds.get('damage'), channels: ['phone'] },
      }),
    ]);
    w.expectClean();
    await w.context.close();
  });

  it('customises a notice template', async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/templates');
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: '受理通知', exact: true }) });
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('标题').fill('【客速达】投诉 {number} 已受理');
    await dialog.getByRole('button', { name: SAVE }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain('已自定义');
    await screenshot(page, 'admin-templates');

    const admin = await login(server.http, 'admin');
    const items = (await admin.request('GET', '/api/v1/notification-templates')).body.items;
    expect(
      items.find(
        (x: { event: string; channel: string; locale: string }) =>
          x.event === 'acknowledgment' && x.channel === 'sms' && x.locale === 'zh-CN',
      ),
    ).toMatchObject({ subject: '【客速达】投诉 {number} 已受理', customised: true });
    w.expectClean();
    await w.context.close();
  });

  it('changes the repeat window and the evidence size limit', async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/settings');
    const repeat = page.getByLabel('重复投诉判定期限（天）');
    await expect.poll(() => repeat.inputValue(), { timeout: 8000 }).not.toBe('');
    await repeat.fill('30');
    await page.locator('form').filter({ has: repeat }).getByRole('button', { name: SAVE }).click();
    await page.getByText('设置已保存').first().waitFor();
    const size = page.getByLabel('单个文件大小上限（MB）');
    await size.fill('5');
    await page.locator('form').filter({ has: size }).getByRole('button', { name: SAVE }).click();
    await screenshot(page, 'admin-settings');

    const admin = await login(server.http, 'admin');
    await expect
      .poll(async () => (await admin.request('GET', '/api/v1/settings/evidence')).body.maxBytes)
      .toBe(5 * 1024 * 1024);
    expect((await admin.request('GET', '/api/v1/settings/duplicates')).body.windowDays).toBe(30);
    w.expectClean();
    await w.context.close();
  });

  it('sets whether a reply may go out before the approved remedy is carried out', async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/settings');
    const days = page.getByLabel('默认执行期限（工作日）');
    await expect.poll(() => days.inputValue(), { timeout: 8000 }).toBe('2');
    const form = page.locator('form').filter({ has: days });
    await form.getByLabel('方案未执行完毕时回复客户').click();
    await page.getByTitle('不允许回复，须先登记执行').click();
    await days.fill('3');
    await form.getByRole('button', { name: SAVE }).click();
    await page.getByText('设置已保存').first().waitFor();
    const admin = await login(server.http, 'admin');
    await expect
      .poll(async () => (await admin.request('GET', '/api/v1/settings/fulfilment')).body)
      .toEqual({ beforeReply: 'block', workingDays: 3 });
    w.expectClean();
    await w.context.close();
  });

  it('retries a dead job from the jobs monitor', async () => {
    // A job whose one attempt fails dies at once.
    const failing = createJobRegistry().registerJob('test.courier-sync', async () => {
      throw new Error('courier API unreachable');
    });
    const job = await insertJob(server.app.db, { kind: 'test.courier-sync', maxAttempts: 1 }, Date.now());
    if (!job) throw new Error('not enqueued');
    await runDueJobs(server.app, failing, { onEvent: () => {} });
    const admin = await login(server.http, 'admin');
    expect((await admin.request('GET', `/api/v1/jobs/${job.id}`)).body.state).toBe('dead');

    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/jobs');
    await page.getByText('已失败', { exact: true }).first().click();
    await page.getByRole('cell', { name: 'test.courier-sync' }).waitFor();
    expect(await page.getByRole('row', { name: /test\.courier-sync/ }).textContent()).toContain(
      'courier API unreachable',
    );
    await screenshot(page, 'admin-jobs');
    await page.getByTestId(`retry-${job.id}`).click();
    await page.getByText(`任务 #${job.id} 已重新排队`).waitFor();
    await expect
      .poll(async () => (await admin.request('GET', `/api/v1/jobs/${job.id}`)).body)
      .toMatchObject({ state: 'pending', attempts: 0, lastError: null });
    w.expectClean();
    await w.context.close();
  });

  it('speaks English on every admin tab', async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin');
    await page.getByTestId('language').click();
    await page.getByRole('tab', { name: 'Organisation' }).waitFor();
    const found: string[] = [];
    for (const tab of [
      'Organisation',
      'Users and roles',
      'Approval authority',
      'Categories',
      'Dispatch rules',
      'Time limits',
      'Business calendar',
      'Notice templates',
      'Other settings',
      'Backups',
      'Background jobs',
    ]) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel').locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
      await page.getByRole('tabpanel').getByRole('button').first().waitFor();
      // Staff names and rule names are data, not UI text.
      found.push(
        ...(await chineseText(page))
          .filter((line) => !/^(中文|系统管理员)$/.test(line))
          .map((l) => `${tab}: ${l}`),
      );
    }
    expect(
      found.filter((l) => !/(王|陈|李|张|刘|赵|孙|系统管理员)/.test(l) && !l.includes('损毁件交浦东网点')),
    ).toEqual([]);
    await page.getByRole('tab', { name: 'Users and roles' }).click();
    await page.getByRole('button', { name: 'New user' }).waitFor();
    await screenshot(page, 'admin-users-en');
    await page.getByTestId('language').click();
    w.expectClean();
    await w.context.close();
  });

  it('shows a non-admin a friendly refusal instead of the admin pages', async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'supervisor');
    await expect.poll(() => page.getByRole('menuitem').allInnerTexts()).not.toContain('系统管理');
    await page.goto('/admin');
    await page.getByTestId('admin-forbidden').waitFor();
    expect(await page.getByTestId('admin-forbidden').innerText()).toContain('无权访问');
    // The API's 403 is the only error the browser may report.
    expect(w.errors.filter((e) => !e.includes('403'))).toEqual([]);
    await w.context.close();
  });
  it('saves the notification channels and keeps their secrets on a second save', async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/channels');
    await page.getByLabel('启用', { exact: true }).click();
    await page.getByLabel('SMTP 服务器').fill('smtp.kesu.test');
    await page.getByLabel('端口').fill('465');
    await page.getByLabel('用户名').fill('kefu');
    await page.getByLabel('密码', { exact: true }).fill('smtp-secret-1');
    await page.getByLabel('发件人').fill('客服中心 <kefu@kesu.test>');
    await page.getByRole('button', { name: '添加机器人' }).click();
    await page.getByLabel('群名称').fill('客服经理群');
    await page.getByLabel('Webhook 地址').fill('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-1');
    await page.getByRole('button', { name: SAVE }).click();
    await page.getByText('设置已保存').first().waitFor();
    await expect.poll(() => page.getByLabel('密码', { exact: true }).inputValue()).toBe('********');
    expect(await page.getByLabel('Webhook 地址').inputValue()).toBe('********');
    await screenshot(page, 'admin-channels');

    const stored = async () => {
      const row = await server.app.db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'notify_channels')
        .executeTakeFirstOrThrow();
      return JSON.parse(row.value);
    };
    const first = await stored();
    expect(first.email).toMatchObject({
      host: 'smtp.kesu.test',
      port: 465,
      user: 'kefu',
      pass: 'smtp-secret-1',
    });
    expect(first.robots[0]).toMatchObject({
      name: '客服经理群',
      config: { channel: 'wecom', webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-1' },
    });

    // Opened afresh and saved with a changed sender, the masked secrets are kept.
    await page.reload();
    const from = page.getByLabel('发件人');
    await expect.poll(() => from.inputValue()).not.toBe('');
    await from.fill('kefu@kesu.test');
    await page.getByRole('button', { name: SAVE }).click();
    await expect.poll(async () => (await stored()).email.from).toBe('kefu@kesu.test');
    const second = await stored();
    expect(second.email.pass).toBe('smtp-secret-1');
    expect(second.robots[0].config.webhookUrl).toBe(first.robots[0].config.webhookUrl);
    w.expectClean();
    await w.context.close();
  });

  it('saves the mail intake mailbox and shows its status', async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/mail');
    await page.getByTestId('mail-status').waitFor();
    expect(await page.getByTestId('mail-status').innerText()).toContain('未启用');
    await page.getByLabel('从邮箱受理投诉').click();
    await page.getByLabel('IMAP 服务器').fill('imap.kesu.test');
    await page.getByLabel('用户名').fill('complaints@kesu.test');
    await page.getByLabel('密码', { exact: true }).fill('imap-secret-1');
    await page.getByLabel('已处理文件夹').fill('Processed');
    await page.getByRole('button', { name: SAVE }).click();
    await page.getByText('设置已保存').first().waitFor();
    await expect.poll(() => page.getByTestId('mail-status').innerText()).toContain('尚未收取');
    expect(await page.getByTestId('mail-status').innerText()).toContain('连续失败次数');
    await expect.poll(() => page.getByLabel('密码', { exact: true }).inputValue()).toBe('********');

    const admin = await login(server.http, 'admin');
    const saved = (await admin.request('GET', '/api/v1/settings/mail-intake')).body;
    expect(saved).toMatchObject({
      enabled: true,
      host: 'imap.kesu.test',
      user: 'complaints@kesu.test',
      password: '********',
      processedMailbox: 'Processed',
      port: 993,
    });
    // Saved again as read, the password is kept.
    await page.getByRole('button', { name: SAVE }).click();
    await expect.poll(() => page.getByText('设置已保存').count()).toBeGreaterThan(0);
    const status = (await admin.request('GET', '/api/v1/settings/mail-intake/status')).body;
    expect(status.state).toBe('never_polled');
    w.expectClean();
    await w.context.close();
  });

  it('creates an API token that works as a bearer token until it is revoked', async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/tokens');
    await page.getByRole('button', { name: '新建令牌' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('呼叫中心 CTI');
    await dialog.getByLabel('代表用户').click();
    await page.locator('.ant-select-item-option', { hasText: '(agent)' }).first().click();
    await dialog.getByRole('button', { name: SAVE }).click();
    const shown = page.getByTestId('new-api-token');
    await shown.waitFor();
    const token = (await shown.innerText()).trim();
    expect(token).toMatch(/^kst/);
    expect(await page.getByRole('dialog').filter({ has: shown }).innerText()).toContain('只显示这一次');

    const me = async () =>
      (
        await server.http.inject({
          method: 'GET',
          url: '/api/v1/auth/me',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode;
    expect(await me()).toBe(200);

    await page.getByRole('button', { name: '我已保存' }).click();
    const row = page.getByRole('row', { name: /呼叫中心 CTI/ });
    await row.getByRole('button', { name: /吊\s*销/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /吊\s*销/ })
      .click();
    await expect.poll(() => row.innerText()).toContain('已吊销');
    expect(await me()).toBe(401);
    w.expectClean();
    await w.context.close();
  });

  it('speaks English on the channels, mail intake and API token tabs', async () => {
    const w = await openPage(browser, server.baseUrl);
    const { page } = w;
    await signIn(page, 'admin');
    await page.goto('/admin/channels');
    await page.getByTestId('language').click();
    await page.getByRole('tab', { name: 'Notification channels' }).waitFor();
    const found: string[] = [];
    for (const tab of ['Notification channels', 'Mail intake', 'API tokens']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel').locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
      await page.getByRole('tabpanel').getByRole('button').first().waitFor();
      found.push(...(await chineseText(page)).map((l) => `${tab}: ${l}`));
    }
    // Robot, sender, token and user names are data.
    expect(
      found.filter((l) => !/(中文|系统管理员|客服经理群|客服中心|呼叫中心|王|陈|李|张|刘|赵|孙)/.test(l)),
    ).toEqual([]);
    await page.getByTestId('language').click();
    w.expectClean();
    await w.context.close();
  });
});
