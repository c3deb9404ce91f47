import type { Static } from 'typebox';
import type { ActorContext } from '../../context.js';
import type { Priority } from '../../domain/complaint-model.js';
import { requireAdmin } from '../org/index.js';
import type { PoliciesSchema } from './schemas.js';
import { DEFAULT_LIMITS, type LimitStage, type Mode } from './stages.js';

/** The admin's policies, by stage, with the built-in defaults they override. */
export async function listPolicies(ctx: ActorContext): Promise<Static<typeof PoliciesSchema>> {
  requireAdmin(ctx.actor);
  const rows = await ctx.db.selectFrom('sla_policies').selectAll().orderBy('stage').orderBy('id').execute();
  return {
    defaults: DEFAULT_LIMITS,
    items: rows.map((r) => ({
      id: r.id,
      stage: r.stage as LimitStage,
      categoryId: r.category_id,
      priority: r.priority as Priority | null,
      mode: r.mode as Mode,
      minutes: r.limit_minutes,
    })),
  };
}
