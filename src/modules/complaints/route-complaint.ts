import type { Static } from 'typebox';
import type { ActorContext } from '../../context.js';
import { type Priority, raisePriority } from '../../domain/complaint-model.js';
import { ESCALATION_CHAIN } from '../../domain/roles.js';
import { conflict } from '../../lib/errors.js';
import { type DispatchDecision, decideDispatch, pickAssignee } from '../dispatch/index.js';
import { runComplaintCommand } from './complaint-command.js';
import { ReferenceCheck } from './references.js';
import type { AssignBody, EscalateBody, OptionalCommentBody, TransferBody } from './schemas.js';

/** 受理: accept the complaint (the acknowledgment letter follows from this event). */
export const acceptComplaint = (
  ctx: ActorContext,
  number: string,
  input: Static<typeof OptionalCommentBody>,
) =>
  runComplaintCommand(ctx, number, 'accept', async () => ({
    kind: 'accepted',
    set: { status: 'accepted' },
    comment: input.comment ?? null,
  }));

/** 分派: give the complaint to a unit (default: its current one) and optionally a handler there. */
export const assignComplaint = (ctx: ActorContext, number: string, input: Static<typeof AssignBody>) =>
  runComplaintCommand(ctx, number, 'assign', async (tx, c) => {
    const check = new ReferenceCheck(tx);
    const unit = await check.unit(input.unitId ?? c.unit_id, '/unitId');
    await check.assignee(input.assigneeId, unit?.path, '/assigneeId');
    check.done();
    return {
      kind: 'assigned',
      set: {
        status: 'assigned',
        unit_id: unit?.id,
        unit_path: unit?.path,
        assignee_id: input.assigneeId ?? null,
      },
      comment: input.comment ?? null,
    };
  });

/** 转派: hand the complaint to another unit, with the reason; without a unit, the dispatch rules choose. */
export const transferComplaint = (ctx: ActorContext, number: string, input: Static<typeof TransferBody>) =>
  runComplaintCommand(ctx, number, 'transfer', async (tx, c) => {
    const check = new ReferenceCheck(tx);
    let dispatch: DispatchDecision | null = null;
    if (input.unitId === undefined) {
      const category = await tx
        .selectFrom('categories')
        .select('path')
        .where('id', '=', c.category_id)
        .executeTakeFirstOrThrow();
      dispatch = await decideDispatch(tx, {
        categoryPath: category.path.split('/').filter(Boolean).map(Number),
        unitPath: c.unit_path,
        region: c.region,
        channel: c.channel,
        priority: c.priority,
        text: `${c.title}\n${c.content}`,
      });
      if (!dispatch) check.add({ path: '/unitId', code: 'no_rule_matched' });
    }
    const unit = dispatch?.unit ?? (await check.unit(input.unitId, '/unitId'));
    await check.assignee(input.assigneeId, unit?.path, '/assigneeId');
    if (unit && unit.id === c.unit_id) check.add({ path: '/unitId', code: 'same_unit' });
    check.done();
    const assigneeId = input.assigneeId ?? (dispatch ? await pickAssignee(tx, dispatch) : null);
    return {
      kind: 'transferred',
      set: { status: 'assigned', unit_id: unit?.id, unit_path: unit?.path, assignee_id: assigneeId },
      data: dispatch ? { dispatch: { rule: dispatch.rule, unitId: dispatch.unit.id, assigneeId } } : {},
      comment: input.reason,
    };
  });

/** 升级: move the complaint one level up the chain agent → supervisor → manager → executive. */
export const escalateComplaint = (ctx: ActorContext, number: string, input: Static<typeof EscalateBody>) =>
  runComplaintCommand(ctx, number, 'escalate', async (_tx, c) => {
    const top = ESCALATION_CHAIN.length - 1;
    if (c.escalation_level >= top) throw conflict('already_at_top_level');
    const level = c.escalation_level + 1;
    return {
      kind: 'escalated',
      set: {
        escalation_level: level,
        priority: input.raisePriority ? raisePriority(c.priority as Priority) : c.priority,
      },
      data: { toRole: ESCALATION_CHAIN[level], automatic: false },
      comment: input.reason,
    };
  });
