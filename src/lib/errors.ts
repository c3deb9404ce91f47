/** What went wrong, independent of any transport; src/server/problem.ts maps each kind to an HTTP status. */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported'
  | 'rate_limited'
  | 'unavailable'
  | 'storage_full';

/** The part of a request a command's input came from (the body unless said otherwise). */
export type InputSource = 'body' | 'querystring' | 'params' | 'headers';

/** One field that failed validation, reported in problem+json `fields`. */
export interface FieldProblem {
  /** JSON pointer into the command's input, e.g. `/amount` or `/complainant/phone`. */
  path: string;
  code: string;
  params?: Record<string, unknown>;
  /** Where the input came from, when it is not the request body (e.g. list filters: `querystring`). */
  source?: InputSource;
}

export interface DomainErrorDetails {
  params?: Record<string, unknown>;
  fields?: FieldProblem[];
}

/**
 * An error the user caused or may correct. `code` is stable and has a message in each locale
 * (src/i18n); `kind` says what sort of failure it is, for the transport to translate.
 */
export class DomainError extends Error {
  readonly params: Record<string, unknown>;
  readonly fields: FieldProblem[];

  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    details: DomainErrorDetails = {},
  ) {
    super(code);
    this.name = 'DomainError';
    this.params = details.params ?? {};
    this.fields = details.fields ?? [];
  }
}

type Params = Record<string, unknown>;

export const badRequest = (code: string, fields: FieldProblem[] = [], params: Params = {}) =>
  new DomainError(code, 'invalid', { params, fields });
export const unauthenticated = (code = 'unauthenticated') => new DomainError(code, 'unauthenticated');
export const forbidden = (code = 'forbidden', params: Params = {}) =>
  new DomainError(code, 'forbidden', { params });
export const notFound = (code = 'not_found', params: Params = {}) =>
  new DomainError(code, 'not_found', { params });
/** `field`: the input's field the conflict is about (a code or name already taken), reported on it. */
export const conflict = (code: string, params: Params = {}, field?: string) =>
  new DomainError(code, 'conflict', {
    params,
    ...(field ? { fields: [{ path: field, code, params }] } : {}),
  });
export const payloadTooLarge = (code = 'payload_too_large', params: Params = {}) =>
  new DomainError(code, 'too_large', { params });
export const unsupportedMediaType = (code = 'unsupported_media_type', params: Params = {}) =>
  new DomainError(code, 'unsupported', { params });
export const tooManyRequests = (code = 'too_many_requests', params: Params = {}) =>
  new DomainError(code, 'rate_limited', { params });
export const serviceUnavailable = (code: string, params: Params = {}) =>
  new DomainError(code, 'unavailable', { params });
export const insufficientStorage = (code = 'insufficient_storage') => new DomainError(code, 'storage_full');
