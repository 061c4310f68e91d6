import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, Role, SessionResponse, SignupBody, User } from '@logicode/contracts';
import { api, ApiError } from './api-client.js';
import { announceSessionChange } from './session-events.js';

export const meQueryKey = ['auth', 'me'] as const;

/** null when signed out; a 401 is an answer here, not an error. */
async function getMe(): Promise<User | null> {
  try {
    const res = await api.get<{ user: User }>('/api/auth/me');
    return res.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useUser() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<SessionResponse>('/api/auth/login', body),
    onSuccess: (session) => {
      announceSessionChange();
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, session.user);
    },
  });
}

export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignupBody) => api.post<SessionResponse>('/api/auth/signup', body),
    onSuccess: (session) => {
      announceSessionChange();
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, session.user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout'),
    onSettled: () => {
      announceSessionChange();
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

export function hasRole(user: User | null | undefined, roles: readonly Role[]): boolean {
  return Boolean(user && roles.includes(user.role));
}

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
  if (role === 'admin') return '/admin/problems';
  if (role === 'teacher') return '/teacher';
  return '/problems';
}
