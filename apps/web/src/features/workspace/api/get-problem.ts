import { useQuery } from '@tanstack/react-query';
import type { ProblemDetail } from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

export function useProblem(id: number) {
  return useQuery({
    queryKey: ['problems', 'detail', id],
    queryFn: ({ signal }) => api.get<ProblemDetail>(`/api/problems/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}
