import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { actorContext, type Http } from '../../server/http.js';
import { getComplaint } from '../complaints/queries.js';
import { markCase, unmarkCase } from './curate-case.js';
import { listCases } from './list-cases.js';
import { offeredScripts } from './offered-scripts.js';
import { CaseBody, CasesQuery } from './schemas.js';

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
  http.get(
    '/complaints/:number/scripts',
    {
      schema: {
        tags,
        summary:
          '话术 canned replies offered for this complaint: same category branch first, then shared words',
        params: NumberParams,
      },
    },
    async (req) => offeredScripts(actorContext(app, req), req.params.number),
  );
  http.get(
    '/cases',
    { schema: { tags, summary: '案例库 the case library', querystring: CasesQuery } },
    async (req) => listCases(actorContext(app, req), req.query),
  );
}
