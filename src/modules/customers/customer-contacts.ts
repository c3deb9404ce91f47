import type { Tx } from '../../db/database.js';
import { conflict } from '../../lib/errors.js';
import { blindIndex, mask, open, type PiiKeys, type PiiKind, seal } from '../privacy/index.js';

export interface ContactInput {
  kind: PiiKind;
  value: string;
  /** Where in the request it came from (`/phones/0`), for the field a refusal is reported on. */
  path: string;
}

export interface StoredContact {
  id: number;
  customer_id: number;
  kind: string;
  value: string;
}

/** What an event may say about a contact: its id and the masked value, never the value itself. */
export const contactForEvent = (kind: PiiKind, id: number, value: string) => ({
  id,
  kind,
  masked: mask(kind, value),
});

/** The phones and e-mails of a request, each with its path under the request's field names. */
export const contactInputs = (
  phones: string[] = [],
  emails: string[] = [],
  fields = { phones: 'phones', emails: 'emails' },
): ContactInput[] => [
  ...phones.map((value, i) => ({ kind: 'phone' as const, value, path: `/${fields.phones}/${i}` })),
  ...emails.map((value, i) => ({ kind: 'email' as const, value, path: `/${fields.emails}/${i}` })),
];

/**
 * Give the customer these phones and e-mails. One the customer already has is skipped; one that
 * belongs to another customer is refused (409) without saying whose it is. The unique blind index
 * decides, so two concurrent claims of one number cannot both win.
 */
export async function claimContacts(
  tx: Tx,
  keys: PiiKeys,
  { customerId, contacts, now }: { customerId: number; contacts: ContactInput[]; now: number },
): Promise<Array<ReturnType<typeof contactForEvent>>> {
  const added: Array<ReturnType<typeof contactForEvent>> = [];
  const seen = new Set<string>();
  for (const { kind, value, path } of contacts) {
    const index = blindIndex(keys, kind, value);
    if (seen.has(`${kind}:${index}`)) continue;
    seen.add(`${kind}:${index}`);
    const inserted = await tx
      .insertInto('customer_contacts')
      .values({
        customer_id: customerId,
        kind,
        value: seal(keys, value),
        value_index: index,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['kind', 'value_index']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      added.push(contactForEvent(kind, inserted.id, value));
      continue;
    }
    const owner = await tx
      .selectFrom('customer_contacts')
      .select('customer_id')
      .where('kind', '=', kind)
      .where('value_index', '=', index)
      .executeTakeFirstOrThrow();
    if (owner.customer_id !== customerId) throw conflict('customer_contact_taken', { kind }, path);
  }
  return added;
}

/** Each contact opened and, unless revealed, masked. */
export function shownContacts(keys: PiiKeys, rows: StoredContact[], reveal: boolean) {
  const shown = (kind: PiiKind) =>
    rows
      .filter((r) => r.kind === kind)
      .map((r) => {
        const value = open(keys, r.value);
        return { id: r.id, value: reveal ? value : mask(kind, value) };
      });
  return { phones: shown('phone'), emails: shown('email') };
}
