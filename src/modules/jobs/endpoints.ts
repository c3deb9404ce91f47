import { endpoint, problems } from '../../server/endpoint.js';
import { JobIdParams, JobListQuery, JobListResponse, JobViewSchema } from './schemas.js';

const tags = ['jobs'];

export const jobEndpoints = {
  listJobs: endpoint('GET', '/jobs', {
    operationId: 'listJobs',
    access: ['admin'],
    tags,
    summary: '后台任务 list jobs, newest first (admin)',
    querystring: JobListQuery,
    response: { 200: JobListResponse, ...problems(400, 401, 403) },
  }),
  getJob: endpoint('GET', '/jobs/:id', {
    operationId: 'getJob',
    access: ['admin'],
    tags,
    summary: '后台任务 one job (admin)',
    params: JobIdParams,
    response: { 200: JobViewSchema, ...problems(400, 401, 403, 404) },
  }),
  retryJob: endpoint('POST', '/jobs/:id/retry', {
    operationId: 'retryJob',
    access: ['admin'],
    tags,
    summary: '重试 run a dead or failed job again now, attempts reset (admin)',
    params: JobIdParams,
    response: { 200: JobViewSchema, ...problems(400, 401, 403, 404, 409) },
  }),
};
