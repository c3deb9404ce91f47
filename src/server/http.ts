import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
  RouteOptions,
} from 'fastify';
import type { ActorContext, AppContext } from '../context.js';
import type { Actor } from '../domain/actor.js';
import { unauthenticated } from '../lib/errors.js';
import { checkAccess } from './access.js';
import type { Endpoint } from './endpoint.js';
import { guardInput } from './input-guard.js';

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

/**
 * Bind a handler to an endpoint of the contract (server/endpoint.ts); its input and answer are typed
 * by the schemas. Who may call it (`access`) is checked before its input is validated (server/access.ts).
 */
export function route<E extends Endpoint>(
  http: Http,
  endpoint: E,
  handler: RouteHandlerMethod<
    RawServerDefault,
    RawRequestDefaultExpression,
    RawReplyDefaultExpression,
    RouteGenericInterface,
    ContextConfigDefault,
    E['schema'],
    TypeBoxTypeProvider
  >,
  options: Pick<RouteOptions, 'config' | 'preHandler' | 'bodyLimit'> = {},
): void {
  const { access, ...schema } = endpoint.schema;
  // The handler was typed against the endpoint's schemas above; Fastify's untyped route() cannot restate that.
  http.route({
    method: endpoint.method,
    url: endpoint.url,
    schema,
    handler,
    ...options,
    config: { ...options.config, access },
    preValidation: async (req: FastifyRequest) => checkAccess(access, schema.operationId, req),
    preHandler: [guardInput, ...[options.preHandler ?? []].flat()],
  } as unknown as RouteOptions);
}
