import type { ApiEndpoint } from '../../../src/server/contract';
import type { Endpoint, EndpointInput, EndpointOutput, Method } from '../../../src/server/endpoint';
import { api } from './client';

/** The endpoint of the contract with this method and URL template. */
export type EndpointAt<M extends Method, U extends string> = Extract<ApiEndpoint, { method: M; url: U }>;
/** URL templates that take this method. */
export type UrlsOf<M extends Method> = Extract<ApiEndpoint, { method: M }>['url'];

type Defined<T> = { [K in keyof T as T[K] extends undefined ? never : K]: T[K] };
/** What to send: `params` for `:placeholders`, `query`, `body` — each only when the endpoint takes it. */
export type CallInput<E extends Endpoint> = Defined<EndpointInput<E>>;
export type CallOutput<E extends Endpoint> = EndpointOutput<E>;

type QueryValue = string | number | boolean | undefined | null | Array<string | number>;

/** Fill `:placeholders` and append the query string. */
export function urlFor(url: string, params?: object, query?: object): string {
  const path = url.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(String((params as Record<string, unknown> | undefined)?.[name] ?? '')),
  );
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, QueryValue>)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v) q.append(k, String(item));
    else q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** Besides the contract's input: request headers (the portal's proof), and files for endpoints that take multipart/form-data. */
export interface CallExtras {
  headers?: Record<string, string>;
  form?: FormData;
}

/** Call an endpoint of the contract; the input and the answer are typed by the server's schemas. */
export function call<M extends Method, U extends UrlsOf<M>>(
  method: M,
  url: U,
  ...[input]: keyof CallInput<EndpointAt<M, U>> extends never
    ? [input?: CallInput<EndpointAt<M, U>> & CallExtras]
    : [input: CallInput<EndpointAt<M, U>> & CallExtras]
): Promise<CallOutput<EndpointAt<M, U>>> {
  const i = (input ?? {}) as { params?: object; query?: object; body?: unknown } & CallExtras;
  return api(urlFor(url, i.params, i.query), { method, body: i.form ?? i.body, headers: i.headers });
}
