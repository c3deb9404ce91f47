import type { ActorContext } from '../../context.js';
import { invalidating } from '../../db/reference-cache.js';
import { badRequest } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { requireAdmin } from '../org/index.js';
import type { PolicyInput, PolicyView } from './schemas.js';
import { slaPolicies } from './settings.js';

/**
 * Set the limit of a stage for a category subtree × priority (admin): replaces the policy of the
 * same stage, category and priority, and records the change on the settings stream, in one transaction.
 */
export async function savePolicy(ctx: ActorContext, input: PolicyInput): Promise<PolicyView> {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  return invalidating(ctx.db, [slaPolicies], () =>
    ctx.db.transaction().execute(async (tx) => {
      if (input.categoryId !== null) {
        const category = await tx
          .selectFrom('categories')
          .select('id')
          .where('id', '=', input.categoryId)
          .executeTakeFirst();
        if (!category)
          throw badRequest('validation_failed', [{ path: '/categoryId', code: 'unknown_category' }]);
      }
      let q = tx.deleteFrom('sla_policies').where('stage', '=', input.stage);
      q =
        input.categoryId === null
          ? q.where('category_id', 'is', null)
          : q.where('category_id', '=', input.categoryId);
      q =
        input.priority === null ? q.where('priority', 'is', null) : q.where('priority', '=', input.priority);
      await q.execute();
      const { id } = await tx
        .insertInto('sla_policies')
        .values({
          stage: input.stage,
          category_id: input.categoryId,
          priority: input.priority,
          mode: input.mode,
          limit_minutes: input.minutes,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendEvent(tx, {
        streamType: 'settings',
        streamId: 0,
        actorId: ctx.actor.userId,
        at: now,
        kind: 'sla_policy_set',
        data: { id, ...input },
      });
      return { id, ...input };
    }),
  );
}
