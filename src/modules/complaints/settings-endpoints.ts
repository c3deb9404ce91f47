import { ROLES } from '../../domain/roles.js';
import { endpoint, problems } from '../../server/endpoint.js';
import { FulfilmentSettingsSchema } from './fulfilment-schemas.js';
import { AuthorityLimitsBody, AuthorityLimitsSchema, DuplicateSettingsSchema } from './settings-schemas.js';

const tags = ['settings'];

export const complaintSettingsEndpoints = {
  getAuthorityLimits: endpoint('GET', '/settings/authority-limits', {
    operationId: 'getAuthorityLimits',
    access: ROLES,
    tags,
    summary: '处理权限 amounts (fen) each role may approve alone',
    response: { 200: AuthorityLimitsSchema, ...problems(401) },
  }),
  saveAuthorityLimits: endpoint('PUT', '/settings/authority-limits', {
    operationId: 'saveAuthorityLimits',
    access: ['admin'],
    tags,
    summary: '处理权限 amounts (fen) each role may approve alone; null means no limit (admin)',
    body: AuthorityLimitsBody,
    response: { 200: AuthorityLimitsSchema, ...problems(400, 401, 403) },
  }),
  getDuplicateSettings: endpoint('GET', '/settings/duplicates', {
    operationId: 'getDuplicateSettings',
    access: ROLES,
    tags,
    summary: '重复投诉 how far back the same customer or waybill makes a repeat complaint',
    response: { 200: DuplicateSettingsSchema, ...problems(401) },
  }),
  saveDuplicateSettings: endpoint('PUT', '/settings/duplicates', {
    operationId: 'saveDuplicateSettings',
    access: ['admin'],
    tags,
    summary: '重复投诉 change how far back a repeat complaint is looked for (admin)',
    body: DuplicateSettingsSchema,
    response: { 200: DuplicateSettingsSchema, ...problems(400, 401, 403) },
  }),
  getFulfilmentSettings: endpoint('GET', '/settings/fulfilment', {
    operationId: 'getFulfilmentSettings',
    access: ROLES,
    tags,
    summary: '方案执行 the default time to carry out a remedy, and whether a reply waits for it',
    response: { 200: FulfilmentSettingsSchema, ...problems(401) },
  }),
  saveFulfilmentSettings: endpoint('PUT', '/settings/fulfilment', {
    operationId: 'saveFulfilmentSettings',
    access: ['admin'],
    tags,
    summary: '方案执行 change the default time to carry out a remedy and what a reply does before it (admin)',
    body: FulfilmentSettingsSchema,
    response: { 200: FulfilmentSettingsSchema, ...problems(400, 401, 403) },
  }),
};
