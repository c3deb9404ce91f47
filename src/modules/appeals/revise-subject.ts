/**
 * The final outcome of an appeal changes its subject, through the history: a judgement's validity and
 * who is responsible (even on a closed or archived complaint: the appeal path writes its own event,
 * the lifecycle stays as it is), or a quality check's status and score. The customer-facing record
 * (replies, remedies, what the portal shows) is not touched.
 */
import type { Tx } from '../../db/database.js';
import type { Appeal, ComplaintUpdate } from '../../db/schema.js';
import { appendEvent } from '../audit/index.js';
import { COMPLAINT_STREAM, changedFields } from '../complaints/index.js';
import type { Outcome } from './rules.js';
import type { Revision } from './schemas.js';
import type { Subject } from './subject.js';

const judgementChange = (outcome: Outcome, r: Revision): ComplaintUpdate => {
  if (outcome === 'overturned')
    return { validity: 'invalid', validity_kind: null, invalid_reason: 'appeal_overturned' };
  const set: ComplaintUpdate = {};
  if (r.validity === 'invalid')
    Object.assign(set, {
      validity: 'invalid',
      validity_kind: null,
      invalid_reason: r.invalidReason ?? 'appeal_overturned',
    });
  if (r.validity === 'valid' || (!r.validity && r.validityKind))
    Object.assign(set, { validity: 'valid', validity_kind: r.validityKind, invalid_reason: null });
  if (r.responsibleUnitId !== undefined) set.responsible_unit_id = r.responsibleUnitId;
  if (r.responsibleUserId !== undefined) set.responsible_user_id = r.responsibleUserId;
  if (r.responsiblePartyId !== undefined) set.responsible_party_id = r.responsiblePartyId;
  return set;
};

export async function reviseSubject(
  tx: Tx,
  subject: Subject,
  appeal: Appeal,
  outcome: Outcome,
  revision: Revision,
  actorId: number,
  now: number,
): Promise<void> {
  if (outcome === 'upheld') return;
  const base = { streamType: COMPLAINT_STREAM, streamId: subject.complaint.id, actorId, at: now };
  if (subject.kind === 'judgement') {
    const set = judgementChange(outcome, revision);
    const changes = changedFields(subject.complaint, set);
    await tx.updateTable('complaints').set(set).where('id', '=', subject.complaint.id).execute();
    await appendEvent(tx, {
      ...base,
      kind: 'judgement_revised',
      data: { appealId: appeal.id, outcome, changes },
    });
    return;
  }
  const check = subject.check;
  if (!check) return;
  const set =
    outcome === 'overturned' ? { status: 'overturned' } : { revised_score: revision.revisedScore ?? null };
  await tx.updateTable('quality_checks').set(set).where('id', '=', check.id).execute();
  await appendEvent(tx, {
    ...base,
    kind: 'quality_check_revised',
    data: {
      appealId: appeal.id,
      qualityCheckId: check.id,
      outcome,
      changes:
        outcome === 'overturned'
          ? { status: { from: check.status, to: 'overturned' } }
          : { revised_score: { from: check.revised_score, to: revision.revisedScore ?? null } },
    },
  });
}
