import type { Tx } from '../../db/database.js';
import { statusChange } from './event-kinds.js';

/**
 * What a receiver learns of a complaint: identifiers, state and classification, and where to look
 * in the console. No personal data: names, phone numbers, e-mail addresses and the complaint's own
 * words stay in Kesu.
 */
export interface ComplaintSnapshot {
  id: number;
  number: string;
  status: string;
  priority: string;
  grade: string;
  category: { id: number; code: string; name: string; nameEn: string };
  unit: { id: number; name: string; nameEn: string | null };
  url: string;
}

export interface EventPayload {
  eventId: number | null;
  kind: string;
  /** The history event's own kind (`accepted`, `transferred` …). */
  historyKind: string | null;
  occurredAt: string;
  complaint: ComplaintSnapshot | null;
  /** Set when the event changed the complaint's status. */
  statusChange: { from: string; to: string } | null;
}

/** The complaints of the given ids as receivers see them. */
export async function complaintSnapshots(
  tx: Tx,
  ids: readonly number[],
  publicUrl: string,
): Promise<Map<number, ComplaintSnapshot>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('complaints as c')
    .innerJoin('categories as k', 'k.id', 'c.category_id')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select([
      'c.id',
      'c.number',
      'c.status',
      'c.priority',
      'c.grade',
      'k.id as categoryId',
      'k.code as categoryCode',
      'k.name_zh as categoryName',
      'k.name_en as categoryNameEn',
      'u.id as unitId',
      'u.name as unitName',
      'u.name_en as unitNameEn',
    ])
    .where('c.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        number: r.number,
        status: r.status,
        priority: r.priority,
        grade: r.grade,
        category: { id: r.categoryId, code: r.categoryCode, name: r.categoryName, nameEn: r.categoryNameEn },
        unit: { id: r.unitId, name: r.unitName, nameEn: r.unitNameEn },
        url: `${publicUrl}/complaints/${encodeURIComponent(r.number)}`,
      },
    ]),
  );
}

/** The body told of one history event; the status is the one the event left, when it changed it. */
export function eventPayload(
  event: { id: number; kind: string; at: number; data: unknown },
  kind: string,
  complaint: ComplaintSnapshot,
): EventPayload {
  const change = statusChange(event.data);
  return {
    eventId: event.id,
    kind,
    historyKind: event.kind,
    occurredAt: new Date(event.at).toISOString(),
    complaint: change ? { ...complaint, status: change.to } : complaint,
    statusChange: change,
  };
}
