import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { createCategory, listCategories, loadCategoryPreset, updateCategory } from './categories.js';
import { categoryEndpoints } from './endpoints.js';

export function categoryRoutes(http: Http, app: AppContext): void {
  route(http, categoryEndpoints.listCategories, async (req) => {
    actorContext(app, req);
    return { items: await listCategories(app) };
  });
  route(http, categoryEndpoints.createCategory, async (req, reply) =>
    reply.code(201).send(await createCategory(actorContext(app, req), req.body)),
  );
  route(http, categoryEndpoints.updateCategory, async (req) =>
    updateCategory(actorContext(app, req), req.params.id, req.body),
  );
  route(http, categoryEndpoints.loadCategoryPreset, async (req) => ({
    preset: req.params.name,
    added: await loadCategoryPreset(actorContext(app, req), req.params.name),
  }));
}
