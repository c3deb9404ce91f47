import { ROLES } from '../../domain/roles.js';
import { endpoint, problems } from '../../server/endpoint.js';
import { PrivacySettingsSchema } from './schemas.js';

const tags = ['settings'];

export const privacyEndpoints = {
  getPrivacySettings: endpoint('GET', '/settings/privacy', {
    operationId: 'getPrivacySettings',
    access: ROLES,
    tags,
    summary: '个人信息 the roles that may see personal data unmasked',
    response: { 200: PrivacySettingsSchema, ...problems(401) },
  }),
  savePrivacySettings: endpoint('PUT', '/settings/privacy', {
    operationId: 'savePrivacySettings',
    access: ['admin'],
    tags,
    summary:
      '个人信息 the roles that may reveal phone numbers, e-mails and addresses (each view recorded; admin)',
    body: PrivacySettingsSchema,
    response: { 200: PrivacySettingsSchema, ...problems(400, 401, 403) },
  }),
};
