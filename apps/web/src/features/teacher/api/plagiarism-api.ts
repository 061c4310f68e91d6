import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlagiarismPairDetail, PlagiarismParams, PlagiarismReport } from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

export const plagiarismKeys = {
  report: (problemId: number | null) => ['teacher', 'plagiarism', 'report', problemId] as const,
  pair: (pairId: number | null) => ['teacher', 'plagiarism', 'pair', pairId] as const,
};

export function usePlagiarismReport(problemId: number | null) {
  return useQuery({
    queryKey: plagiarismKeys.report(problemId),
    queryFn: () => api.get<PlagiarismReport>(`/api/teacher/problems/${problemId}/plagiarism`, { pageSize: 50 }),
    enabled: problemId !== null,
  });
}

export function useRunPlagiarism() {
  const queryClient = useQueryClient();
  return useMutation({
    // `params`: this run's levels (the floor and the two flag levels); omitted ones keep the defaults.
    mutationFn: (input: number | { problemId: number; params?: Partial<PlagiarismParams> }) => {
      const { problemId, params } = typeof input === 'number' ? { problemId: input, params: undefined } : input;
      return api.post<{ runId: number }>(`/api/teacher/problems/${problemId}/plagiarism`, params ? { params } : undefined);
    },
    onSuccess: (_res, input) => void queryClient.invalidateQueries({ queryKey: plagiarismKeys.report(typeof input === 'number' ? input : input.problemId) }),
  });
}

export function usePlagiarismPair(pairId: number | null) {
  return useQuery({
    queryKey: plagiarismKeys.pair(pairId),
    queryFn: () => api.get<PlagiarismPairDetail>(`/api/teacher/plagiarism/pairs/${pairId}`),
    enabled: pairId !== null,
  });
}
