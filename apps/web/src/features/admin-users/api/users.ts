import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role, User } from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

export interface UserPage {
  items: User[];
  page: number;
  pageSize: number;
  total: number;
}

export function useUsers(params: { q?: string; role?: Role; page: number }) {
  return useQuery({
    queryKey: ['admin', 'users', params],
    queryFn: () => api.get<UserPage>('/api/admin/users', { ...params, pageSize: 25 }),
    placeholderData: keepPreviousData,
  });
}

export function useChangeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role }: { id: number; role: Role }) => api.patch<User>(`/api/admin/users/${id}/role`, { role }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}
