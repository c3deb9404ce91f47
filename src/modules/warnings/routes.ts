import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { writeSetting } from '../settings/index.js';
import { acknowledgeWarning, assignWarning, openActionFromWarning, resolveWarning } from './commands.js';
import { warningEndpoints as e } from './endpoints.js';
import { getWarning } from './get-warning.js';
import { listWarnings } from './queries.js';
import {
  DEFAULT_WARNING_SETTINGS,
  loadWarningSettings,
  WARNING_SETTINGS_KEY,
  type WarningSettings,
} from './settings.js';

export function warningRoutes(http: Http, app: AppContext): void {
  route(http, e.listWarnings, async (req) => listWarnings(actorContext(app, req), req.query));
  route(http, e.getWarning, async (req) => getWarning(actorContext(app, req), req.params.id));
  route(http, e.acknowledge, async (req, reply) => {
    await acknowledgeWarning(actorContext(app, req), req.params.id, req.body.note);
    return reply.code(204).send(null);
  });
  route(http, e.resolve, async (req, reply) => {
    await resolveWarning(actorContext(app, req), req.params.id, req.body.note);
    return reply.code(204).send(null);
  });
  route(http, e.assign, async (req, reply) => {
    await assignWarning(actorContext(app, req), req.params.id, req.body.ownerId, req.body.note);
    return reply.code(204).send(null);
  });
  route(http, e.openAction, async (req, reply) =>
    reply
      .code(201)
      .send({ id: await openActionFromWarning(actorContext(app, req), req.params.id, req.body) }),
  );
  route(http, e.getSettings, async (req) => {
    actorContext(app, req);
    return loadWarningSettings(app.db);
  });
  route(http, e.saveSettings, async (req) =>
    writeSetting<WarningSettings>(
      actorContext(app, req),
      WARNING_SETTINGS_KEY,
      req.body,
      DEFAULT_WARNING_SETTINGS,
    ),
  );
}
