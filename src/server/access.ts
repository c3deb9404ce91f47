import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, notFound, unauthenticated } from '../lib/errors.js';
import type { Access } from './endpoint.js';

/** The header a portal customer's proof of their complaint travels in (not Authorization, which is the staff API token's). */
export const TRACKING_HEADER = 'x-kesu-tracking';

/** Does the request carry a portal customer's proof? Whether it proves the complaint is the portal's check. */
const presentsCustomerProof = (req: FastifyRequest) => {
  const proof = req.headers[TRACKING_HEADER];
  return typeof proof === 'string' && proof.trim() !== '';
};

/**
 * The portal's one answer to every failed proof (portal/tracking-rules.ts): a request without any is
 * refused like a wrong one, so that the portal's answers never differ by what was presented.
 */
const noCustomerProof = () => notFound('tracking_denied');

/**
 * The role gate every endpoint passes before its input is validated and its handler runs
 * (server/http.ts route()): 401 for a caller who is not who `access` names (the portal's 404
 * `tracking_denied` on a customer's route), 403 `forbidden` for a staff member without one of its
 * roles. The modules' finer checks (the customer's proof, unit scope, authority) follow.
 */
export function checkAccess(access: Access, operationId: string, req: FastifyRequest): void {
  if (access === 'public') return;
  if (access === 'customer') {
    if (!presentsCustomerProof(req)) throw noCustomerProof();
    return;
  }
  if (access === 'signed_in') {
    if (!req.actor && !presentsCustomerProof(req)) throw unauthenticated();
    return;
  }
  if (!req.actor) throw unauthenticated();
  if (req.actor.customerOf !== undefined || !req.actor.roles.some((r) => access.includes(r)))
    throw forbidden('forbidden', { action: operationId, roles: access });
}

/** A route of the API as registered, with the access it declares (none: a route that bypassed route()). */
export interface DeclaredRoute {
  method: string;
  url: string;
  operationId?: string;
  access?: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api/v1 route registered, for the access matrix test (test/http/access-matrix.test.ts). */
    declaredRoutes: DeclaredRoute[];
  }
}

/** Record each API route and its access as it is registered; call before any route is. */
export function recordDeclaredRoutes(http: FastifyInstance): void {
  const routes: DeclaredRoute[] = [];
  http.decorate('declaredRoutes', routes);
  http.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/v1/')) return;
    const config = r.config as { access?: Access } | undefined;
    for (const method of [r.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: r.url, operationId: r.schema?.operationId, access: config?.access });
    }
  });
}
