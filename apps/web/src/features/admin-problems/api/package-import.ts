import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PackageImportResponse } from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

/** POST /api/admin/problem-packages: the zip as multipart (field `package`); the answer carries the report. */
export function useImportPackage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('package', file, file.name);
      return api.post<PackageImportResponse>('/api/admin/problem-packages', form);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['problems'] }),
  });
}

export function usePublishProblem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, confirmMismatch }: { id: number; confirmMismatch: boolean }) => api.post<{ ok: true }>(`/api/admin/problems/${id}/publish`, { confirmMismatch }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['problems'] }),
  });
}
