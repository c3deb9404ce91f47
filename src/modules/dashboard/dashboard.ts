import { sql } from 'kysely';
import type { ActorContext } from '../../context.js';
import { seesAll } from '../../domain/actor.js';
import { OPEN_STATUSES, type Status } from '../../domain/complaint-model.js';
import { localFields, zoneOffset } from '../../lib/time.js';
import { visibleTo } from '../complaints/index.js';
import type { Dashboard } from './schemas.js';

export type { Dashboard } from './schemas.js';

/** How many local days the intake trend covers, today included. */
export const TREND_DAYS = 30;

/** The instant of local midnight starting the given calendar day (month 1-12; days may overflow). */
export function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day);
  const first = wall - zoneOffset(wall, timeZone);
  const second = wall - zoneOffset(first, timeZone);
  return second;
}

const isoDate = (wallMs: number) => new Date(wallMs).toISOString().slice(0, 10);

/**
 * The home dashboard's figures, each from one grouped query (COUNT … GROUP BY) over the complaints
 * the actor may see, on SQLite and PostgreSQL alike. Full analytics (rollup tables, any period,
 * by unit, channel, staff) come later; this answers the home page only.
 */
export async function dashboardFor(ctx: ActorContext): Promise<Dashboard> {
  const now = ctx.clock.now();
  const tz = ctx.config.timeZone;
  const visible = () => {
    const q = ctx.db.selectFrom('complaints');
    return seesAll(ctx.actor) ? q : q.where(visibleTo(ctx));
  };

  // Local day boundaries: bounds[i] starts day i, bounds[TREND_DAYS] is tomorrow's midnight.
  const t = localFields(now, tz);
  const walls = Array.from({ length: TREND_DAYS + 1 }, (_, i) =>
    Date.UTC(t.year, t.month - 1, t.day - (TREND_DAYS - 1) + i),
  );
  const bounds = walls.map((w) => {
    const d = new Date(w);
    return localMidnight(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), tz);
  });
  const from = bounds[0] ?? 0;
  const until = bounds[TREND_DAYS] ?? 0;
  // The day of each complaint as a CASE over the boundaries (portable, and right across DST changes).
  const whens = bounds
    .slice(1, TREND_DAYS)
    .map((b, i) => sql`when complaints.received_at < ${b} then ${sql.lit(i)}`);
  const dayIndex = sql<number>`case ${sql.join(whens, sql` `)} else ${sql.lit(TREND_DAYS - 1)} end`;

  const [statuses, overdue, days, categories] = await Promise.all([
    visible()
      .select(['complaints.status', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('complaints.status')
      .execute(),
    visible()
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('complaints.status', 'in', [...OPEN_STATUSES])
      .where('complaints.due_at', '<=', now)
      .executeTakeFirstOrThrow(),
    visible()
      .select([dayIndex.as('day'), (eb) => eb.fn.countAll<number>().as('count')])
      .where('complaints.received_at', '>=', from)
      .where('complaints.received_at', '<', until)
      .groupBy(sql`1`)
      .execute(),
    visible()
      .innerJoin('categories as leaf', 'leaf.id', 'complaints.category_id')
      .innerJoin('categories as top', (join) =>
        join.on('top.level', '=', 1).on(sql<boolean>`leaf.path like top.path || '%'`),
      )
      .select([
        'top.id',
        'top.code',
        'top.name_zh',
        'top.name_en',
        'top.sort',
        (eb) => eb.fn.countAll<number>().as('count'),
      ])
      .groupBy(['top.id', 'top.code', 'top.name_zh', 'top.name_en', 'top.sort'])
      .orderBy('top.sort')
      .orderBy('top.id')
      .execute(),
  ]);

  // The database keeps the vocabulary as text.
  const byStatus = statuses.map((s) => ({ status: s.status as Status, count: Number(s.count) }));
  const open = byStatus
    .filter((s) => OPEN_STATUSES.includes(s.status as never))
    .reduce((n, s) => n + s.count, 0);
  const perDay = new Array<number>(TREND_DAYS).fill(0);
  for (const d of days) perDay[Number(d.day)] = Number(d.count);
  return {
    generatedAt: new Date(now).toISOString(),
    timeZone: tz,
    today: perDay[TREND_DAYS - 1] ?? 0,
    open,
    overdue: Number(overdue.count),
    byStatus,
    byCategory: categories.map((c) => ({
      categoryId: c.id,
      code: c.code,
      nameZh: c.name_zh,
      nameEn: c.name_en,
      count: Number(c.count),
    })),
    daily: perDay.map((count, i) => ({ date: isoDate(walls[i] ?? 0), count })),
  };
}
