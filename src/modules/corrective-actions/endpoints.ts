import { Type } from 'typebox';
import { ROLES } from '../../domain/roles.js';
import { endpoint, NoContent, problems } from '../../server/endpoint.js';
import { NumberParams } from '../complaints/endpoints.js';
import {
  ActionIdParams,
  ActionListQuery,
  ActionListResponse,
  ActionSchema,
  CloseBody,
  ComplaintActionsResponse,
  CreateActionBody,
  DueBody,
  NoteBody,
  VerifyBody,
} from './schemas.js';

const tags = ['corrective-actions'];
/** Everyone on the staff may reach an action they own; the module decides (rules.ts mayRead / mayManage). */
const STAFF = ROLES;
const MANAGERS = ['supervisor', 'manager', 'executive'] as const;

export const correctiveActionEndpoints = {
  listActions: endpoint('GET', '/corrective-actions', {
    operationId: 'listCorrectiveActions',
    access: STAFF,
    tags,
    summary: '整改清单 actions of the caller’s unit subtree (or their own), earliest due first',
    querystring: ActionListQuery,
    response: { 200: ActionListResponse, ...problems(400, 401) },
  }),
  createAction: endpoint('POST', '/corrective-actions', {
    operationId: 'createCorrectiveAction',
    access: MANAGERS,
    tags,
    summary: '发起整改 open a corrective or preventive action for one complaint or a group',
    body: CreateActionBody,
    response: { 201: Type.Object({ id: Type.Integer() }), ...problems(400, 401, 403) },
  }),
  getAction: endpoint('GET', '/corrective-actions/:id', {
    operationId: 'getCorrectiveAction',
    access: STAFF,
    tags,
    summary: '整改单 the action: 5W1H, linked complaints, history, verification, effectiveness',
    params: ActionIdParams,
    response: { 200: ActionSchema, ...problems(401, 403, 404) },
  }),
  progress: endpoint('POST', '/corrective-actions/:id/progress', {
    operationId: 'recordCorrectiveActionProgress',
    access: STAFF,
    tags,
    summary: '整改进展 the owner records progress (the first note starts the work)',
    params: ActionIdParams,
    body: NoteBody,
    response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
  }),
  done: endpoint('POST', '/corrective-actions/:id/done', {
    operationId: 'completeCorrectiveAction',
    access: STAFF,
    tags,
    summary: '整改完成 the owner marks the action done with the evidence of completion',
    params: ActionIdParams,
    body: NoteBody,
    response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
  }),
  verify: endpoint('POST', '/corrective-actions/:id/verify', {
    operationId: 'verifyCorrectiveAction',
    access: MANAGERS,
    tags,
    summary: '整改验证 verify the completed action, or send it back with the reason',
    params: ActionIdParams,
    body: VerifyBody,
    response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
  }),
  extend: endpoint('PUT', '/corrective-actions/:id/due', {
    operationId: 'extendCorrectiveAction',
    access: MANAGERS,
    tags,
    summary: '整改延期 move the due date, with the reason',
    params: ActionIdParams,
    body: DueBody,
    response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
  }),
  close: endpoint('POST', '/corrective-actions/:id/close', {
    operationId: 'closeCorrectiveAction',
    access: MANAGERS,
    tags,
    summary: '效果验证 after the effectiveness period: effective or not, with the recurrence figure',
    params: ActionIdParams,
    body: CloseBody,
    response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
  }),
  complaintActions: endpoint('GET', '/complaints/:number/corrective-actions', {
    operationId: 'listComplaintCorrectiveActions',
    access: STAFF,
    tags,
    summary: '关联整改 the actions a complaint is linked to',
    params: NumberParams,
    response: { 200: ComplaintActionsResponse, ...problems(401, 404) },
  }),
};
