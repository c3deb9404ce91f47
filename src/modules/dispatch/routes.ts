import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { actorContext, type Http } from '../../server/http.js';
import { deleteRule, listRules, saveRule } from './manage-rules.js';
import { RuleBody } from './schemas.js';

const tags = ['dispatch'];
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export function dispatchRoutes(http: Http, app: AppContext): void {
  http.get('/dispatch-rules', { schema: { tags } }, async (req) => ({
    items: await listRules(actorContext(app, req)),
  }));
  http.post('/dispatch-rules', { schema: { tags, body: RuleBody } }, async (req, reply) =>
    reply.code(201).send(await saveRule(actorContext(app, req), null, req.body)),
  );
  http.put('/dispatch-rules/:id', { schema: { tags, params: IdParams, body: RuleBody } }, async (req) =>
    saveRule(actorContext(app, req), req.params.id, req.body),
  );
  http.delete('/dispatch-rules/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await deleteRule(actorContext(app, req), req.params.id);
    return reply.code(204).send();
  });
}
