import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { hasRole, subtreeEnd } from '../../domain/actor.js';
import { notFound } from '../../lib/errors.js';
import { CHECKER_ROLES, checkerRoot, requireChecker } from './policy.js';
import type { CheckItem, ChecklistItem, CheckPage, CheckSummary, CheckView, ListInput } from './schemas.js';
import type { StoredItem } from './scoring.js';
import { suggestions } from './suggestions.js';

const PAGE = 50;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Checks with what a list shows: the complaint, the handler, the unit, the checker. */
const base = (db: Db | Tx) =>
  db
    .selectFrom('quality_checks as q')
    .innerJoin('complaints as c', 'c.id', 'q.complaint_id')
    .innerJoin('users as h', 'h.id', 'q.handler_id')
    .innerJoin('users as k', 'k.id', 'q.checker_id')
    .innerJoin('units as u', 'u.id', 'q.unit_id')
    .select([
      'q.id',
      'q.complaint_id',
      'q.handler_id',
      'q.unit_id',
      'q.period',
      'q.checker_id',
      'q.drawn_by',
      'q.checklist_id',
      'q.items',
      'q.score',
      'q.revised_score',
      'q.findings',
      'q.status',
      'q.created_at',
      'q.scored_at',
      'c.number',
      'c.title',
      'h.display_name as handler_name',
      'k.display_name as checker_name',
      'u.name as unit_name',
      'u.name_en as unit_name_en',
      'u.path as unit_path',
    ]);
type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const summary = (r: Row): CheckSummary => ({
  id: r.id,
  complaint: { number: r.number, title: r.title },
  handler: { id: r.handler_id, name: r.handler_name },
  unit: { id: r.unit_id, name: r.unit_name, nameEn: r.unit_name_en },
  period: r.period,
  checker: { id: r.checker_id, name: r.checker_name },
  drawnBy: r.drawn_by as CheckSummary['drawnBy'],
  status: r.status as CheckSummary['status'],
  score: r.score === null ? null : Number(r.score),
  revisedScore: r.revised_score === null ? null : Number(r.revised_score),
  createdAt: new Date(r.created_at).toISOString(),
  scoredAt: iso(r.scored_at),
});

const page = (rows: Row[]): CheckPage => ({
  items: rows.slice(0, PAGE).map(summary),
  nextCursor: rows.length > PAGE ? String(rows[PAGE - 1]?.id) : null,
});

/** The checks in the caller's unit subtree, newest first, by cursor; the (unit, period) index drives it. */
export async function listChecks(ctx: ActorContext, input: ListInput): Promise<CheckPage> {
  requireChecker(ctx.actor);
  const root = checkerRoot(ctx.actor);
  let query = base(ctx.db);
  if (root) query = query.where('u.path', '>=', root).where('u.path', '<', subtreeEnd(root));
  if (input.period) query = query.where('q.period', '=', input.period);
  if (input.handlerId) query = query.where('q.handler_id', '=', input.handlerId);
  if (input.status) query = query.where('q.status', '=', input.status);
  if (input.cursor) query = query.where('q.id', '<', Number(input.cursor));
  return page(
    await query
      .orderBy('q.id', 'desc')
      .limit(PAGE + 1)
      .execute(),
  );
}

/** 我的质检: the handler's own checks once scored (drafts are the checker's work in progress). */
export async function myChecks(ctx: ActorContext, cursor: string | undefined): Promise<CheckPage> {
  let query = base(ctx.db)
    .where('q.handler_id', '=', ctx.actor.userId)
    .where('q.status', 'in', ['final', 'overturned']);
  if (cursor) query = query.where('q.id', '<', Number(cursor));
  return page(
    await query
      .orderBy('q.id', 'desc')
      .limit(PAGE + 1)
      .execute(),
  );
}

/** May the actor score this check: a checker over the handler's unit, and not the handler. */
export const mayScoreRow = (ctx: ActorContext, r: Pick<Row, 'unit_path' | 'handler_id'>) => {
  const root = checkerRoot(ctx.actor);
  return (
    hasRole(ctx.actor, ...CHECKER_ROLES) &&
    r.handler_id !== ctx.actor.userId &&
    (root === null || r.unit_path.startsWith(root))
  );
};

/** A check row a checker over its unit, or its handler once scored, may read; 404 for anyone else. */
export async function visibleCheck(ctx: ActorContext, db: Db | Tx, id: number): Promise<Row> {
  const row = await base(db).where('q.id', '=', id).executeTakeFirst();
  const own = row?.handler_id === ctx.actor.userId && row.status !== 'draft';
  if (!row || !(own || mayScoreRow(ctx, row))) throw notFound('quality_check_not_found', { id });
  return row;
}

/** One check with its items; a draft shows the system's suggestions and the checklist's guidance. */
export async function getCheck(ctx: ActorContext, id: number, db: Db | Tx = ctx.db): Promise<CheckView> {
  const row = await visibleCheck(ctx, db, id);
  const mayScore = row.status === 'draft' && mayScoreRow(ctx, row);
  const stored = JSON.parse(row.items) as StoredItem[];
  const checklist = row.checklist_id
    ? await db
        .selectFrom('quality_checklists')
        .select('items')
        .where('id', '=', row.checklist_id)
        .executeTakeFirst()
    : undefined;
  const guidance = new Map(
    (checklist ? (JSON.parse(checklist.items) as ChecklistItem[]) : []).map((i) => [i.key, i.guidance]),
  );
  const suggested = mayScore ? await suggestions(db, row.complaint_id) : new Map<string, number>();
  const items: CheckItem[] = stored.map((i) => ({
    ...i,
    guidance: guidance.get(i.key) ?? '',
    suggestion: suggested.get(i.key) ?? null,
  }));
  return { ...summary(row), items, findings: row.findings, mayScore };
}
