import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { suggestClassification } from './suggest.js';
import { suggestEndpoints } from './suggest-endpoints.js';

/** Suggestions for staff registering a complaint. */
export function suggestRoutes(http: Http, app: AppContext): void {
  route(http, suggestEndpoints.suggest, async (req) => {
    actorContext(app, req);
    return suggestClassification(app.db, req.body);
  });
}
