import type { AppContext } from '../../context.js';
import { actorContext, type Http, route, SESSION_COOKIE } from '../../server/http.js';
import { authEndpoints } from './auth-endpoints.js';
import { login, logout, SESSION_TTL_MS } from './sessions.js';

/** Sign in and out, and who is signed in. */
export function authRoutes(http: Http, app: AppContext): void {
  route(http, authEndpoints.login, async (req, reply) => {
    const { token, actor } = await login(app, req.body.username, req.body.password);
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: req.protocol === 'https',
      maxAge: SESSION_TTL_MS / 1000,
    });
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
}
