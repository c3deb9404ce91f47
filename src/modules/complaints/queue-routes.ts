import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { listComplaints } from './list-complaints.js';
import { queueEndpoints } from './queue-endpoints.js';
import { registerComplaint } from './register-complaint.js';

/** Registration, the workbench list and my queue. */
export function complaintQueueRoutes(http: Http, app: AppContext): void {
  route(http, queueEndpoints.registerComplaint, async (req, reply) => {
    const key = req.headers['idempotency-key'];
    const result = await registerComplaint(actorContext(app, req), req.body, {
      idempotencyKey: typeof key === 'string' ? key : undefined,
    });
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply
      .code(result.replayed ? 200 : 201)
      .header('location', `/api/v1/complaints/${result.number}`)
      .send(result);
  });
  route(http, queueEndpoints.listComplaints, async (req) =>
    listComplaints(actorContext(app, req), req.query),
  );
  route(http, queueEndpoints.myQueue, async (req) =>
    listComplaints(actorContext(app, req), req.query, { mine: true }),
  );
}
