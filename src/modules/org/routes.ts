import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { actorContext, type Http } from '../../server/http.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';
import { ROLES } from './roles.js';
import {
  IdParams,
  NewApiTokenBody,
  NewUnitBody,
  NewUserBody,
  UnitChangesBody,
  UserChangesBody,
} from './schemas.js';
import { listStaff } from './staff.js';
import { createUnit, listUnits, updateUnit } from './units.js';
import { createUser, listUsers, updateUser } from './users.js';

const tags = ['organisation'];

export function orgRoutes(http: Http, app: AppContext): void {
  http.get('/units', { schema: { tags } }, async (req) => ({
    items: await listUnits(actorContext(app, req)),
  }));
  http.post('/units', { schema: { tags, body: NewUnitBody } }, async (req, reply) =>
    reply.code(201).send(await createUnit(actorContext(app, req), req.body)),
  );
  http.patch('/units/:id', { schema: { tags, params: IdParams, body: UnitChangesBody } }, async (req) =>
    updateUnit(actorContext(app, req), req.params.id, req.body),
  );

  http.get(
    '/staff',
    {
      schema: {
        tags,
        summary: '人员 colleagues to assign or transfer to (any signed-in staff member)',
        querystring: Type.Object(
          {
            unitId: Type.Optional(Type.Integer({ minimum: 1, description: 'the unit and its subtree' })),
            role: Type.Optional(Type.Enum(ROLES)),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => ({ items: await listStaff(actorContext(app, req), req.query) }),
  );
  http.get('/users', { schema: { tags } }, async (req) => ({
    items: await listUsers(actorContext(app, req)),
  }));
  http.post('/users', { schema: { tags, body: NewUserBody } }, async (req, reply) =>
    reply.code(201).send(await createUser(actorContext(app, req), req.body)),
  );
  http.patch('/users/:id', { schema: { tags, params: IdParams, body: UserChangesBody } }, async (req) =>
    updateUser(actorContext(app, req), req.params.id, req.body),
  );

  http.get('/api-tokens', { schema: { tags } }, async (req) => ({
    items: await listApiTokens(actorContext(app, req)),
  }));
  http.post('/api-tokens', { schema: { tags, body: NewApiTokenBody } }, async (req, reply) =>
    reply.code(201).send(await createApiToken(actorContext(app, req), req.body)),
  );
  http.delete('/api-tokens/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await revokeApiToken(actorContext(app, req), req.params.id);
    return reply.code(204).send();
  });
}
