import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { storageFault } from '../db/db-errors.js';
import { errorMessage, fieldMessage, pickLocale } from '../i18n/index.js';
import {
  DomainError,
  type ErrorKind,
  type FieldProblem,
  insufficientStorage,
  serviceUnavailable,
} from '../lib/errors.js';

/** The HTTP status of each kind of domain error: the one place that knows. */
const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
  unavailable: 503,
  storage_full: 507,
};

/** Seconds a client should wait before retrying while the database is unavailable. */
const RETRY_AFTER_SECONDS = 5;

/** A database that is down or busy, or a full disk, is the storage's failure, not a bug: say so. */
function asStorageProblem(error: Error): Error {
  if (error instanceof DomainError) return error;
  const fault = storageFault(error);
  if (fault === 'full') return insufficientStorage();
  if (fault === 'unavailable') return serviceUnavailable('database_unavailable');
  return error;
}

/** A field problem as clients see it: its path points into the request, e.g. `/body/amount`. */
type RequestFieldProblem = Omit<FieldProblem, 'source'>;

/** A command's field problem (path relative to its input) as a pointer into the request. */
const inRequest = ({ source = 'body', path, ...rest }: FieldProblem): RequestFieldProblem => ({
  ...rest,
  path: `/${source}${path}`,
});

interface SchemaIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** Turn schema validator issues into one field problem per offending field. */
function fieldsFromSchema(part: string, issues: SchemaIssue[]): RequestFieldProblem[] {
  const out: RequestFieldProblem[] = [];
  for (const issue of issues) {
    const base = `/${part}${issue.instancePath}`;
    if (issue.keyword === 'required') {
      for (const p of (issue.params.requiredProperties as string[] | undefined) ?? [])
        out.push({ path: `${base}/${p}`, code: 'required' });
    } else if (issue.keyword === 'additionalProperties') {
      for (const p of (issue.params.additionalProperties as string[] | undefined) ?? [])
        out.push({ path: `${base}/${p}`, code: 'unknown_field' });
    } else if (issue.keyword !== 'boolean' && issue.keyword !== 'anyOf') {
      out.push({ path: base, code: issue.keyword, params: issue.params });
    }
  }
  return out;
}

/** The HTTP layer's own errors: Fastify's body parsing, and the handler timeout (timeouts.ts). */
const HTTP_LAYER_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'validation_failed'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'validation_failed'],
  KESU_HANDLER_TIMEOUT: [503, 'timeout'],
};

/** Every error leaves as application/problem+json with a stable code and a message in the request's language. */
export function sendProblem(cause: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const error = asStorageProblem(cause);
  const locale = pickLocale(req.headers['accept-language']);
  let status = 500;
  let code = 'internal_error';
  let params: Record<string, unknown> = {};
  let fields: RequestFieldProblem[] = [];
  const fe = error as FastifyError & { validation?: SchemaIssue[]; validationContext?: string };
  if (error instanceof DomainError) {
    ({ code, params } = error);
    status = STATUS_OF_KIND[error.kind];
    fields = error.fields.map(inRequest);
  } else if (fe.validation) {
    status = 400;
    code = 'validation_failed';
    fields = fieldsFromSchema(fe.validationContext ?? 'body', fe.validation);
  } else if (fe.code && HTTP_LAYER_CODES[fe.code]) {
    [status, code] = HTTP_LAYER_CODES[fe.code] as [number, string];
    if (code === 'validation_failed') fields = [{ path: '/body', code: 'invalid' }];
  } else if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    status = fe.statusCode;
    code = status === 404 ? 'not_found' : 'validation_failed';
  }
  if (status >= 500) req.log.error({ err: cause }, 'request failed');
  if (typeof params.retryAfter === 'number') reply.header('retry-after', String(params.retryAfter));
  // A busy or unreachable server: the client may try again shortly.
  else if (code === 'database_unavailable' || code === 'timeout')
    reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  const message = errorMessage(locale, code, params);
  return reply
    .code(status)
    .type('application/problem+json')
    .header('content-language', locale)
    .send({
      type: `urn:kesu:problem:${code}`,
      title: message,
      status,
      code,
      detail: message,
      instance: req.url,
      ...(Object.keys(params).length ? { params } : {}),
      ...(fields.length
        ? {
            fields: fields.map((f) => ({
              path: f.path,
              code: f.code,
              message: fieldMessage(locale, f.code, f.params),
              ...(f.params ? { params: f.params } : {}),
            })),
          }
        : {}),
    });
}
