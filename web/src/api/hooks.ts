import {
  type InfiniteData,
  keepPreviousData,
  type QueryKey,
  type UseQueryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Method } from '../../../src/server/endpoint';
import { type CallExtras, type CallInput, type CallOutput, call, type EndpointAt, type UrlsOf } from './call';
import type { ApiError } from './client';

type GetUrl = UrlsOf<'GET'>;

/** The cache key of a GET: its URL template first, so that invalidating a template reaches every variant. */
export const keyOf = (url: string, input?: object): QueryKey => (input ? [url, input] : [url]);

/**
 * Read an endpoint through the shared cache. Every page reads this way, so that an action
 * invalidating a URL template refreshes every page that shows it.
 */
export function useApi<U extends GetUrl>(
  url: U,
  input: CallInput<EndpointAt<'GET', U>> & CallExtras,
  options: Omit<UseQueryOptions<CallOutput<EndpointAt<'GET', U>>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<CallOutput<EndpointAt<'GET', U>>, ApiError>({
    queryKey: keyOf(url, input),
    // biome-ignore lint/suspicious/noExplicitAny: the input was typed by this hook's signature; call's rest-tuple cannot be re-derived for a generic U
    queryFn: () => (call as any)('GET', url, input),
    ...options,
  });
}

/**
 * Change something through an endpoint; on success the listed URL templates are refetched
 * wherever they are shown.
 */
export function useApiMutation<M extends Exclude<Method, 'GET'>, U extends UrlsOf<M>>(
  method: M,
  url: U,
  options: { invalidates?: GetUrl[]; onSuccess?: (data: CallOutput<EndpointAt<M, U>>) => void } = {},
) {
  const invalidate = useInvalidate();
  return useMutation<CallOutput<EndpointAt<M, U>>, ApiError, CallInput<EndpointAt<M, U>> & CallExtras>({
    // biome-ignore lint/suspicious/noExplicitAny: as in useApi
    mutationFn: (input) => (call as any)(method, url, input),
    onSuccess: async (data) => {
      await invalidate(options.invalidates ?? []);
      options.onSuccess?.(data);
    },
  });
}

/**
 * Refetch the listed URL templates wherever they are shown (after changes made outside useApiMutation's
 * one call). The same function on every render, so that an effect may depend on it.
 */
export function useInvalidate() {
  const client = useQueryClient();
  return useCallback(
    (urls: readonly GetUrl[]) => Promise.all(urls.map((u) => client.invalidateQueries({ queryKey: [u] }))),
    [client],
  );
}

/** GET URLs that answer a keyset-paged list (`items`, `nextCursor`) and take a `cursor`. */
type PagedUrl = {
  [U in GetUrl]: CallOutput<EndpointAt<'GET', U>> extends { items: unknown[]; nextCursor: string | null }
    ? NonNullable<CallInput<EndpointAt<'GET', U>>['query']> extends { cursor?: string }
      ? U
      : never
    : never;
}[GetUrl];

/**
 * Read a keyset-paged list through the shared cache, cached per URL template + input like useApi: the
 * first page, then `fetchNextPage()` appends the next. Invalidating the URL template refetches every
 * page shown; while another input loads, the previous list stays in sight.
 */
export function useApiPages<U extends PagedUrl>(url: U, input: CallInput<EndpointAt<'GET', U>>) {
  type Page = CallOutput<EndpointAt<'GET', U>>;
  const query = (input as { query?: object }).query;
  return useInfiniteQuery<
    Page,
    ApiError,
    InfiniteData<Page, string | undefined>,
    QueryKey,
    string | undefined
  >({
    queryKey: keyOf(url, input),
    queryFn: ({ pageParam }) =>
      // biome-ignore lint/suspicious/noExplicitAny: as in useApi
      (call as any)('GET', url, { ...input, query: { ...query, cursor: pageParam } }),
    initialPageParam: undefined,
    getNextPageParam: (last) => (last as { nextCursor: string | null }).nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
