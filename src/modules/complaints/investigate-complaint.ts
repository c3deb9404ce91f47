import type { Static } from 'typebox';
import type { ActorContext } from '../../context.js';
import type { FieldProblem } from '../../lib/errors.js';
import { badRequest } from '../../lib/errors.js';
import { runComplaintCommand } from './complaint-command.js';
import { ReferenceCheck } from './references.js';
import type { AssessInput, JudgementInput, OptionalCommentBody, ReasonBody } from './schemas.js';

/** 开始调查 */
export const startInvestigation = (
  ctx: ActorContext,
  number: string,
  input: Static<typeof OptionalCommentBody>,
) =>
  runComplaintCommand(ctx, number, 'start', async (_tx, c) => ({
    kind: 'investigation_started',
    // Whoever starts the investigation without an assignee takes the complaint.
    set: { status: 'investigating', assignee_id: c.assignee_id ?? ctx.actor.userId },
    comment: input.comment ?? null,
  }));

/** 待补充材料: tell the customer what is missing; the clock pauses until they answer. */
export const requestInformation = (ctx: ActorContext, number: string, input: Static<typeof ReasonBody>) =>
  runComplaintCommand(ctx, number, 'request_info', async () => ({
    kind: 'information_requested',
    set: { status: 'waiting_customer' },
    comment: input.reason,
  }));

export const resumeInvestigation = (
  ctx: ActorContext,
  number: string,
  input: Static<typeof OptionalCommentBody>,
) =>
  runComplaintCommand(ctx, number, 'resume', async () => ({
    kind: 'customer_responded',
    set: { status: 'investigating' },
    comment: input.comment ?? null,
  }));

/** Valid complaints name their kind; invalid ones their reason (DOMAIN "Responsibility"). */
function validityProblems(v: {
  validity?: string;
  validityKind?: string;
  invalidReason?: string;
}): FieldProblem[] {
  if (v.validity === 'valid' && !v.validityKind)
    return [{ path: '/validityKind', code: 'required_when_valid' }];
  if (v.validity === 'invalid' && !v.invalidReason)
    return [{ path: '/invalidReason', code: 'required_when_invalid' }];
  if (v.validity === 'valid' && v.invalidReason)
    return [{ path: '/invalidReason', code: 'not_allowed_when_valid' }];
  if (v.validity === 'invalid' && v.validityKind)
    return [{ path: '/validityKind', code: 'not_allowed_when_invalid' }];
  if (!v.validity && (v.validityKind || v.invalidReason)) return [{ path: '/validity', code: 'required' }];
  return [];
}

/** 责任判定 */
export const recordJudgement = (ctx: ActorContext, number: string, input: JudgementInput) =>
  runComplaintCommand(ctx, number, 'judge', async (tx) => {
    const check = new ReferenceCheck(tx);
    const unit = await check.unit(input.responsibleUnitId, '/responsibleUnitId');
    const user = await check.person(input.responsibleUserId, unit?.path, '/responsibleUserId');
    const party = await check.party(input.responsiblePartyId, '/responsiblePartyId');
    if (input.responsibleUserId !== undefined && input.responsiblePartyId !== undefined)
      check.add({ path: '/responsiblePartyId', code: 'one_of_user_party_name' });
    for (const p of validityProblems(input)) check.add(p);
    if (input.liableParty === 'company' && !input.degree)
      check.add({ path: '/degree', code: 'required_when_company_liable' });
    check.done();
    return {
      kind: 'judged',
      // The names as they were, beside the ids the changes record: the history reads without joins.
      data: {
        ...(user ? { responsibleUser: { id: user.id, name: user.name } } : {}),
        ...(party ? { responsibleParty: { id: party.id, code: party.code, name: party.name } } : {}),
      },
      set: {
        liable_party: input.liableParty,
        responsible_unit_id: input.responsibleUnitId ?? null,
        responsible_person: input.responsiblePerson ?? null,
        responsible_user_id: input.responsibleUserId ?? null,
        responsible_party_id: input.responsiblePartyId ?? null,
        liability_degree: input.degree ?? (input.liableParty === 'company' ? null : 'none'),
        judgement_basis: input.basis,
        validity: input.validity ?? null,
        validity_kind: input.validityKind ?? null,
        invalid_reason: input.invalidReason ?? null,
        judged_by: ctx.actor.userId,
        judged_at: ctx.clock.now(),
      },
    };
  });

/** 有效/无效 assessment for staff appraisal, by supervisors, managers and auditors. */
export const assessValidity = (ctx: ActorContext, number: string, input: AssessInput) =>
  runComplaintCommand(ctx, number, 'assess', async () => {
    const problems = validityProblems(input);
    if (problems.length) throw badRequest('validation_failed', problems);
    return {
      kind: 'validity_assessed',
      set: {
        validity: input.validity,
        validity_kind: input.validityKind ?? null,
        invalid_reason: input.invalidReason ?? null,
      },
      comment: input.comment ?? null,
    };
  });
