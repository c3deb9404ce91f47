import { Type } from 'typebox';
import { ROLES } from '../../domain/roles.js';
import { endpoint, NoContent, problems } from '../../server/endpoint.js';
import {
  AssignBody,
  NoteBody,
  OpenActionBody,
  WarningIdParams,
  WarningListQuery,
  WarningListResponse,
  WarningSchema,
  WarningSettingsSchema,
} from './schemas.js';

const tags = ['warnings'];
/** Everyone on the staff may reach a warning they own; the module decides (rules.ts mayRead / mayManage). */
const STAFF = ROLES;
const MANAGERS = ['supervisor', 'manager', 'executive'] as const;

export const warningEndpoints = {
  listWarnings: endpoint('GET', '/warnings', {
    operationId: 'listWarnings',
    access: STAFF,
    tags,
    summary: '预警 the warnings of the caller’s unit subtree (or their own), newest first',
    querystring: WarningListQuery,
    response: { 200: WarningListResponse, ...problems(400, 401) },
  }),
  getWarning: endpoint('GET', '/warnings/:id', {
    operationId: 'getWarning',
    access: STAFF,
    tags,
    summary:
      '预警详情 the figures, the daily series against the expected band, the complaints and the history',
    params: WarningIdParams,
    response: { 200: WarningSchema, ...problems(401, 403, 404) },
  }),
  acknowledge: endpoint('POST', '/warnings/:id/acknowledge', {
    operationId: 'acknowledgeWarning',
    access: MANAGERS,
    tags,
    summary: '确认 the warning is being looked into',
    params: WarningIdParams,
    body: NoteBody,
    response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
  }),
  resolve: endpoint('POST', '/warnings/:id/resolve', {
    operationId: 'resolveWarning',
    access: MANAGERS,
    tags,
    summary: '解除 the warning is dealt with',
    params: WarningIdParams,
    body: NoteBody,
    response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
  }),
  assign: endpoint('PUT', '/warnings/:id/owner', {
    operationId: 'assignWarning',
    access: MANAGERS,
    tags,
    summary: '指派 give the warning an owner',
    params: WarningIdParams,
    body: AssignBody,
    response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
  }),
  openAction: endpoint('POST', '/warnings/:id/corrective-action', {
    operationId: 'openWarningCorrectiveAction',
    access: MANAGERS,
    tags,
    summary: '发起整改 open a corrective action for the complaints behind the warning, linked to it',
    params: WarningIdParams,
    body: OpenActionBody,
    response: { 201: Type.Object({ id: Type.Integer() }), ...problems(400, 401, 403, 404, 409) },
  }),
  getSettings: endpoint('GET', '/settings/warnings', {
    operationId: 'getWarningSettings',
    access: ROLES,
    tags,
    summary: '预警设置 sensitivity, repeat thresholds, escalation words, festival dates',
    response: { 200: WarningSettingsSchema, ...problems(401) },
  }),
  saveSettings: endpoint('PUT', '/settings/warnings', {
    operationId: 'saveWarningSettings',
    access: ['admin'],
    tags,
    summary: '预警设置 change the detectors’ settings (admin)',
    body: WarningSettingsSchema,
    response: { 200: WarningSettingsSchema, ...problems(400, 401, 403) },
  }),
};
