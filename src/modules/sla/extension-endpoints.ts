/** 延期 of a complaint's time limits and 进度通知 settings: requests, decisions, the superiors' list. */
import { Type } from 'typebox';
import { ROLES, type Role } from '../../domain/roles.js';
import { endpoint, Id, problems } from '../../server/endpoint.js';
import {
  ExtensionDecisionBody,
  ExtensionRefusalBody,
  ExtensionRequestBody,
  ExtensionSettingsSchema,
  ExtensionsSchema,
  PendingExtensionsSchema,
  ProgressSettingsSchema,
} from './extension-schemas.js';

const tags = ['time limits'];
const NumberParams = Type.Object({ number: Type.String({ maxLength: 32 }) });
const DecisionParams = Type.Object({ number: Type.String({ maxLength: 32 }), id: Id() });
/** Those who may change a complaint (its `update` permission) request; its superiors decide. */
const REQUESTERS = ['agent', 'handler', 'supervisor', 'manager'] as const satisfies Role[];
const DECIDERS = ['supervisor', 'manager', 'executive'] as const satisfies Role[];
const answer = { 200: ExtensionsSchema, ...problems(400, 401, 403, 404, 409) };

export const extensionEndpoints = {
  listExtensions: endpoint('GET', '/complaints/:number/extensions', {
    operationId: 'listExtensions',
    access: ROLES,
    tags,
    summary: '延期 the extension requests of a complaint, newest first',
    params: NumberParams,
    response: { 200: ExtensionsSchema, ...problems(401, 404) },
  }),
  requestExtension: endpoint('POST', '/complaints/:number/extensions', {
    operationId: 'requestExtension',
    access: REQUESTERS,
    tags,
    summary: '申请延期 ask a superior to extend every running limit by working days',
    description:
      'One pending request at a time (409 extension_pending); the approved days of a complaint may not pass the configured maximum (409 extension_over_maximum).',
    params: NumberParams,
    body: ExtensionRequestBody,
    response: answer,
  }),
  approveExtension: endpoint('POST', '/complaints/:number/extensions/:id/approve', {
    operationId: 'approveExtension',
    access: DECIDERS,
    tags,
    summary: '批准延期 move every running deadline by the working days asked; the customer is told',
    params: DecisionParams,
    body: ExtensionDecisionBody,
    response: answer,
  }),
  refuseExtension: endpoint('POST', '/complaints/:number/extensions/:id/refuse', {
    operationId: 'refuseExtension',
    access: DECIDERS,
    tags,
    summary: '驳回延期 refuse an extension request, with a comment',
    params: DecisionParams,
    body: ExtensionRefusalBody,
    response: answer,
  }),
  pendingExtensions: endpoint('GET', '/extensions/pending', {
    operationId: 'listPendingExtensions',
    access: ROLES,
    tags,
    summary: '待审批延期 extension requests waiting for a superior, oldest first',
    response: { 200: PendingExtensionsSchema, ...problems(401) },
  }),
  getExtensionSettings: endpoint('GET', '/settings/extensions', {
    operationId: 'getExtensionSettings',
    access: ROLES,
    tags,
    summary: '延期上限 the most working days a complaint may be extended by',
    response: { 200: ExtensionSettingsSchema, ...problems(401) },
  }),
  saveExtensionSettings: endpoint('PUT', '/settings/extensions', {
    operationId: 'saveExtensionSettings',
    access: ['admin'],
    tags,
    summary: '延期上限 change the most working days a complaint may be extended by (admin)',
    body: ExtensionSettingsSchema,
    response: { 200: ExtensionSettingsSchema, ...problems(400, 401, 403) },
  }),
  getProgressSettings: endpoint('GET', '/settings/progress-notices', {
    operationId: 'getProgressSettings',
    access: ROLES,
    tags,
    summary: '进度通知 working days between progress notices to the customer, per priority',
    response: { 200: ProgressSettingsSchema, ...problems(401) },
  }),
  saveProgressSettings: endpoint('PUT', '/settings/progress-notices', {
    operationId: 'saveProgressSettings',
    access: ['admin'],
    tags,
    summary: '进度通知 change the working days between progress notices, per priority; 0: off (admin)',
    body: ProgressSettingsSchema,
    response: { 200: ProgressSettingsSchema, ...problems(400, 401, 403) },
  }),
};
