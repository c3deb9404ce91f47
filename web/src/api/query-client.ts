import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/** One cache per page load: short freshness (complaints change under other people's hands), no retry of 4xx. */
export const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
