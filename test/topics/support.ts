/** Ten weeks of complaints for the hot topics and forecasts: the express corpus, then a new group of fraud calls. */
import { readFileSync } from 'node:fs';
import type { Db } from '../../src/db/database.js';
import type { DemoOrganisation } from '../../src/seed/demo.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Local midnight (Asia/Shanghai) starting Tuesday 2026-12-01.
export const MIDNIGHT = Date.UTC(2026, 10, 30, 16);

const corpus = readFileSync(
  new URL('../../src/modules/classifier/corpus/express.tsv', import.meta.url),
  'utf8',
)
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'))
  .filter((cols): cols is [string, string] => !!cols[0] && !!cols[1]);

/** Fraud calls by people posing as the courier's customer service: a new topic of the last three days. */
export const FRAUD = [
  '有人冒充你们客服打电话说我的快递丢了要理赔，让我扫码，是不是信息泄露了',
  '接到冒充快递客服的诈骗电话，对方知道我的单号和地址',
  '骗子冒充快递公司客服说包裹丢失要理赔，差点被骗',
  '刚寄完快递就接到诈骗电话，冒充客服理赔，个人信息被泄露',
  '冒充客服的人让我下载软件办理理赔退款，你们泄露了我的信息',
  '诈骗分子冒充快递理赔，准确说出我的姓名电话，怀疑信息泄露',
  '快递信息泄露，骗子冒充客服打电话骗我转账理赔',
  '冒充快递客服诈骗理赔，我被骗了五百元',
];

export interface Row {
  text: string;
  code: string;
  unit: 'pudong' | 'nanshan';
  receivedAt: number;
}

/** Ten weeks of the express corpus (fewer on weekends), then the fraud calls at Pudong. */
export function history(midnight = MIDNIGHT): Row[] {
  const rows: Row[] = [];
  let n = 0;
  for (let d = 70; d >= 1; d--) {
    const dayStart = midnight - d * DAY;
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
      receivedAt: midnight - (3 * DAY * i) / FRAUD.length,
    });
  });
  return rows;
}

export async function writeRows(db: Db, org: DemoOrganisation, rows: Row[]): Promise<Map<string, number>> {
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
      // Every other complaint answered 2–10 hours after receipt (its whole-complaint clock met).
      if (i % 2 === 0) {
        const hours = 2 + (i % 9);
        await tx
          .insertInto('complaint_deadlines')
          .values({
            complaint_id: id,
            stage: 'whole',
            mode: 'clock',
            limit_ms: 72 * HOUR,
            started_at: r.receivedAt,
            due_at: r.receivedAt + 72 * HOUR,
            paused_ms: 0,
            met_at: r.receivedAt + hours * HOUR,
          })
          .execute();
      }
    }
  });
  return numbers;
}
