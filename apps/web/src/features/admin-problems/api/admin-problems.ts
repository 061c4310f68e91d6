import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProblemAdmin, ProblemPackage, ProblemSummary, ProblemUpsertBody } from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

export function useAdminProblem(id: number | null) {
  return useQuery({
    queryKey: ['admin', 'problem', id],
    queryFn: () => api.get<ProblemAdmin>(`/api/admin/problems/${id}`),
    enabled: id !== null,
  });
}

/** Categories in use on published problems and the usual ones (GET /api/problems/meta), for the editor's suggestions. */
export function useCategorySuggestions() {
  return useQuery({
    queryKey: ['problems', 'meta'],
    queryFn: () => api.get<{ categories: string[] }>('/api/problems/meta'),
    select: (meta) => meta.categories,
  });
}

export function useAdminProblemList(params: { q?: string; page: number }) {
  return useQuery({
    queryKey: ['problems', 'admin-list', params],
    queryFn: () => api.get<{ items: ProblemSummary[]; total: number; page: number; pageSize: number }>('/api/problems', { ...params, pageSize: 25 }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['problems'] });
    void queryClient.invalidateQueries({ queryKey: ['admin', 'problem'] });
  };
}

export function useSaveProblem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: ProblemUpsertBody }) =>
      id === null ? api.post<ProblemAdmin>('/api/admin/problems', body) : api.put<ProblemAdmin>(`/api/admin/problems/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteProblem() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: number) => api.delete<{ ok: true }>(`/api/admin/problems/${id}`), onSuccess: invalidate });
}

export function useImportProblem() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (pkg: ProblemPackage) => api.post<ProblemAdmin>('/api/admin/problems/import', pkg), onSuccess: invalidate });
}

export function exportProblem(id: number): Promise<ProblemPackage> {
  return api.get<ProblemPackage>(`/api/admin/problems/${id}/export`);
}
