import type { User } from '@logicode/contracts';
import { useIssueResetLink, useRevokeSessions, useSetActive } from '../api/users.js';

/** An admin's account actions for one user: a reset link to hand over, sign out everywhere, deactivate. */
export function UserActions({ user, isSelf }: { user: User; isSelf: boolean }) {
  const reset = useIssueResetLink();
  const revoke = useRevokeSessions();
  const setActive = useSetActive();
  const active = user.active !== false;
  const link = reset.data ? `${window.location.origin}${reset.data.resetPath}` : null;
  const error = reset.error ?? revoke.error ?? setActive.error;
  return (
    <div className="user-actions">
      <button type="button" className="btn btn-small" disabled={!active || reset.isPending} onClick={() => reset.mutate(user.id)}>Reset link</button>
      <button type="button" className="btn btn-small" disabled={isSelf || revoke.isPending} onClick={() => revoke.mutate(user.id)}>Sign out everywhere</button>
      <button type="button" className="btn btn-small" disabled={isSelf || setActive.isPending}
        onClick={() => setActive.mutate({ id: user.id, active: !active })}>{active ? 'Deactivate' : 'Reactivate'}</button>
      {link ? (
        <div className="small">
          <label>
            One-time link for {user.name} (until {new Date(reset.data!.expiresAt).toLocaleString()}):
            <input readOnly value={link} aria-label={`Reset link for ${user.name}`} onFocus={(e) => e.target.select()} />
          </label>
        </div>
      ) : null}
      {revoke.isSuccess ? <span className="muted small"> Signed out everywhere.</span> : null}
      {error ? <div className="field-error">{error.message}</div> : null}
    </div>
  );
}
