import type { Db, Tx } from '../../db/database.js';
import type { Role } from '../../domain/roles.js';
import { cachedOr, type TxCache } from '../../lib/tx-cache.js';

/**
 * The active holders of `role` nearest above a unit: those in the unit itself, else in its parent,
 * and so on up to the company; the escalation chain and approvals follow the unit tree this way.
 * With several paths (the responsible unit's, then the registering unit's) the first that finds
 * someone wins; with none, every holder of the role.
 */
export async function nearestWithRole(
  db: Db | Tx,
  unitPaths: string | string[],
  role: Role,
  cache?: TxCache,
): Promise<number[]> {
  const paths = Array.isArray(unitPaths) ? unitPaths : [unitPaths];
  return cachedOr(cache, `role:${role}:${paths.join('|')}`, () => findNearest(db, paths, role));
}

async function findNearest(db: Db | Tx, unitPaths: string[], role: Role): Promise<number[]> {
  for (const path of unitPaths) {
    const found = await nearestOnPath(db, path, role);
    if (found.length) return found;
  }
  const anyone = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('user_roles.role', '=', role)
    .where('users.active', '=', 1)
    .orderBy('users.id')
    .execute();
  return anyone.map((u) => u.id);
}

async function nearestOnPath(db: Db | Tx, unitPath: string, role: Role): Promise<number[]> {
  const unitIds = unitPath.split('/').filter(Boolean).map(Number);
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.unit_id'])
    .where('user_roles.role', '=', role)
    .where('users.active', '=', 1)
    .where('users.unit_id', 'in', unitIds)
    .execute();
  for (const unitId of [...unitIds].reverse()) {
    const here = rows.filter((r) => r.unit_id === unitId).map((r) => r.id);
    if (here.length) return here.sort((a, b) => a - b);
  }
  return [];
}
