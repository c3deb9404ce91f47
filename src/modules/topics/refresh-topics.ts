/**
 * The day's hot topics: the complaints received in the last 14 local days (newest 20,000 at most,
 * merged ones left out) grouped by the words of their title and content, each group followed from
 * the topics of the days before, and stored with its figures and complaints in one transaction.
 * Title and content are plain columns (only contacts are sealed), so nothing is decrypted. The
 * reading and clustering happen before the transaction that stores the result. Storing returns
 * the warning candidates for topics that are new and grow fast (the warnings module raises them).
 */

import type { Insertable } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import type { TopicTable } from '../../db/schema.js';
import { dateKey, localDate } from '../../lib/time.js';
import { clusterDocuments, DEFAULT_CLUSTERING, type Group } from './cluster.js';
import { dateOfDay, dayNumber, daysBetween, PERIOD_DAYS, type RunDays, runDays } from './days.js';
import { type KnownTopic, matchTopics } from './follow.js';
import { tfidf, type Vector } from './vectors.js';
import { type TopicFigures, type TopicWarningCandidate, topicWarnings } from './warnings.js';
import { topicWords } from './words.js';

export const MAX_COMPLAINTS = 20_000;
const KEY_WORDS = 6;
const CENTROID_WORDS = 40;
/** Earlier topics seen within this many days can be continued by today's groups. */
const FOLLOW_DAYS = 7;
const INSERT_BATCH = 500;

interface Doc {
  id: number;
  unitId: number;
  unitPath: string;
  receivedAt: number;
}

export interface TopicsRun {
  day: string;
  complaints: number;
  topics: number;
  warnings: TopicWarningCandidate[];
}

async function recentComplaints(db: Db | Tx, days: RunDays, now: number) {
  const rows = await db
    .selectFrom('complaints')
    .select(['id', 'title', 'content', 'unit_id', 'unit_path', 'received_at'])
    .where('received_at', '>=', days.from)
    .where('received_at', '<=', now)
    // A merged duplicate, archived or not, is its target's complaint: not counted twice in a topic.
    .where('merged_into_id', 'is', null)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_COMPLAINTS)
    .execute();
  // Oldest first: a topic's first complaints lead its group.
  return rows.reverse();
}

const heaviest = (v: Vector, n: number) =>
  [...v]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([w, x]) => [w, Math.round(x * 1e4) / 1e4] as [string, number]);

interface Found {
  group: Group;
  members: Doc[];
  size: number;
  previous: number;
  trend: number[];
  units: [number, number][];
}

function figuresOf(group: Group, docs: readonly Doc[], days: RunDays, timeZone: string): Found {
  const members = group.members.map((i) => docs[i] as Doc);
  const index = new Map(days.dates.map((d, i) => [dayNumber(d), i]));
  const trend = days.dates.map(() => 0);
  const units = new Map<number, number>();
  for (const m of members) {
    const i = index.get(Number(dateKey(m.receivedAt, timeZone)));
    if (i !== undefined) trend[i] = (trend[i] ?? 0) + 1;
    units.set(m.unitId, (units.get(m.unitId) ?? 0) + 1);
  }
  const size = members.filter((m) => m.receivedAt >= days.periodFrom).length;
  return {
    group,
    members,
    size,
    previous: members.length - size,
    trend,
    units: [...units].sort((a, b) => b[1] - a[1] || a[0] - b[0]),
  };
}

/** Today's groups, computed from a read outside any transaction (segmenting and clustering take seconds). */
export interface FoundTopics {
  now: number;
  days: RunDays;
  complaints: number;
  found: Found[];
}

export async function findTopics(app: AppContext): Promise<FoundTopics> {
  const now = app.clock.now();
  const days = runDays(now, app.config.timeZone);
  const rows = await recentComplaints(app.db, days, now);
  const docs: Doc[] = rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitPath: r.unit_path,
    receivedAt: r.received_at,
  }));
  const { vectors, df } = tfidf(rows.map((r) => topicWords(`${r.title}\n${r.content}`)));
  const found = clusterDocuments(vectors, df)
    .map((g) => figuresOf(g, docs, days, app.config.timeZone))
    .filter((f) => f.size >= DEFAULT_CLUSTERING.minSize);
  return { now, days, complaints: docs.length, found };
}

