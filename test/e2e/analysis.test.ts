import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { followHistory } from '../../src/modules/stats/index.js';
import { readXlsx } from '../spreadsheets/support.js';
import { applyStep, type History, MIDNIGHT, type Step, writeComplaints } from '../stats/history.js';
import { chineseText, consoleAndBrowser, openPage, screenshot, signIn } from './support/browser.js';

/** Kept in the repository: the evidence for issue 15. */
const EVIDENCE = resolve(import.meta.dirname, '../../docs/evidence/issue-15');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const base = { unit: 'pudong', channel: 'phone', priority: 'P3', grade: 'general', region: null } as const;
type Planned = History['complaints'][number] & { cause: 'a' | 'b' | 'c' };
const at = (day: number, hour: number, minute = 0) => MIDNIGHT + day * DAY + hour * HOUR + minute * 60_000;
const one = (receivedAt: number, cause: Planned['cause'], more: Partial<Planned> = {}): Planned => ({
  ...base,
  receivedAt,
  cause,
  firstContact: false,
  repeat: false,
  ...more,
});
/**
 * 2026-12-01 (Tuesday) to 12-07: nine complaints, five of cause A, three of B, one of C; three of them
 * on Tuesday between 09:00 and 10:00; three resolved at first contact. The seven days before: six
 * (none at first contact); the same days a year before: three.
 */
const PLAN: Planned[] = [
  one(at(0, 9, 5), 'a', { firstContact: true }),
  one(at(0, 9, 30), 'a', { unit: 'nanshan' }),
  one(at(0, 9, 45), 'b', { channel: 'wechat' }),
  one(at(1, 14), 'a', { unit: 'nanshan', firstContact: true }),
  one(at(2, 10), 'a'),
  one(at(3, 11), 'b', { firstContact: true }),
  one(at(4, 16), 'a', { unit: 'nanshan' }),
  one(at(5, 20), 'b', { repeat: true }),
  one(at(6, 8), 'c', { unit: 'nanshan' }),
  ...[1, 2, 3, 4, 5, 6].map((d) => one(at(-d, 11), 'a')),
  ...[0, 2, 4].map((d) => one(at(d - 365, 15), 'b')),
  // A second call about the third complaint, merged into it and archived: counted nowhere.
  one(at(1, 15), 'b'),
];
const DUPLICATE = PLAN.length - 1;
/** Judgements (two valid, one invalid), stage clocks, two surveys and two remedies of the nine. */
const STEPS: Array<Exclude<Step, { op: 'follow' }>> = [
  { op: 'judge', i: 0, validity: 'valid', liable: 'company' },
  { op: 'judge', i: 1, validity: 'invalid', liable: 'customer' },
  { op: 'judge', i: 3, validity: 'valid', liable: 'company' },
  ...[0, 1, 2, 3, 4, 5, 6].map((i) => ({
    op: 'meet' as const,
    i,
    stage: 'first_response' as const,
    minutes: 20 + i * 10,
  })),
  ...[0, 1, 2, 3].map((i) => ({ op: 'meet' as const, i, stage: 'dispatch' as const, minutes: 30 + i * 20 })),
  ...[0, 3].map((i) => ({ op: 'meet' as const, i, stage: 'reply' as const, minutes: 50 + i * 30 })),
  { op: 'survey', i: 0, score: 9 },
  { op: 'survey', i: 3, score: 7 },
  { op: 'remedy', i: 0, amount: 5_000, approved: true },
  { op: 'remedy', i: 3, amount: 30_001, approved: true },
];
const PERIOD = '/analysis?period=custom&from=2026-12-01&to=2026-12-07';

/** Waits until the chart is drawn, then clicks its item `index` of series `series` where it is drawn. */
async function clickItem(page: Page, chart: Locator, series: number, index: number): Promise<void> {
  await expect.poll(() => chart.getAttribute('data-rendered')).toBe('true');
  const items = JSON.parse((await chart.getAttribute('data-items')) ?? '[]') as Array<{
    series: number;
    index: number;
    x: number;
    y: number;
  }>;
  const item = items.find((i) => i.series === series && i.index === index);
  const box = await chart.boundingBox();
  if (!item || !box) throw new Error(`no item ${series}/${index} drawn`);
  await page.mouse.click(box.x + item.x, box.y + item.y);
}

/** The workbench after a drill-down: every page of its list loaded; the number of rows shown. */
async function listed(page: Page): Promise<number> {
  await page.waitForURL((url) => url.pathname === '/workbench');
  const table = page.getByTestId('workbench');
  await table.locator('.ant-table-tbody .ant-table-row').first().waitFor();
  await expect.poll(() => table.locator('.ant-spin-spinning').count()).toBe(0);
  return table.locator('.ant-table-tbody .ant-table-row').count();
}

