import { sql } from 'kysely';
import type { ActorContext } from '../../context.js';
import { seesAll } from '../../domain/actor.js';
import { notFound } from '../../lib/errors.js';
import { normalise } from '../../lib/segment.js';
import { categorySubtreeIds } from '../categories/index.js';
import { canSee, visibleTo } from '../complaints/index.js';
import { keywords } from './keywords.js';
import { ftsTerm, tsTerm } from './query.js';

/** How many words of the complaint make the query. */
const QUERY_WORDS = 12;
/** Candidates ranked by text, per result, before finished and judged complaints are preferred. */
const CANDIDATES_PER_RESULT = 4;
/** An open complaint, or a finished one without judgement or remedy, keeps this much of its score. */
const UNRESOLVED_WEIGHT = 0.8;
const FINISHED = ['resolved', 'closed'];
/** Remedies that were granted: what a recommendation is made of. */
const GRANTED = ['approved', 'executed'];
/** BM25 parameters (SQLite's bm25() uses the same). */
const K1 = 1.2;
const B = 0.75;

type Keyword = { word: string; weight: number };

interface Ranking {
  ranked: Array<{ id: number; score: number }>;
  /** The complaint's own score for its words: the scale of the 0..1 score. */
  selfScore: number;
}

/** The level-1 category branch of a category: its ids. */
async function branchOf(ctx: ActorContext, categoryId: number): Promise<number[]> {
  const row = await ctx.db
    .selectFrom('categories')
    .select('path')
    .where('id', '=', categoryId)
    .executeTakeFirstOrThrow();
  const root = Number(row.path.split('/').filter(Boolean)[0]);
  return categorySubtreeIds(ctx.db, root);
}

/** The complaints the actor may see other than `self`, within `categoryIds` when given. */
function candidates(ctx: ActorContext, self: number, categoryIds: number[] | null) {
  let q = ctx.db.selectFrom('complaints').where('complaints.id', '!=', self);
  if (!seesAll(ctx.actor)) q = q.where(visibleTo(ctx));
  if (categoryIds) q = q.where('complaints.category_id', 'in', categoryIds);
  return q;
}

/** What to rank: the complaints like `self` by its `words`, within `categoryIds` when given. */
interface RankQuery {
  self: number;
  words: Keyword[];
  categoryIds: number[] | null;
  limit: number;
}

/** How many of the newest complaints holding each word are candidates: the work is bounded, whatever the words. */
const PER_WORD = 40;

/** The newest complaints holding each word (one index read per word, newest first, stopping at PER_WORD). */
async function candidateIds(ctx: ActorContext, self: number, words: Keyword[]): Promise<number[]> {
  const perWord = words.map((w) =>
    ctx.dialect === 'postgres'
      ? sql`(select complaint_id as id from complaint_search where terms @@ ${tsTerm({ text: w.word, prefix: false })}::tsquery and complaint_id <> ${self} order by complaint_id desc limit ${PER_WORD})`
      : sql`select * from (select rowid as id from complaint_search_fts where complaint_search_fts match ${ftsTerm({ text: w.word, prefix: false })} and rowid <> ${self} order by rowid desc limit ${PER_WORD})`,
  );
  const rows = await sql<{ id: number }>`${sql.join(perWord, sql` union `)}`.execute(ctx.db);
  return rows.rows.map((r) => Number(r.id));
}

/**
 * BM25 over the words a document contains (each once, weighted by its TF-IDF in the complaint), its
 * length against the candidates' average: the same ranking on both databases.
 */
function bm25(words: Keyword[], body: string, averageLength: number): number {
  const text = normalise(body);
  const weight = words.reduce((sum, w) => sum + (text.includes(w.word) ? w.weight : 0), 0);
  return (weight * (K1 + 1)) / (1 + K1 * (1 - B + (B * text.length) / averageLength));
}