/**
 * Store today's topics (replacing an earlier run of the same day) in the caller's transaction: each
 * group continues the topic it matches or starts one. Only this short part holds the write lock.
 */
export async function storeTopics(tx: Tx, { now, days, complaints, found }: FoundTopics): Promise<TopicsRun> {
  const today = dayNumber(days.today);
  const earlier = await tx
    .selectFrom('topics')
    .select(['id', 'centroid', 'first_day'])
    .where('last_day', '>=', dayNumber(days.dates[2 * PERIOD_DAYS - 1 - FOLLOW_DAYS] as string))
    .execute();
  const known: KnownTopic[] = earlier.map((t) => ({ id: t.id, centroid: new Map(JSON.parse(t.centroid)) }));
  const firstDay = new Map(earlier.map((t) => [t.id, t.first_day]));
  const matched = matchTopics(
    found.map((f) => f.group),
    known,
  );

  const figures: TopicFigures[] = [];
  for (const [i, f] of found.entries()) {
    const words = heaviest(f.group.centroid, KEY_WORDS).map(([w]) => w);
    const values = {
      words: JSON.stringify(words),
      centroid: JSON.stringify(heaviest(f.group.centroid, CENTROID_WORDS)),
      last_day: today,
      size: f.size,
      previous: f.previous,
      trend: JSON.stringify(f.trend),
      units: JSON.stringify(f.units),
      computed_at: now,
    };
    const topicId = await saveTopic(tx, matched[i] ?? null, values, today);
    figures.push({
      topicId,
      words,
      size: f.size,
      previous: f.previous,
      ageDays: daysBetween(dateOfDay(firstDay.get(topicId) ?? today), days.today),
      unitId: f.units[0]?.[0] ?? null,
      complaintIds: f.members
        .filter((m) => m.receivedAt >= days.periodFrom)
        .map((m) => m.id)
        .reverse(),
    });
  }
  await storeMembers(
    tx,
    [...new Set([...earlier.map((t) => t.id), ...figures.map((f) => f.topicId)])],
    found,
    figures,
  );
  await tx
    .insertInto('topic_runs')
    .values({ day: today, ran_at: now, complaints, topics: figures.length })
    .onConflict((oc) => oc.column('day').doUpdateSet({ ran_at: now, complaints, topics: figures.length }))
    .execute();
  return {
    day: days.today,
    complaints,
    topics: figures.length,
    warnings: topicWarnings(figures),
  };
}

/** Continue a known topic with today's figures, or start a new one; returns its id. */
async function saveTopic(
  tx: Tx,
  id: number | null,
  values: Omit<Insertable<TopicTable>, 'first_day'>,
  today: number,
): Promise<number> {
  if (id !== null) {
    await tx.updateTable('topics').set(values).where('id', '=', id).execute();
    return id;
  }
  const row = await tx
    .insertInto('topics')
    .values({ ...values, first_day: today })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The complaints of each topic found today, replacing those of the topics it may continue. */
async function storeMembers(tx: Tx, replaced: number[], found: Found[], figures: TopicFigures[]) {
  for (let i = 0; i < replaced.length; i += INSERT_BATCH)
    await tx
      .deleteFrom('topic_complaints')
      .where('topic_id', 'in', replaced.slice(i, i + INSERT_BATCH))
      .execute();
  const rows = found.flatMap((f, i) =>
    f.members.map((m) => ({
      topic_id: (figures[i] as TopicFigures).topicId,
      complaint_id: m.id,
      unit_path: m.unitPath,
      received_at: m.receivedAt,
    })),
  );
  for (let i = 0; i < rows.length; i += INSERT_BATCH)
    await tx
      .insertInto('topic_complaints')
      .values(rows.slice(i, i + INSERT_BATCH))
      .execute();
}

/** Has today's run happened (the daily job runs once a local day)? */
export async function ranToday(app: AppContext): Promise<boolean> {
  const day = dayNumber(localDate(app.clock.now(), app.config.timeZone));
  return !!(await app.db.selectFrom('topic_runs').select('day').where('day', '=', day).executeTakeFirst());
}
