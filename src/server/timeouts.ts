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
 * Fastify's timeouts from the request timeout: a handler still running after it answers 503
 * `timeout` (its transaction commits or rolls back by itself); a socket silent for twice as long is
 * closed (after the handler's 503 has had its chance); an idle kept-alive connection is closed after
 * it. Node's limit on receiving a whole request is the transfer window, because it applies to every
 * route alike; the ordinary routes' bodies are cut sooner by the handler timeout and the unread-body
 * window that follows it (unread-body.ts).
 */
export function serverTimeouts(requestMs: number) {
  return {
    handlerTimeout: requestMs,
    connectionTimeout: 2 * requestMs,
    keepAliveTimeout: requestMs,
    requestTimeout: transferWindow(requestMs),
  };
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

/** Routes that upload or download files get the transfer window as their handler timeout. Register before the routes. */
export function registerTransferWindows(http: Http, requestMs: number): void {
  http.addHook('onRoute', (route) => {
    if (route.handlerTimeout === undefined && movesFiles(route.schema as RouteSchema | undefined))
      route.handlerTimeout = transferWindow(requestMs);
  });
}
