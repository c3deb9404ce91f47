import type { FastifyReply } from 'fastify';
import type { Http } from './http.js';

/** KESU_REQUEST_TIMEOUT's default: the time for an ordinary request, from its first byte to its answer. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/**
 * How long an upload or a file download may take at most: 100 MiB (the largest upload) in 10
 * minutes is 175 KiB/s, about 1.4 Mbit/s — a weak mobile or ADSL uplink still gets its file through.
 */
export const TRANSFER_WINDOW_MS = 10 * 60_000;

const transferWindow = (requestMs: number) => Math.max(requestMs, TRANSFER_WINDOW_MS);

/**
 * Fastify's socket timeouts from the request timeout: a socket silent for twice as long is closed
 * (after the handler timeout's 503 has had its chance); an idle kept-alive connection is closed after
 * it. Node's limit on receiving a whole request is the transfer window, because it applies to every
 * route alike; the ordinary routes' bodies are cut sooner by the handler timeout and the unread-body
 * window that follows it (unread-body.ts).
 */
export function serverTimeouts(requestMs: number) {
  return {
    connectionTimeout: 2 * requestMs,
    keepAliveTimeout: requestMs,
    requestTimeout: transferWindow(requestMs),
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How long the route's handler may run before the answer is 503 `timeout` (registerHandlerTimeouts). */
    handlerTimeoutMs?: number;
  }
}

/** The error a handler still running at its time limit is answered with: 503 `timeout` (problem.ts). */
class HandlerTimeoutError extends Error {
  readonly code = 'KESU_HANDLER_TIMEOUT';
  constructor(readonly ms: number) {
    super(`the handler was still running after ${ms} ms`);
  }
}

interface RouteSchema {
  consumes?: string[];
  response?: Record<string, unknown>;
}

/** Whether an endpoint moves a file: it takes multipart uploads, or answers with a file (answerIn's `content`). */
function movesFiles(schema: RouteSchema | undefined): boolean {
  if (schema?.consumes?.includes('multipart/form-data')) return true;
  return Object.values(schema?.response ?? {}).some(
    (r) => typeof r === 'object' && r !== null && 'content' in r,
  );
}

function answerTimedOut(reply: FastifyReply, ms: number): void {
  if (reply.sent) return;
  const error = new HandlerTimeoutError(ms);
  // A file already on its way cannot become a problem: the connection is cut instead.
  if (reply.raw.headersSent) reply.raw.destroy(error);
  else reply.send(error);
}

/**
 * A handler still running after the request timeout is answered 503 `timeout` (its transaction
 * commits or rolls back by itself); routes that upload or download files get the transfer window.
 * The clock starts when the request is routed, before its body is read, so a body sent too slowly
 * gets the 503 too. Register before the routes.
 *
 * Not Fastify's own `handlerTimeout` (5.12): it takes the request stream's `close` for the client
 * going away, and that event also comes when a body has all been read, so every request with a body
 * lost its time limit (fastify/fastify#6725), and paid for an abort on every request.
 */
export function registerHandlerTimeouts(http: Http, requestMs: number): void {
  http.addHook('onRoute', (route) => {
    const handlerTimeoutMs = movesFiles(route.schema as RouteSchema | undefined)
      ? transferWindow(requestMs)
      : requestMs;
    route.config = { ...route.config, handlerTimeoutMs };
  });
  http.addHook('onRequest', (req, reply, done) => {
    const ms = req.routeOptions.config.handlerTimeoutMs ?? requestMs;
    const timer = setTimeout(answerTimedOut, ms, reply, ms);
    // The answer's `close` comes once it is sent or its client has gone.
    reply.raw.once('close', () => clearTimeout(timer));
    done();
  });
}
