import type { Db } from '../../db/database.js';
import { onConnection, type RunQuery } from '../../db/sqlite-reader.js';
import type { ProofInput } from './fulfilment-schemas.js';

/** The latest remedy of a complaint and its survey, as a spreadsheet row shows them. */
export interface RemedySummary {
  remedy: {
    kinds: string[];
    amount: number;
    status: string;
    fulfilmentStatus: string | null;
    fulfilledAt: number | null;
    proof: ProofInput | null;
  } | null;
  survey: {
    speed: number;
    effectiveness: number;
    attitude: number;
    transparency: number;
    recommendation: number;
  } | null;
}

/**
 * The latest remedy and the satisfaction survey of each complaint of a batch: two queries a batch,
 * whatever its size (an export reads its complaints in batches).
 */
export async function remedySummaries(
  db: Db,
  complaintIds: number[],
  /** Runs a query: on the connection by default, or where the caller reads (an export's reader thread). */
  read: RunQuery = onConnection,
): Promise<Map<number, RemedySummary>> {
  const out = new Map<number, RemedySummary>(complaintIds.map((id) => [id, { remedy: null, survey: null }]));
  if (!complaintIds.length) return out;
  const [remedies, surveys] = await Promise.all([
    read(
      db
        .selectFrom('remedy_proposals')
        .select([
          'complaint_id',
          'kinds',
          'amount',
          'status',
          'fulfilment_status',
          'fulfilled_at',
          'fulfilment_proof',
        ])
        .where('complaint_id', 'in', complaintIds)
        // In the order of the complaint's index, not the table's: no walk of every remedy.
        .orderBy('complaint_id')
        .orderBy('id'),
    ),
    read(
      db
        .selectFrom('satisfaction_surveys')
        .select(['complaint_id', 'speed', 'effectiveness', 'attitude', 'transparency', 'recommendation'])
        .where('complaint_id', 'in', complaintIds)
        // The latest of a complaint's surveys (portal, phone, return visit) wins.
        .orderBy('complaint_id')
        .orderBy('submitted_at'),
    ),
  ]);
  // Ordered by id: the last one of a complaint wins.
  for (const r of remedies) {
    const summary = out.get(r.complaint_id);
    if (summary)
      summary.remedy = {
        kinds: JSON.parse(r.kinds) as string[],
        amount: r.amount,
        status: r.status,
        fulfilmentStatus: r.fulfilment_status,
        fulfilledAt: r.fulfilled_at,
        proof: r.fulfilment_proof === null ? null : (JSON.parse(r.fulfilment_proof) as ProofInput),
      };
  }
  for (const { complaint_id, ...survey } of surveys) {
    const summary = out.get(complaint_id);
    if (summary) summary.survey = survey;
  }
  return out;
}
