import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { LanguageInfo, ProblemSummary } from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

export interface ProblemFilters {
  q?: string;
  category?: string;
  difficulty?: string;
  tags?: string;
  solved?: 'true' | 'false';
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
