import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { getComplaint } from '../complaints/index.js';
import { addMessage } from './add-message.js';
import { messageEndpoints } from './endpoints.js';

/** Staff side of the conversation with the customer; registered under /api/v1. */
export function messageRoutes(http: Http, app: AppContext): void {
  route(http, messageEndpoints.addMessage, async (req, reply) => {
    const ctx = actorContext(app, req);
    await addMessage(ctx, req.params.number, { body: req.body.body, source: 'console' });
    return reply.code(201).send(await getComplaint(ctx, req.params.number));
  });
}
