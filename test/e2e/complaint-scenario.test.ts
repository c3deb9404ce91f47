import { deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  act,
  type ConsoleServer,
  chineseText,
  label,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  startConsole,
  type WatchedPage,
} from './support/browser.js';
import { tabTo, typeInto } from './support/keyboard.js';

/** A small valid PNG (8×8, red), built by hand so the server's content sniffing accepts it. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const size = 8;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([0xc4, 0x30, 0x2b]))]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('the complaint page: the full scenario by three people in their own sessions', () => {
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

  const status = (page: Page) => page.getByTestId('complaint-status').innerText();

  async function open(user: string, number: string): Promise<WatchedPage> {
    const w = await openPage(browser, server.baseUrl);
    await signIn(w.page, user);
    await w.page.goto(`/complaints/${number}`);
    await w.page.getByTestId('complaint-status').waitFor();
    return w;
  }

  it('registers, handles, approves, answers, confirms and archives one complaint', async () => {
    // ── The agent: registers the call through the console's form, by keyboard, then opens it.
    const agent = await openPage(browser, server.baseUrl);
    const a = agent.page;
    await signIn(a, 'agent');
    await a.goto('/register');
    await expect.poll(() => a.evaluate(() => document.activeElement?.id)).toBe('complainant_phone');
    await a.keyboard.type('13912345678');
    await expect.poll(() => a.getByTestId('customer-panel').innerText()).toContain('未找到该号码的客户');
    await a.keyboard.press('Tab');
    await a.keyboard.type('王女士');
    await typeInto(a, '标题', '包裹中转延误三天');
    await a.keyboard.press('Tab');
    await a.keyboard.type('我的快递三天没有物流更新，请尽快处理。');
    await tabTo(a, '解释说明');
    await a.keyboard.press('Space');
    await typeInto(a, '运单号', 'SF1000001');
    // The category by keyboard: the cascader searches what is typed and takes the chosen match.
    await tabTo(a, '分类');
    await a.keyboard.type('中转延误');
    await a
      .getByRole('menuitemcheckbox', { name: /中转延误/ })
      .first()
      .waitFor();
    await a.keyboard.press('ArrowDown');
    await a.keyboard.press('Enter');
    await expect.poll(() => a.getByTestId('register-form').innerText()).toContain('中转延误');
    expect(await a.getByTestId('register-result').count()).toBe(0);
    await a.keyboard.press('Control+Enter');
    const result = a.getByTestId('register-result');
    await result.waitFor();
    const number = (await a.getByTestId('registered-number').innerText()).trim();
    expect(number).toMatch(/^KS\d{8}-\d{6}$/);
    expect(await a.getByTestId('registered-status').innerText()).toBe('已登记');
    await result.getByRole('button', { name: label('查看投诉') }).click();
    await a.waitForURL((url) => url.pathname === `/complaints/${number}`);
    await a.getByTestId('complaint-status').waitFor();

    // ── The agent: accept, assign to themself, start, judge, propose ¥50 (beyond the agent's ¥20).
    await expect.poll(() => status(a)).toBe('已登记');
    expect(await a.getByTestId('complaint-number').innerText()).toBe(number);
    expect(await a.getByTestId('complainant-phone').innerText()).toContain('****');
    // The agent may not reveal personal data: no button, and the API refuses the attempt.
    expect(await a.getByRole('button', { name: /查看完整信息/ }).count()).toBe(0);
    const refused = await agent.context.request.get(`/api/v1/complaints/${number}?reveal=true`, {
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).code).toBe('personal_data_forbidden');
    await expect.poll(() => a.getByTestId('complaint-deadlines').innerText()).toContain('剩余');

    await act(a, '受理');
    await expect.poll(() => status(a)).toBe('已受理');
    await act(a, '分派'); // the form offers the agent themself by default
    await expect.poll(() => status(a)).toBe('已分派');
    expect(await a.getByTestId('complaint-assignee').innerText()).toBe('陈坐席');
    await act(a, '开始调查');
    await expect.poll(() => status(a)).toBe('调查中');

    // A judgement without the degree: the API's field message lands on the form field.
    await a
      .getByTestId('complaint-actions')
      .getByRole('button', { name: label('责任判定') })
      .click();
    const judge = a.getByRole('dialog');
    await judge.getByText('本公司', { exact: true }).click();
    await judge.getByLabel('判定依据').fill('中转记录显示延误 48 小时，责任在我司。');
    await judge.getByRole('button', { name: /提\s*交/ }).click();
    await expect.poll(() => judge.getByRole('alert').first().innerText()).toContain('请求内容有误');
    await expect.poll(() => judge.innerText()).toContain('公司有责时须填写责任程度');
    await judge.getByText('全部责任', { exact: true }).click();
    await judge.getByRole('button', { name: /提\s*交/ }).click();
    await judge.waitFor({ state: 'hidden' });
    await expect.poll(() => a.getByTestId('complaint-handling').innerText()).toContain('全部责任');

    await act(a, '提出方案', async (d) => {
      await d.getByText('道歉', { exact: true }).click();
      await d.getByText('赔偿', { exact: true }).click();
      await d.getByLabel('金额（元）').fill('50');
      await d.getByRole('textbox', { name: /说明/ }).fill('致歉并补偿 50 元');
    });
    await expect.poll(() => status(a)).toBe('方案待批');
    const handling = await a.getByTestId('complaint-handling').innerText();
    expect(handling).toContain('¥50.00');
    expect(handling).toContain('待审批');

    // Evidence: a photo uploaded and previewed.
    await a.locator('[data-testid="evidence-upload"] input[type="file"]').setInputFiles({
      name: 'parcel.png',
      mimeType: 'image/png',
      buffer: png(),
    });
    const photo = a.locator('img[alt="parcel.png"]');
    await photo.waitFor();
    await expect
      .poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);

    // ── The supervisor: reveals the phone (recorded) and approves.
    const supervisor = await open('supervisor', number);
    const s = supervisor.page;
    await expect.poll(() => status(s)).toBe('方案待批');
    expect(await s.getByTestId('complainant-phone').innerText()).toContain('****');
    await s.getByRole('button', { name: /查看完整信息/ }).click();
    await expect.poll(() => s.getByTestId('complainant-phone').innerText()).toBe('13912345678');
    await s.getByTestId('revealed').waitFor();
    await expect.poll(() => s.getByTestId('complaint-timeline').innerText()).toContain('查看个人信息');
    await screenshot(s, 'complaint-page');
    await act(s, '批准');
    await expect.poll(() => status(s)).toBe('已批准');
    // A fresh answer from the API masks the phone again.
    expect(await s.getByTestId('complainant-phone').innerText()).toContain('****');

    // ── The agent: replies in five sections from a canned reply, records "satisfied".
    await a.reload();
    await expect.poll(() => status(a)).toBe('已批准');
    await act(a, '回复客户', async (d) => {
      await d.getByLabel('常用回复').click();
      await a.locator('.ant-select-item-option').filter({ hasText: '快递延误致歉' }).click();
      await expect.poll(() => d.getByLabel('处理经过').inputValue()).toContain('中转环节');
    });
    await expect.poll(() => status(a)).toBe('已回复');
    expect(await a.getByTestId('complaint-handling').innerText()).toContain('快件已送达');
    await act(a, '客户确认', async (d) => {
      await d.getByText('满意', { exact: true }).click();
    });
    await expect.poll(() => status(a)).toBe('已解决');
    expect(await a.getByTestId('confirmation').innerText()).toBe('满意');

    // ── The manager archives.
    const manager = await open('manager', number);
    const m = manager.page;
    await expect.poll(() => status(m)).toBe('已解决');
    await act(m, '归档');
    await expect.poll(() => status(m)).toBe('已归档');
    expect(await m.getByTestId('complaint-actions').count()).toBe(0);

    // The history lists every step, each by its actor.
    const timeline = m.getByTestId('complaint-timeline');
    await expect
      .poll(() =>
        timeline.locator('[data-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))),
      )
      .toEqual(
        expect.arrayContaining([
          'registered',
          'accepted',
          'assigned',
          'investigation_started',
          'judged',
          'remedy_proposed',
          'evidence_added',
          'personal_data_viewed',
          'remedy_approved',
          'replied',
          'confirmed_satisfied',
          'archived',
        ]),
      );
    const history = await timeline.innerText();
    for (const step of [
      '登记',
      '受理',
      '分派',
      '开始调查',
      '责任判定',
      '方案已批准',
      '回复客户',
      '客户确认满意',
      '归档',
    ])
      expect(history).toContain(step);
    expect(history).toContain('张主管');
    expect(history).toContain('陈坐席');
    await m.locator('img[alt="parcel.png"]').waitFor();
    await screenshot(m, 'complaint-archived');

    // In English the page speaks English; only the record's own words (names, content, reply) stay Chinese.
    await m.getByTestId('language').click();
    await expect.poll(() => status(m)).toBe('Archived');
    const data = [
      '中文',
      '王女士',
      '李经理',
      '张主管',
      '陈坐席',
      '包裹中转延误三天',
      '我的快递',
      '中转记录',
      '致歉并补偿',
    ];
    const replyText = ['您反映', '我们已核实', '快件已送达', '《快递服务》', '如仍有疑问'];
    await m.mouse.move(0, 0); // no tooltip left open from the last click
    const notTranslated = async () =>
      (await chineseText(m)).filter((line) => ![...data, ...replyText].some((d) => line.includes(d)));
    // The toast of the archive (in Chinese, from before the switch) fades away by itself.
    await expect.poll(notTranslated, { timeout: 10_000 }).toEqual([]);
    await screenshot(m, 'complaint-en');

    // The judgement refused on purpose (400) is the only error the agent's browser may report.
    expect(agent.errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
    expect(agent.errors.length).toBeLessThanOrEqual(1);
    supervisor.expectClean();
    manager.expectClean();
    await Promise.all([agent.context.close(), supervisor.context.close(), manager.context.close()]);
  }, 180_000);
});
