import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '@logicode/contracts';
import { hasRole, useUser } from '../../lib/auth.js';
import { paths } from '../../config/paths.js';
import { ErrorState, Notice, Spinner } from '../ui/status.js';

/** Signed-out visitors go to sign-in and come back; the wrong role gets a sentence, not a blank page. */
export function RequireRole({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const user = useUser();
  const location = useLocation();
  if (user.isPending) return <Spinner label="Checking your session…" />;
  if (user.isError) return <ErrorState error={user.error} onRetry={() => void user.refetch()} />;
  if (!user.data) return <Navigate to={paths.login(location.pathname + location.search)} replace />;
  if (roles && !hasRole(user.data, roles)) {
    return <Notice kind="warning">This page is for {roles.join(' and ')} accounts. You are signed in as a {user.data.role}.</Notice>;
  }
  return <>{children}</>;
}
