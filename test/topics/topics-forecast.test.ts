import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { fixedClock } from '../../src/lib/clock.js';
import { runForecastCommand } from '../../src/modules/forecast/index.js';
import { rebuildStats } from '../../src/modules/stats/index.js';
import { runTopicsCommand } from '../../src/modules/topics/index.js';
import type { DemoOrganisation } from '../../src/seed/demo.js';
import { type Client, login } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Local midnight (Asia/Shanghai) starting Tuesday 2026-12-01; the clock reads 10:00 that day.
const MIDNIGHT = Date.UTC(2026, 10, 30, 16);
const NOW = MIDNIGHT + 10 * HOUR;

const corpus = readFileSync(
  new URL('../../src/modules/classifier/corpus/express.tsv', import.meta.url),
  'utf8',
)
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'))
  .filter((cols): cols is [string, string] => !!cols[0] && !!cols[1]);

/** Fraud calls by people posing as the courier's customer service: a new topic of the last three days. */
const FRAUD = [
  '有人冒充你们客服打电话说我的快递丢了要理赔，让我扫码，是不是信息泄露了',
  '接到冒充快递客服的诈骗电话，对方知道我的单号和地址',
  '骗子冒充快递公司客服说包裹丢失要理赔，差点被骗',
  '刚寄完快递就接到诈骗电话，冒充客服理赔，个人信息被泄露',
  '冒充客服的人让我下载软件办理理赔退款，你们泄露了我的信息',
  '诈骗分子冒充快递理赔，准确说出我的姓名电话，怀疑信息泄露',
  '快递信息泄露，骗子冒充客服打电话骗我转账理赔',
  '冒充快递客服诈骗理赔，我被骗了五百元',
];

interface Row {
  text: string;
  code: string;
  unit: 'pudong' | 'nanshan';
  receivedAt: number;
}

/** Ten weeks of the express corpus (fewer on weekends), then the fraud calls at Pudong. */
function history(): Row[] {
  const rows: Row[] = [];
  let n = 0;
  for (let d = 70; d >= 1; d--) {
    const dayStart = MIDNIGHT - d * DAY;
    const weekday = new Date(dayStart + 8 * HOUR).getUTCDay();
    const perDay = weekday === 0 || weekday === 6 ? 4 : 9;
    for (let i = 0; i < perDay; i++) {
      const [text, code] = corpus[n % corpus.length] as [string, string];
      rows.push({ text, code, unit: n % 2 ? 'nanshan' : 'pudong', receivedAt: dayStart + (9 + i) * HOUR });
      n++;
    }
  }
  FRAUD.forEach((text, i) => {
    rows.push({
      text,
      code: 'info.leak',
      unit: 'pudong',
      receivedAt: MIDNIGHT - (3 * DAY * i) / FRAUD.length,
    });
  });
  return rows;
}

