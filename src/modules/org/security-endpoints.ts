import { ROLES } from '../../domain/roles.js';
import { endpoint, NoContent, problems } from '../../server/endpoint.js';
import { IdParams } from './schemas.js';
import {
  SessionList,
  SessionParams,
  TotpCodeBody,
  TotpEnrolmentSchema,
  TotpStatusSchema,
  UserSecuritySchema,
  UserSessionParams,
} from './security-schemas.js';

const tags = ['auth'];
const adminTags = ['organisation'];
const staff = ROLES;
const admin = ['admin'] as const;

/** 账号安全: one's own sessions and second factor; the admin's view and actions for a user. */
export const securityEndpoints = {
  listMySessions: endpoint('GET', '/auth/sessions', {
    operationId: 'listMySessions',
    access: staff,
    tags,
    summary: '我的会话 my signed-in sessions (the current one marked)',
    response: { 200: SessionList, ...problems(401, 403) },
  }),
  endMySession: endpoint('DELETE', '/auth/sessions/:id', {
    operationId: 'endMySession',
    access: staff,
    tags,
    summary: '退出会话 sign one of my sessions out',
    params: SessionParams,
    response: { 204: NoContent, ...problems(400, 401, 403, 404) },
  }),
  endMyOtherSessions: endpoint('DELETE', '/auth/sessions', {
    operationId: 'endMyOtherSessions',
    access: staff,
    tags,
    summary: '退出其他会话 sign out every session but this one',
    response: { 204: NoContent, ...problems(401, 403) },
  }),
  getMyTotp: endpoint('GET', '/auth/totp', {
    operationId: 'getMyTotp',
    access: staff,
    tags,
    summary: '两步验证 whether my second factor is on, and whether it is offered to me',
    response: { 200: TotpStatusSchema, ...problems(401, 403) },
  }),
  startTotpEnrolment: endpoint('POST', '/auth/totp/enrolment', {
    operationId: 'startTotpEnrolment',
    access: staff,
    tags,
    summary: '启用两步验证 start enrolling an authenticator app: a new secret and its otpauth:// URI',
    description: 'The second factor is on only after /auth/totp/enrolment/confirm accepts a code.',
    response: { 200: TotpEnrolmentSchema, ...problems(401, 403, 409) },
  }),
  confirmTotpEnrolment: endpoint('POST', '/auth/totp/enrolment/confirm', {
    operationId: 'confirmTotpEnrolment',
    access: staff,
    tags,
    summary: '确认两步验证 finish the enrolment with a code from the app',
    body: TotpCodeBody,
    response: { 204: NoContent, ...problems(400, 401, 403, 409) },
  }),
  disableTotp: endpoint('POST', '/auth/totp/disable', {
    operationId: 'disableTotp',
    access: staff,
    tags,
    summary: '关闭两步验证 turn my second factor off with a current code',
    body: TotpCodeBody,
    response: { 204: NoContent, ...problems(400, 401, 403, 409) },
  }),
  getUserSecurity: endpoint('GET', '/users/:id/security', {
    operationId: 'getUserSecurity',
    access: admin,
    tags: adminTags,
    summary: "账号安全 a user's lockout, second factor and sessions (admin)",
    params: IdParams,
    response: { 200: UserSecuritySchema, ...problems(400, 401, 403, 404) },
  }),
  unlockUser: endpoint('POST', '/users/:id/unlock', {
    operationId: 'unlockUser',
    access: admin,
    tags: adminTags,
    summary: "解除锁定 lift a user's sign-in lockout (admin; recorded in the history)",
    params: IdParams,
    response: { 204: NoContent, ...problems(400, 401, 403, 404) },
  }),
  resetUserTotp: endpoint('DELETE', '/users/:id/totp', {
    operationId: 'resetUserTotp',
    access: admin,
    tags: adminTags,
    summary: '重置两步验证 remove the second factor of a user who lost the device (admin; recorded)',
    params: IdParams,
    response: { 204: NoContent, ...problems(400, 401, 403, 404) },
  }),
  endUserSession: endpoint('DELETE', '/users/:id/sessions/:sessionId', {
    operationId: 'endUserSession',
    access: admin,
    tags: adminTags,
    summary: '强制退出 sign one session of a user out (admin)',
    params: UserSessionParams,
    response: { 204: NoContent, ...problems(400, 401, 403, 404) },
  }),
  endUserSessions: endpoint('DELETE', '/users/:id/sessions', {
    operationId: 'endUserSessions',
    access: admin,
    tags: adminTags,
    summary: '全部退出 sign every session of a user out (admin)',
    params: IdParams,
    response: { 204: NoContent, ...problems(400, 401, 403, 404) },
  }),
};
