import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { actorContext, type Http } from '../../server/http.js';
import { getComplaint } from '../complaints/index.js';
import { addMessage } from './add-message.js';

const NumberParams = Type.Object({ number: Type.String({ maxLength: 32 }) });
const MessageBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);

/** Staff side of the conversation with the customer; registered under /api/v1. */
export function messageRoutes(http: Http, app: AppContext): void {
  http.post(
    '/complaints/:number/messages',
    {
      schema: {
        tags: ['complaints'],
        summary: '留言 write to the customer (they are told by their preferred channel)',
        params: NumberParams,
        body: MessageBody,
      },
    },
    async (req, reply) => {
      const ctx = actorContext(app, req);
      await addMessage(ctx, req.params.number, { body: req.body.body, source: 'console' });
      return reply.code(201).send(await getComplaint(ctx, req.params.number));
    },
  );
}
