import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, MeResponse, Role, SessionResponse, SignedOutMeResponse, SignupBody, User } from '@logicode/contracts';
import { api, ApiError } from './api-client.js';
import { announceSessionChange, onSessionChange, onSessionEnded, onUserChanged, type SessionEndCause } from './session-events.js';
import { forgetSession, rememberSession, resumeSessionTimer, thinksSignedIn } from './session-refresh.js';

export const meQueryKey = ['auth', 'me'] as const;

// A reopened tab follows the expiry the last visit stored, so it refreshes ahead of it like the tab that closed.
resumeSessionTimer();

/** null when signed out; a 401 is an answer here, not an error (api-client already tried a refresh). */
async function getMe(): Promise<User | null> {
  try {
    // A browser with no session we know of asks with ?optional=1: without a token the answer is 200 {user: null},
    // so a signed-out page logs no failed request. With a known session a 401 still leads to a refresh.
    const res = await api.get<MeResponse | SignedOutMeResponse>(thinksSignedIn() ? '/api/auth/me' : '/api/auth/me?optional=1');
    if (res.user === null) {
      forgetSession();
      return null;
    }
    rememberSession(res.accessTokenExpiresAt ?? null);
    return res.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      forgetSession();
      return null;
    }
    throw error;
  }
}

export function useUser() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });
}

function useStartSession() {
  const queryClient = useQueryClient();
  return (session: SessionResponse) => {
    rememberSession(session.accessTokenExpiresAt);
    announceSessionChange();
    queryClient.clear();
    queryClient.setQueryData(meQueryKey, session.user);
  };
}

export function useLogin() {
  const onSuccess = useStartSession();
  return useMutation({ mutationFn: (body: LoginBody) => api.post<SessionResponse>('/api/auth/login', body), onSuccess });
}

export function useSignup() {
  const onSuccess = useStartSession();
  return useMutation({ mutationFn: (body: SignupBody) => api.post<SessionResponse>('/api/auth/signup', body), onSuccess });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout'),
    onSettled: () => {
      forgetSession();
      announceSessionChange();
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

/**
 * Watches the session for the page frame: when it really ends (a refused refresh, or the server ending it), the
 * header stops showing the user at once and the cause is returned for a dialog; a role change refetches the user.
 */
export function useSessionWatch(): { ended: SessionEndCause | null; dismiss: () => void } {
  const queryClient = useQueryClient();
  const [ended, setEnded] = useState<SessionEndCause | null>(null);
  useEffect(() => {
    const offEnded = onSessionEnded((cause) => {
      setEnded(cause);
      queryClient.setQueryData(meQueryKey, null);
    });
    const offChanged = onUserChanged(() => void queryClient.invalidateQueries({ queryKey: meQueryKey }));
    // Signed in again (here or in another tab): the dialog has done its job.
    const offSession = onSessionChange(() => setEnded(null));
    return () => {
      offEnded();
      offChanged();
      offSession();
    };
  }, [queryClient]);
  return { ended, dismiss: () => setEnded(null) };
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
