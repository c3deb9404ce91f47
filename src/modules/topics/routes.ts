import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { topicsEndpoints } from './endpoints.js';
import { listTopics } from './queries.js';

export function topicsRoutes(http: Http, app: AppContext): void {
  route(http, topicsEndpoints.list, async (req) => listTopics(actorContext(app, req), req.query));
}
