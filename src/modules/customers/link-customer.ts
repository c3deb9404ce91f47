import type { Kysely } from 'kysely';
import { insertId, insertRow } from '../../db/batches.js';
import type { Tx } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';
import { blindIndex, type PiiKeys, type PiiKind, seal } from '../privacy/index.js';

export interface Complainant {
  name: string;
  phone?: string | null;
  email?: string | null;
}

/** The customer whose phone (first) or e-mail matches, by blind index, and which of them matched. */
async function findByContact(
  tx: Tx,
  keys: PiiKeys,
  contacts: Array<{ kind: PiiKind; value: string }>,
): Promise<{ customerId: number; kind: PiiKind } | null> {
  for (const { kind, value } of contacts) {
    const [row] = await customerOfContact(tx, { kind, index: blindIndex(keys, kind, value) });
    if (row) return { customerId: row.customer_id, kind };
  }
  return null;
}

const customerOfContact = prepared((db, { kind, index }: { kind: PiiKind; index: string }) =>
  db
    .selectFrom('customer_contacts')
    .select('customer_id')
    .where('kind', '=', kind)
    .where('value_index', '=', index),
);

/** The customer whose phone (first) or e-mail matches, by blind index; null when none does. */
export async function findCustomerByContact(
  tx: Tx,
  keys: PiiKeys,
  contacts: Array<{ kind: PiiKind; value: string }>,
): Promise<number | null> {
  return (await findByContact(tx, keys, contacts))?.customerId ?? null;
}

const contactsOf = (c: Complainant) => [
  ...(c.phone ? [{ kind: 'phone' as const, value: c.phone }] : []),
  ...(c.email ? [{ kind: 'email' as const, value: c.email }] : []),
];

/** Add the contacts the customer does not have yet; a contact another customer owns stays theirs. */
export async function addContacts(
  tx: Tx,
  keys: PiiKeys,
  {
    customerId,
    contacts,
    now,
  }: { customerId: number; contacts: Array<{ kind: PiiKind; value: string }>; now: number },
): Promise<number> {
  let added = 0;
  for (const { kind, value } of contacts) {
    const result = await insertRow(
      tx,
      'customer_contacts',
      {
        customer_id: customerId,
        kind,
        value: seal(keys, value),
        value_index: blindIndex(keys, kind, value),
        created_at: now,
      },
      'on conflict ("kind", "value_index") do nothing returning "id"',
    );
    if (result) added += 1;
  }
  return added;
}

/** The customer a contact of the complainant belongs to, and which contact it was (phone before e-mail). */
export type FoundCustomer = { customerId: number; kind: PiiKind } | null;

/** The blind indexes a complainant's contacts are looked up by (null where not given). */
export function contactIndexes(
  keys: PiiKeys,
  c: Complainant,
): { phone: string | null; email: string | null } {
  return {
    phone: c.phone ? blindIndex(keys, 'phone', c.phone) : null,
    email: c.email ? blindIndex(keys, 'email', c.email) : null,
  };
}

/**
 * The contacts matching a complainant's (`contactIndexes`), their customer's first (phone before
 * e-mail: `kind` sorts so), for a statement that looks a customer up with other reads (registration's
 * earlier complaints on PostgreSQL).
 */
export const contactsMatching = (db: Kysely<Database>, { phone, email }: ReturnType<typeof contactIndexes>) =>
  db
    .selectFrom('customer_contacts')
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'phone'), eb('value_index', '=', phone)]),
        eb.and([eb('kind', '=', 'email'), eb('value_index', '=', email)]),
      ]),
    )
    .orderBy('kind', 'desc');

/**
 * The customer profile a new complaint belongs to: found by the complainant's phone or e-mail, or
 * created from them. Runs in the registration's transaction.
 */
export async function linkCustomer(
  tx: Tx,
  keys: PiiKeys,
  complainant: Complainant,
  now: number,
): Promise<number> {
  const contacts = contactsOf(complainant);
  return (await linkFound(tx, keys, complainant, now, await findByContact(tx, keys, contacts))).customerId;
}

/**
 * `linkCustomer` when the customer was already looked up (`found`, null: none matched). `existed`: the
 * customer is not new with this complaint — found, or created meanwhile by a concurrent registration.
 */
export async function linkFound(
  tx: Tx,
  keys: PiiKeys,
  complainant: Complainant,
  now: number,
  found: FoundCustomer,
): Promise<{ customerId: number; existed: boolean }> {
  const contacts = contactsOf(complainant);
  if (found) {
    // The contact it was found by is the customer's already: no sealing, no statement for it.
    const others = contacts.filter((c) => c.kind !== found.kind);
    if (others.length) await addContacts(tx, keys, { customerId: found.customerId, contacts: others, now });
    return { customerId: found.customerId, existed: true };
  }
  const createdId = await insertId(tx, 'customers', {
    name: complainant.name,
    level: 'regular',
    tags: '[]',
    addresses: null,
    note: null,
    repeat_complainant: 0,
    created_at: now,
    updated_at: now,
  });
  if ((await addContacts(tx, keys, { customerId: createdId, contacts, now })) > 0 || !contacts.length)
    return { customerId: createdId, existed: false };
  // A concurrent registration created this customer first: use theirs.
  await tx.deleteFrom('customers').where('id', '=', createdId).execute();
  const theirs = await findCustomerByContact(tx, keys, contacts);
  if (theirs === null) throw new Error('customer vanished while linking');
  return { customerId: theirs, existed: true };
}
