import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';
import { orgEndpoints } from './endpoints.js';
import { listStaff } from './staff.js';
import { createUnit, listUnits, updateUnit } from './units.js';
import { createUser, listUsers, updateUser } from './users.js';

export function orgRoutes(http: Http, app: AppContext): void {
  route(http, orgEndpoints.listUnits, async (req) => ({ items: await listUnits(actorContext(app, req)) }));
  route(http, orgEndpoints.createUnit, async (req, reply) =>
    reply.code(201).send(await createUnit(actorContext(app, req), req.body)),
  );
  route(http, orgEndpoints.updateUnit, async (req) =>
    updateUnit(actorContext(app, req), req.params.id, req.body),
  );
  route(http, orgEndpoints.listStaff, async (req) => ({
    items: await listStaff(actorContext(app, req), req.query),
  }));
  route(http, orgEndpoints.listUsers, async (req) => ({ items: await listUsers(actorContext(app, req)) }));
  route(http, orgEndpoints.createUser, async (req, reply) =>
    reply.code(201).send(await createUser(actorContext(app, req), req.body)),
  );
  route(http, orgEndpoints.updateUser, async (req) =>
    updateUser(actorContext(app, req), req.params.id, req.body),
  );
  route(http, orgEndpoints.listApiTokens, async (req) => ({
    items: await listApiTokens(actorContext(app, req)),
  }));
  route(http, orgEndpoints.createApiToken, async (req, reply) =>
    reply.code(201).send(await createApiToken(actorContext(app, req), req.body)),
  );
  route(http, orgEndpoints.revokeApiToken, async (req, reply) => {
    await revokeApiToken(actorContext(app, req), req.params.id);
    return reply.code(204).send(null);
  });
}
