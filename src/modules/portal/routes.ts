import type { FastifyContextConfig } from 'fastify';
import type { AppContext } from '../../context.js';
import { tooManyRequests } from '../../lib/errors.js';
import type { Http } from '../../server/http.js';
import { recordConfirmation, withdrawComplaint } from '../complaints/index.js';
import { addEvidenceUploads } from '../evidence/index.js';
import { multipartUploads, sendEvidence } from '../evidence/routes.js';
import { addMessage } from '../messages/index.js';
import { portalCategories } from './categories.js';
import { customerContext, TRACKING_HEADER } from './customer-access.js';
import { openCustomerEvidence } from './customer-evidence.js';
import { getCustomerView } from './customer-view.js';
import { openSession } from './open-session.js';
import { registerFromPortal } from './register-from-portal.js';
import * as s from './schemas.js';
import { readPortalSettings } from './settings.js';
import { submitSurvey } from './submit-survey.js';
import { requestTrackingCode } from './tracking-codes.js';

const tags = ['portal'];
const CUSTOMER_AUTH = `Send the tracking token or an access token from POST /portal/sessions in the \`X-Kesu-Tracking\` header; without a valid one every customer route answers 404 \`tracking_denied\`.`;

/** Registered under /api/v1/portal: unauthenticated; the writes are rate-limited per IP address. */
export function portalRoutes(http: Http, app: AppContext): void {
  // Per IP and per route, counted in this process; the limits are the admin's `portal` setting.
  const perMinute = (limit: 'submissionsPerMinute' | 'trackingPerMinute'): FastifyContextConfig => ({
    rateLimit: {
      max: async () => (await readPortalSettings(app.db))[limit],
      timeWindow: '1 minute',
      errorResponseBuilder: () => tooManyRequests(),
    },
  });
  const customer = (number: string, headers: Record<string, string | string[] | undefined>) =>
    customerContext(app, number, headers[TRACKING_HEADER]);

  http.get(
    '/categories',
    { schema: { tags, summary: 'the complaint categories for the form (two levels)' } },
    async () => ({
      items: await portalCategories(app),
    }),
  );

  http.post(
    '/complaints',
    {
      config: perMinute('submissionsPerMinute'),
      schema: {
        tags,
        summary: '网上投诉 submit a complaint from the public web form',
        description:
          '201: registered; keep the number and the tracking token (it is shown only now). 202: received but not registered (a field meant to stay empty was filled); no number is issued. Too many submissions from one address: 429.',
        body: s.PortalRegisterBody,
        response: { 201: s.PortalRegisteredResponse, 202: s.PortalReceivedResponse },
      },
    },
    async (req, reply) => {
      const receipt = await registerFromPortal(app, req.body);
      if (!receipt.registered) return reply.code(202).send({ received: true as const });
      const { registered, ...body } = receipt;
      return reply.code(201).send(body);
    },
  );

  http.post(
    '/tracking-codes',
    {
      config: perMinute('trackingPerMinute'),
      schema: {
        tags,
        summary: "send a one-time code by SMS to the complainant's phone",
        description:
          'Always 202 `{ sent: true }`: a code is sent only when the number and the last four digits match, at most one a minute.',
        body: s.TrackingCodeBody,
      },
    },
    async (req, reply) => {
      await requestTrackingCode(app, req.body);
      return reply.code(202).send({ sent: true });
    },
  );

  http.post(
    '/sessions',
    {
      config: perMinute('trackingPerMinute'),
      schema: {
        tags,
        summary:
          'prove ownership (tracking token, or last four digits with the SMS code) for an access token',
        body: s.SessionBody,
        response: { 200: s.SessionResponse },
      },
    },
    async (req) => openSession(app, req.body),
  );

  http.get(
    '/complaints/:number',
    {
      schema: {
        tags,
        summary: 'the complaint as its complainant sees it',
        description: CUSTOMER_AUTH,
        params: s.NumberParams,
      },
    },
    async (req) => {
      const { ctx, number } = await customer(req.params.number, req.headers);
      return getCustomerView(ctx, number);
    },
  );

  http.post(
    '/complaints/:number/messages',
    {
      config: perMinute('trackingPerMinute'),
      schema: {
        tags,
        summary: '留言 write to the staff',
        description: CUSTOMER_AUTH,
        params: s.NumberParams,
        body: s.MessageBody,
      },
    },
    async (req, reply) => {
      const { ctx, number } = await customer(req.params.number, req.headers);
      await addMessage(ctx, number, { body: req.body.body, source: 'portal' });
      return reply.code(201).send(await getCustomerView(ctx, number));
    },
  );

  http.post(
    '/complaints/:number/evidence',
    {
      config: perMinute('trackingPerMinute'),
      schema: {
        tags,
        summary: '补充证据 add evidence (multipart: files in `file`, optional `note`)',
        description: `${CUSTOMER_AUTH} The type is decided by the content; a refused file leaves nothing (415 or 413).`,
        params: s.NumberParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const { ctx, number } = await customer(req.params.number, req.headers);
      const items = await addEvidenceUploads(ctx, number, multipartUploads(req, reply), 'customer');
      return reply.code(201).send({
        items: items.map((e) => ({
          id: e.id,
          filename: e.filename,
          mediaType: e.mediaType,
          size: e.size,
          createdAt: e.createdAt,
        })),
      });
    },
  );

  http.get(
    '/complaints/:number/evidence/:id',
    {
      schema: {
        tags,
        summary: 'download evidence the customer added',
        description: CUSTOMER_AUTH,
        params: s.EvidenceParams,
      },
    },
    async (req, reply) => {
      const { ctx, number } = await customer(req.params.number, req.headers);
      return sendEvidence(reply, await openCustomerEvidence(ctx, number, req.params.id));
    },
  );

  http.post(
    '/complaints/:number/confirmation',
    {
      config: perMinute('trackingPerMinute'),
      schema: {
        tags,
        summary: '客户确认 satisfied, or not (which reopens the complaint)',
        description: CUSTOMER_AUTH,
        params: s.NumberParams,
        body: s.ConfirmationBody,
      },
    },
    async (req) => {
      const { ctx, number } = await customer(req.params.number, req.headers);
      await recordConfirmation(ctx, number, req.body);
      return getCustomerView(ctx, number);
    },
  );

  http.post(
    '/complaints/:number/survey',
    {
      config: perMinute('trackingPerMinute'),
      schema: {
        tags,
        summary: '满意度调查 rate the handling, once, after the answer',
        description: CUSTOMER_AUTH,
        params: s.NumberParams,
        body: s.SurveyBody,
      },
    },
    async (req, reply) => {
      const { ctx, number } = await customer(req.params.number, req.headers);
      await submitSurvey(ctx, number, req.body);
      return reply.code(201).send(await getCustomerView(ctx, number));
    },
  );

  http.post(
    '/complaints/:number/withdraw',
    {
      config: perMinute('trackingPerMinute'),
      schema: {
        tags,
        summary: '撤诉 withdraw the complaint',
        description: CUSTOMER_AUTH,
        params: s.NumberParams,
        body: s.WithdrawBody,
      },
    },
    async (req) => {
      const { ctx, number } = await customer(req.params.number, req.headers);
      await withdrawComplaint(ctx, number, req.body);
      return getCustomerView(ctx, number);
    },
  );
}
