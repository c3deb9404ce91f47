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
}

export const hasRole = (actor: Actor, ...roles: Role[]) => actor.roles.some((r) => roles.includes(r));
export const seesAll = (actor: Actor) => hasRole(actor, ...SEES_ALL_ROLES);

/** Is `path` the unit itself or below it? Paths look like `/1/4/9/`. */
export const inSubtree = (path: string, rootPath: string) => path.startsWith(rootPath);

/** Upper bound for a range scan over a subtree: every descendant path sorts in [path, subtreeEnd(path)). */
export const subtreeEnd = (path: string) => `${path.slice(0, -1)}0`;

export async function loadActor(db: Db, userId: number): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.unit_id',
      'units.path',
      'users.active',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!user?.active) return null;
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: roles.map((r) => r.role as Role),
    unitId: user.unit_id,
    unitPath: user.path,
  };
}
