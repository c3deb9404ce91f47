/** 申诉 appeals against a judgement or a quality check, the reviewers' queue, and the window setting. */
import { Type } from 'typebox';
import { ROLES, type Role } from '../../domain/roles.js';
import { endpoint, Id, problems } from '../../server/endpoint.js';
import {
  AppealListQuery,
  AppealListSchema,
  AppealSchema,
  AppealSettingsSchema,
  DecideAppealBody,
  FileAppealBody,
  SubjectAppealsSchema,
} from './schemas.js';

const tags = ['appeals'];
const NumberParams = Type.Object({ number: Type.String({ maxLength: 32 }) });
const IdParams = Type.Object({ id: Id() });
/** Staff judged against (handlers, agents) or their superiors appeal; rules.ts says who exactly. */
const STAFF = ['agent', 'handler', 'supervisor', 'manager'] as const satisfies Role[];
const REVIEWERS = ['supervisor', 'manager', 'executive'] as const satisfies Role[];

export const appealEndpoints = {
  complaintAppeals: endpoint('GET', '/complaints/:number/appeals', {
    operationId: 'listComplaintAppeals',
    access: ROLES,
    tags,
    summary: '申诉 the appeals of a complaint, and whether the actor may appeal its judgement now',
    params: NumberParams,
    response: { 200: SubjectAppealsSchema, ...problems(401, 404) },
  }),
  appealJudgement: endpoint('POST', '/complaints/:number/appeals', {
    operationId: 'appealJudgement',
    access: STAFF,
    tags,
    summary: '申诉 appeal a valid-complaint judgement against oneself or one’s unit',
    description:
      'Within the window after the judgement (409 appeal_window_closed, with the deadline); one open appeal per judgement (409 appeal_open); only the person named or a supervisor/manager of the responsible unit (403 appeal_not_allowed).',
    params: NumberParams,
    body: FileAppealBody,
    response: { 200: AppealSchema, ...problems(400, 401, 403, 404, 409) },
  }),
  appealQualityCheck: endpoint('POST', '/quality-checks/:id/appeals', {
    operationId: 'appealQualityCheck',
    access: STAFF,
    tags,
    summary: '申诉 appeal a final quality check of one’s handling (the handler, or their unit’s supervisor)',
    params: IdParams,
    body: FileAppealBody,
    response: { 200: AppealSchema, ...problems(400, 401, 403, 404, 409) },
  }),
  listAppeals: endpoint('GET', '/appeals', {
    operationId: 'listAppeals',
    access: ROLES,
    tags,
    summary: '申诉 the reviewers’ queue (due first), one’s own appeals, or every appeal one reviews',
    querystring: AppealListQuery,
    response: { 200: AppealListSchema, ...problems(400, 401) },
  }),
  getAppeal: endpoint('GET', '/appeals/:id', {
    operationId: 'getAppeal',
    access: ROLES,
    tags,
    summary: '申诉 one appeal with its subject and each level’s answer',
    params: IdParams,
    response: { 200: AppealSchema, ...problems(401, 404) },
  }),
  decideAppeal: endpoint('POST', '/appeals/:id/decision', {
    operationId: 'decideAppeal',
    access: REVIEWERS,
    tags,
    summary: '申诉复核 the current level answers: overturned, partly (with the revision) or upheld',
    description:
      'The supervisor level first: upheld ends the appeal; a change goes to the manager level, whose outcome is final and revises the judgement or check through the history.',
    params: IdParams,
    body: DecideAppealBody,
    response: { 200: AppealSchema, ...problems(400, 401, 403, 404, 409) },
  }),
  withdrawAppeal: endpoint('POST', '/appeals/:id/withdraw', {
    operationId: 'withdrawAppeal',
    access: STAFF,
    tags,
    summary: '撤回申诉 the appellant withdraws an open appeal',
    params: IdParams,
    response: { 200: AppealSchema, ...problems(401, 403, 404, 409) },
  }),
  getAppealSettings: endpoint('GET', '/settings/appeals', {
    operationId: 'getAppealSettings',
    access: ROLES,
    tags,
    summary: '申诉期限 the calendar days after a judgement within which it may be appealed',
    response: { 200: AppealSettingsSchema, ...problems(401) },
  }),
  saveAppealSettings: endpoint('PUT', '/settings/appeals', {
    operationId: 'saveAppealSettings',
    access: ['admin'],
    tags,
    summary: '申诉期限 change the appeal window (admin)',
    body: AppealSettingsSchema,
    response: { 200: AppealSettingsSchema, ...problems(400, 401, 403) },
  }),
};
