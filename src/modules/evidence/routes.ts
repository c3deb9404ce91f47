import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { addEvidenceUploads } from './add-evidence.js';
import { evidenceEndpoints } from './endpoints.js';
import { multipartUploads, sendEvidence } from './http-evidence.js';
import { listEvidence, openEvidence } from './queries.js';

export function evidenceRoutes(http: Http, app: AppContext): void {
  route(http, evidenceEndpoints.addEvidence, async (req, reply) => {
    const ctx = actorContext(app, req);
    const items = await addEvidenceUploads(ctx, req.params.number, multipartUploads(req), 'staff');
    return reply.code(201).send({ items });
  });
  route(http, evidenceEndpoints.listEvidence, async (req) => ({
    items: await listEvidence(actorContext(app, req), req.params.number),
  }));
  route(http, evidenceEndpoints.downloadEvidence, async (req, reply) => {
    await sendEvidence(reply, await openEvidence(actorContext(app, req), req.params.number, req.params.id));
  });
}
