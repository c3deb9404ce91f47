/** One field that failed validation, reported in problem+json `fields`. */
export interface FieldProblem {
  /** JSON pointer into the request, e.g. `/body/amount`. */
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

/**
 * An error the user caused or may correct. `code` is stable and has a message in each locale
 * (src/i18n); `status` is the HTTP status the server maps it to.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldProblem[] = [],
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const badRequest = (code: string, fields: FieldProblem[] = [], params: Record<string, unknown> = {}) =>
  new DomainError(code, 400, params, fields);
export const unauthenticated = () => new DomainError('unauthenticated', 401);
export const forbidden = (code = 'forbidden', params: Record<string, unknown> = {}) =>
  new DomainError(code, 403, params);
export const notFound = (code = 'not_found', params: Record<string, unknown> = {}) =>
  new DomainError(code, 404, params);
export const conflict = (code: string, params: Record<string, unknown> = {}) =>
  new DomainError(code, 409, params);
export const payloadTooLarge = (code = 'payload_too_large', params: Record<string, unknown> = {}) =>
  new DomainError(code, 413, params);
export const unsupportedMediaType = (code = 'unsupported_media_type', params: Record<string, unknown> = {}) =>
  new DomainError(code, 415, params);
export const tooManyRequests = (code = 'too_many_requests', params: Record<string, unknown> = {}) =>
  new DomainError(code, 429, params);
export const serviceUnavailable = (code: string, params: Record<string, unknown> = {}) =>
  new DomainError(code, 503, params);
