import { Type } from 'typebox';
import { ROLES } from '../../domain/roles.js';
import { endpoint, Id, problems } from '../../server/endpoint.js';
import { CHECKER_ROLES } from './policy.js';
import {
  ChecklistBody,
  CheckPageSchema,
  CheckSchema,
  DrawBody,
  DrawResultSchema,
  ListQuery,
  MineQuery,
  QualityChecklistSchema,
  ScoreBody,
} from './schemas.js';

const tags = ['quality'];
const params = Type.Object({ id: Id() });

export const qualityEndpoints = {
  listChecklists: endpoint('GET', '/quality-checklists', {
    operationId: 'listQualityChecklists',
    access: ['admin', ...CHECKER_ROLES],
    tags,
    summary: '质检清单 the checklists, active or not',
    response: { 200: Type.Object({ items: Type.Array(QualityChecklistSchema) }), ...problems(401, 403) },
  }),
  createChecklist: endpoint('POST', '/quality-checklists', {
    operationId: 'createQualityChecklist',
    access: ['admin'],
    tags,
    summary: '新增质检清单 add a checklist: its items with weights and guidance',
    body: ChecklistBody,
    response: { 201: QualityChecklistSchema, ...problems(400, 401, 403) },
  }),
  updateChecklist: endpoint('PUT', '/quality-checklists/:id', {
    operationId: 'updateQualityChecklist',
    access: ['admin'],
    tags,
    summary: '编辑质检清单 replace a checklist (checks already drawn keep their items)',
    params,
    body: ChecklistBody,
    response: { 200: QualityChecklistSchema, ...problems(400, 401, 403, 404) },
  }),
  draw: endpoint('POST', '/quality-checks/draws', {
    operationId: 'drawQualitySample',
    access: CHECKER_ROLES,
    tags,
    summary: '质检抽样 draw closed complaints of a period per handler, at random or by rules',
    body: DrawBody,
    response: { 200: DrawResultSchema, ...problems(400, 401, 403) },
  }),
  listChecks: endpoint('GET', '/quality-checks', {
    operationId: 'listQualityChecks',
    access: CHECKER_ROLES,
    tags,
    summary: '质检列表 the checks of the caller’s units, newest first',
    querystring: ListQuery,
    response: { 200: CheckPageSchema, ...problems(400, 401, 403) },
  }),
  myChecks: endpoint('GET', '/quality-checks/mine', {
    operationId: 'listMyQualityChecks',
    access: ROLES,
    tags,
    summary: '我的质检 the caller’s own scored checks, with findings',
    querystring: MineQuery,
    response: { 200: CheckPageSchema, ...problems(400, 401) },
  }),
  getCheck: endpoint('GET', '/quality-checks/:id', {
    operationId: 'getQualityCheck',
    access: ROLES,
    tags,
    summary: '质检详情 one check: items, scores, notes, findings (and suggestions while a draft)',
    params,
    response: { 200: CheckSchema, ...problems(401, 404) },
  }),
  scoreCheck: endpoint('PUT', '/quality-checks/:id', {
    operationId: 'scoreQualityCheck',
    access: CHECKER_ROLES,
    tags,
    summary: '质检评分 save the scores and findings of a draft, or finalise it',
    params,
    body: ScoreBody,
    response: { 200: CheckSchema, ...problems(400, 401, 403, 404, 409) },
  }),
};
