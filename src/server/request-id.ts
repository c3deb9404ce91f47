import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { runInContext } from '../lib/request-context.js';
import type { Http } from './http.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming id is kept only when short and plain, so that a caller cannot forge log lines or history with it. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@+=-]{1,128}$/;

/** The request's id (Fastify's genReqId): the caller's X-Request-Id when sane (a proxy's), else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Echo the id in the answer and run the rest of the request inside it: every log line of the
 * request carries it (Fastify's request logger) and every history event it writes (appendEvent).
 */
export function registerRequestContext(http: Http): void {
  http.addHook('onRequest', (req, reply, done) => {
    reply.header(REQUEST_ID_HEADER, req.id);
    runInContext({ requestId: req.id }, done);
  });
}
