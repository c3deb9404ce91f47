import { Type } from 'typebox';
import { ROLES } from '../../domain/roles.js';
import { endpoint, NoContent, problems } from '../../server/endpoint.js';
import {
  ClassificationSettingsBody,
  ModelList,
  Performance,
  PerformanceQuery,
  Rule,
  RuleBody,
  RuleParams,
  RulePatch,
  TrainBody,
} from './schemas.js';

const tags = ['classification'];

/** 智能分类 administration: keyword rules, settings and training (admin). */
export const classifierEndpoints = {
  listClassificationRules: endpoint('GET', '/classification/rules', {
    operationId: 'listClassificationRules',
    access: ['admin'],
    tags,
    summary: '关键词规则 keyword rules, in the order they are tried (admin)',
    response: { 200: Type.Object({ items: Type.Array(Rule) }), ...problems(401, 403) },
  }),
  createClassificationRule: endpoint('POST', '/classification/rules', {
    operationId: 'createClassificationRule',
    access: ['admin'],
    tags,
    summary: '新增关键词规则 add a keyword rule (admin)',
    body: RuleBody,
    response: { 201: Rule, ...problems(400, 401, 403) },
  }),
  updateClassificationRule: endpoint('PATCH', '/classification/rules/:id', {
    operationId: 'updateClassificationRule',
    access: ['admin'],
    tags,
    summary: '编辑关键词规则 change a keyword rule (admin)',
    params: RuleParams,
    body: RulePatch,
    response: { 200: Rule, ...problems(400, 401, 403, 404) },
  }),
  deleteClassificationRule: endpoint('DELETE', '/classification/rules/:id', {
    operationId: 'deleteClassificationRule',
    access: ['admin'],
    tags,
    summary: '删除关键词规则 delete a keyword rule (admin)',
    params: RuleParams,
    response: { 204: NoContent, ...problems(400, 401, 403, 404) },
  }),
  getClassificationSettings: endpoint('GET', '/settings/classification', {
    operationId: 'getClassificationSettings',
    access: ROLES,
    tags: ['settings'],
    summary: '智能分类 on/off, the model used at registration, the confidence applied automatically',
    response: { 200: ClassificationSettingsBody, ...problems(401) },
  }),
  saveClassificationSettings: endpoint('PUT', '/settings/classification', {
    operationId: 'saveClassificationSettings',
    access: ['admin'],
    tags: ['settings'],
    summary: '智能分类 change on/off, the model, the confidence applied automatically (admin)',
    body: ClassificationSettingsBody,
    response: { 200: ClassificationSettingsBody, ...problems(400, 401, 403) },
  }),
  trainClassifier: endpoint('POST', '/classification/train', {
    operationId: 'trainClassifier',
    access: ['admin'],
    tags,
    summary: '训练 queue a training from closed complaints and corrections (admin)',
    body: TrainBody,
    response: { 202: Type.Object({ queued: Type.Boolean() }), ...problems(400, 401, 403) },
  }),
  listClassifierModels: endpoint('GET', '/classification/models', {
    operationId: 'listClassifierModels',
    access: ['admin'],
    tags,
    summary: '模型 the starter models and those trained here, the active one marked (admin)',
    response: { 200: ModelList, ...problems(401, 403) },
  }),
  classifierPerformance: endpoint('GET', '/classification/performance', {
    operationId: 'classifierPerformance',
    access: ['admin'],
    tags,
    summary:
      "模型表现 how a model classifies the last month's confirmed categories, per level-1 category (admin)",
    querystring: PerformanceQuery,
    response: { 200: Performance, ...problems(400, 401, 403, 404) },
  }),
};
