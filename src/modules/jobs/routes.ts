import type { AppContext } from '../../context.js';
import { actorContext, type Http } from '../../server/http.js';
import { getJob, listJobs } from './queries.js';
import { retryJob } from './retry-job.js';
import { JobIdParams, JobListQuery, JobListResponse, JobViewSchema } from './schemas.js';

const tags = ['jobs'];

/** The admin's view of the job table: what failed, why, and a way to run it again. */
export function jobRoutes(http: Http, app: AppContext): void {
  http.get(
    '/jobs',
    {
      schema: {
        tags,
        summary: '后台任务 list jobs, newest first (admin)',
        querystring: JobListQuery,
        response: { 200: JobListResponse },
      },
    },
    async (req) => listJobs(actorContext(app, req), req.query),
  );
  http.get(
    '/jobs/:id',
    { schema: { tags, summary: 'one job (admin)', params: JobIdParams, response: { 200: JobViewSchema } } },
    async (req) => getJob(actorContext(app, req), req.params.id),
  );
  http.post(
    '/jobs/:id/retry',
    {
      schema: {
        tags,
        summary: '重试 run a dead or failed job again now, attempts reset (admin)',
        params: JobIdParams,
        response: { 200: JobViewSchema },
      },
    },
    async (req) => retryJob(actorContext(app, req), req.params.id),
  );
}
