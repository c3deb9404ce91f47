import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { actorContext, type Http } from '../../server/http.js';
import { createRule, deleteRule, listRules, updateRule } from './rules.js';
import {
  ClassificationSettingsBody,
  RuleBody,
  RuleParams,
  RulePatch,
  SuggestBody,
  Suggestion,
  TrainBody,
} from './schemas.js';
import { readClassificationSettings, saveClassificationSettings } from './settings.js';
import { queueTraining } from './train.js';

const tags = ['classification'];

/** Keyword rules, settings and training for the admin (suggestions: suggest-routes.ts). */
export function classificationRoutes(http: Http, app: AppContext): void {
  http.get('/classification/rules', { schema: { tags, summary: 'keyword rules (admin)' } }, async (req) =>
    listRules(actorContext(app, req)),
  );
  http.post(
    '/classification/rules',
    { schema: { tags, summary: 'add a keyword rule (admin)', body: RuleBody } },
    async (req, reply) => reply.code(201).send(await createRule(actorContext(app, req), req.body)),
  );
  http.patch(
    '/classification/rules/:id',
    { schema: { tags, summary: 'change a keyword rule (admin)', params: RuleParams, body: RulePatch } },
    async (req) => updateRule(actorContext(app, req), req.params.id, req.body),
  );
  http.delete(
    '/classification/rules/:id',
    { schema: { tags, summary: 'delete a keyword rule (admin)', params: RuleParams } },
    async (req, reply) => {
      await deleteRule(actorContext(app, req), req.params.id);
      return reply.code(204).send();
    },
  );
  http.get('/settings/classification', { schema: { tags: ['settings'] } }, async (req) => {
    actorContext(app, req);
    return readClassificationSettings(app.db);
  });
  http.put(
    '/settings/classification',
    {
      schema: {
        tags: ['settings'],
        summary:
          'classification: on/off, the model used at registration, the confidence applied automatically',
        body: ClassificationSettingsBody,
      },
    },
    async (req) => saveClassificationSettings(actorContext(app, req), req.body),
  );
  http.post(
    '/classification/train',
    {
      schema: {
        tags,
        summary: 'queue a training from closed complaints and corrections (admin)',
        body: TrainBody,
        response: { 202: Type.Object({ queued: Type.Boolean() }) },
      },
    },
    async (req, reply) => reply.code(202).send(await queueTraining(actorContext(app, req), req.body.model)),
  );
}
