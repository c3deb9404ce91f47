import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { invalidating } from '../../db/reference-cache.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { requireAdmin } from '../org/index.js';
import { activeRules } from './dispatch.js';
import type { Conditions, DispatchRuleView, RuleInput } from './schemas.js';

const toView = (r: {
  id: number;
  name: string;
  position: number;
  active: number;
  conditions: string;
  unit_id: number;
  assign: string;
}): DispatchRuleView => ({
  id: r.id,
  name: r.name,
  position: r.position,
  active: r.active === 1,
  conditions: JSON.parse(r.conditions) as Conditions,
  unitId: r.unit_id,
  assign: r.assign as DispatchRuleView['assign'],
});

export async function listRules(ctx: ActorContext) {
  requireAdmin(ctx.actor);
  return (
    await ctx.db.selectFrom('dispatch_rules').selectAll().orderBy('position').orderBy('id').execute()
  ).map(toView);
}

async function checkReferences(tx: Tx, input: RuleInput) {
  const unit = await tx.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst();
  const problems = unit ? [] : [{ path: '/unitId', code: 'unknown_unit' }];
  if (input.conditions.categoryId) {
    const c = await tx
      .selectFrom('categories')
      .select('id')
      .where('id', '=', input.conditions.categoryId)
      .executeTakeFirst();
    if (!c) problems.push({ path: '/conditions/categoryId', code: 'unknown_category' });
  }
  if (problems.length) throw badRequest('validation_failed', problems);
}

/** Create (id null) or replace a dispatch rule; the settings history records it. */
export async function saveRule(ctx: ActorContext, id: number | null, input: RuleInput) {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  return invalidating(ctx.db, [activeRules], () =>
    ctx.db.transaction().execute(async (tx) => {
      await checkReferences(tx, input);
      const row = {
        name: input.name,
        position: input.position,
        active: input.active === false ? 0 : 1,
        conditions: JSON.stringify(input.conditions),
        unit_id: input.unitId,
        assign: input.assign ?? 'none',
        updated_at: now,
      } as const;
      let saved: number;
      if (id === null) {
        saved = (
          await tx
            .insertInto('dispatch_rules')
            .values({ ...row, cursor: 0 })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      } else {
        const r = await tx.updateTable('dispatch_rules').set(row).where('id', '=', id).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw notFound('not_found');
        saved = id;
      }
      await appendEvent(tx, {
        streamType: 'settings',
        streamId: 0,
        actorId: ctx.actor.userId,
        at: now,
        kind: id === null ? 'dispatch_rule_created' : 'dispatch_rule_changed',
        data: { ruleId: saved, ...input },
      });
      return toView({ id: saved, ...row });
    }),
  );
}

export async function deleteRule(ctx: ActorContext, id: number) {
  requireAdmin(ctx.actor);
  await invalidating(ctx.db, [activeRules], () =>
    ctx.db.transaction().execute(async (tx) => {
      const r = await tx.deleteFrom('dispatch_rules').where('id', '=', id).executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) throw notFound('not_found');
      await appendEvent(tx, {
        streamType: 'settings',
        streamId: 0,
        actorId: ctx.actor.userId,
        at: ctx.clock.now(),
        kind: 'dispatch_rule_deleted',
        data: { ruleId: id },
      });
    }),
  );
}
