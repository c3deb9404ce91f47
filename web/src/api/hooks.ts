import {
  type QueryKey,
  type UseQueryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
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
  const client = useQueryClient();
  return useMutation<CallOutput<EndpointAt<M, U>>, ApiError, CallInput<EndpointAt<M, U>> & CallExtras>({
    // biome-ignore lint/suspicious/noExplicitAny: as in useApi
    mutationFn: (input) => (call as any)(method, url, input),
    onSuccess: async (data) => {
      await Promise.all((options.invalidates ?? []).map((u) => client.invalidateQueries({ queryKey: [u] })));
      options.onSuccess?.(data);
    },
  });
}
