import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { act } from '../complaints/index.js';
import { markCase, unmarkCase } from './curate-case.js';
import { caseEndpoints } from './endpoints.js';
import { listCases } from './list-cases.js';
import { offeredScripts } from './offered-scripts.js';

export function caseRoutes(http: Http, app: AppContext): void {
  route(http, caseEndpoints.markCase, (req) => act(app, req, req.body, markCase));
  route(http, caseEndpoints.unmarkCase, (req) => act(app, req, undefined, unmarkCase));
  route(http, caseEndpoints.offeredScripts, async (req) =>
    offeredScripts(actorContext(app, req), req.params.number),
  );
  route(http, caseEndpoints.listCases, async (req) => listCases(actorContext(app, req), req.query));
}
