import { type RawBuilder, sql } from 'kysely';
import { subtreeEnd } from '../../domain/actor.js';

/**
 * Whose figures a statement reads: one person, every person of a unit's subtree (grouped by person:
 * the unit sheet's list in one statement), or the unit's subtree as a whole (one group, key 0).
 */
export type Scope =
  | { kind: 'user'; userId: number }
  | { kind: 'people'; unitPath: string }
  | { kind: 'unit'; unitPath: string };

/** How a person or a unit is linked to a complaint for one figure. */
export interface Link {
  /** The complaint column naming the person (`c.` prefixed in the statement). */
  person: 'assignee_id' | 'responsible_user_id' | 'staff_complained_user_id';
  /** For the unit as a whole: the complaint's own unit (handling) or the unit judged responsible. */
  unit: 'unit_path' | 'responsible_unit_id';
}

const unitIdsOf = (path: string) =>
  sql`(select id from units where path >= ${path} and path < ${subtreeEnd(path)})`;

export const peopleOf = (path: string) =>
  sql`(select u.id from users u join units n on n.id = u.unit_id where n.path >= ${path} and n.path < ${subtreeEnd(path)})`;

export interface Scoped {
  /** The person's id, or 0 for the unit as a whole. */
  key: RawBuilder<unknown>;
  where: RawBuilder<unknown>;
  /** What to group by besides `extra`: the person, nothing for the unit (one group). */
  groupBy(...extra: RawBuilder<unknown>[]): RawBuilder<unknown>;
}

const grouping =
  (key: RawBuilder<unknown> | null) =>
  (...extra: RawBuilder<unknown>[]) => {
    const parts = key ? [key, ...extra] : extra;
    return parts.length ? sql`group by ${sql.join(parts)}` : sql``;
  };

/** The grouping key and the filter of complaints `c` for a scope. */
export function complaintScope(scope: Scope, link: Link): Scoped {
  const person = sql.ref(`c.${link.person}`);
  if (scope.kind === 'user')
    return { key: person, where: sql`${person} = ${scope.userId}`, groupBy: grouping(person) };
  if (scope.kind === 'people')
    return { key: person, where: sql`${person} in ${peopleOf(scope.unitPath)}`, groupBy: grouping(person) };
  const where =
    link.unit === 'unit_path'
      ? sql`c.unit_path >= ${scope.unitPath} and c.unit_path < ${subtreeEnd(scope.unitPath)}`
      : sql`c.responsible_unit_id in ${unitIdsOf(scope.unitPath)}`;
  return { key: sql`0`, where, groupBy: grouping(null) };
}

/** The quality checks of a scope: by the checked handler, or by the unit the check was drawn in. */
export function checkScope(scope: Scope): Scoped {
  const handler = sql.ref('q.handler_id');
  if (scope.kind === 'user')
    return { key: handler, where: sql`${handler} = ${scope.userId}`, groupBy: grouping(handler) };
  if (scope.kind === 'people')
    return {
      key: handler,
      where: sql`${handler} in ${peopleOf(scope.unitPath)}`,
      groupBy: grouping(handler),
    };
  return { key: sql`0`, where: sql`q.unit_id in ${unitIdsOf(scope.unitPath)}`, groupBy: grouping(null) };
}

export const volumeUnits = (unitPath: string) => unitIdsOf(unitPath);
