import { Type } from 'typebox';
import { endpoint, Id, NoContent, problems } from '../../server/endpoint.js';
import { NumberParams } from '../complaints/endpoints.js';
import { SurveyBody } from '../portal/schemas.js';
import { CALLER_ROLES, READER_ROLES } from './access.js';
import {
  CallBody,
  CallResult,
  QueuePage,
  QueueQuery,
  ReturnVisitSchema,
  ReturnVisitSettingsBody,
} from './schemas.js';

const tags = ['return visits'];

export const returnVisitEndpoints = {
  returnVisitQueue: endpoint('GET', '/return-visits', {
    operationId: 'returnVisitQueue',
    access: READER_ROLES,
    tags,
    summary:
      '回访队列 scheduled return visits due today or earlier in the caller’s unit subtree, oldest first',
    querystring: QueueQuery,
    response: { 200: QueuePage, ...problems(400, 401, 403) },
  }),
  recordReturnVisitCall: endpoint('POST', '/return-visits/:id/calls', {
    operationId: 'recordReturnVisitCall',
    access: CALLER_ROLES,
    tags,
    summary: '回访记录 record a call: reached (survey, new problem → linked complaint) or not (next attempt)',
    params: Type.Object({ id: Id() }),
    body: CallBody,
    response: { 200: CallResult, ...problems(400, 401, 403, 404, 409) },
  }),
  complaintReturnVisits: endpoint('GET', '/complaints/:number/return-visits', {
    operationId: 'complaintReturnVisits',
    access: READER_ROLES,
    tags,
    summary: '回访 a complaint’s return visits',
    params: NumberParams,
    response: { 200: Type.Object({ items: Type.Array(ReturnVisitSchema) }), ...problems(401, 403, 404) },
  }),
  recordPhoneSurvey: endpoint('POST', '/complaints/:number/phone-survey', {
    operationId: 'recordPhoneSurvey',
    access: CALLER_ROLES,
    tags,
    summary: '电话满意度调查 a survey taken down by phone; counts like the portal’s, marked phone',
    params: NumberParams,
    body: SurveyBody,
    response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
  }),
  getReturnVisitSettings: endpoint('GET', '/settings/return-visits', {
    operationId: 'getReturnVisitSettings',
    access: ['admin'],
    tags: ['settings'],
    summary: '回访设置 the return-visit delays per grade and category, the sampled share, attempts (admin)',
    response: { 200: ReturnVisitSettingsBody, ...problems(401, 403) },
  }),
  saveReturnVisitSettings: endpoint('PUT', '/settings/return-visits', {
    operationId: 'saveReturnVisitSettings',
    access: ['admin'],
    tags: ['settings'],
    summary:
      '回访设置 set the return-visit delays (a category subtree may have none), share and attempts (admin)',
    body: ReturnVisitSettingsBody,
    response: { 200: ReturnVisitSettingsBody, ...problems(400, 401, 403) },
  }),
};
