import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { actorContext, type Http } from '../../server/http.js';
import { createCategory, listCategories, loadCategoryPreset, updateCategory } from './categories.js';

const tags = ['categories'];
const name = Type.String({ minLength: 1, maxLength: 100 });

export function categoryRoutes(http: Http, app: AppContext): void {
  http.get('/categories', { schema: { tags } }, async (req) => {
    actorContext(app, req);
    return { items: await listCategories(app) };
  });
  http.post(
    '/categories',
    {
      schema: {
        tags,
        body: Type.Object(
          {
            parentId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
            code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_.-]+$' }),
            nameZh: name,
            nameEn: name,
            sort: Type.Optional(Type.Integer()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await createCategory(actorContext(app, req), req.body)),
  );
  http.patch(
    '/categories/:id',
    {
      schema: {
        tags,
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object(
          {
            nameZh: Type.Optional(name),
            nameEn: Type.Optional(name),
            sort: Type.Optional(Type.Integer()),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
      },
    },
    async (req) => updateCategory(actorContext(app, req), req.params.id, req.body),
  );
  http.post(
    '/categories/presets/:name',
    { schema: { tags, params: Type.Object({ name: Type.String({ maxLength: 50 }) }) } },
    async (req) => ({
      preset: req.params.name,
      added: await loadCategoryPreset(actorContext(app, req), req.params.name),
    }),
  );
}
