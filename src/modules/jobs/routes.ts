import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { jobEndpoints } from './endpoints.js';
import { getJob, listJobs } from './queries.js';
import { retryJob } from './retry-job.js';

/** The admin's view of the job table: what failed, why, and a way to run it again. */
export function jobRoutes(http: Http, app: AppContext): void {
  route(http, jobEndpoints.listJobs, async (req) => listJobs(actorContext(app, req), req.query));
  route(http, jobEndpoints.getJob, async (req) => getJob(actorContext(app, req), req.params.id));
  route(http, jobEndpoints.retryJob, async (req) => retryJob(actorContext(app, req), req.params.id));
}
