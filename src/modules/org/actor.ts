import type { Db } from '../../db/database.js';
import type { Actor } from '../../domain/actor.js';
import type { Role } from '../../domain/roles.js';

/** Users with their unit path and roles (one row per role), to be narrowed by the caller. */
export function actorRows(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.unit_id',
      'units.path',
      'user_roles.role',
    ])
    .where('users.active', '=', 1);
}

type ActorRow = {
  id: number;
  username: string;
  display_name: string;
  unit_id: number;
  path: string;
  role: string | null;
};

/** Fold the rows of one active user into an Actor; null when there are none. */
export function toActor(rows: ActorRow[]): Actor | null {
  const first = rows[0];
  if (!first) return null;
  return {
    userId: first.id,
    username: first.username,
    displayName: first.display_name,
    roles: rows.flatMap((r) => (r.role ? [r.role as Role] : [])),
    unitId: first.unit_id,
    unitPath: first.path,
  };
}

export async function loadActor(db: Db, userId: number): Promise<Actor | null> {
  return toActor(await actorRows(db).where('users.id', '=', userId).execute());
}
