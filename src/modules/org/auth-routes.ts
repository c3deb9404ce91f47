import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { pickLocale } from '../../i18n/index.js';
import { actorContext, type Http, route, SESSION_COOKIE } from '../../server/http.js';
import { authEndpoints } from './auth-endpoints.js';
import { logout, SESSION_TTL_MS, type SignInClient } from './sessions.js';
import { completeSignIn, login } from './sign-in.js';
import { rememberLocale } from './user-locale.js';

const clientOf = (req: FastifyRequest): SignInClient => {
  const language = req.headers['accept-language'];
  return {
    address: req.ip,
    userAgent: req.headers['user-agent'] ?? null,
    ...(language ? { locale: pickLocale(language) } : {}),
  };
};

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

/** Sign in (one or two steps) and out, and who is signed in. */
export function authRoutes(http: Http, app: AppContext): void {
  route(http, authEndpoints.login, async (req, reply) => {
    const signedIn = await login(app, { ...req.body, ...clientOf(req) });
    if (signedIn.kind === 'second_factor')
      return reply.code(202).send({
        secondFactor: 'totp' as const,
        pendingToken: signedIn.pendingToken,
        expiresAt: new Date(signedIn.expiresAt).toISOString(),
      });
    setSessionCookie(req, reply, signedIn.token);
    return { user: signedIn.actor };
  });
  route(http, authEndpoints.completeSignIn, async (req, reply) => {
    const { token, actor } = await completeSignIn(app, { ...req.body, ...clientOf(req) });
    setSessionCookie(req, reply, token);
    return { user: actor };
  });
  route(http, authEndpoints.logout, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(app, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });
  route(http, authEndpoints.me, async (req) => ({ user: actorContext(app, req).actor }));
  route(http, authEndpoints.session, async (req) => ({ user: req.actor }));
  route(http, authEndpoints.setMyLocale, async (req, reply) => {
    await rememberLocale(app.db, actorContext(app, req).actor.userId, req.body.locale);
    return reply.code(204).send(null);
  });
}
