/** What an appeal is against, read (and locked) for filing and deciding. */
import type { Selectable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { Complaint, Database } from '../../db/schema.js';
import { conflict, notFound } from '../../lib/errors.js';
import type { Against, SubjectKind } from './rules.js';

export type QualityCheck = Selectable<Database['quality_checks']>;

export interface Subject {
  kind: SubjectKind;
  complaint: Complaint;
  check: QualityCheck | null;
  against: Against;
  unitId: number | null;
  /** When the judgement or score was given. */
  at: number | null;
}

const unitPath = async (tx: Tx, unitId: number | null) =>
  unitId === null
    ? null
    : ((await tx.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirst())?.path ??
      null);

const lockComplaint = (tx: Tx) => tx.selectFrom('complaints').selectAll().forUpdate();

async function judgementOf(tx: Tx, complaint: Complaint): Promise<Subject> {
  return {
    kind: 'judgement',
    complaint,
    check: null,
    against: {
      userId: complaint.responsible_user_id,
      unitPath: await unitPath(tx, complaint.responsible_unit_id),
    },
    unitId: complaint.responsible_unit_id,
    at: complaint.judged_at,
  };
}

/** The judgement of a complaint, by number (404 when there is none). */
export async function judgementSubject(tx: Tx, number: string): Promise<Subject> {
  const complaint = await lockComplaint(tx).where('number', '=', number).executeTakeFirst();
  if (!complaint) throw notFound('complaint_not_found', { number });
  return judgementOf(tx, complaint);
}

/** The judgement an appeal is about. */
export const judgementOfAppeal = async (tx: Tx, complaintId: number) =>
  judgementOf(tx, await lockComplaint(tx).where('id', '=', complaintId).executeTakeFirstOrThrow());

/** A quality check of a handler's handling, and its complaint. */
export async function qualityCheckSubject(tx: Tx, id: number): Promise<Subject> {
  const check = await tx
    .selectFrom('quality_checks')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!check) throw notFound('quality_check_not_found', { id });
  const complaint = await lockComplaint(tx).where('id', '=', check.complaint_id).executeTakeFirstOrThrow();
  return {
    kind: 'quality_check',
    complaint,
    check,
    against: { userId: check.handler_id, unitPath: await unitPath(tx, check.unit_id) },
    unitId: check.unit_id,
    at: check.scored_at,
  };
}

/**
 * Only a valid judgement naming someone (a person, a unit or a party), or a final quality check, can
 * be appealed; gives when it was given.
 */
export function appealableAt(s: Subject): number {
  const c = s.complaint;
  const ok =
    s.kind === 'judgement'
      ? c.validity === 'valid' &&
        (c.responsible_user_id !== null || c.responsible_unit_id !== null || c.responsible_party_id !== null)
      : s.check?.status === 'final';
  if (!ok || s.at === null) throw conflict('appeal_nothing_to_appeal', { number: c.number });
  return s.at;
}
