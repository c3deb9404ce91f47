import type { Db, Tx } from '../../db/database.js';
import type { ExtensionView } from './extension-schemas.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Extensions with their complaint and the people who asked and decided, newest first. */
export function extensionRows(db: Db | Tx) {
  return db
    .selectFrom('deadline_extensions as e')
    .innerJoin('complaints', 'complaints.id', 'e.complaint_id')
    .leftJoin('users as requester', 'requester.id', 'e.requested_by')
    .leftJoin('users as decider', 'decider.id', 'e.decided_by')
    .select([
      'e.id',
      'e.days',
      'e.reason',
      'e.status',
      'e.requested_by',
      'e.requested_at',
      'e.decided_by',
      'e.decided_at',
      'e.decision_comment',
      'e.expected_at',
      'complaints.number',
      'complaints.title',
      'requester.display_name as requester_name',
      'decider.display_name as decider_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof extensionRows>['execute']>>[number];

export const extensionView = (r: Row): ExtensionView => ({
  id: r.id,
  number: r.number,
  title: r.title,
  days: r.days,
  reason: r.reason,
  status: r.status as ExtensionView['status'],
  requestedBy: { id: r.requested_by, name: r.requester_name ?? '' },
  requestedAt: new Date(r.requested_at).toISOString(),
  decidedBy: r.decided_by === null ? null : { id: r.decided_by, name: r.decider_name ?? '' },
  decidedAt: iso(r.decided_at),
  comment: r.decision_comment,
  expectedAt: iso(r.expected_at),
});

/** The approved extensions of a complaint as its customer sees them: how long, why, the new date. */
export async function approvedExtensions(db: Db | Tx, complaintId: number) {
  const rows = await db
    .selectFrom('deadline_extensions')
    .select(['days', 'reason', 'decided_at', 'expected_at'])
    .where('complaint_id', '=', complaintId)
    .where('status', '=', 'approved')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    days: r.days,
    reason: r.reason,
    approvedAt: iso(r.decided_at),
    expectedBy: iso(r.expected_at),
  }));
}
