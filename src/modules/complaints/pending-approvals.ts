import type { ActorContext } from '../../context.js';
import { seesAll } from '../../domain/actor.js';
import type { Grade, Priority } from '../../domain/complaint-model.js';
import { mayDecide } from './authority.js';
import { authorityLimits } from './decide-remedy.js';
import { may } from './permissions.js';
import { visibleTo } from './queries.js';
import type { PendingApprovalsView } from './view-schemas.js';

/** How many pending remedies the approvals page lists, oldest proposal first. */
const LIMIT = 200;

/**
 * 待审批: the remedies waiting for a decision on the complaints this actor may see, with whether the
 * amount is beyond their authority; one query (the approvals page read each complaint's detail before).
 */
export async function pendingApprovals(ctx: ActorContext): Promise<PendingApprovalsView> {
  if (!may(ctx.actor, 'approve')) return { items: [] };
  let q = ctx.db
    .selectFrom('remedy_proposals as r')
    .innerJoin('complaints', 'complaints.id', 'r.complaint_id')
    .leftJoin('users as proposer', 'proposer.id', 'r.proposed_by')
    .select([
      'complaints.number',
      'complaints.title',
      'complaints.priority',
      'complaints.grade',
      'complaints.complainant_name',
      'r.id',
      'r.kinds',
      'r.amount',
      'r.description',
      'r.required_role',
      'r.proposed_by',
      'r.proposed_at',
      'proposer.display_name as proposer_name',
    ])
    .where('r.status', '=', 'pending')
    .where('complaints.status', '=', 'proposed');
  if (!seesAll(ctx.actor)) q = q.where(visibleTo(ctx));
  const [rows, limits] = await Promise.all([
    q.orderBy('r.proposed_at').orderBy('r.id').limit(LIMIT).execute(),
    authorityLimits(ctx.db),
  ]);
  return {
    items: rows.map((r) => ({
      number: r.number,
      title: r.title,
      priority: r.priority as Priority,
      grade: r.grade as Grade,
      complainantName: r.complainant_name,
      remedy: {
        id: r.id,
        kinds: JSON.parse(r.kinds) as string[],
        amount: r.amount,
        description: r.description,
        requiredRole: r.required_role,
        proposedBy: { id: r.proposed_by, name: r.proposer_name },
        proposedAt: new Date(r.proposed_at).toISOString(),
      },
      beyondAuthority: !mayDecide(limits, ctx.actor.roles, r.amount, r.grade === 'major'),
    })),
  };
}
