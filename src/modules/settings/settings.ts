import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { invalidating, referenceCache } from '../../db/reference-cache.js';
import { cachedOr, type TxCache } from '../../lib/tx-cache.js';
import { appendEvent } from '../audit/index.js';
import { requireAdmin } from '../org/index.js';

const stored = referenceCache(async (db, key: string) => {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
});

/** Settings are JSON values under a key; each change is an event on the `settings` stream. */
export async function readSetting<T>(db: Db | Tx, key: string, fallback: T, cache?: TxCache): Promise<T> {
  const value = await cachedOr(cache, `setting:${key}`, () => stored.get(db, key));
  return value === null ? fallback : (JSON.parse(value) as T);
}

export async function writeSetting<T>(ctx: ActorContext, key: string, value: T, fallback: T): Promise<T> {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  return invalidating(ctx.db, [stored], () =>
    ctx.db.transaction().execute(async (tx) => {
      const before = await readSetting(tx, key, fallback);
      const text = JSON.stringify(value);
      const updated = await tx
        .updateTable('settings')
        .set({ value: text, updated_at: now })
        .where('key', '=', key)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0)
        await tx.insertInto('settings').values({ key, value: text, updated_at: now }).execute();
      await appendEvent(tx, {
        streamType: 'settings',
        streamId: 0,
        actorId: ctx.actor.userId,
        at: now,
        kind: 'setting_changed',
        data: { key, before, after: value },
      });
      return value;
    }),
  );
}
