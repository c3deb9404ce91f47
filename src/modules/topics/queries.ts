/** The hot topics of the latest run, seen from a scope like the statistics (a unit's subtree or all). */
import type { ActorContext } from '../../context.js';
import { subtreeEnd } from '../../domain/actor.js';
import { addDays } from '../sla/index.js';
import { statsScope } from '../stats/index.js';
import { dateOfDay, daysBetween } from './days.js';
import type { Topic, Topics, TopicsInput } from './schemas.js';
import { WARN_RULES } from './warnings.js';

const SHOWN = 30;
const EXAMPLES = 5;

export async function listTopics(ctx: ActorContext, input: TopicsInput): Promise<Topics> {
  const scope = await statsScope(ctx, input.unitId);
  const run = await ctx.db
    .selectFrom('topic_runs')
    .selectAll()
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!run) return { day: null, ranAt: null, complaints: 0, topics: [] };
  const rows = await ctx.db
    .selectFrom('topics')
    .selectAll()
    .where('last_day', '=', run.day)
    .where('computed_at', '=', run.ran_at)
    .orderBy('size', 'desc')
    .orderBy('id')
    .execute();
  let members = ctx.db
    .selectFrom('topic_complaints')
    .select(['topic_id', 'complaint_id', 'received_at'])
    .where('topic_id', 'in', rows.length ? rows.map((r) => r.id) : [0]);
  const root = scope.unit?.path;
  if (root) members = members.where('unit_path', '>=', root).where('unit_path', '<', subtreeEnd(root));
  const inScope = new Map<number, Array<{ id: number; at: number }>>();
  for (const m of await members.execute()) {
    const list = inScope.get(m.topic_id) ?? [];
    list.push({ id: m.complaint_id, at: m.received_at });
    inScope.set(m.topic_id, list);
  }
  const shown = rows.filter((r) => inScope.has(r.id)).slice(0, SHOWN);
  const exampleIds = shown.flatMap((r) =>
    (inScope.get(r.id) ?? [])
      .sort((a, b) => b.at - a.at || b.id - a.id)
      .slice(0, EXAMPLES)
      .map((m) => m.id),
  );
  const complaints = new Map(
    (exampleIds.length
      ? await ctx.db
          .selectFrom('complaints')
          .select(['id', 'number', 'title', 'received_at'])
          .where('id', 'in', exampleIds)
          .execute()
      : []
    ).map((c) => [c.id, c]),
  );
  const today = dateOfDay(run.day);
  const topics = shown.map((r): Topic => {
    const trend = JSON.parse(r.trend) as number[];
    const units = JSON.parse(r.units) as [number, number][];
    const mine = inScope.get(r.id) ?? [];
    return {
      id: r.id,
      words: JSON.parse(r.words) as string[],
      size: r.size,
      previous: r.previous,
      growth: r.previous > 0 ? (r.size - r.previous) / r.previous : null,
      inScope: mine.length,
      firstSeen: dateOfDay(r.first_day),
      isNew: daysBetween(dateOfDay(r.first_day), today) <= WARN_RULES.newDays,
      trend: trend.map((count, i) => ({ date: addDays(today, i - trend.length + 1), count })),
      units: units.flatMap(([id, count]) => {
        const u = scope.units.get(id);
        return u && (!scope.unitIds || scope.unitIds.includes(id))
          ? [{ id, name: u.name, nameEn: u.name_en, count }]
          : [];
      }),
      examples: mine.slice(0, EXAMPLES).flatMap((m) => {
        const c = complaints.get(m.id);
        return c ? [{ id: c.id, number: c.number, title: c.title, receivedAt: c.received_at }] : [];
      }),
    };
  });
  return { day: today, ranAt: run.ran_at, complaints: run.complaints, topics };
}
