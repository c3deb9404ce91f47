import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { createCustomer } from './create-customer.js';
import { customerEndpoints as e } from './endpoints.js';
import { getCustomer, getCustomerTimeline, listCustomerComplaints, listCustomers } from './queries.js';
import { updateCustomer } from './update-customer.js';

export function customerRoutes(http: Http, app: AppContext): void {
  route(http, e.list, async (req) => listCustomers(actorContext(app, req), req.query));
  route(http, e.create, async (req, reply) => {
    const ctx = actorContext(app, req);
    const id = await createCustomer(ctx, req.body);
    return reply
      .code(201)
      .header('location', `/api/v1/customers/${id}`)
      .send(await getCustomer(ctx, id));
  });
  route(http, e.get, async (req) =>
    getCustomer(actorContext(app, req), req.params.id, { reveal: req.query.reveal === true }),
  );
  route(http, e.update, async (req) => {
    const ctx = actorContext(app, req);
    await updateCustomer(ctx, req.params.id, req.body);
    return getCustomer(ctx, req.params.id);
  });
  route(http, e.complaints, async (req) =>
    listCustomerComplaints(actorContext(app, req), req.params.id, req.query),
  );
  route(http, e.timeline, async (req) => ({
    items: await getCustomerTimeline(actorContext(app, req), req.params.id),
  }));
}
