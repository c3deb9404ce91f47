import { ROLES } from '../../domain/roles.js';
import { endpoint, NoContent, problems } from '../../server/endpoint.js';
import { SessionAnswer, SignedIn } from './auth-schemas.js';
import { LocaleBody, LoginBody } from './schemas.js';
import { SecondFactorBody, SecondFactorNeeded } from './security-schemas.js';

const tags = ['auth'];

export const authEndpoints = {
  login: endpoint('POST', '/auth/login', {
    operationId: 'login',
    access: 'public',
    tags,
    summary: '登录 sign in; sets the session cookie',
    description:
      'Throttled per account and per client address: repeated failures answer 429 `too_many_attempts` ' +
      'with `Retry-After`, and lock the account for a while. A user with a second factor gets 202 and ' +
      'a pending-sign-in token for /auth/login/second-factor instead of a session.',
    security: [],
    body: LoginBody,
    response: { 200: SignedIn, 202: SecondFactorNeeded, ...problems(400, 401, 429) },
  }),
  completeSignIn: endpoint('POST', '/auth/login/second-factor', {
    operationId: 'completeSignIn',
    access: 'public',
    tags,
    summary: '两步验证登录 the second sign-in step: the authenticator code; sets the session cookie',
    description: 'Wrong and already used codes count as failed sign-ins for throttling.',
    security: [],
    body: SecondFactorBody,
    response: { 200: SignedIn, ...problems(400, 401, 429) },
  }),
  logout: endpoint('POST', '/auth/logout', {
    operationId: 'logout',
    access: 'public',
    tags,
    summary: '退出 sign out; ends the session and clears its cookie',
    description: 'Answers 204 whether or not a session was open.',
    response: { 204: NoContent, ...problems(400) },
  }),
  me: endpoint('GET', '/auth/me', {
    operationId: 'getMe',
    access: ROLES,
    tags,
    summary: '当前用户 the signed-in user',
    response: { 200: SignedIn, ...problems(401) },
  }),
  session: endpoint('GET', '/auth/session', {
    operationId: 'getSession',
    access: 'public',
    tags,
    summary: '会话 who is signed in, if anyone',
    description: 'The console asks at start; "nobody" is an answer (`user: null`), not an error.',
    security: [],
    response: { 200: SessionAnswer, ...problems(400) },
  }),
  setMyLocale: endpoint('PUT', '/auth/locale', {
    operationId: 'setMyLocale',
    access: ROLES,
    tags,
    summary: "通知语言 the language of the signed-in user's notices",
    description:
      'The console sends it when the user switches language (a sign-in in a language does the same); ' +
      'in-app and e-mail notices to the user are written in it from then on.',
    body: LocaleBody,
    response: { 204: NoContent, ...problems(400, 401) },
  }),
};
