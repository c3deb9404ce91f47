import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { classifierEndpoints } from './endpoints.js';
import { listModels } from './models.js';
import { modelPerformance } from './performance.js';
import { createRule, deleteRule, listRules, updateRule } from './rules.js';
import { readClassificationSettings, saveClassificationSettings } from './settings.js';
import { queueTraining } from './train.js';

/** Suggestions for staff; keyword rules, settings and training for the admin. */
export function classificationRoutes(http: Http, app: AppContext): void {
  route(http, classifierEndpoints.listClassificationRules, async (req) => listRules(actorContext(app, req)));
  route(http, classifierEndpoints.createClassificationRule, async (req, reply) =>
    reply.code(201).send(await createRule(actorContext(app, req), req.body)),
  );
  route(http, classifierEndpoints.updateClassificationRule, async (req) =>
    updateRule(actorContext(app, req), req.params.id, req.body),
  );
  route(http, classifierEndpoints.deleteClassificationRule, async (req, reply) => {
    await deleteRule(actorContext(app, req), req.params.id);
    return reply.code(204).send(null);
  });
  route(http, classifierEndpoints.getClassificationSettings, async (req) => {
    actorContext(app, req);
    return readClassificationSettings(app.db);
  });
  route(http, classifierEndpoints.saveClassificationSettings, async (req) =>
    saveClassificationSettings(actorContext(app, req), req.body),
  );
  route(http, classifierEndpoints.trainClassifier, async (req, reply) =>
    reply.code(202).send(await queueTraining(actorContext(app, req), req.body.model)),
  );
  route(http, classifierEndpoints.listClassifierModels, async (req) => listModels(actorContext(app, req)));
  route(http, classifierEndpoints.classifierPerformance, async (req) =>
    modelPerformance(actorContext(app, req), req.query.model),
  );
}
