import type { AppContext } from '../../context.js';
import { actorContext, type Http } from '../../server/http.js';
import { dashboardFor } from './dashboard.js';

export function dashboardRoutes(http: Http, app: AppContext): void {
  http.get(
    '/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          '首页 the home dashboard: today, open, overdue, by status, by level-1 category, 30-day intake (visible complaints only)',
      },
    },
    async (req) => dashboardFor(actorContext(app, req)),
  );
}
