import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

/** A category's count: by its level-1 or level-2 name in both languages. */
export interface CategoryCount {
  zh: string;
  en: string;
  count: number;
}

/** A month's figures, computed once when the disclosure is prepared and stored with it. */
export interface DisclosureFigures {
  received: number;
  byCategory1: CategoryCount[];
  byCategory2: CategoryCount[];
  resolutionRate: { resolved: number; rate: number | null };
  onTimeRate: { ended: number; met: number; rate: number | null };
  validShare: { judged: number; valid: number; rate: number | null };
  satisfaction: {
    surveys: number;
    speed: number | null;
    effectiveness: number | null;
    attitude: number | null;
    transparency: number | null;
    nps: number | null;
  };
}

interface Range {
  start: number;
  end: number;
}

const n = (v: unknown) => Number(v ?? 0);
const share = (part: number, whole: number) => (whole ? part / whole : null);
const round = (v: number | null, digits = 2) => (v === null ? null : Number(v.toFixed(digits)));

/** Counts of one category level, largest first; the level of each category from the (small) category table. */
function byLevel(
  counts: Map<number, number>,
  ancestor: (id: number) => { zh: string; en: string; id: number } | undefined,
): CategoryCount[] {
  const sums = new Map<number, CategoryCount>();
  for (const [id, count] of counts) {
    const a = ancestor(id);
    if (!a) continue;
    const row = sums.get(a.id) ?? { zh: a.zh, en: a.en, count: 0 };
    row.count += count;
    sums.set(a.id, row);
  }
  return [...sums.values()].sort((x, y) => y.count - x.count || x.zh.localeCompare(y.zh));
}

/** The categories' level-1 and level-2 ancestors, from one read of the category table. */
export async function categoryAncestors(tx: Tx) {
  const rows = await tx
    .selectFrom('categories')
    .select(['id', 'parent_id', 'level', 'name_zh', 'name_en'])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const at = (id: number, level: number) => {
    let c = byId.get(id);
    while (c && c.level > level && c.parent_id !== null) c = byId.get(c.parent_id);
    return c && c.level <= level ? { id: c.id, zh: c.name_zh, en: c.name_en } : undefined;
  };
  return {
    level1: (id: number) => at(id, 1),
    level2: (id: number) => ((byId.get(id)?.level ?? 0) >= 2 ? at(id, 2) : undefined),
  };
}

/**
 * The month's figures over the complaints received in it (merged duplicates left out): three
 * aggregate statements driven by the (received_at, id) index, whatever the number of complaints.
 */
export async function computeFigures(tx: Tx, r: Range): Promise<DisclosureFigures> {
  const month = sql`c.received_at >= ${r.start} and c.received_at < ${r.end} and c.merged_into_id is null`;
  const { rows: byCategory } = await sql<{
    category_id: unknown;
    received: unknown;
    resolved: unknown;
    judged: unknown;
    valid: unknown;
  }>`
    select c.category_id, count(*) as received,
      sum(case when c.resolved_at is not null then 1 else 0 end) as resolved,
      sum(case when c.validity is not null then 1 else 0 end) as judged,
      sum(case when c.validity = 'valid' then 1 else 0 end) as valid
    from complaints c where ${month} group by c.category_id`.execute(tx);
  const { rows: stages } = await sql<{ ended: unknown; met: unknown }>`
    select count(*) as ended, sum(case when d.met_at is not null and d.met_at <= d.due_at then 1 else 0 end) as met
    from complaints c join complaint_deadlines d on d.complaint_id = c.id
    where ${month} and (d.met_at is not null or d.breached_at is not null)`.execute(tx);
  const { rows: surveys } = await sql<Record<string, unknown>>`
    select count(*) as surveys, sum(v.speed) as speed, sum(v.effectiveness) as effectiveness,
      sum(v.attitude) as attitude, sum(v.transparency) as transparency,
      sum(case when v.recommendation >= 9 then 1 else 0 end) as promoters,
      sum(case when v.recommendation <= 6 then 1 else 0 end) as detractors
    from complaints c join satisfaction_surveys v on v.complaint_id = c.id where ${month}`.execute(tx);

  const categories = await categoryAncestors(tx);
  const counts = new Map(byCategory.map((x) => [n(x.category_id), n(x.received)]));
  const total = (key: 'received' | 'resolved' | 'judged' | 'valid') =>
    byCategory.reduce((sum, x) => sum + n(x[key]), 0);
  const received = total('received');
  const resolved = total('resolved');
  const judged = total('judged');
  const valid = total('valid');
  const ended = n(stages[0]?.ended);
  const met = n(stages[0]?.met);
  const s = surveys[0] ?? {};
  const count = n(s.surveys);
  const avg = (v: unknown) => round(count ? n(v) / count : null);
  return {
    received,
    byCategory1: byLevel(counts, categories.level1),
    byCategory2: byLevel(counts, categories.level2),
    resolutionRate: { resolved, rate: round(share(resolved, received), 4) },
    onTimeRate: { ended, met, rate: round(share(met, ended), 4) },
    validShare: { judged, valid, rate: round(share(valid, judged), 4) },
    satisfaction: {
      surveys: count,
      speed: avg(s.speed),
      effectiveness: avg(s.effectiveness),
      attitude: avg(s.attitude),
      transparency: avg(s.transparency),
      nps: round(count ? ((n(s.promoters) - n(s.detractors)) / count) * 100 : null, 1),
    },
  };
}
