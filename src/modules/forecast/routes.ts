import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { forecastEndpoints } from './endpoints.js';
import { forecastFor } from './queries.js';

export function forecastRoutes(http: Http, app: AppContext): void {
  route(http, forecastEndpoints.forecast, async (req) => forecastFor(actorContext(app, req), req.query));
}