describe('the analysis pages (统计分析) in Chromium', { timeout: 180_000 }, () => {
  const env = consoleAndBrowser();
  const causes: Record<Planned['cause'], { id: number; name: string }> = {} as never;

  beforeAll(async () => {
    const { server } = env;
    const db = server.app.db;
    const top = await db
      .selectFrom('categories')
      .select(['id', 'name_zh'])
      .where('level', '=', 1)
      .orderBy('id')
      .limit(3)
      .execute();
    (['a', 'b', 'c'] as const).forEach((k, i) => {
      const c = top[i];
      if (!c) throw new Error('the preset has fewer than three top categories');
      causes[k] = { id: c.id, name: c.name_zh };
    });
    const ids = await writeComplaints(db, server.org, { complaints: PLAN, steps: [] });
    for (const [i, id] of ids.entries())
      await db
        .updateTable('complaints')
        .set({ category_id: causes[PLAN[i]?.cause ?? 'a'].id })
        .where('id', '=', id)
        .execute();
    for (const [k, step] of STEPS.entries()) await applyStep(db, server.org, ids, step, at(7, 0, k));
    await applyStep(db, server.org, ids, { op: 'merge', i: DUPLICATE, into: 2 }, at(1, 16));
    await db
      .updateTable('complaints')
      .set({ status: 'closed', closed_at: at(1, 17) })
      .where('id', '=', ids[DUPLICATE] ?? 0)
      .execute();
    while (await db.transaction().execute((tx) => followHistory(tx, server.app)));
  });

  it('shows the period’s figures with 环比 and 同比 and opens the workbench from a Pareto bar', async () => {
    const w = await openPage(env.browser, env.server.baseUrl);
    await signIn(w.page, 'executive');
    await w.page.getByRole('menuitem', { name: '统计分析' }).click();
    await w.page.waitForURL((url) => url.pathname === '/analysis');
    // The shared address names the period; the cards count it.
    await w.page.goto(PERIOD);
    await expect.poll(() => w.page.getByTestId('value-total').innerText()).toBe('9');
    expect(await w.page.getByTestId('change-total').innerText()).toContain('+50%');
    expect(await w.page.getByTestId('year-change-total').innerText()).toContain('+200%');
    expect(await w.page.getByTestId('value-fcr').innerText()).toBe('33.3%');
    // 0 % at first contact the week before: up 33.3 percentage points.
    await expect.poll(() => w.page.getByTestId('change-fcr').innerText()).toContain('+33.3 个百分点');
    expect(await w.page.getByTestId('analysis-period').innerText()).toContain('2026-11-24 ~ 2026-11-30');
    mkdirSync(EVIDENCE, { recursive: true });
    copyFileSync(await screenshot(w.page, 'analysis-overview'), resolve(EVIDENCE, 'analysis-overview.png'));

    // 原因排列: A (5), B (3), C (1), the cumulative share ending at 100 %.
    await w.page.getByRole('tab', { name: '原因排列' }).click();
    expect(new URL(w.page.url()).searchParams.get('view')).toBe('pareto');
    const pareto = w.page.getByTestId('chart-pareto');
    await expect.poll(() => pareto.getAttribute('data-rendered')).toBe('true');
    const rows = w.page.getByTestId('table-category').locator('.ant-table-tbody .ant-table-row');
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringContaining(causes.a.name),
      expect.stringContaining(causes.b.name),
      expect.stringContaining(causes.c.name),
    ]);
    expect(await rows.first().innerText()).toMatch(/5\s+55\.6%\s+6/);
    copyFileSync(await screenshot(w.page, 'analysis-pareto'), resolve(EVIDENCE, 'analysis-pareto.png'));

    // The second bar (B, 3 complaints) lists exactly those three, not the archived duplicate.
    await clickItem(w.page, pareto, 0, 1);
    expect(await listed(w.page)).toBe(3);
    const url = new URL(w.page.url());
    expect(url.searchParams.get('categoryId')).toBe(String(causes.b.id));
    expect(await w.page.getByRole('tab', { name: '全部' }).getAttribute('aria-selected')).toBe('true');
    copyFileSync(await screenshot(w.page, 'analysis-drilldown'), resolve(EVIDENCE, 'analysis-drilldown.png'));

    // Back: the Pareto view of the same period again.
    await w.page.goBack();
    await w.page.getByTestId('chart-pareto').waitFor();
    expect(new URL(w.page.url()).searchParams.get('from')).toBe('2026-12-01');

    // In English, wholly (the user's own name aside).
    await w.page.getByRole('tab', { name: '总览' }).click();
    await w.page.getByTestId('language').click();
    await expect.poll(() => w.page.getByTestId('change-total').innerText()).toContain('vs previous');
    expect(await w.page.getByTestId('change-fcr').innerText()).toContain('+33.3 pp');
    const chinese = (await chineseText(w.page)).filter((line) => line !== '中文' && !line.includes('王总'));
    expect(chinese).toEqual([]);
    await screenshot(w.page, 'analysis-overview-en');
    w.expectClean();
    await w.context.close();
  });

  it('opens the hour of a heat-map cell in the workbench and exports a table', async () => {
    const w = await openPage(env.browser, env.server.baseUrl);
    await signIn(w.page, 'executive');
    await w.page.goto(`${PERIOD}&view=heatmap`);
    const heat = w.page.getByTestId('chart-heatmap');
    await expect.poll(() => heat.getAttribute('data-rendered')).toBe('true');
    copyFileSync(await screenshot(w.page, 'analysis-heatmap'), resolve(EVIDENCE, 'analysis-heatmap.png'));
    // The cells in order (weekday, hour): Monday 08:00, then Tuesday 09:00 with three complaints.
    await clickItem(w.page, heat, 0, 1);
    expect(await listed(w.page)).toBe(3);
    const url = new URL(w.page.url());
    expect(url.searchParams.get('receivedFrom')).toBe(new Date(at(0, 9)).toISOString());
    expect(url.searchParams.get('receivedTo')).toBe(new Date(at(0, 10)).toISOString());
    await w.page.goBack();

    // The other views draw (looked at in test-results/screenshots).
    for (const [view, chart] of [
      ['trend', 'chart-trend'],
      ['stages', 'chart-stages'],
      ['units', 'chart-unit'],
      ['remedies', 'remedies-by-kind'],
      ['satisfaction', 'chart-satisfaction'],
    ] as const) {
      await w.page.goto(`${PERIOD}&view=${view}`);
      await w.page.getByTestId(chart).waitFor();
      await screenshot(w.page, `analysis-${view}`);
    }

    // 导出 Excel of the channels: the rows of the table.
    await w.page.getByRole('tab', { name: '维度构成' }).click();
    await w.page.getByTestId('chart-channel').waitFor();
    const [file] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.getByTestId('export-channel').click(),
    ]);
    const rows = await readXlsx(readFileSync((await file.path()) ?? ''));
    expect(rows[0]).toEqual(['项目', '名称', '投诉量', '占比 %', '上期', '环比 %', '去年同期', '同比 %']);
    expect(rows).toContainEqual(['phone', 'phone', '8', '88.9', '6', '33.3', '3', '166.7']);
    expect(rows.find((r) => r[0] === 'wechat')?.slice(0, 5)).toEqual(['wechat', 'wechat', '1', '11.1', '0']);
    w.expectClean();
    await w.context.close();
  });

  it('says while the figures are being recounted, and stops saying it when that has ended', async () => {
    const db = env.server.app.db;
    // A rebuild under way (kesu stats rebuild, from another process): its claim, just renewed.
    await db
      .insertInto('stats_watermarks')
      .values({ name: 'rebuild', event_id: 7, updated_at: env.server.app.clock.now() })
      .execute();
    const w = await openPage(env.browser, env.server.baseUrl);
    await signIn(w.page, 'executive');
    await w.page.goto(PERIOD);
    const notice = w.page.getByTestId('recounting');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('统计数据正在重算');
    await screenshot(w.page, 'analysis-recounting');
    // The rebuild ends: the page, asking again by itself, drops the notice.
    await db.deleteFrom('stats_watermarks').where('name', '=', 'rebuild').execute();
    await expect.poll(() => notice.count(), { timeout: 30_000 }).toBe(0);
    expect(await w.page.getByTestId('value-total').innerText()).toBe('9');
    w.expectClean();
    await w.context.close();
  });

  it('offers a station’s handler only their own subtree', async () => {
    const w = await openPage(env.browser, env.server.baseUrl);
    await signIn(w.page, 'handler');
    await w.page.goto(PERIOD);
    // 浦东网点: its own five complaints of the nine.
    await expect.poll(() => w.page.getByTestId('value-total').innerText()).toBe('5');
    await w.page.getByTestId('analysis-scope').click();
    const options = w.page.locator('.ant-select-tree-title');
    await expect.poll(() => options.allInnerTexts()).toEqual(['浦东网点']);
    w.expectClean();
    await w.context.close();
  });
});
