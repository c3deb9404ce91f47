import { ROLES } from '../../domain/roles.js';
import { endpoint, problems } from '../../server/endpoint.js';
import { DashboardSchema } from './schemas.js';

export const dashboardEndpoints = {
  dashboard: endpoint('GET', '/dashboard', {
    operationId: 'getDashboard',
    access: ROLES,
    tags: ['dashboard'],
    summary: '首页 the home dashboard',
    description:
      'Today, open, overdue, by status, by level-1 category and the 30-day intake, over the complaints the caller may see.',
    response: { 200: DashboardSchema, ...problems(401) },
  }),
};
