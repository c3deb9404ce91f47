import { insertId, insertRow } from '../../db/batches.js';
import type { Tx } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';
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

/**
 * The customer profile a new complaint belongs to: found by the complainant's phone or e-mail, or
 * created from them. Counts the complaint on the profile. Runs in the registration's transaction.
 */
export async function linkCustomer(
  tx: Tx,
  keys: PiiKeys,
  complainant: Complainant,
  now: number,
): Promise<number> {
  const contacts = contactsOf(complainant);
  const found = await findByContact(tx, keys, contacts);
  let customerId = found?.customerId ?? null;
  if (found === null) {
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
    if ((await addContacts(tx, keys, { customerId: createdId, contacts, now })) === 0 && contacts.length) {
      // A concurrent registration created this customer first: use theirs.
      await tx.deleteFrom('customers').where('id', '=', createdId).execute();
      customerId = await findCustomerByContact(tx, keys, contacts);
    } else customerId = createdId;
  } else {
    // The contact it was found by is the customer's already: no sealing, no statement for it.
    const others = contacts.filter((c) => c.kind !== found.kind);
    if (others.length) await addContacts(tx, keys, { customerId: found.customerId, contacts: others, now });
  }
  if (customerId === null) throw new Error('customer vanished while linking');
  return customerId;
}
