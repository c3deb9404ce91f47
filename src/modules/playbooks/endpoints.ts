import { Type } from 'typebox';
import { ROLES } from '../../domain/roles.js';
import { endpoint, Id, NoContent, problems } from '../../server/endpoint.js';
import { NumberParams } from '../complaints/endpoints.js';
import {
  ChecklistSchema,
  FirstResponseQuery,
  FirstResponseSchema,
  GuidanceBody,
  GuidanceSchema,
  PlaybookBody,
  PlaybookSchema,
  TickBody,
} from './schemas.js';

const tags = ['playbooks'];

export const playbookEndpoints = {
  listPlaybooks: endpoint('GET', '/playbooks', {
    operationId: 'listPlaybooks',
    access: ['admin'],
    tags,
    summary: '处置清单 the playbooks, active or not (admin)',
    response: { 200: Type.Object({ items: Type.Array(PlaybookSchema) }), ...problems(401, 403) },
  }),
  createPlaybook: endpoint('POST', '/playbooks', {
    operationId: 'createPlaybook',
    access: ['admin'],
    tags,
    summary: '新增处置清单 add a playbook: its trigger (category subtree and/or major reason) and steps',
    body: PlaybookBody,
    response: { 201: PlaybookSchema, ...problems(400, 401, 403) },
  }),
  updatePlaybook: endpoint('PUT', '/playbooks/:id', {
    operationId: 'updatePlaybook',
    access: ['admin'],
    tags,
    summary: '编辑处置清单 replace a playbook (checklists already attached keep their steps)',
    params: Type.Object({ id: Id() }),
    body: PlaybookBody,
    response: { 200: PlaybookSchema, ...problems(400, 401, 403, 404) },
  }),
  listGuidance: endpoint('GET', '/category-guidance', {
    operationId: 'listCategoryGuidance',
    access: ['admin'],
    tags,
    summary: '首问指引 the first-response guidance of each category that has its own (admin)',
    response: { 200: Type.Object({ items: Type.Array(GuidanceSchema) }), ...problems(401, 403) },
  }),
  setGuidance: endpoint('PUT', '/category-guidance/:categoryId', {
    operationId: 'setCategoryGuidance',
    access: ['admin'],
    tags,
    summary: '设置首问指引 set a category’s first-response guidance (applies to its subtree)',
    params: Type.Object({ categoryId: Id() }),
    body: GuidanceBody,
    response: { 200: GuidanceSchema, ...problems(400, 401, 403, 404) },
  }),
  removeGuidance: endpoint('DELETE', '/category-guidance/:categoryId', {
    operationId: 'removeCategoryGuidance',
    access: ['admin'],
    tags,
    summary: '删除首问指引 remove a category’s own guidance (its parent’s applies again)',
    params: Type.Object({ categoryId: Id() }),
    response: { 204: NoContent, ...problems(401, 403, 404) },
  }),
  firstResponse: endpoint('GET', '/first-response', {
    operationId: 'getFirstResponse',
    access: ROLES,
    tags,
    summary: '首问指引 the guidance and the playbooks that apply to a category and major reasons',
    querystring: FirstResponseQuery,
    response: { 200: FirstResponseSchema, ...problems(400, 401) },
  }),
  getChecklist: endpoint('GET', '/complaints/:number/checklist', {
    operationId: 'getChecklist',
    access: ROLES,
    tags,
    summary: '处置清单 the complaint’s checklist: the steps of the playbooks attached to it',
    params: NumberParams,
    response: { 200: ChecklistSchema, ...problems(401, 404) },
  }),
  tickStep: endpoint('PUT', '/complaints/:number/checklist/:stepId', {
    operationId: 'tickChecklistStep',
    // Those who may update the complaint (complaints' PERMISSIONS).
    access: ['agent', 'handler', 'supervisor', 'manager'],
    tags,
    summary: '勾选步骤 tick a step, or untick it with a reason',
    params: Type.Object({ number: Type.String({ maxLength: 32 }), stepId: Id() }),
    body: TickBody,
    response: { 200: ChecklistSchema, ...problems(400, 401, 403, 404, 409) },
  }),
};
