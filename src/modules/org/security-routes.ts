import type { AppContext } from '../../context.js';
import { actorContext, type Http, route, SESSION_COOKIE } from '../../server/http.js';
import { liftLockout } from './login-throttle.js';
import { securityEndpoints as e } from './security-endpoints.js';
import { endMySessions, mySessions } from './sessions.js';
import {
  confirmTotpEnrolment,
  disableTotp,
  resetTotp,
  startTotpEnrolment,
  totpOffered,
  totpStatus,
} from './totp.js';
import { endUserSessions, userSecurity } from './user-security.js';

/** 账号安全: sessions and second factor, one's own and (for the admin) anyone's. */
export function securityRoutes(http: Http, app: AppContext): void {
  route(http, e.listMySessions, async (req) => ({
    items: await mySessions(actorContext(app, req), req.cookies[SESSION_COOKIE]),
  }));
  route(http, e.endMySession, async (req, reply) => {
    await endMySessions(actorContext(app, req), { ref: req.params.id });
    return reply.code(204).send(null);
  });
  route(http, e.endMyOtherSessions, async (req, reply) => {
    await endMySessions(actorContext(app, req), { keepToken: req.cookies[SESSION_COOKIE] });
    return reply.code(204).send(null);
  });
  route(http, e.getMyTotp, async (req) => {
    const ctx = actorContext(app, req);
    return {
      ...(await totpStatus(ctx.db, ctx.actor.userId)),
      offered: totpOffered(ctx.actor),
    };
  });
  route(http, e.startTotpEnrolment, async (req) => startTotpEnrolment(actorContext(app, req)));
  route(http, e.confirmTotpEnrolment, async (req, reply) => {
    await confirmTotpEnrolment(actorContext(app, req), req.body.code);
    return reply.code(204).send(null);
  });
  route(http, e.disableTotp, async (req, reply) => {
    await disableTotp(actorContext(app, req), req.body.code);
    return reply.code(204).send(null);
  });
  route(http, e.getUserSecurity, async (req) => userSecurity(actorContext(app, req), req.params.id));
  route(http, e.unlockUser, async (req, reply) => {
    await liftLockout(actorContext(app, req), req.params.id);
    return reply.code(204).send(null);
  });
  route(http, e.resetUserTotp, async (req, reply) => {
    await resetTotp(actorContext(app, req), req.params.id);
    return reply.code(204).send(null);
  });
  route(http, e.endUserSession, async (req, reply) => {
    await endUserSessions(actorContext(app, req), req.params.id, req.params.sessionId);
    return reply.code(204).send(null);
  });
  route(http, e.endUserSessions, async (req, reply) => {
    await endUserSessions(actorContext(app, req), req.params.id);
    return reply.code(204).send(null);
  });
}