async function writeRows(db: Db, org: DemoOrganisation, rows: Row[]): Promise<Map<string, number>> {
  const units = await db.selectFrom('units').select(['id', 'path']).execute();
  const agent = org.userIds.get('agent') ?? 0;
  const numbers = new Map<string, number>();
  await db.transaction().execute(async (tx) => {
    for (const [i, r] of rows.entries()) {
      const unitId = org.unitIds.get(r.unit) ?? 0;
      const path = units.find((u) => u.id === unitId)?.path ?? '';
      const number = `KS-T-${i}`;
      const { id } = await tx
        .insertInto('complaints')
        .values({
          number,
          status: 'investigating',
          channel: 'phone',
          received_at: r.receivedAt,
          registered_at: r.receivedAt,
          registered_by: agent,
          intake_unit_id: unitId,
          intake_unit_path: path,
          complainant_name: '测试',
          identity_verified: 0,
          title: r.text.slice(0, 20),
          content: r.text,
          demands: '[]',
          category_id: org.categoryIds.get(r.code) ?? [...org.categoryIds.values()][0] ?? 0,
          category_confirmed: 0,
          priority: 'P3',
          grade: 'general',
          major_reasons: '[]',
          tags: '[]',
          unit_id: unitId,
          unit_path: path,
          escalation_level: 0,
          reopen_count: 0,
          region: r.unit === 'pudong' ? '上海' : '深圳',
          updated_at: r.receivedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      numbers.set(number, id);
    }
  });
  return numbers;
}

interface TopicView {
  id: number;
  words: string[];
  size: number;
  isNew: boolean;
  inScope: number;
  examples: Array<{ id: number; number: string }>;
}

for (const dialect of DIALECTS) {
  describe(`hot topics and forecasts on ${dialect}`, () => {
    let t: TestApp;
    const clock = fixedClock(NOW);
    let executive: Client;
    let handler: Client;
    let pudongIds: Set<number>;

    beforeAll(async () => {
      t = await startTestApp(dialect, { clock });
      executive = await login(t.http, 'executive');
      handler = await login(t.http, 'handler');
      const rows = history();
      const ids = await writeRows(t.app.db, t.org, rows);
      pudongIds = new Set(rows.flatMap((r, i) => (r.unit === 'pudong' ? [ids.get(`KS-T-${i}`) ?? 0] : [])));
      await rebuildStats(t.app);
    });
    afterAll(() => t?.close());

    const fraudTopic = (topics: TopicView[]) => topics.find((x) => x.words.includes('冒充'));

    it('groups the fraud calls into a new topic with their key words, and says so on the command line', async () => {
      const lines = await runTopicsCommand(t.app);
      expect(lines[0]).toMatch(/^hot topics of 2026-12-01: \d+ topics from \d+ complaints$/);
      expect(lines.some((l) => l.startsWith('new and growing:') && l.includes('冒充'))).toBe(true);
      const body = await executive.ok('GET', '/api/v1/topics');
      expect(body.day).toBe('2026-12-01');
      const fraud = fraudTopic(body.topics);
      expect(fraud).toBeDefined();
      if (!fraud) return;
      expect(fraud.words.slice(0, 5)).toEqual(expect.arrayContaining(['冒充', '理赔']));
      expect(fraud.size).toBeGreaterThanOrEqual(8);
      expect(fraud.isNew).toBe(true);
      expect(fraud.examples.length).toBe(5);
    });

    it('shows a station the topics of its own complaints only, and refuses another station', async () => {
      const body = await handler.ok('GET', '/api/v1/topics');
      const examples = (body.topics as TopicView[]).flatMap((x) => x.examples.map((e) => e.id));
      expect(examples.length).toBeGreaterThan(0);
      for (const id of examples) expect(pudongIds.has(id)).toBe(true);
      expect(fraudTopic(body.topics)).toBeDefined();
      const other = await handler.get(`/api/v1/topics?unitId=${t.org.unitIds.get('nanshan')}`);
      expect(other.status).toBe(403);
    });

    it('keeps a topic’s id the next day', async () => {
      const before = fraudTopic((await executive.ok('GET', '/api/v1/topics')).topics);
      clock.set(NOW + DAY);
      try {
        await runTopicsCommand(t.app);
        const after = await (await login(t.http, 'executive')).ok('GET', '/api/v1/topics');
        expect(after.day).toBe('2026-12-02');
        expect(fraudTopic(after.topics)?.id).toBe(before?.id);
      } finally {
        clock.set(NOW);
      }
    });

    it('forecasts 30 days from today with intervals, fewer on weekends, by category and region', async () => {
      expect(await runForecastCommand(t.app)).toMatch(
        /^forecasts from 2026-12-01: \d+ series, 30 days each$/,
      );
      const f = await executive.ok('GET', '/api/v1/forecast');
      expect(f.total).toHaveLength(30);
      expect(f.total[0].date).toBe('2026-12-01');
      for (const d of f.total) {
        expect(d.lo95).toBeLessThanOrEqual(d.lo80);
        expect(d.lo80).toBeLessThanOrEqual(Math.ceil(d.expected));
        expect(d.hi80).toBeGreaterThanOrEqual(Math.floor(d.expected));
        expect(d.hi95).toBeGreaterThanOrEqual(d.hi80);
      }
      const on = (date: string) => f.total.find((d: { date: string }) => d.date === date).expected;
      // Saturday 2026-12-05 against Tuesday 2026-12-08: the history had 4 a weekend day and 9 a weekday.
      expect(on('2026-12-05')).toBeLessThan(on('2026-12-08') * 0.7);
      expect(on('2026-12-08')).toBeGreaterThan(6);
      expect(f.regions.map((r: { region: string }) => r.region).sort()).toEqual(['上海', '深圳']);
      expect(f.categories.length).toBeGreaterThan(0);
      expect(f.staffing.hoursPerHandler).toBe(8);
      expect(f.staffing.days).toHaveLength(30);
      const mine = await handler.ok('GET', '/api/v1/forecast');
      expect(mine.total[0].expected).toBeLessThan(f.total[0].expected);
      expect((await handler.get(`/api/v1/forecast?unitId=${t.org.unitIds.get('nanshan')}`)).status).toBe(403);
    });
  });
}
