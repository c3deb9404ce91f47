import type { ActorContext } from '../../context.js';
import { invalidating } from '../../db/reference-cache.js';
import { notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { requireAdmin } from '../org/index.js';
import { slaPolicies } from './settings.js';

/** Remove a time-limit policy (admin); the stage falls back to the next broader policy or the default. */
export async function deletePolicy(ctx: ActorContext, id: number): Promise<void> {
  requireAdmin(ctx.actor);
  await invalidating(ctx.db, [slaPolicies], () =>
    ctx.db.transaction().execute(async (tx) => {
      const r = await tx.deleteFrom('sla_policies').where('id', '=', id).executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) throw notFound();
      await appendEvent(tx, {
        streamType: 'settings',
        streamId: 0,
        actorId: ctx.actor.userId,
        at: ctx.clock.now(),
        kind: 'sla_policy_deleted',
        data: { id },
      });
    }),
  );
}
