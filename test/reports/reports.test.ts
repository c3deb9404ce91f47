import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kesuJobs } from '../../src/jobs/registry.js';
import { fixedClock } from '../../src/lib/clock.js';
import { runDueJobs } from '../../src/modules/jobs/index.js';
import { followHistory, statsFigures } from '../../src/modules/stats/index.js';
import { cookieOf, download } from '../spreadsheets/support.js';
import { applyStep, type History, MIDNIGHT, writeComplaints } from '../stats/history.js';
import { type Client, login } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { pdfText } from './pdf-text.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Monday 2026-12-07 09:10 in Shanghai: the weekly report of 2026-11-30 … 2026-12-06 is due.
const MONDAY_0910 = Date.UTC(2026, 11, 7, 1, 10);
const base = { priority: 'P3', grade: 'general', region: null, firstContact: false, repeat: false } as const;
// MIDNIGHT is Tuesday 2026-12-01 (local): five in the week from Monday 11-30 (one major), two the week before.
const history: History = {
  complaints: [
    { ...base, receivedAt: MIDNIGHT + 9 * HOUR, unit: 'pudong', channel: 'phone' },
    { ...base, receivedAt: MIDNIGHT + 10 * HOUR, unit: 'pudong', channel: 'wechat', grade: 'major' },
    { ...base, receivedAt: MIDNIGHT + 2 * DAY, unit: 'nanshan', channel: 'phone', firstContact: true },
    { ...base, receivedAt: MIDNIGHT + 3 * DAY, unit: 'pudong', channel: 'phone' },
    { ...base, receivedAt: MIDNIGHT - 1, unit: 'nanshan', channel: 'web' },
    { ...base, receivedAt: MIDNIGHT - 3 * DAY, unit: 'pudong', channel: 'phone' },
    { ...base, receivedAt: MIDNIGHT - 5 * DAY, unit: 'nanshan', channel: 'web' },
  ],
  steps: [],
};

interface Mail {
  to: string[];
  subject: string;
  text: string;
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
}

async function sheet(buffer: Buffer, name: string): Promise<Array<Array<string | number>>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: Array<Array<string | number>> = [];
  ws.eachRow((row) => rows.push((row.values as Array<string | number>).slice(1)));
  return rows;
}

