import { Type } from 'typebox';
import { ROLES } from '../../domain/roles.js';
import { endpoint, NoContent, problems } from '../../server/endpoint.js';
import {
  ApiTokenSchema,
  IdParams,
  NewApiTokenBody,
  NewApiTokenSchema,
  NewUnitBody,
  NewUserBody,
  StaffMemberSchema,
  StaffQuery,
  UnitChangesBody,
  UnitSchema,
  UserChangesBody,
  UserSchema,
} from './schemas.js';

const tags = ['organisation'];
const list = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item) });

export const orgEndpoints = {
  listUnits: endpoint('GET', '/units', {
    operationId: 'listUnits',
    access: ROLES,
    tags,
    summary: '组织 the units, in tree order',
    response: { 200: list(UnitSchema), ...problems(401) },
  }),
  createUnit: endpoint('POST', '/units', {
    operationId: 'createUnit',
    access: ['admin'],
    tags,
    summary: '新增组织 add a unit (admin)',
    body: NewUnitBody,
    response: { 201: UnitSchema, ...problems(400, 401, 403) },
  }),
  updateUnit: endpoint('PATCH', '/units/:id', {
    operationId: 'updateUnit',
    access: ['admin'],
    tags,
    summary: '编辑组织 rename, re-kind, move or deactivate a unit (admin)',
    params: IdParams,
    body: UnitChangesBody,
    response: { 200: UnitSchema, ...problems(400, 401, 403, 404) },
  }),
  listStaff: endpoint('GET', '/staff', {
    operationId: 'listStaff',
    access: ROLES,
    tags,
    summary: '人员 colleagues to assign or transfer to (any signed-in staff member)',
    querystring: StaffQuery,
    response: { 200: list(StaffMemberSchema), ...problems(400, 401, 403) },
  }),
  listUsers: endpoint('GET', '/users', {
    operationId: 'listUsers',
    access: ['admin'],
    tags,
    summary: '用户 the users (admin)',
    response: { 200: list(UserSchema), ...problems(401, 403) },
  }),
  createUser: endpoint('POST', '/users', {
    operationId: 'createUser',
    access: ['admin'],
    tags,
    summary: '新增用户 add a user (admin)',
    body: NewUserBody,
    response: { 201: UserSchema, ...problems(400, 401, 403, 409) },
  }),
  updateUser: endpoint('PATCH', '/users/:id', {
    operationId: 'updateUser',
    access: ['admin'],
    tags,
    summary: '编辑用户 change, deactivate or reset the password of a user (admin)',
    params: IdParams,
    body: UserChangesBody,
    response: { 200: UserSchema, ...problems(400, 401, 403, 404) },
  }),
  listApiTokens: endpoint('GET', '/api-tokens', {
    operationId: 'listApiTokens',
    access: ['admin'],
    tags,
    summary: '接口令牌 API tokens of integrations (admin)',
    response: { 200: list(ApiTokenSchema), ...problems(401, 403) },
  }),
  createApiToken: endpoint('POST', '/api-tokens', {
    operationId: 'createApiToken',
    access: ['admin'],
    tags,
    summary: '新增令牌 issue an API token acting as a user (admin); the token is shown once',
    body: NewApiTokenBody,
    response: { 201: NewApiTokenSchema, ...problems(400, 401, 403, 404) },
  }),
  revokeApiToken: endpoint('DELETE', '/api-tokens/:id', {
    operationId: 'revokeApiToken',
    access: ['admin'],
    tags,
    summary: '吊销令牌 revoke an API token (admin)',
    params: IdParams,
    response: { 204: NoContent, ...problems(400, 401, 403, 404) },
  }),
};
