import type { ActorContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { hasRole, seesAll, subtreeEnd } from '../../domain/actor.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { MANAGING_ROLES, type ScopeKind, type WarningKind, type WarningStatus } from './rules.js';
import type { WarningListInput, WarningSummary } from './schemas.js';

const iso = (ms: number) => new Date(ms).toISOString();

export function summaries(db: Db) {
  return db
    .selectFrom('warnings as w')
    .innerJoin('units as u', 'u.id', 'w.unit_id')
    .leftJoin('users as o', 'o.id', 'w.owner_id')
    .selectAll('w')
    .select(['u.name as unit_name', 'o.display_name as owner_name']);
}

type Row = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];

export const toSummary = (r: Row): WarningSummary => ({
  id: r.id,
  kind: r.kind as WarningKind,
  scope: { kind: r.scope_kind as ScopeKind, key: r.scope_key, label: r.scope_label },
  status: r.status as WarningStatus,
  unit: { id: r.unit_id, name: r.unit_name },
  owner: r.owner_id === null ? null : { id: r.owner_id, name: r.owner_name ?? '' },
  figures: JSON.parse(r.figures),
  complaints: (JSON.parse(r.complaint_ids) as number[]).length,
  triggers: r.triggers,
  actionId: r.action_id,
  raisedAt: iso(r.raised_at),
  updatedAt: iso(r.updated_at),
});

/**
 * 预警列表: the warnings the caller may see, newest first by keyset on (raised_at, id). Supervisors
 * and above see their unit subtree's (the `(unit_path, raised_at, id)` index), admins, auditors and
 * executives every unit's, anyone else only those they own.
 */
export async function listWarnings(ctx: ActorContext, q: WarningListInput) {
  const limit = q.limit ?? 50;
  let query = summaries(ctx.db);
  if (!seesAll(ctx.actor)) {
    if (hasRole(ctx.actor, ...MANAGING_ROLES))
      query = query
        .where('w.unit_path', '>=', ctx.actor.unitPath)
        .where('w.unit_path', '<', subtreeEnd(ctx.actor.unitPath));
    else query = query.where('w.owner_id', '=', ctx.actor.userId);
  }
  if (q.unitId !== undefined) {
    const unit = await ctx.db
      .selectFrom('units')
      .select('path')
      .where('id', '=', q.unitId)
      .executeTakeFirst();
    const path = unit?.path ?? '/none/';
    query = query.where('w.unit_path', '>=', path).where('w.unit_path', '<', subtreeEnd(path));
  }
  if (q.kind) query = query.where('w.kind', '=', q.kind);
  if (q.status) query = query.where('w.status', '=', q.status);
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 'integer');
    const raisedAt = Number(at);
    query = query.where((eb) =>
      eb.or([
        eb('w.raised_at', '<', raisedAt),
        eb.and([eb('w.raised_at', '=', raisedAt), eb('w.id', '<', id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('w.raised_at', 'desc')
    .orderBy('w.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > limit && last ? encodeCursor([last.raised_at, last.id]) : null,
  };
}
