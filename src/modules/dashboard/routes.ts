import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { dashboardFor } from './dashboard.js';
import { dashboardEndpoints } from './endpoints.js';

export function dashboardRoutes(http: Http, app: AppContext): void {
  route(http, dashboardEndpoints.dashboard, async (req) => dashboardFor(actorContext(app, req)));
}
