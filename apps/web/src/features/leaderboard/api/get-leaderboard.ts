import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LeaderboardPage } from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

export type { LeaderboardPage, LeaderboardRow } from '@logicode/contracts';

export function useLeaderboard(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['leaderboard', page, pageSize],
    queryFn: () => api.get<LeaderboardPage>('/api/leaderboard', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}
