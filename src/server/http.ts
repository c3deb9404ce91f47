import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ActorContext, AppContext } from '../context.js';
import { unauthenticated } from '../lib/errors.js';
import type { Actor } from '../modules/org/actor.js';

/** The Fastify instance routes are declared on, with TypeBox type inference. */
export type Http = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The module context for a signed-in request; 401 when nobody is signed in. */
export function actorContext(app: AppContext, req: FastifyRequest): ActorContext {
  if (!req.actor) throw unauthenticated();
  return { ...app, actor: req.actor };
}

export const SESSION_COOKIE = 'kesu_session';
