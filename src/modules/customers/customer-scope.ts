import type { ExpressionBuilder } from 'kysely';
import type { ActorContext } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { seesAll } from '../../domain/actor.js';
import { visibleTo } from '../complaints/index.js';

/**
 * Customers follow their complaints: staff see a customer when they may see one of the customer's
 * complaints (the complaints' own unit rule), or when the customer has no complaint yet (a profile
 * just created at registration). Those who see every unit see every customer.
 */
export function customerVisibleTo(ctx: ActorContext) {
  const anyComplaint = visibleTo(ctx);
  return (eb: ExpressionBuilder<Database, 'customers'>) => {
    const complaintsOf = () =>
      eb
        .selectFrom('complaints')
        .select('complaints.id')
        .whereRef('complaints.customer_id', '=', 'customers.id');
    return eb.or([eb.exists(complaintsOf().where(anyComplaint)), eb.not(eb.exists(complaintsOf()))]);
  };
}

/** Whether the actor sees every customer, so that no visibility filter is needed. */
export const seesAllCustomers = (ctx: ActorContext) => seesAll(ctx.actor);
