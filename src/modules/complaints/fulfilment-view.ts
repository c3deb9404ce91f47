import type { RemedyProposal } from '../../db/schema.js';
import type { FulfilmentView, ProofInput } from './fulfilment-schemas.js';

type FulfilmentRow = Pick<
  RemedyProposal,
  | 'fulfilment_status'
  | 'fulfilment_owner_id'
  | 'fulfilment_due_at'
  | 'fulfilled_at'
  | 'fulfilled_by'
  | 'fulfilment_proof'
  | 'fulfilment_note'
>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A remedy's fulfilment as the pages show it; null when it has none (nothing to carry out, not approved). */
export function fulfilmentView(
  r: FulfilmentRow,
  name: (userId: number) => string | null,
  now: number,
): FulfilmentView | null {
  const status = r.fulfilment_status as FulfilmentView['status'] | null;
  if (status === null) return null;
  const person = (id: number | null) => (id === null ? null : { id, name: name(id) });
  return {
    status,
    owner: person(r.fulfilment_owner_id),
    dueAt: iso(r.fulfilment_due_at),
    overdue: status === 'pending' && r.fulfilment_due_at !== null && r.fulfilment_due_at < now,
    recordedAt: iso(r.fulfilled_at),
    recordedBy: person(r.fulfilled_by),
    proof: r.fulfilment_proof === null ? null : (JSON.parse(r.fulfilment_proof) as ProofInput),
    note: r.fulfilment_note,
  };
}
