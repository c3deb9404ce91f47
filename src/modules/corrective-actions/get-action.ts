import type { ActorContext } from '../../context.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { readStream } from '../audit/index.js';
import { countRecurrence } from './effectiveness.js';
import { summaries, toSummary } from './queries.js';
import { ACTION_STREAM, mayManage, mayRead } from './rules.js';
import type { ActionView, Effectiveness } from './schemas.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** 整改单: the action with its 5W1H, linked complaints, history and the effectiveness figure. */
export async function getAction(ctx: ActorContext, id: number): Promise<ActionView> {
  const a = await ctx.db
    .selectFrom('corrective_actions as a')
    .innerJoin('units as ou', 'ou.id', 'a.owner_unit_id')
    .innerJoin('users as cb', 'cb.id', 'a.created_by')
    .leftJoin('users as vb', 'vb.id', 'a.verified_by')
    .leftJoin('categories as cat', 'cat.id', 'a.category_id')
    .selectAll('a')
    .select([
      'ou.name as owner_unit_name',
      'ou.name_en as owner_unit_name_en',
      'cb.display_name as created_by_name',
      'vb.display_name as verified_by_name',
      'cat.name_zh as category_name',
      'cat.name_en as category_name_en',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!a) throw notFound('corrective_action_not_found', { id });
  if (!mayRead(ctx.actor, a)) throw forbidden('forbidden', { action: 'read_corrective_action' });
  const now = ctx.clock.now();
  const [summary, linked, history] = await Promise.all([
    summaries(ctx.db).where('a.id', '=', id).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('corrective_action_complaints as l')
      .innerJoin('complaints as c', 'c.id', 'l.complaint_id')
      .select(['c.number', 'c.title', 'c.status', 'c.received_at'])
      .where('l.action_id', '=', id)
      .orderBy('c.received_at')
      .execute(),
    readStream(ctx.db, ACTION_STREAM, id),
  ]);
  const effectiveness: Effectiveness | null =
    a.outcome_figure !== null ? JSON.parse(a.outcome_figure) : await countRecurrence(ctx.db, a, now);
  return {
    ...toSummary(summary, now),
    sourceKind: a.source_kind,
    warningId: a.warning_id,
    description: a.description,
    rootCause: a.root_cause,
    plan: a.plan,
    category:
      a.category_id === null
        ? null
        : { id: a.category_id, name: a.category_name ?? '', nameEn: a.category_name_en },
    region: a.region,
    ownerUnit: { id: a.owner_unit_id, name: a.owner_unit_name, nameEn: a.owner_unit_name_en },
    progressNote: a.progress_note,
    completionNote: a.completion_note,
    doneAt: iso(a.done_at),
    verifiedBy: a.verified_by === null ? null : { id: a.verified_by, name: a.verified_by_name ?? '' },
    verifiedAt: iso(a.verified_at),
    verifyComment: a.verify_comment,
    effectDays: a.effect_days,
    effectiveness,
    outcome: a.outcome,
    closedAt: iso(a.closed_at),
    createdBy: { id: a.created_by, name: a.created_by_name },
    linked: linked.map((c) => ({
      number: c.number,
      title: c.title,
      status: c.status,
      receivedAt: iso(c.received_at) ?? '',
    })),
    history,
    may: { progress: a.owner_id === ctx.actor.userId, manage: mayManage(ctx.actor, a.unit_path) },
  };
}
