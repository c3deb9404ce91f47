import type { Updateable } from 'kysely';
import type { ActorContext } from '../../context.js';
import type { CustomerTable } from '../../db/schema.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { open, type PiiKind, piiKeys } from '../privacy/index.js';
import { openAddresses, sealAddresses } from './addresses.js';
import { claimContacts, contactForEvent, contactInputs } from './customer-contacts.js';
import { customerVisibleTo, seesAllCustomers } from './customer-scope.js';
import { requireCustomerPermission } from './permissions.js';
import { CUSTOMER_STREAM } from './queries.js';
import type { UpdateCustomerInput } from './schemas.js';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Edit a profile and add or remove contacts in one transaction, with one event that says what
 * changed: contacts by id and masked value, addresses by count; nothing in plain text.
 * A request that changes nothing records nothing.
 */
export async function updateCustomer(
  ctx: ActorContext,
  id: number,
  input: UpdateCustomerInput,
): Promise<void> {
  requireCustomerPermission(ctx.actor, 'write');
  const keys = piiKeys(ctx.config.secret);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    // Locked so that concurrent edits of one customer append to its history one after the other.
    let q = tx.selectFrom('customers').selectAll().where('id', '=', id);
    if (!seesAllCustomers(ctx)) q = q.where(customerVisibleTo(ctx));
    const c = await q.forUpdate().executeTakeFirst();
    if (!c) throw notFound('customer_not_found', { id });
    const set: Updateable<CustomerTable> = {};
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    const tags = JSON.parse(c.tags) as string[];
    if (input.name !== undefined && input.name !== c.name) {
      set.name = input.name;
      changes.name = { before: c.name, after: input.name };
    }
    if (input.level !== undefined && input.level !== c.level) {
      set.level = input.level;
      changes.level = { before: c.level, after: input.level };
    }
    if (input.tags !== undefined && !sameJson(input.tags, tags)) {
      set.tags = JSON.stringify(input.tags);
      changes.tags = { before: tags, after: input.tags };
    }
    if (input.note !== undefined && input.note !== c.note) {
      set.note = input.note;
      changes.note = { before: c.note, after: input.note };
    }
    if (input.addresses !== undefined) {
      const before = openAddresses(keys, c.addresses);
      if (!sameJson(before, input.addresses)) {
        set.addresses = sealAddresses(keys, input.addresses);
        changes.addresses = { before: before.length, after: input.addresses.length };
      }
    }

    const removeIds = input.removeContactIds ?? [];
    const removed = removeIds.length
      ? await tx
          .selectFrom('customer_contacts')
          .select(['id', 'kind', 'value'])
          .where('customer_id', '=', id)
          .where('id', 'in', removeIds)
          .execute()
      : [];
    if (removed.length < removeIds.length) {
      const unknown = removeIds.filter((r) => !removed.some((x) => x.id === r));
      throw badRequest('validation_failed', [
        { path: '/removeContactIds', code: 'unknown_contact', params: { ids: unknown } },
      ]);
    }
    if (removed.length)
      await tx
        .deleteFrom('customer_contacts')
        .where(
          'id',
          'in',
          removed.map((r) => r.id),
        )
        .execute();
    const added = await claimContacts(tx, keys, {
      customerId: id,
      contacts: contactInputs(input.addPhones, input.addEmails, { phones: 'addPhones', emails: 'addEmails' }),
      now,
    });

    if (!Object.keys(changes).length && !added.length && !removed.length) return;
    await tx
      .updateTable('customers')
      .set({ ...set, updated_at: now })
      .where('id', '=', id)
      .execute();
    await appendEvent(tx, {
      streamType: CUSTOMER_STREAM,
      streamId: id,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'customer_updated',
      data: {
        changes,
        ...(added.length ? { contactsAdded: added } : {}),
        ...(removed.length
          ? {
              contactsRemoved: removed.map((r) =>
                contactForEvent(r.kind as PiiKind, r.id, open(keys, r.value)),
              ),
            }
          : {}),
      },
    });
  });
}
