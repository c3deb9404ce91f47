import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { invalidating } from '../../db/reference-cache.js';
import type { Role } from '../../domain/roles.js';
import { asLocale, type Locale } from '../../i18n/index.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { tokenActors } from './api-tokens.js';
import { hashPassword } from './passwords.js';
import { requireAdmin } from './policy.js';
import type { UserView } from './schemas.js';

export type { UserView };

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  unitId: number;
  roles: Role[];
  email?: string | null;
  phone?: string | null;
  locale?: Locale;
}

async function requireUnit(tx: Tx, unitId: number): Promise<void> {
  const unit = await tx.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw badRequest('validation_failed', [{ path: '/unitId', code: 'unknown_unit' }]);
}

/** Insert a user with roles inside `tx`; shared by the admin API, `kesu user create` and the seed. */
export async function insertUser(
  tx: Tx,
  input: NewUser,
  now: number,
  actorId: number | null,
): Promise<UserView> {
  await requireUnit(tx, input.unitId);
  const taken = await tx
    .selectFrom('users')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (taken) throw conflict('username_taken', { username: input.username }, '/username');
  const { id } = await tx
    .insertInto('users')
    .values({
      username: input.username,
      display_name: input.displayName,
      password_hash: await hashPassword(input.password),
      unit_id: input.unitId,
      email: input.email ?? null,
      phone: input.phone ?? null,
      active: 1,
      created_at: now,
      locale: input.locale ?? 'zh-CN',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const roles = [...new Set(input.roles)];
  if (roles.length)
    await tx
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: id, role })))
      .execute();
  const view: UserView = {
    id,
    username: input.username,
    displayName: input.displayName,
    unitId: input.unitId,
    roles,
    email: input.email ?? null,
    phone: input.phone ?? null,
    active: true,
    locale: input.locale ?? 'zh-CN',
  };
  const { id: _id, ...data } = view;
  await appendEvent(tx, { streamType: 'user', streamId: id, actorId, at: now, kind: 'user_created', data });
  return view;
}

export async function createUser(ctx: ActorContext, input: NewUser): Promise<UserView> {
  requireAdmin(ctx.actor);
  return invalidating(ctx.db, [tokenActors], () =>
    ctx.db.transaction().execute((tx) => insertUser(tx, input, ctx.clock.now(), ctx.actor.userId)),
  );
}

export interface UserChanges {
  displayName?: string;
  unitId?: number;
  roles?: Role[];
  email?: string | null;
  phone?: string | null;
  active?: boolean;
  password?: string;
  locale?: Locale;
}

export async function updateUser(ctx: ActorContext, id: number, input: UserChanges): Promise<UserView> {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  return invalidating(ctx.db, [tokenActors], () =>
    ctx.db.transaction().execute(async (tx) => {
      const before = await getUser(tx, id);
      if (input.unitId !== undefined) await requireUnit(tx, input.unitId);
      await tx
        .updateTable('users')
        .set({
          display_name: input.displayName ?? before.displayName,
          unit_id: input.unitId ?? before.unitId,
          email: input.email === undefined ? before.email : input.email,
          phone: input.phone === undefined ? before.phone : input.phone,
          active: (input.active ?? before.active) ? 1 : 0,
          locale: input.locale ?? before.locale,
          ...(input.password ? { password_hash: await hashPassword(input.password) } : {}),
        })
        .where('id', '=', id)
        .execute();
      if (input.roles) {
        await tx.deleteFrom('user_roles').where('user_id', '=', id).execute();
        const roles = [...new Set(input.roles)];
        if (roles.length)
          await tx
            .insertInto('user_roles')
            .values(roles.map((role) => ({ user_id: id, role })))
            .execute();
      }
      if (input.active === false || input.password)
        await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
      const after = await getUser(tx, id);
      const { id: _b, ...b } = before;
      const { id: _a, ...a } = after;
      await appendEvent(tx, {
        streamType: 'user',
        streamId: id,
        actorId: ctx.actor.userId,
        at: now,
        kind: 'user_updated',
        data: { before: b, after: a, passwordChanged: Boolean(input.password) },
      });
      return after;
    }),
  );
}

async function getUser(tx: Tx, id: number): Promise<UserView> {
  const u = await tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!u) throw notFound('user_not_found');
  const roles = await tx
    .selectFrom('user_roles')
    .select('role')
    .where('user_id', '=', id)
    .orderBy('role')
    .execute();
  return toView(
    u,
    roles.map((r) => r.role as Role),
  );
}

function toView(
  u: {
    id: number;
    username: string;
    display_name: string;
    unit_id: number;
    email: string | null;
    phone: string | null;
    active: number;
    locale: string;
  },
  roles: Role[],
): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    unitId: u.unit_id,
    roles,
    email: u.email,
    phone: u.phone,
    active: u.active === 1,
    locale: asLocale(u.locale),
  };
}

export async function listUsers(ctx: ActorContext): Promise<UserView[]> {
  requireAdmin(ctx.actor);
  const users = await ctx.db.selectFrom('users').selectAll().orderBy('id').execute();
  const roles = await ctx.db.selectFrom('user_roles').selectAll().execute();
  const byUser = new Map<number, Role[]>();
  for (const r of roles) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.role as Role]);
  return users.map((u) => toView(u, (byUser.get(u.id) ?? []).sort()));
}
