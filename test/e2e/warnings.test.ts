import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followHistory } from '../../src/modules/stats/index.js';
import { detectSpikes } from '../../src/modules/warnings/detect-spikes.js';
import { followEvents } from '../../src/modules/warnings/follow-events.js';
import { login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { consoleAndBrowser, openPage, signIn, slowDown } from './support/browser.js';

const EVIDENCE = resolve(import.meta.dirname, '../../docs/evidence/issue-16');
const DAY = 24 * 3600_000;

describe('early warnings (预警) in the console', () => {
  const env = consoleAndBrowser();

  it('lists the warnings the detectors raised, shows a spike against its expected band, opens a corrective action', async () => {
    const { org, app } = env.server;
    const manager = await login(env.server.http, 'manager');
    const register = (overrides: Parameters<typeof buildComplaint>[1]) =>
      manager.ok('POST', '/api/v1/complaints', buildComplaint(org, overrides));
    const midnight = new Date(
      `${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+08:00`,
    );
    const at = (daysAgo: number, hour: number) =>
      new Date(midnight.getTime() - daysAgo * DAY + hour * 3_600_000).toISOString();
    const lost = {
      unitId: org.unitIds.get('nanshan'),
      categoryId: org.categoryIds.get('lost.short'),
      channel: 'wechat' as const,
    };
    // Six weeks of one or two short-delivery complaints a day at Nanshan, then eleven yesterday.
    for (let d = 42; d >= 2; d--)
      for (let i = 0; i < 1 + (d % 3 === 0 ? 1 : 0); i++)
        await register({ ...lost, title: '包裹少件', receivedAt: at(d, 9 + i) });
    for (let i = 0; i < 11; i++)
      await register({ ...lost, title: '包裹少件，外包装破损', receivedAt: at(1, 8 + i) });
    await register({
      unitId: org.unitIds.get('pudong'),
      title: '快递丢失无人处理',
      content: '快递丢了一个星期没人管，再不赔偿我就找记者曝光，还要去邮政管理局投诉。',
    });
    while (await app.db.transaction().execute((tx) => followHistory(tx, app)));
    await app.db.transaction().execute((tx) => detectSpikes(tx, app));
    while (await app.db.transaction().execute((tx) => followEvents(tx, app)));

    const w = await openPage(env.browser, env.server.baseUrl, { viewport: { width: 1440, height: 900 } });
    await signIn(w.page, 'executive');
    await w.page.goto('/warnings');
    const list = w.page.getByTestId('warn-list');
    await expect.poll(() => list.textContent()).toContain('投诉突增');
    const text = (await list.textContent()) ?? '';
    expect(text).toContain('升级风险');
    expect(text).toContain('出现升级风险词：曝光、记者、邮政管理局');
    expect(text).toContain('短少');
    mkdirSync(EVIDENCE, { recursive: true });
    await w.page.screenshot({ path: join(EVIDENCE, 'warnings.png'), fullPage: true });

    // The category's spike: the chart of the days before it, the complaints behind it.
    await list
      .getByRole('link', { name: /投诉分类：.*短少/ })
      .first()
      .click();
    const detail = w.page.getByTestId('warn-detail');
    await expect.poll(() => detail.textContent()).toContain('受理 11 件');
    await w.page.getByTestId('warn-chart').locator('canvas').waitFor();
    expect(await w.page.getByTestId('warn-linked').textContent()).toContain('包裹少件，外包装破损');
    await w.page.waitForTimeout(600);
    await w.page.screenshot({ path: join(EVIDENCE, 'warning-detail.png'), fullPage: true });

    // 指派, the name typed and the dialog submitted while the staff list is still on its way: the one picked owns it.
    await slowDown(w.page, '/staff', 1500);
    await w.page.getByRole('button', { name: /指\s*派/ }).click();
    const dialog = w.page.getByRole('dialog');
    await dialog.getByLabel('负责人').click();
    await w.page.keyboard.type('赵');
    await w.page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => detail.textContent()).toContain('赵处理');

    // One click: a corrective action for those complaints, linked to the warning.
    await w.page.getByTestId('warn-open-action').click();
    await expect.poll(() => w.page.url()).toMatch(/\/corrective-actions\/\d+$/);
    const ca = w.page.getByTestId('ca-detail');
    await expect.poll(() => ca.textContent()).toContain('预警');
    expect(await ca.textContent()).toContain('来源预警');

    // In English, what a warning is about and its unit are named in English too.
    await w.page.getByTestId('language').click();
    await w.page.goto('/warnings');
    await expect.poll(() => list.textContent()).toContain('Category: Items missing');
    const english = (await list.textContent()) ?? '';
    expect(english).toContain('Nanshan Station');
    expect(english).not.toMatch(/南山网点|内件短少|：/);
    w.expectClean();
  });
});
