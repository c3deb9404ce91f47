/**
 * The API contract: each module declares its endpoints here-shaped in `endpoints.ts` (method, URL,
 * schemas for every input and every answer), binds handlers to them in `routes.ts`, and the console
 * takes its request and response types from the same declarations (web/src/api/client.ts).
 *
 * Pure: imports only TypeBox, so the console can import the types without pulling server code.
 */
import { type Static, type TNumberOptions, type TSchema, type TUnsafe, Type } from 'typebox';
import type { Role } from '../domain/roles.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The problem+json body of every error answer (server/problem.ts writes it). */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'stable machine-readable code' }),
    detail: Type.String(),
    instance: Type.String(),
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    fields: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String({ description: 'JSON pointer into the request, e.g. /body/amount' }),
          code: Type.String(),
          message: Type.String(),
          params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
        }),
      ),
    ),
  },
  { $id: 'Problem', description: 'application/problem+json (RFC 9457)' },
);
export type Problem = Static<typeof ProblemSchema>;

const PROBLEM_DESCRIPTIONS = {
  400: 'invalid input (fields name what to correct)',
  401: 'not signed in',
  403: 'not allowed for this role or beyond this authority',
  404: 'not found, or not visible to the caller',
  409: 'conflicts with the current state',
  413: 'too large',
  415: 'unsupported media type',
  429: 'too many requests',
  503: 'a service Kesu depends on is unavailable',
  507: 'the server has no room left to store the request',
} as const;
export type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS;

/** The error answers an endpoint may give, each a problem+json body. */
export function problems<const S extends ProblemStatus[]>(...statuses: S): Record<S[number], ProblemRef> {
  const out: Record<number, ProblemRef> = {};
  for (const status of statuses)
    out[status] = Type.Unsafe<Problem>(Type.Ref('Problem', { description: PROBLEM_DESCRIPTIONS[status] }));
  return out as Record<S[number], ProblemRef>;
}
type ProblemRef = TUnsafe<Problem>;

/** A file in an answer: the handler sends its bytes (a Buffer or a stream), Fastify passes them on unserialised. */
export const Binary = Type.Unsafe<string | Uint8Array | AsyncIterable<Uint8Array>>(
  Type.String({ format: 'binary' }),
);

/**
 * An answer in media types other than JSON, or in several (a file; a report as JSON or as a
 * workbook): each media type with its schema, as OpenAPI's `content` map.
 */
export function answerIn<const C extends Record<string, TSchema>>(
  description: string,
  content: C,
): TUnsafe<Static<C[keyof C]>> {
  return Type.Unsafe<Static<C[keyof C]>>({
    description,
    content: Object.fromEntries(Object.entries(content).map(([type, schema]) => [type, { schema }])),
  });
}

/** A row's id in a path, query or body: positive, and no larger than JavaScript counts exactly (ids are bigint). */
export const Id = (options: TNumberOptions = {}) =>
  Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, ...options });

/** An answer without a body (204). */
export const NoContent = Type.Null({ description: 'no content' });

/**
 * Who may call an endpoint at all (unit scope and amount limits are checked by the module):
 * anyone, any signed-in user or portal customer, the portal customer, or staff holding one of the roles.
 */
export type Access = 'public' | 'signed_in' | 'customer' | readonly Role[];

export interface EndpointSchema {
  operationId: string;
  /** Enforced in one place by route() (server/http.ts, server/access.ts); not part of the OpenAPI document. */
  access: Access;
  summary: string;
  description?: string;
  tags: string[];
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  headers?: TSchema;
  consumes?: string[];
  produces?: string[];
  security?: Array<Record<string, string[]>>;
  hide?: boolean;
  response: Record<number, TSchema>;
}

export interface Endpoint<
  M extends Method = Method,
  U extends string = string,
  S extends EndpointSchema = EndpointSchema,
> {
  method: M;
  /** Relative to `/api/v1`, with Fastify's `:param` placeholders. */
  url: U;
  schema: S;
}

export const endpoint = <const M extends Method, const U extends string, const S extends EndpointSchema>(
  method: M,
  url: U,
  schema: S,
): Endpoint<M, U, S> => ({ method, url, schema });

type Field<S, K extends string> = S extends { [P in K]: infer T extends TSchema } ? Static<T> : undefined;
type SuccessStatus = 200 | 201 | 202 | 204;

/** What a caller sends to an endpoint. */
export interface EndpointInput<E extends Endpoint> {
  params: Field<E['schema'], 'params'>;
  query: Field<E['schema'], 'querystring'>;
  body: Field<E['schema'], 'body'>;
}
/** What a successful call answers. */
export type EndpointOutput<E extends Endpoint> = {
  [K in keyof E['schema']['response'] & SuccessStatus]: E['schema']['response'][K] extends TSchema
    ? Static<E['schema']['response'][K]>
    : never;
}[keyof E['schema']['response'] & SuccessStatus];

/** The endpoints of a module's `endpoints.ts`, as one union. */
export type EndpointsOf<T> = T[keyof T] extends infer E extends Endpoint ? E : never;
