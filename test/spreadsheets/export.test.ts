import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { loadActor } from '../../src/modules/org/index.js';
import { prepareComplaintExport } from '../../src/modules/spreadsheets/index.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { cookieOf, download, readXlsx } from './support.js';

const NOW = Date.parse('2026-11-23T02:00:00Z');
const HOUR = 3_600_000;
const MASKED = /^1\d{2}\*{4}\d{4}$/;

for (const dialect of DIALECTS) {
  describe(`spreadsheet export on ${dialect}`, () => {
    let t: TestApp;
    let agent: Client;
    const clock = fixedClock(NOW);

    /** Numbers of a list as GET /complaints pages through it. */
    const listed = async (client: Client, query: string) => {
      const numbers: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await client.ok(
          'GET',
          `/api/v1/complaints?limit=3&${query}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        numbers.push(...page.items.map((i: { number: string }) => i.number));
        cursor = page.nextCursor;
      } while (cursor);
      return numbers;
    };
    const exported = async (username: string, query: string) => {
      const res = await download(
        t.http,
        await cookieOf(t.http, username),
        `/api/v1/spreadsheets/complaints.xlsx?${query}`,
      );
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      return readXlsx(res.body);
    };

    beforeAll(async () => {
      t = await startTestApp(dialect, { clock });
      agent = await login(t.http, 'agent');
      const channels = ['phone', 'wechat', 'phone', 'email', 'phone', 'app', 'phone', 'web'] as const;
      for (const [i, channel] of channels.entries()) {
        const { number } = await agent.ok(
          'POST',
          '/api/v1/complaints',
          buildComplaint(t.org, {
            channel,
            receivedAt: new Date(NOW - (20 - i) * HOUR).toISOString(),
            complainant: { name: `客户${i}`, phone: `1380013800${i}`, email: `c${i}@example.com` },
            priority: i === 4 ? 'P1' : 'P3',
          }),
        );
        if (i === 2 || i === 5) {
          await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
          await agent.ok('POST', `/api/v1/complaints/${number}/assign`, {
            unitId: t.org.unitIds.get('pudong'),
            assigneeId: t.org.userIds.get('handler'),
          });
        }
        clock.advance(60_000);
      }
    });
    afterAll(() => t.close());

    it('exports exactly the rows of the filtered list, with masked phones', async () => {
      const query = 'channel=phone&sort=receivedAt';
      const numbers = await listed(agent, query);
      expect(numbers).toHaveLength(4);
      const [header, ...rows] = await exported('agent', query);
      expect(header).toEqual([
        '编号 number',
        '状态 status',
        '渠道 channel',
        '投诉时间 received at',
        '标题 title',
        '分类 category',
        '优先级 priority',
        '等级 grade',
        '责任单位 unit',
        '处理人 assignee',
        '投诉人 complainant',
        '电话 phone',
        '运单号 waybill',
        '订单号 order',
        '处理时限 due at',
        '重开次数 reopen count',
        '重复投诉 repeat',
      ]);
      expect(rows.map((r) => r[0])).toEqual(numbers);
      const first = rows[0] ?? [];
      expect(first[2]).toBe('电话');
      // 20 hours before 10:00 Shanghai time.
      expect(first[3]).toBe('2026-11-22 14:00');
      expect(first[5]).toBe('中转延误');
      expect(first[10]).toBe('客户0');
      expect(first[11]).toBe('138****8000');
      for (const r of rows) expect(r[11]).toMatch(MASKED);
      expect(rows.find((r) => r[0] === numbers[2])?.[6]).toBe('紧急');
      expect(rows.find((r) => r[0] === numbers[1])?.slice(8, 10)).toEqual(['浦东网点', '刘处理']);
    });

    it('gives a handler only the complaints they may see', async () => {
      const handler = await login(t.http, 'handler');
      const visible = await listed(handler, '');
      expect(visible).toHaveLength(2);
      const [, ...rows] = await exported('handler', '');
      expect(rows.map((r) => r[0])).toEqual(visible);
      expect(await listed(agent, '')).toHaveLength(8);
      expect((await exported('agent', 'status=assigned')).length).toBe(3);
    });

    it('refuses a bad filter before sending anything', async () => {
      const res = await download(
        t.http,
        await cookieOf(t.http, 'agent'),
        '/api/v1/spreadsheets/complaints.xlsx?status=lost',
      );
      expect(res.status).toBe(400);
      expect(res.json().fields[0]).toMatchObject({ path: '/querystring/status', code: 'unknown_value' });
    });

    it('reads the rows in keyset batches without gaps or repeats, in the requested order', async () => {
      const actor = await loadActor(t.app.db, t.org.userIds.get('agent') ?? 0);
      if (!actor) throw new Error('no agent');
      for (const sort of ['-receivedAt', 'priority'] as const) {
        const exporting = await prepareComplaintExport({ ...t.app, actor }, { sort }, 'en', { batchSize: 3 });
        const out = new PassThrough();
        const chunks: Buffer[] = [];
        out.on('data', (c: Buffer) => chunks.push(c));
        expect(await exporting.writeTo(out)).toBe(8);
        const [header, ...rows] = await readXlsx(Buffer.concat(chunks));
        expect(header?.[0]).toBe('编号 number');
        expect(rows.map((r) => r[0])).toEqual(await listed(agent, `sort=${sort}`));
        expect(rows.map((r) => r[2])).toContain('WeChat');
      }
    });
  });
}
