import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { searchEndpoints } from './endpoints.js';
import { similarComplaints } from './similar.js';

/** Search routes under /api/v1 (the full-text search itself is the `q` of the complaint lists). */
export function searchRoutes(http: Http, app: AppContext): void {
  route(http, searchEndpoints.similar, async (req) =>
    similarComplaints(actorContext(app, req), req.params.number, req.query.limit ?? 5),
  );
}
