import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { actorContext, type Http } from '../../server/http.js';
import { similarComplaints } from './similar.js';

const NumberParams = Type.Object({ number: Type.String({ maxLength: 32 }) });
const SimilarQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })) },
  { additionalProperties: false },
);

/** Search routes under /api/v1 (the full-text search itself is the `q` of the complaint lists). */
export function searchRoutes(http: Http, app: AppContext): void {
  http.get(
    '/complaints/:number/similar',
    {
      schema: {
        tags: ['complaints'],
        summary: '相似投诉 similar past complaints with their judgement, remedies and a recommended remedy',
        params: NumberParams,
        querystring: SimilarQuery,
      },
    },
    async (req) => similarComplaints(actorContext(app, req), req.params.number, req.query.limit ?? 5),
  );
}
