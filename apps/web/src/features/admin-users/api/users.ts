import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PasswordResetIssued, Role, User } from '@logicode/contracts';
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

/** A one-time reset link for a user, to hand over (this server may send no e-mail). */
export function useIssueResetLink() {
  return useMutation({ mutationFn: (id: number) => api.post<PasswordResetIssued>(`/api/admin/users/${id}/password-reset`) });
}

/** Deactivate (every session ends, no sign-in) or reactivate. */
export function useSetActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: number; active: boolean }) => api.post<User>(`/api/admin/users/${id}/active`, { active }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

/** Sign a user out everywhere without deactivating. */
export function useRevokeSessions() {
  return useMutation({ mutationFn: (id: number) => api.post<{ ok: true }>(`/api/admin/users/${id}/sessions/revoke`) });
}
