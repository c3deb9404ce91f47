import type { Db } from '../../db/database.js';
import { type Role, SEES_ALL_ROLES } from './roles.js';

/** The authenticated user a request or job acts for. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: number;
  unitPath: string;
  /**
   * Set when the actor is a complainant who proved ownership of this one complaint on the public
   * portal (tracking token or SMS code); such an actor sees and acts on nothing else.
   */
  customerOf?: number;
}

export const hasRole = (actor: Actor, ...roles: Role[]) => actor.roles.some((r) => roles.includes(r));
export const seesAll = (actor: Actor) => hasRole(actor, ...SEES_ALL_ROLES);

/** Is `path` the unit itself or below it? Paths look like `/1/4/9/`. */
export const inSubtree = (path: string, rootPath: string) => path.startsWith(rootPath);

/** Upper bound for a range scan over a subtree: every descendant path sorts in [path, subtreeEnd(path)). */
export const subtreeEnd = (path: string) => `${path.slice(0, -1)}0`;

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
