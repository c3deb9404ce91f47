import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { localFormatter } from '../../src/lib/time.js';
import { loadActor } from '../../src/modules/org/index.js';
import { piiKeys, seal } from '../../src/modules/privacy/index.js';
import { prepareComplaintExport } from '../../src/modules/spreadsheets/index.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint, judgement, remedy, reply } from '../support/factories.js';
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
        '有效性 validity',
        '责任方 liable party',
        '责任单位/人 responsible',
        '责任程度 degree',
        '处理方案 remedy',
        '方案金额(元) remedy amount',
        '方案状态 remedy status',
        '执行完成 fulfilled at',
        '执行凭证 proof',
        '客户确认 confirmation',
        '满意度 satisfaction',
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
      // On a SQLite file the batches are read on a thread of their own (db/sqlite-reader.ts): both ways,
      // and with a thread that cannot open its file (the main connection takes over).
      const reading = (databaseUrl: string) => ({
        ...t.app,
        actor,
        config: { ...t.app.config, databaseUrl },
      });
      const contexts = [
        { ...t.app, actor },
        ...(dialect === 'sqlite' ? [reading(t.url), reading('sqlite:/nonexistent/kesu.db')] : []),
      ];
      for (const [ctx, sort] of contexts.flatMap((c) =>
        (['-receivedAt', 'priority'] as const).map((s) => [c, s] as const),
      )) {
        const exporting = await prepareComplaintExport(ctx, { sort }, 'en', { batchSize: 3 });
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

    it('carries validity, responsibility, the remedy with its fulfilment, and satisfaction', async () => {
      const manager = await login(t.http, 'manager');
      const { number } = await manager.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, { unitId: t.org.unitIds.get('pudong'), title: '已办结' }),
      );
      const base = `/api/v1/complaints/${number}`;
      await manager.ok('POST', `${base}/accept`);
      await manager.ok('POST', `${base}/assign`, { assigneeId: t.org.userIds.get('handler') });
      await manager.ok('POST', `${base}/start`);
      await manager.ok('PUT', `${base}/judgement`, {
        ...judgement,
        responsibleUnitId: t.org.unitIds.get('pudong'),
        responsiblePerson: '王快递员',
      });
      await manager.ok('POST', `${base}/remedies`, remedy(1250, { kinds: ['apology', 'refund'] }));
      await manager.ok('POST', `${base}/fulfilment`, {
        outcome: 'done',
        proof: { refundReference: 'RF-88' },
      });
      await manager.ok('POST', `${base}/reply`, reply());
      await manager.ok('POST', `${base}/confirmation`, { outcome: 'satisfied' });
      // The customer's survey, as the portal stores it.
      const { id } = await t.app.db
        .selectFrom('complaints')
        .select('id')
        .where('number', '=', number)
        .executeTakeFirstOrThrow();
      await t.app.db
        .insertInto('satisfaction_surveys')
        .values({
          complaint_id: id,
          speed: 4,
          effectiveness: 5,
          attitude: 5,
          transparency: 4,
          recommendation: 9,
          suggestions: null,
          submitted_at: clock.now(),
        })
        .execute();
      const [header, ...rows] = await exported('agent', '');
      const row = rows.find((r) => r[0] === number) ?? [];
      const cell = (name: string) => row[(header ?? []).indexOf(name)];
      expect(cell('有效性 validity')).toBe('有效 · 业务差错');
      expect(cell('责任方 liable party')).toBe('本公司');
      expect(cell('责任单位/人 responsible')).toBe('浦东网点 · 王快递员');
      expect(cell('责任程度 degree')).toBe('全部责任');
      expect(cell('处理方案 remedy')).toBe('道歉、退款');
      expect(cell('方案金额(元) remedy amount')).toBe('12.5');
      expect(cell('方案状态 remedy status')).toBe('已批准 · 已执行');
      expect(cell('执行完成 fulfilled at')).toBe(localFormatter(t.app.config.timeZone)(clock.now()));
      expect(cell('执行凭证 proof')).toBe('退款流水号 RF-88');
      expect(cell('客户确认 confirmation')).toBe('满意');
      expect(cell('满意度 satisfaction')).toBe('4.5/5 · 推荐 9/10');
      const other = rows.find((r) => r[0] !== number) ?? [];
      expect(other.slice((header ?? []).indexOf('有效性 validity')).every((v) => v === '')).toBe(true);
    });

    it('reads the same rows on a thread of its own, and leaves out a phone it cannot open', async () => {
      // One phone sealed under another secret, one stored in clear (before personal data was sealed).
      const [first, second] = await t.app.db
        .selectFrom('complaints')
        .select(['id', 'number'])
        .orderBy('id')
        .limit(2)
        .execute();
      if (!first || !second) throw new Error('no complaints');
      const other = piiKeys(Buffer.from('another-secret-0123456789abcdefgh'));
      await t.app.db
        .updateTable('complaints')
        .set({ complainant_phone: seal(other, '13900139000') })
        .where('id', '=', first.id)
        .execute();
      await t.app.db
        .updateTable('complaints')
        .set({ complainant_phone: '13700137000' })
        .where('id', '=', second.id)
        .execute();
      const actor = await loadActor(t.app.db, t.org.userIds.get('agent') ?? 0);
      if (!actor) throw new Error('no agent');
      const exportOf = async (ctx: Parameters<typeof prepareComplaintExport>[0]) => {
        const exporting = await prepareComplaintExport(ctx, {}, 'zh-CN', { batchSize: 4 });
        const out = new PassThrough();
        const chunks: Buffer[] = [];
        out.on('data', (c: Buffer) => chunks.push(c));
        await exporting.writeTo(out);
        return readXlsx(Buffer.concat(chunks));
      };
      const [header, ...rows] = await exportOf({ ...t.app, actor });
      const phone = (n: string) => rows.find((r) => r[0] === n)?.[(header ?? []).indexOf('电话 phone')];
      expect(phone(first.number)).toBe('');
      expect(phone(second.number)).toBe('137****7000');
      expect(rows.filter((r) => r[(header ?? []).indexOf('满意度 satisfaction')])).toHaveLength(1);
      if (dialect === 'sqlite')
        expect(await exportOf({ ...t.app, actor, config: { ...t.app.config, databaseUrl: t.url } })).toEqual([
          header,
          ...rows,
        ]);
    });
  });
}
