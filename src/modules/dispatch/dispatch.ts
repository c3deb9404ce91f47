import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import { referenceCache } from '../../db/reference-cache.js';
import { OPEN_STATUSES } from '../../domain/complaint-model.js';
import { unitById } from '../org/index.js';
import {
  type AssignStrategy,
  type DispatchFacts,
  type DispatchRule,
  firstMatch,
  pickHandler,
} from './rules.js';

export interface DispatchDecision {
  rule: { id: number; name: string };
  unit: { id: number; path: string };
  assign: AssignStrategy;
}

export async function loadRules(db: Db | Tx): Promise<DispatchRule[]> {
  const rows = await db
    .selectFrom('dispatch_rules')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    position: r.position,
    conditions: JSON.parse(r.conditions),
    unitId: r.unit_id,
    assign: r.assign as AssignStrategy,
    cursor: r.cursor,
  }));
}

/** The active rules as registration matches them (the turn, `cursor`, is read afresh by pickAssignee). */
export const activeRules = referenceCache((db, _all: 'all') => loadRules(db));

/** Which unit the first matching rule sends the complaint to; null when no rule matches. Reads only. */
export async function decideDispatch(db: Db | Tx, facts: DispatchFacts): Promise<DispatchDecision | null> {
  const rule = firstMatch(await activeRules.get(db, 'all'), facts);
  if (!rule) return null;
  const unit = await unitById(db, rule.unitId);
  if (!unit?.active) return null;
  return {
    rule: { id: rule.id, name: rule.name },
    unit: { id: unit.id, path: unit.path },
    assign: rule.assign,
  };
}

/**
 * The handler the rule hands the complaint to, among the active handlers of its unit; advances the
 * rule's turn inside the caller's transaction so that concurrent registrations take turns.
 */
export async function pickAssignee(tx: Tx, decision: DispatchDecision): Promise<number | null> {
  if (decision.assign === 'none') return null;
  const rule = await tx
    .selectFrom('dispatch_rules')
    .select('cursor')
    .where('id', '=', decision.rule.id)
    .forUpdate()
    .executeTakeFirst();
  if (!rule) return null;
  const candidates = await tx
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id'])
    .select((eb) =>
      eb
        .selectFrom('complaints')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('complaints.assignee_id', '=', 'users.id')
        .where('complaints.status', 'in', [...OPEN_STATUSES])
        .as('open'),
    )
    .where('users.unit_id', '=', decision.unit.id)
    .where('users.active', '=', 1)
    .where('user_roles.role', '=', 'handler')
    .execute();
  const pick = pickHandler(
    decision.assign,
    candidates.map((c) => ({ id: c.id, open: Number(c.open ?? 0) })),
    rule.cursor,
  );
  if (!pick) return null;
  if (pick.nextCursor !== rule.cursor) {
    await tx
      .updateTable('dispatch_rules')
      .set({ cursor: pick.nextCursor })
      .where('id', '=', decision.rule.id)
      .execute();
  }
  return pick.userId;
}
