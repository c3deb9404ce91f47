import type { AppContext } from '../../context.js';
import { actorContext, type Http } from '../../server/http.js';
import { RevealQuery } from '../privacy/index.js';
import { createCustomer } from './create-customer.js';
import { getCustomer, getCustomerTimeline, listCustomerComplaints, listCustomers } from './queries.js';
import * as s from './schemas.js';
import { updateCustomer } from './update-customer.js';

const tags = ['customers'];

export function customerRoutes(http: Http, app: AppContext): void {
  http.get(
    '/customers',
    {
      schema: {
        tags,
        summary: '客户 customers by name prefix, or by a whole phone number or e-mail address',
        querystring: s.CustomerListQuery,
      },
    },
    async (req) => listCustomers(actorContext(app, req), req.query),
  );
  http.post(
    '/customers',
    {
      schema: {
        tags,
        summary: 'create a customer profile',
        description: 'A phone number or e-mail address another customer already has is refused (409).',
        body: s.CreateCustomerBody,
      },
    },
    async (req, reply) => {
      const ctx = actorContext(app, req);
      const id = await createCustomer(ctx, req.body);
      return reply
        .code(201)
        .header('location', `/api/v1/customers/${id}`)
        .send(await getCustomer(ctx, id));
    },
  );
  http.get(
    '/customers/:id',
    {
      schema: {
        tags,
        params: s.CustomerParams,
        querystring: RevealQuery,
        description:
          "Phones, e-mails and addresses are masked; `reveal=true` shows them to a role with the personal-data permission and records the view in the customer's history.",
      },
    },
    async (req) => getCustomer(actorContext(app, req), req.params.id, { reveal: req.query.reveal === true }),
  );
  http.patch(
    '/customers/:id',
    { schema: { tags, params: s.CustomerParams, body: s.UpdateCustomerBody } },
    async (req) => {
      const ctx = actorContext(app, req);
      await updateCustomer(ctx, req.params.id, req.body);
      return getCustomer(ctx, req.params.id);
    },
  );
  http.get(
    '/customers/:id/complaints',
    {
      schema: {
        tags,
        summary: "the customer's complaints, newest first",
        params: s.CustomerParams,
        querystring: s.CustomerComplaintsQuery,
      },
    },
    async (req) => listCustomerComplaints(actorContext(app, req), req.params.id, req.query),
  );
  http.get(
    '/customers/:id/timeline',
    { schema: { tags, summary: "the customer's history", params: s.CustomerParams } },
    async (req) => ({ items: await getCustomerTimeline(actorContext(app, req), req.params.id) }),
  );
}
