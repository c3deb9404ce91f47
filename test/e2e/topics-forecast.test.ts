import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDate, localMidnight } from '../../src/lib/time.js';
import { runForecastCommand } from '../../src/modules/forecast/index.js';
import { rebuildStats } from '../../src/modules/stats/index.js';
import { runTopicsCommand } from '../../src/modules/topics/index.js';
import { history, writeRows } from '../topics/support.js';
import { consoleAndBrowser, openPage, screenshot, signIn } from './support/browser.js';

/** Kept in the repository: the evidence for issue 16. */
const EVIDENCE = resolve(import.meta.dirname, '../../docs/evidence/issue-16');

function keep(path: string, name: string) {
  mkdirSync(EVIDENCE, { recursive: true });
  copyFileSync(path, resolve(EVIDENCE, `${name}.png`));
}

describe('hot topics (热点) and the forecast (预测) in Chromium', { timeout: 120_000 }, () => {
  const env = consoleAndBrowser();

  it('shows the fraud calls as a new topic and the week ahead with its band and handlers on the dashboard', async () => {
    const { server, browser } = env;
    const today = localDate(Date.now(), 'Asia/Shanghai');
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    await writeRows(server.app.db, server.org, history(localMidnight(y, m, d, 'Asia/Shanghai')));
    await rebuildStats(server.app);
    await runTopicsCommand(server.app);
    await runForecastCommand(server.app);

    const w = await openPage(browser, server.baseUrl);
    await signIn(w.page, 'executive');
    await w.page.goto(`${server.baseUrl}/topics`);
    const fraud = w.page.locator('[data-testid^="topic-"]', { hasText: '冒充' });
    await fraud.first().waitFor();
    const card = await fraud.first().textContent();
    expect(card).toContain('理赔');
    expect(card).toContain('新话题');
    expect(card).toContain('示例投诉');
    await fraud.first().locator('canvas').first().waitFor();
    keep(await screenshot(w.page, 'topics'), 'topics');
    // An example opens its complaint.
    await fraud.first().getByRole('link').first().click();
    await w.page.waitForURL(/\/complaints\/KS-T-/);

    // The new topic is an early warning too, saying what raised it.
    await w.page.goto(`${server.baseUrl}/warnings`);
    const topicWarning = w.page.locator('tr', { hasText: '热点问题' }).filter({ hasText: '冒充' });
    await topicWarning.first().waitFor();
    expect(await topicWarning.first().textContent()).toMatch(/近 7 天 \d+ 件投诉/);
    expect(await w.page.locator('body').textContent()).not.toContain('undefined');

    await w.page.goto(`${server.baseUrl}/`);
    const forecast = w.page.getByTestId('forecast-card');
    await forecast.getByTestId('chart-forecast').locator('canvas').first().waitFor();
    await expect.poll(() => forecast.textContent()).toContain('所需处理人员');
    expect(await forecast.getByTestId('staffing-formula').textContent()).toContain(
      '所需人数 = 预测件数 × 每件投诉处理工时 30 分钟 ÷ 每人每日工时 8 小时',
    );
    const handlers = async () =>
      (
        await forecast
          .getByTestId('staffing')
          .locator('tr', { hasText: '所需处理人员' })
          .locator('td')
          .allTextContents()
      )
        .slice(1)
        .map((text) => Number.parseFloat(text));
    const [first] = await handlers();
    const expected = Number.parseFloat(
      (await forecast
        .getByTestId('staffing')
        .locator('tr', { hasText: '预测件数' })
        .locator('td')
        .nth(1)
        .textContent()) ?? '',
    );
    // Half an hour for each expected complaint in an 8-hour day (the table rounds the expected count).
    expect(first).toBeCloseTo((expected * 30) / 480, 0);
    await forecast.scrollIntoViewIfNeeded();
    keep(await screenshot(w.page, 'dashboard-forecast'), 'dashboard-forecast');
    w.expectClean();

    // The admin says a complaint takes an hour and a handler's day 6 hours: the hint follows.
    const admin = await openPage(browser, server.baseUrl);
    await signIn(admin.page, 'admin');
    await admin.page.goto(`${server.baseUrl}/admin/settings`);
    const form = admin.page.locator('form#settings_staffing');
    await form.getByLabel('每件投诉处理工时（分钟）').fill('60');
    await form.getByLabel('每人每日处理投诉工时（小时）').fill('6');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await admin.page.getByText('设置已保存').waitFor();
    admin.expectClean();
    await w.page.reload();
    await expect
      .poll(() => w.page.getByTestId('staffing-formula').textContent())
      .toContain('每件投诉处理工时 60 分钟 ÷ 每人每日工时 6 小时');
    expect((await handlers())[0]).toBeCloseTo((expected * 60) / 360, 0);
  });
});