/** The candidates the actor may see within `categoryIds`, ranked; and the complaint's own score. */
async function rank(ctx: ActorContext, { self, words, categoryIds, limit }: RankQuery): Promise<Ranking> {
  const ids = await candidateIds(ctx, self, words);
  const [rows, own] = await Promise.all([
    ids.length
      ? candidates(ctx, self, categoryIds)
          .innerJoin('complaint_search as s', 's.complaint_id', 'complaints.id')
          .select(['complaints.id', 's.body'])
          .where('complaints.id', 'in', ids)
          .execute()
      : [],
    ctx.db.selectFrom('complaint_search').select('body').where('complaint_id', '=', self).executeTakeFirst(),
  ]);
  const lengths = rows.map((r) => r.body.length);
  const averageLength = Math.max(
    1,
    lengths.reduce((a, b) => a + b, own?.body.length ?? 0) / (lengths.length + 1),
  );
  const ranked = rows
    .map((r) => ({ id: Number(r.id), score: bm25(words, r.body, averageLength) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, limit);
  return { ranked, selfScore: own ? bm25(words, own.body, averageLength) : 0 };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? 0)
    : Math.round(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2);
}

/** The details of the ranked complaints a handler compares with: judgement, remedies, reply, case. */
async function details(ctx: ActorContext, ids: number[]) {
  const [rows, remedies, replies, cases] = await Promise.all([
    ctx.db
      .selectFrom('complaints')
      .innerJoin('categories', 'categories.id', 'complaints.category_id')
      .select([
        'complaints.id',
        'complaints.number',
        'complaints.title',
        'complaints.status',
        'complaints.received_at',
        'complaints.closed_at',
        'complaints.liable_party',
        'complaints.liability_degree',
        'complaints.judgement_basis',
        'complaints.validity',
        'complaints.validity_kind',
        'categories.id as category_id',
        'categories.code as category_code',
        'categories.name_zh',
        'categories.name_en',
      ])
      .where('complaints.id', 'in', ids)
      .execute(),
    ctx.db
      .selectFrom('remedy_proposals')
      .select(['complaint_id', 'kinds', 'amount', 'status', 'description'])
      .where('complaint_id', 'in', ids)
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('replies')
      .select(['complaint_id', 'summary'])
      .where('complaint_id', 'in', ids)
      .orderBy('id')
      .execute(),
    ctx.db.selectFrom('complaint_cases').select('complaint_id').where('complaint_id', 'in', ids).execute(),
  ]);
  const lastReply = new Map(replies.map((r) => [r.complaint_id, r.summary]));
  const caseIds = new Set(cases.map((c) => c.complaint_id));
  return new Map(
    rows.map((c) => {
      const own = remedies.filter((r) => r.complaint_id === c.id);
      const judged = c.liable_party !== null;
      return [
        c.id,
        {
          resolved: FINISHED.includes(c.status) && (judged || own.length > 0),
          item: {
            number: c.number,
            title: c.title,
            status: c.status,
            category: { id: c.category_id, code: c.category_code, nameZh: c.name_zh, nameEn: c.name_en },
            receivedAt: new Date(c.received_at).toISOString(),
            closedAt: iso(c.closed_at),
            isCase: caseIds.has(c.id),
            judgement: judged
              ? { liableParty: c.liable_party, degree: c.liability_degree, basis: c.judgement_basis }
              : null,
            validity: c.validity === null ? null : { validity: c.validity, kind: c.validity_kind },
            remedies: own.map((r) => ({
              kinds: JSON.parse(r.kinds) as string[],
              amount: r.amount,
              status: r.status,
              description: r.description,
            })),
            reply: lastReply.has(c.id) ? { summary: lastReply.get(c.id) ?? '' } : null,
          },
        },
      ];
    }),
  );
}

export type SimilarItem = NonNullable<ReturnType<Awaited<ReturnType<typeof details>>['get']>>['item'] & {
  score: number;
};

/** The most common set of remedy kinds among the granted remedies, and their median amount. */
export function recommendRemedy(items: SimilarItem[]) {
  const granted = items.flatMap((i) =>
    i.remedies.filter((r) => GRANTED.includes(r.status)).map((r) => ({ number: i.number, ...r })),
  );
  if (!granted.length) return null;
  const counts = new Map<string, number>();
  for (const r of granted) {
    const key = JSON.stringify([...r.kinds].sort());
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [kinds] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ['[]'];
  return {
    kinds: JSON.parse(kinds) as string[],
    amount: median(granted.map((r) => r.amount)),
    basedOn: granted.length,
    numbers: [...new Set(granted.map((r) => r.number))],
  };
}

/**
 * The complaints most like this one (BM25 over its most informative words), within its level-1
 * category branch when that gives enough, the finished ones with a judgement or remedy preferred;
 * only those the actor may see, never the complaint itself; and the remedy they suggest.
 */
export async function similarComplaints(ctx: ActorContext, number: string, limit: number) {
  const c = await ctx.db.selectFrom('complaints').selectAll().where('number', '=', number).executeTakeFirst();
  if (!c || !canSee(ctx.actor, c)) throw notFound('complaint_not_found', { number });
  const words = keywords(`${c.title}\n${c.content}`, QUERY_WORDS);
  if (!words.length) return { items: [], recommendedRemedy: null };
  const wanted = limit * CANDIDATES_PER_RESULT;
  const query = { self: c.id, words, limit: wanted };
  let ranking = await rank(ctx, { ...query, categoryIds: await branchOf(ctx, c.category_id) });
  if (ranking.ranked.length < limit) ranking = await rank(ctx, { ...query, categoryIds: null });
  const { ranked, selfScore } = ranking;
  if (!ranked.length) return { items: [], recommendedRemedy: null };
  const found = await details(
    ctx,
    ranked.map((r) => r.id),
  );
  const scale = Math.max(selfScore, ...ranked.map((r) => r.score));
  const items = ranked
    .flatMap(({ id, score }) => {
      const d = found.get(id);
      if (!d) return [];
      const weighted = (score / scale) * (d.resolved ? 1 : UNRESOLVED_WEIGHT);
      return [{ ...d.item, score: Math.round(weighted * 1000) / 1000 }];
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  return { items, recommendedRemedy: recommendRemedy(items) };
}
