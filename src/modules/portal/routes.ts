import type { FastifyContextConfig } from 'fastify';
import type { AppContext } from '../../context.js';
import { tooManyRequests } from '../../lib/errors.js';
import { TRACKING_HEADER } from '../../server/access.js';
import { type Http, route } from '../../server/http.js';
import { recordConfirmation, withdrawComplaint } from '../complaints/index.js';
import { addEvidenceUploads, multipartUploads, sendEvidence } from '../evidence/index.js';
import { addMessage } from '../messages/index.js';
import { portalCategories } from './categories.js';
import { customerContext } from './customer-access.js';
import { openCustomerEvidence } from './customer-evidence.js';
import { getCustomerView } from './customer-view.js';
import { portalEndpoints as e } from './endpoints.js';
import { openSession } from './open-session.js';
import { registerFromPortal } from './register-from-portal.js';
import { readPortalSettings } from './settings.js';
import { submitSurvey } from './submit-survey.js';
import { requestTrackingCode } from './tracking-codes.js';

/**
 * The public portal, registered under /api/v1 (its URLs start with /portal): no staff session; the
 * customer's routes check the proof in `X-Kesu-Tracking`; the writes are rate-limited per IP address.
 */
export function portalRoutes(http: Http, app: AppContext): void {
  // Per IP and per route, counted in this process; the limits are the admin's `portal` setting.
  const perMinute = (
    limit: 'submissionsPerMinute' | 'trackingPerMinute',
  ): { config: FastifyContextConfig } => ({
    config: {
      rateLimit: {
        max: async () => (await readPortalSettings(app.db))[limit],
        timeWindow: '1 minute',
        errorResponseBuilder: () => tooManyRequests(),
      },
    },
  });
  const tracking = perMinute('trackingPerMinute');
  const customer = (number: string, headers: Record<string, string | string[] | undefined>) =>
    customerContext(app, number, headers[TRACKING_HEADER]);

  route(http, e.categories, async () => ({ items: await portalCategories(app) }));

  route(
    http,
    e.submit,
    async (req, reply) => {
      const receipt = await registerFromPortal(app, req.body);
      if (!receipt.registered) return reply.code(202).send({ received: true as const });
      const { registered, ...body } = receipt;
      return reply.code(201).send(body);
    },
    perMinute('submissionsPerMinute'),
  );

  route(
    http,
    e.requestCode,
    async (req, reply) => {
      await requestTrackingCode(app, req.body);
      return reply.code(202).send({ sent: true as const });
    },
    tracking,
  );

  route(http, e.openSession, async (req) => openSession(app, req.body), tracking);

  // Reads too: each one tries a proof (possibly the raw tracking token), so they are counted like the writes.
  route(
    http,
    e.view,
    async (req) => {
      const { ctx, number } = await customer(req.params.number, req.headers);
      return getCustomerView(ctx, number);
    },
    tracking,
  );

  route(
    http,
    e.message,
    async (req, reply) => {
      const { ctx, number } = await customer(req.params.number, req.headers);
      await addMessage(ctx, number, { body: req.body.body, source: 'portal' });
      return reply.code(201).send(await getCustomerView(ctx, number));
    },
    tracking,
  );

  route(
    http,
    e.addEvidence,
    async (req, reply) => {
      const { ctx, number } = await customer(req.params.number, req.headers);
      const items = await addEvidenceUploads(ctx, number, multipartUploads(req), 'customer');
      return reply.code(201).send({
        items: items.map((x) => ({
          id: x.id,
          filename: x.filename,
          mediaType: x.mediaType,
          size: x.size,
          createdAt: x.createdAt,
        })),
      });
    },
    tracking,
  );

  route(
    http,
    e.evidence,
    async (req, reply) => {
      const { ctx, number } = await customer(req.params.number, req.headers);
      return sendEvidence(reply, await openCustomerEvidence(ctx, number, req.params.id));
    },
    tracking,
  );

  route(
    http,
    e.confirm,
    async (req) => {
      const { ctx, number } = await customer(req.params.number, req.headers);
      await recordConfirmation(ctx, number, req.body);
      return getCustomerView(ctx, number);
    },
    tracking,
  );

  route(
    http,
    e.survey,
    async (req, reply) => {
      const { ctx, number } = await customer(req.params.number, req.headers);
      await submitSurvey(ctx, number, req.body);
      return reply.code(201).send(await getCustomerView(ctx, number));
    },
    tracking,
  );

  route(
    http,
    e.withdraw,
    async (req) => {
      const { ctx, number } = await customer(req.params.number, req.headers);
      await withdrawComplaint(ctx, number, req.body);
      return getCustomerView(ctx, number);
    },
    tracking,
  );
}
