import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { auditEndpoints } from './endpoints.js';
import {
  getVerification,
  listVerifications,
  startVerification,
  verifyComplaintHistory,
} from './verifications.js';

/** Auditors verify the tamper-evident history from the console, not only with `kesu audit verify`. */
export function auditRoutes(http: Http, app: AppContext): void {
  route(http, auditEndpoints.startVerification, async (req, reply) => {
    const view = await startVerification(actorContext(app, req));
    return reply.code(202).send(view);
  });
  route(http, auditEndpoints.listVerifications, async (req) => listVerifications(actorContext(app, req)));
  route(http, auditEndpoints.getVerification, async (req) =>
    getVerification(actorContext(app, req), req.params.id),
  );
  route(http, auditEndpoints.verifyComplaintHistory, async (req) =>
    verifyComplaintHistory(actorContext(app, req), req.params.number),
  );
}
