import type { ActorContext } from '../../context.js';
import { appendEvent } from '../audit/index.js';
import { piiKeys } from '../privacy/index.js';
import { sealAddresses } from './addresses.js';
import { claimContacts, contactInputs } from './customer-contacts.js';
import { requireCustomerPermission } from './permissions.js';
import { CUSTOMER_STREAM } from './queries.js';
import type { CreateCustomerInput } from './schemas.js';

/** A customer profile entered by staff; its history starts with this event. */
export async function createCustomer(ctx: ActorContext, input: CreateCustomerInput): Promise<number> {
  requireCustomerPermission(ctx.actor, 'write');
  const keys = piiKeys(ctx.config.secret);
  const now = ctx.clock.now();
  const tags = input.tags ?? [];
  const addresses = input.addresses ?? [];
  return ctx.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('customers')
      .values({
        name: input.name,
        level: input.level ?? 'regular',
        tags: JSON.stringify(tags),
        addresses: sealAddresses(keys, addresses),
        note: input.note ?? null,
        repeat_complainant: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const contacts = await claimContacts(tx, keys, {
      customerId: id,
      contacts: contactInputs(input.phones, input.emails),
      now,
    });
    await appendEvent(tx, {
      streamType: CUSTOMER_STREAM,
      streamId: id,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'customer_created',
      data: {
        name: input.name,
        level: input.level ?? 'regular',
        tags,
        note: input.note ?? null,
        contacts,
        addresses: addresses.length,
      },
      newStream: true,
    });
    return id;
  });
}
