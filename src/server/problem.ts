import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorMessage, fieldMessage, pickLocale } from '../i18n/index.js';
import { DomainError, type FieldProblem } from '../lib/errors.js';

interface SchemaIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** Turn schema validator issues into one field problem per offending field. */
function fieldsFromSchema(part: string, issues: SchemaIssue[]): FieldProblem[] {
  const out: FieldProblem[] = [];
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

const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'validation_failed'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'validation_failed'],
};

/** Every error leaves as application/problem+json with a stable code and a message in the request's language. */
export function sendProblem(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const locale = pickLocale(req.headers['accept-language']);
  let status = 500;
  let code = 'internal_error';
  let params: Record<string, unknown> = {};
  let fields: FieldProblem[] = [];
  const fe = error as FastifyError & { validation?: SchemaIssue[]; validationContext?: string };
  if (error instanceof DomainError) {
    ({ status, code, params, fields } = error);
  } else if (fe.validation) {
    status = 400;
    code = 'validation_failed';
    fields = fieldsFromSchema(fe.validationContext ?? 'body', fe.validation);
  } else if (fe.code && FASTIFY_CODES[fe.code]) {
    [status, code] = FASTIFY_CODES[fe.code] as [number, string];
    if (code === 'validation_failed') fields = [{ path: '/body', code: 'invalid' }];
  } else if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    status = fe.statusCode;
    code = status === 404 ? 'not_found' : 'validation_failed';
  }
  if (status >= 500) req.log.error({ err: error }, 'request failed');
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
