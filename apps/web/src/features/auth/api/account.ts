import { useMutation, useQuery } from '@tanstack/react-query';
import type { ChangePasswordBody, ForgotPasswordResponse, ResetPasswordBody, SessionResponse } from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';
import { rememberSession } from '../../../lib/session-refresh.js';

/** Change one's own password: the answer is this session's fresh tokens (every other session ends). */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post<SessionResponse>('/api/auth/password', body),
    onSuccess: (session) => rememberSession(session.accessTokenExpiresAt),
  });
}

/** Ask for a reset link: the same answer whether or not the account exists; `byEmail` says how it travels. */
export function useForgotPassword() {
  return useMutation({ mutationFn: (email: string) => api.post<ForgotPasswordResponse>('/api/auth/password/forgot', { email }) });
}

export function useResetTokenStatus(token: string) {
  return useQuery({
    queryKey: ['auth', 'reset-token', token],
    queryFn: () => api.get<{ valid: boolean }>('/api/auth/password/reset', { token }),
    enabled: token.length > 0,
    staleTime: Infinity,
  });
}

export function useResetPassword() {
  return useMutation({ mutationFn: (body: ResetPasswordBody) => api.post<{ ok: true }>('/api/auth/password/reset', body) });
}
