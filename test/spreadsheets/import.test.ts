import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import {
  branchRows,
  type Cell,
  cookieOf,
  download,
  HEADERS,
  readXlsx,
  sheetNames,
  uploadSheet,
  xlsxOf,
} from './support.js';

const NOW = Date.parse('2026-11-23T02:00:00Z');

for (const dialect of DIALECTS) {
  describe(`spreadsheet import on ${dialect}`, () => {
    let t: TestApp;
    let agent: string;
    let file: Buffer;
    const count = async () =>
      Number(
        (
          await t.app.db
            .selectFrom('complaints')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      t = await startTestApp(dialect, { clock: fixedClock(NOW) });
      agent = await cookieOf(t.http, 'agent');
      file = await xlsxOf(HEADERS, branchRows('SH-2026'));
    });
    afterAll(() => t.close());

    it('imports the good rows and reports exactly the bad ones, field by field', async () => {
      const res = await uploadSheet(
        t.http,
        agent,
        { content: file, filename: 'branch.xlsx' },
        { language: 'en' },
      );
      expect(res.status).toBe(200);
      const report = res.json();
      expect(report.totals).toEqual({ rows: 10, imported: 7, skipped: 0, failed: 3 });
      const failed = report.rows.filter((r: { status: string }) => r.status === 'failed');
      expect(failed.map((r: { row: number }) => r.row)).toEqual([4, 7, 9]);
      const [category, content, phone] = failed;
      expect(category.errors).toEqual([
        {
          field: 'category',
          column: '分类编码 category code',
          code: 'unknown_category',
          message: 'no such active category',
        },
      ]);
      expect(content.errors).toEqual([
        { field: 'content', column: '投诉内容 content', code: 'required', message: 'is required' },
      ]);
      expect(phone.errors).toEqual([
        { field: 'phone', column: '电话 phone', code: 'pattern', message: 'has the wrong format' },
      ]);
      const imported = report.rows.filter((r: { status: string }) => r.status === 'imported');
      expect(imported.map((r: { row: number }) => r.row)).toEqual([2, 3, 5, 6, 8, 10, 11]);
      for (const r of imported) expect(r.number).toMatch(/^KS\d{8}-\d{6}$/);
      expect(await count()).toBe(7);

      // The complaints are there as the rows said, the contacts sealed.
      const rows = await t.app.db
        .selectFrom('complaints')
        .select([
          'number',
          'external_ref',
          'channel',
          'category_id',
          'priority',
          'complainant_phone',
          'complainant_email',
          'demand_amount',
          'demands',
          'received_at',
          'registered_by',
        ])
        .orderBy('external_ref')
        .execute();
      const byRef = new Map(rows.map((r) => [r.external_ref, r]));
      const second = byRef.get('SH-2026-002');
      expect(second?.channel).toBe('wechat');
      expect(second?.category_id).toBe(t.org.categoryIds.get('damage.contents.fragile'));
      expect(second?.demand_amount).toBe(1250);
      expect(JSON.parse(second?.demands ?? '[]')).toEqual(['explanation', 'compensation']);
      expect(second?.received_at).toBe(Date.parse('2026-11-12T09:30:00+08:00'));
      expect(second?.registered_by).toBe(t.org.userIds.get('agent'));
      expect(byRef.get('SH-2026-001')?.category_id).toBe(t.org.categoryIds.get('delay.transit'));
      expect(byRef.get('SH-2026-005')?.priority).toBe('P2');
      for (const r of rows) {
        expect(r.complainant_phone).toMatch(/^v1:/);
        expect(r.complainant_phone).not.toContain('138001380');
      }
      expect(byRef.get('SH-2026-004')?.complainant_email).toMatch(/^v1:/);
      expect(byRef.get('SH-2026-004')?.complainant_email).not.toContain('example.com');

      // The agent reads the imported complaint through the API with the phone masked.
      const detail = await t.http.inject({
        method: 'GET',
        url: `/api/v1/complaints/${second?.number}`,
        headers: { cookie: agent },
      });
      expect(detail.json().complainant.phone).toBe('138****8002');
    });

    it('adds nothing when the same file is imported again', async () => {
      const res = await uploadSheet(t.http, agent, { content: file, filename: 'branch.xlsx' });
      const report = res.json();
      expect(report.totals).toEqual({ rows: 10, imported: 0, skipped: 7, failed: 3 });
      const skipped = report.rows.find((r: { row: number }) => r.row === 2);
      expect(skipped.status).toBe('skipped');
      expect(skipped.message).toBe(`已导入（编号 ${skipped.number}）`);
      expect(await count()).toBe(7);
    });

    it('reports in chinese by default and as a workbook on request', async () => {
      const res = await uploadSheet(
        t.http,
        agent,
        { content: file, filename: 'branch.xlsx' },
        { query: 'format=xlsx' },
      );
      expect(res.status, res.status === 200 ? '' : res.body.toString()).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const rows = await readXlsx(res.body);
      expect(rows[0]).toEqual([
        '行号 row',
        '外部编号 external ref',
        '状态 status',
        '投诉编号 number',
        '说明 errors',
      ]);
      const row4 = rows.find((r) => r[0] === '4');
      expect(row4?.[2]).toBe('失败');
      expect(row4?.[4]).toBe('分类编码 category code: 分类不存在或已停用');
      expect(rows.find((r) => r[0] === '2')?.[2]).toBe('已跳过');
    });

    it('imports a UTF-8 CSV, headed in English or Chinese only', async () => {
      const csv = [
        'external ref,channel,received at,name,phone,email,title,content,category code,demand amount,tags,language',
        'CSV-001,phone,2026-11-20 08:00,赵先生,13700137000,,"快递员态度差","派件员说话很冲，""不想送""。",delivery.attitude,¥5.5,"态度,派送",English',
        'CSV-002,监管转办,2026/11/21 10:15,钱女士,,qian@example.com,包裹丢失,整件丢失,lost.whole,,,',
        'CSV-003,phone,2026-11-21,孙先生,13700137002,,包裹损坏,外包装破损,damage.packaging,12.345,,法语',
        ',phone,2026-11-21,周女士,13700137003,,包裹损坏,外包装破损,damage.packaging,,,',
      ].join('\r\n');
      const res = await uploadSheet(
        t.http,
        agent,
        { content: Buffer.from(`\ufeff${csv}\r\n`), filename: 'call-centre.csv', type: 'text/csv' },
        { language: 'en' },
      );
      expect(res.status).toBe(200);
      const report = res.json();
      expect(report.totals).toEqual({ rows: 4, imported: 1, skipped: 0, failed: 3 });
      const [first, second, third, fourth] = report.rows;
      expect(first.status).toBe('imported');
      // A regulator's referral needs its number and the referring body.
      expect(second.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['referralNo', 'referral_required'],
      ]);
      expect(third.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['language', 'unknown_value'],
        ['demandAmount', 'invalid_amount'],
      ]);
      // Without its external reference a row could be imported twice.
      expect(fourth).toMatchObject({ row: 5, externalRef: null, status: 'failed' });
      expect(fourth.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['externalRef', 'required'],
      ]);
      const c = await t.app.db
        .selectFrom('complaints')
        .select(['content', 'demand_amount', 'tags', 'received_at', 'complainant_locale'])
        .where('external_ref', '=', 'CSV-001')
        .executeTakeFirstOrThrow();
      expect(c.complainant_locale).toBe('en');
      expect(c.content).toBe('派件员说话很冲，"不想送"。');
      expect(c.demand_amount).toBe(550);
      expect(JSON.parse(c.tags)).toEqual(['态度', '派送']);
      expect(c.received_at).toBe(Date.parse('2026-11-20T08:00:00+08:00'));
    });

    it('offers a template that imports its own example row', async () => {
      const res = await download(t.http, agent, '/api/v1/spreadsheets/complaint-template.xlsx');
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toContain('kesu-complaint-template.xlsx');
      expect(await sheetNames(res.body)).toEqual(['投诉 complaints', '分类 categories']);
      const [header, example] = await readXlsx(res.body);
      expect(header?.slice(0, 3)).toEqual(['外部编号 external ref', '渠道 channel', '投诉时间 received at']);
      expect(header).toContain('诉求金额(元) demand amount');
      expect(header).toContain('分类编码 category code');
      expect(header).toContain('客户语言 language');
      expect(example?.[0]).toBe('EXAMPLE-0001');

      const imported = await uploadSheet(t.http, agent, { content: res.body, filename: 'template.xlsx' });
      expect(imported.json().totals).toEqual({ rows: 1, imported: 1, skipped: 0, failed: 0 });
      const c = await t.app.db
        .selectFrom('complaints')
        .select(['category_id', 'demand_amount', 'channel'])
        .where('external_ref', '=', 'EXAMPLE-0001')
        .executeTakeFirstOrThrow();
      expect(c).toEqual({
        category_id: t.org.categoryIds.get('delay.transit'),
        demand_amount: 2000,
        channel: 'phone',
      });
    });

    it('refuses files that are no spreadsheet, sheets without the required columns, and users who may not register', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
      const notSheet = await uploadSheet(t.http, agent, { content: png, filename: 'complaints.csv' });
      expect(notSheet.status).toBe(415);
      expect(notSheet.json().code).toBe('unsupported_spreadsheet');

      const gbk = Buffer.from([0xcd, 0xf5, 0xc5, 0xae, 0xca, 0xbf, 0x2c, 0x31, 0x0a]);
      expect((await uploadSheet(t.http, agent, { content: gbk, filename: 'gbk.csv' })).status).toBe(415);

      const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 1)]);
      const broken = await uploadSheet(t.http, agent, { content: zip, filename: 'broken.xlsx' });
      expect(broken.status).toBe(400);
      expect(broken.json().code).toBe('spreadsheet_unreadable');

      const partial = await xlsxOf(['外部编号', '投诉人', 'phone'], [
        ['X-1', '王', '13800138000'],
      ] as Cell[][]);
      const missing = await uploadSheet(
        t.http,
        agent,
        { content: partial, filename: 'p.xlsx' },
        { language: 'en' },
      );
      expect(missing.status).toBe(400);
      expect(missing.json().code).toBe('spreadsheet_missing_columns');
      expect(missing.json().detail).toBe(
        'The spreadsheet lacks required columns: 渠道 channel, 标题 title, 投诉内容 content, 分类编码 category code.',
      );

      const wrongField = await uploadSheet(t.http, agent, {
        content: file,
        filename: 'b.xlsx',
        field: 'sheet',
      });
      expect(wrongField.status).toBe(400);

      const handler = await cookieOf(t.http, 'handler');
      const refused = await uploadSheet(t.http, handler, { content: file, filename: 'branch.xlsx' });
      expect(refused.status).toBe(403);
      expect(await count()).toBe(9);
    });
  });
}
