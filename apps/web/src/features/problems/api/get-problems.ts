import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { LanguageInfo, ProblemStats, ProblemSummary } from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

export interface ProblemFilters {
  q?: string;
  category?: string;
  difficulty?: string;
  tags?: string;
  solved?: 'true' | 'false';
  /** Column sorting, done by the server (GET /api/problems `sort`, `order`). */
  sort?: 'title' | 'difficulty' | 'popular';
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface ProblemPage {
  items: ProblemSummary[];
  page: number;
  pageSize: number;
  total: number;
}

export const problemsQueryOptions = (filters: ProblemFilters) =>
  queryOptions({
    queryKey: ['problems', 'list', filters],
    queryFn: ({ signal }) => api.get<ProblemPage>('/api/problems', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });

export function useProblems(filters: ProblemFilters) {
  return useQuery(problemsQueryOptions(filters));
}

export interface ProblemMeta {
  categories: string[];
  difficulties: string[];
  tags: string[];
  languages: LanguageInfo[];
}

export function useProblemMeta() {
  return useQuery({
    queryKey: ['problems', 'meta'],
    queryFn: () => api.get<ProblemMeta>('/api/problems/meta'),
    staleTime: 5 * 60_000,
  });
}

/** Acceptance counts and the caller's attempted problems; keyed by the user so a sign-in refetches it. */
export function useProblemStats(userId: number | null) {
  return useQuery({
    queryKey: ['problems', 'stats', userId],
    queryFn: () => api.get<ProblemStats>('/api/problems/stats'),
    staleTime: 60_000,
  });
}
