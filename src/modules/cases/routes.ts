import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { getComplaint } from '../complaints/queries.js';
import { markCase, unmarkCase } from './curate-case.js';
import { caseEndpoints } from './endpoints.js';
import { listCases } from './list-cases.js';
import { offeredScripts } from './offered-scripts.js';
import { CaseBody } from './schemas.js';

const tags = ['cases'];
const NumberParams = Type.Object({ number: Type.String({ maxLength: 32 }) });

export function caseRoutes(http: Http, app: AppContext): void {
  http.put(
    '/complaints/:number/case',
    {
      schema: {
        tags,
        summary: '设为案例 / 编辑案例 mark as a case of the library, or update it',
        params: NumberParams,
        body: CaseBody,
      },
    },
    async (req) => {
      const ctx = actorContext(app, req);
      await markCase(ctx, req.params.number, req.body);
      return getComplaint(ctx, req.params.number);
    },
  );
  http.delete(
    '/complaints/:number/case',
    { schema: { tags, summary: '取消案例 remove from the case library', params: NumberParams } },
    async (req) => {
      const ctx = actorContext(app, req);
      await unmarkCase(ctx, req.params.number);
      return getComplaint(ctx, req.params.number);
    },
  );
  route(http, caseEndpoints.offeredScripts, async (req) =>
    offeredScripts(actorContext(app, req), req.params.number),
  );
  route(http, caseEndpoints.listCases, async (req) => listCases(actorContext(app, req), req.query));
}