for (const dialect of DIALECTS) {
  describe(`reports (报表) on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let handler: Client;
    let smtp: SMTPServer;
    let robot: Server;
    const mails: Mail[] = [];
    const robotPosts: Array<{ text: { content: string } }> = [];
    const clock = fixedClock(MONDAY_0910);
    const unit = (key: string) => t.org.unitIds.get(key) ?? 0;
    const jobs = kesuJobs();
    const run = () => runDueJobs(t.app, jobs);

    beforeAll(async () => {
      smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        onData(stream, session, done) {
          simpleParser(stream)
            .then((m) => {
              mails.push({
                to: session.envelope.rcptTo.map((r) => r.address),
                subject: m.subject ?? '',
                text: m.text ?? '',
                attachments: m.attachments.map((a) => ({
                  filename: a.filename ?? '',
                  contentType: a.contentType,
                  content: a.content,
                })),
              });
              done();
            })
            .catch(done);
        },
      });
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      robot = createServer((req, res) => {
        let body = '';
        req.on('data', (d) => (body += d));
        req.on('end', () => {
          robotPosts.push(JSON.parse(body));
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
        });
      });
      await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
      t = await startTestApp(dialect, { clock });
      admin = await login(t.http, 'admin');
      handler = await login(t.http, 'handler');
      await admin.ok('PUT', '/api/v1/settings/notify-channels', {
        email: {
          channel: 'email',
          host: '127.0.0.1',
          port: (smtp.server.address() as AddressInfo).port,
          secure: false,
          from: '客速达客服 <kefu@kesu.test>',
        },
        robots: [
          {
            name: '管理群',
            config: {
              channel: 'wecom',
              webhookUrl: `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=t`,
            },
          },
        ],
      });
      const ids = await writeComplaints(t.app.db, t.org, history);
      // The major one is past its deadline.
      await t.app.db
        .updateTable('complaints')
        .set({ due_at: MIDNIGHT + DAY })
        .where('id', '=', ids[1] ?? 0)
        .execute();
      await applyStep(
        t.app.db,
        t.org,
        ids,
        { op: 'judge', i: 0, validity: 'valid', liable: 'company' },
        MIDNIGHT,
      );
      while (await t.app.db.transaction().execute((tx) => followHistory(tx, t.app)));
      await t.app.db
        .updateTable('users')
        .set({ email: 'exec@kesu.test' })
        .where('username', '=', 'executive')
        .execute();
    });
    afterAll(async () => {
      await t?.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => robot.close(() => resolve()));
    });

    it('lets an admin set the recipients per unit; a user without an e-mail is refused with the field', async () => {
      const agentId = t.org.userIds.get('agent') ?? 0;
      const bad = await admin.put('/api/v1/reports/recipients', {
        items: [{ unitId: unit('hq'), userId: agentId, locale: 'zh-CN' }],
      });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('/body/items/0/userId');
      const items = [
        { unitId: unit('hq'), userId: t.org.userIds.get('executive') ?? 0, locale: 'zh-CN' },
        { unitId: unit('hq'), email: 'boss@example.com', locale: 'zh-CN' },
        { unitId: unit('hq'), email: 'ceo@example.com', locale: 'en' },
      ];
      await admin.ok('PUT', '/api/v1/reports/recipients', { items });
      expect((await admin.ok('GET', '/api/v1/reports/recipients')).items).toEqual(items);
      expect((await handler.get('/api/v1/reports/recipients')).status).toBe(403);
    });

    it('makes the due weekly report once, with the figures of the statistics, and mails it with both files', async () => {
      // Today's forecast, made (the forecast job skips the day): the report shows the next 7 days (预测).
      await t.app.db
        .insertInto('forecasts')
        .values(
          Array.from({ length: 20 }, (_, i) => ({
            unit_id: i < 10 ? 0 : unit('hq'),
            series: 'total',
            key: '',
            day: 20261207 + (i % 10),
            expected: 10,
            lo80: 8,
            hi80: 12,
            lo95: 6,
            hi95: 14,
            made_at: clock.now(),
          })),
        )
        .execute();
      await run();
      clock.advance(10 * 60_000);
      await run();
      const rows = await t.app.db
        .selectFrom('reports')
        .selectAll()
        .where('kind', '=', 'weekly')
        .orderBy('locale')
        .execute();
      expect(rows.map((r) => [r.period_from, r.period_to, r.locale, r.status])).toEqual([
        ['2026-11-30', '2026-12-06', 'en', 'ready'],
        ['2026-11-30', '2026-12-06', 'zh-CN', 'ready'],
      ]);
      const periodic = await t.app.db
        .selectFrom('reports')
        .select(['kind', 'period_from', 'period_to'])
        .where('locale', '=', 'zh-CN')
        .where('kind', '!=', 'on_demand')
        .orderBy('kind')
        .execute();
      expect(periodic).toEqual([
        { kind: 'monthly', period_from: '2026-11-01', period_to: '2026-11-30' },
        { kind: 'quarterly', period_from: '2026-07-01', period_to: '2026-09-30' },
        { kind: 'weekly', period_from: '2026-11-30', period_to: '2026-12-06' },
      ]);

      const executive = await login(t.http, 'executive');
      const list = (await executive.ok('GET', '/api/v1/reports')).items;
      const zh = list.find(
        (r: { kind: string; locale: string }) => r.kind === 'weekly' && r.locale === 'zh-CN',
      );
      const figures = await statsFigures(
        {
          ...t.app,
          actor: {
            userId: 0,
            username: 'x',
            displayName: 'x',
            roles: ['admin'],
            unitId: unit('hq'),
            unitPath: '/',
          },
        },
        { from: '2026-11-30', to: '2026-12-06', unitId: unit('hq') },
      );
      expect(figures.totals.complaints).toBe(5);
      expect(zh.summary[0]).toContain(`本期共受理投诉 ${figures.totals.complaints} 件`);
      expect(zh.summary.join('')).toContain('未结重大投诉 1 件');
      expect(zh.summary.join('')).toContain('预测未来 7 天受理约 70 件（80% 区间 56–84）');
      const cookie = await cookieOf(t.http, 'executive');
      const xlsx = await download(t.http, cookie, `/api/v1/reports/${zh.id}/xlsx`);
      expect(xlsx.status).toBe(200);
      const totals = await sheet(xlsx.body, '总量');
      expect(totals[1]).toEqual([
        '投诉量',
        figures.totals.complaints,
        figures.totals.previous,
        figures.totals.lastYear,
      ]);
      const channels = await sheet(xlsx.body, '渠道');
      expect(channels.slice(1).map((r) => [r[0], r[1]])).toEqual(
        figures.breakdowns.channel.map((b) => [
          b.key === 'phone' ? '电话' : b.key === 'wechat' ? '微信' : '网站表单',
          b.complaints,
        ]),
      );

      const forecast = await sheet(xlsx.body, '预测');
      expect(forecast.slice(1).map((r) => [r[0], r[1]])).toEqual(
        [
          '2026-12-08',
          '2026-12-09',
          '2026-12-10',
          '2026-12-11',
          '2026-12-12',
          '2026-12-13',
          '2026-12-14',
        ].map((d) => [d, 10]),
      );

      const pdf = await download(t.http, cookie, `/api/v1/reports/${zh.id}/pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('客诉周报_2026-11-30_至_2026-12-06.pdf')}`,
      );
      expect(pdf.body.toString('latin1')).toContain('/FontFile2');
      const text = pdfText(pdf.body);
      expect(text).toContain('客速达快递有限公司 客诉周报 2026-11-30 至 2026-12-06');
      expect(text).toContain('摘要');
      expect(text).toContain(`本期共受理投诉 ${figures.totals.complaints} 件`);

      // Monthly (November) and quarterly (July–September) reports were due too; this looks at the weekly one.
      const weekly = mails.filter((m) => m.subject.includes('周报') || m.subject.includes('Weekly'));
      const toBoss = weekly.filter((m) => m.to.includes('boss@example.com'));
      expect(toBoss).toHaveLength(1);
      expect(toBoss[0]?.subject).toBe('【报表】客速达快递有限公司 客诉周报 2026-11-30 至 2026-12-06');
      expect(toBoss[0]?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
        ['客诉周报_2026-11-30_至_2026-12-06.pdf', 'application/pdf'],
        [
          '客诉周报_2026-11-30_至_2026-12-06.xlsx',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ],
      ]);
      expect(toBoss[0]?.attachments[0]?.content.equals(pdf.body)).toBe(true);
      expect(weekly.filter((m) => m.to.includes('exec@kesu.test'))).toHaveLength(1);
      const toCeo = weekly.filter((m) => m.to.includes('ceo@example.com'));
      expect(toCeo.map((m) => m.subject)).toEqual([
        'Report: Kesu Express Co., Ltd. Weekly complaints report 2026-11-30 to 2026-12-06',
      ]);
      expect(toCeo[0]?.text).toContain('complaints received this period');

      const weeklyPosts = robotPosts.filter((p) => p.text.content.includes('客诉周报'));
      expect(weeklyPosts).toHaveLength(1);
      const lines = weeklyPosts[0]?.text.content.split('\n') ?? [];
      expect(lines.some((l) => l.startsWith(`本期共受理投诉 ${figures.totals.complaints} 件`))).toBe(true);
      expect(weeklyPosts[0]?.text.content).toContain('http://kesu.test/reports');
    });

    it('makes a report on demand: 202, the job, then the download; a handler sees only their subtree', async () => {
      const asked = await handler.post('/api/v1/reports', { from: '2026-11-30', to: '2026-12-06' });
      expect(asked.status).toBe(202);
      const mine = (await handler.ok('GET', '/api/v1/reports')).items;
      expect(mine.map((r: { id: number; status: string }) => [r.id, r.status])).toEqual([
        [asked.body.id, 'queued'],
      ]);
      await run();
      const [ready] = (await handler.ok('GET', '/api/v1/reports')).items;
      expect(ready).toMatchObject({
        kind: 'on_demand',
        status: 'ready',
        unit: { id: unit('pudong') },
        requestedBy: '刘处理',
      });
      expect(ready.summary[0]).toContain('本期共受理投诉 3 件');
      const cookie = await cookieOf(t.http, 'handler');
      expect((await download(t.http, cookie, `/api/v1/reports/${ready.id}/pdf`)).status).toBe(200);

      const outside = await handler.post('/api/v1/reports', {
        from: '2026-11-30',
        to: '2026-12-06',
        unitId: unit('nanshan'),
      });
      expect(outside.status).toBe(403);
      const orgReport = await t.app.db
        .selectFrom('reports')
        .select('id')
        .where('kind', '=', 'weekly')
        .executeTakeFirstOrThrow();
      expect((await download(t.http, cookie, `/api/v1/reports/${orgReport.id}/pdf`)).status).toBe(404);
      const bad = await handler.post('/api/v1/reports', { from: '2026-12-06', to: '2026-11-30' });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('/body/to');
    });
  });
}
