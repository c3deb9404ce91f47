import { endpoint, problems } from '../../server/endpoint.js';
import { PortalSettingsBody } from './schemas.js';

const tags = ['settings'];

/** /settings/portal under /api/v1: the public portal's limits and intake unit (admin). */
export const portalSettingsEndpoints = {
  getPortalSettings: endpoint('GET', '/settings/portal', {
    operationId: 'getPortalSettings',
    access: ['admin'],
    tags,
    summary: '客户门户 the public portal’s rate limits and intake unit (admin)',
    response: { 200: PortalSettingsBody, ...problems(401, 403) },
  }),
  savePortalSettings: endpoint('PUT', '/settings/portal', {
    operationId: 'savePortalSettings',
    access: ['admin'],
    tags,
    summary:
      '客户门户 submissions and tracking requests per IP per minute, SMS codes per complaint per day, the unit web complaints are filed at (admin)',
    body: PortalSettingsBody,
    response: { 200: PortalSettingsBody, ...problems(400, 401, 403) },
  }),
};
