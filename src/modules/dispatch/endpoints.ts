import { Type } from 'typebox';
import { endpoint, Id, NoContent, problems } from '../../server/endpoint.js';
import { DispatchRuleSchema, RuleBody } from './schemas.js';

const tags = ['dispatch'];
const IdParams = Type.Object({ id: Id() });

export const dispatchEndpoints = {
  listDispatchRules: endpoint('GET', '/dispatch-rules', {
    operationId: 'listDispatchRules',
    access: ['admin'],
    tags,
    summary: '分派规则 dispatch rules, in the order they are tried (admin)',
    response: { 200: Type.Object({ items: Type.Array(DispatchRuleSchema) }), ...problems(401, 403) },
  }),
  createDispatchRule: endpoint('POST', '/dispatch-rules', {
    operationId: 'createDispatchRule',
    access: ['admin'],
    tags,
    summary: '新增分派规则 add a dispatch rule (admin)',
    body: RuleBody,
    response: { 201: DispatchRuleSchema, ...problems(400, 401, 403) },
  }),
  replaceDispatchRule: endpoint('PUT', '/dispatch-rules/:id', {
    operationId: 'replaceDispatchRule',
    access: ['admin'],
    tags,
    summary: '编辑分派规则 replace a dispatch rule (admin)',
    params: IdParams,
    body: RuleBody,
    response: { 200: DispatchRuleSchema, ...problems(400, 401, 403, 404) },
  }),
  deleteDispatchRule: endpoint('DELETE', '/dispatch-rules/:id', {
    operationId: 'deleteDispatchRule',
    access: ['admin'],
    tags,
    summary: '删除分派规则 delete a dispatch rule (admin)',
    params: IdParams,
    response: { 204: NoContent, ...problems(400, 401, 403, 404) },
  }),
};
