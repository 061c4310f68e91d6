import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export interface LeaderboardRow {
  rank: number;
  userId: number;
  name: string;
  solvedCount: number;
  points: number;
  lastSolvedAt: string | null;
}

export interface LeaderboardPage {
  items: LeaderboardRow[];
  total: number;
  me: LeaderboardRow | null;
}

export function useLeaderboard(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['leaderboard', page, pageSize],
    queryFn: () => api.get<LeaderboardPage>('/api/leaderboard', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}
