import type { Db } from '../../db/database.js';
import type { Actor } from '../../domain/actor.js';
import type { Role } from '../../domain/roles.js';
import { serviceUnavailable } from '../../lib/errors.js';

/**
 * The accounts that act for channels without a person behind them: the public portal and the
 * mailbox. They are inactive users (nobody can sign in as them) so that the history and the
 * `registered_by` column name them like anyone else.
 */
export const SYSTEM_USERS = {
  portal: { displayName: '客户自助 (portal)', roles: ['agent'] },
  mailbox: { displayName: '邮件接入 (mailbox)', roles: ['agent'] },
} as const satisfies Record<string, { displayName: string; roles: Role[] }>;
export type SystemUser = keyof typeof SYSTEM_USERS;

const cache = new WeakMap<Db, Map<SystemUser, Actor>>();

/** The actor for a system user, created in the root unit the first time it is needed. */
export async function systemActor(db: Db, name: SystemUser): Promise<Actor> {
  const known = cache.get(db) ?? new Map<SystemUser, Actor>();
  cache.set(db, known);
  const cached = known.get(name);
  if (cached) return cached;
  const root = await db
    .selectFrom('units')
    .select(['id', 'path'])
    .where('parent_id', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  if (!root) throw serviceUnavailable('organisation_not_set_up');
  const username = `system:${name}`;
  await db
    .insertInto('users')
    .values({
      username,
      display_name: SYSTEM_USERS[name].displayName,
      // Not an argon2 hash: no password verifies against it.
      password_hash: '!',
      unit_id: root.id,
      email: null,
      phone: null,
      active: 0,
      created_at: Date.now(),
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .execute();
  const { id } = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const actor: Actor = {
    userId: id,
    username,
    displayName: SYSTEM_USERS[name].displayName,
    roles: [...SYSTEM_USERS[name].roles],
    unitId: root.id,
    unitPath: root.path,
  };
  known.set(name, actor);
  return actor;
}
