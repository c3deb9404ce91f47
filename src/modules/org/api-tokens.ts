import type { ActorContext, AppContext } from '../../context.js';
import { invalidating, referenceCache } from '../../db/reference-cache.js';
import type { Actor } from '../../domain/actor.js';
import { notFound } from '../../lib/errors.js';
import { newSecret, sha256Hex } from '../../lib/tokens.js';
import { appendEvent } from '../audit/index.js';
import { actorRows, toActor } from './actor.js';
import { requireAdmin } from './policy.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** An integration (call-centre CTI, WeChat bot, ERP) acts as a user through a bearer token. */
export async function createApiToken(ctx: ActorContext, input: { name: string; userId: number }) {
  requireAdmin(ctx.actor);
  const token = newSecret('kst');
  const now = ctx.clock.now();
  const row = await invalidating(ctx.db, [tokenActors], () =>
    ctx.db.transaction().execute(async (tx) => {
      const user = await tx
        .selectFrom('users')
        .select('id')
        .where('id', '=', input.userId)
        .executeTakeFirst();
      if (!user) throw notFound('user_not_found');
      const created = await tx
        .insertInto('api_tokens')
        .values({
          name: input.name,
          token_hash: sha256Hex(token),
          user_id: input.userId,
          created_at: now,
          revoked_at: null,
        })
        .returning(['id', 'name', 'user_id', 'created_at'])
        .executeTakeFirstOrThrow();
      await appendEvent(tx, {
        streamType: 'user',
        streamId: input.userId,
        actorId: ctx.actor.userId,
        at: now,
        kind: 'api_token_created',
        data: { tokenId: created.id, name: input.name },
      });
      return created;
    }),
  );
  return { id: row.id, name: row.name, userId: row.user_id, createdAt: iso(row.created_at), token };
}

export async function revokeApiToken(ctx: ActorContext, id: number): Promise<void> {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  await invalidating(ctx.db, [tokenActors], () =>
    ctx.db.transaction().execute(async (tx) => {
      const row = await tx
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .returning('user_id')
        .executeTakeFirst();
      if (!row) throw notFound('api_token_not_found');
      await appendEvent(tx, {
        streamType: 'user',
        streamId: row.user_id,
        actorId: ctx.actor.userId,
        at: now,
        kind: 'api_token_revoked',
        data: { tokenId: id },
      });
    }),
  );
}

export async function listApiTokens(ctx: ActorContext) {
  requireAdmin(ctx.actor);
  const rows = await ctx.db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'user_id', 'created_at', 'revoked_at'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    userId: r.user_id,
    createdAt: iso(r.created_at),
    revokedAt: r.revoked_at === null ? null : iso(r.revoked_at),
  }));
}

/** The user an integration's bearer token acts as, in one query; null when unknown or revoked. */
/**
 * The actor of each token hash, as every API request reads it. Changes to users, roles, units and
 * tokens invalidate it in this process at once; another process (the CLI) is heard within 2 s.
 */
export const tokenActors = referenceCache(async (db, tokenHash: string) =>
  toActor(
    await actorRows(db)
      .innerJoin('api_tokens', 'api_tokens.user_id', 'users.id')
      .where('api_tokens.token_hash', '=', tokenHash)
      .where('api_tokens.revoked_at', 'is', null)
      .execute(),
  ),
);

export const actorForApiToken = (app: AppContext, token: string): Promise<Actor | null> =>
  tokenActors.get(app.db, sha256Hex(token));
