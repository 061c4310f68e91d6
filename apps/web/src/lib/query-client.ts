import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client.js';

/** Client errors (4xx) will not fix themselves: retry only network trouble and 5xx, once. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          failureCount < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      // 'always': offline, a mutation fails at once with "You are offline" rather than pausing with its button
      // disabled and firing by itself when the network returns (a Submit of code the student has since changed).
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}
