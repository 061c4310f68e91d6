import { Link, useLocation } from 'react-router';
import { paths } from '../../config/paths.js';
import type { SessionEndCause } from '../../lib/session-events.js';

const WHY: Record<SessionEndCause, string> = {
  refresh_refused: 'Your session has ended (signed out on another device, or it expired).',
  signed_out: 'You were signed out (perhaps in another tab).',
  revoked: 'Your sessions were ended by an administrator.',
  password_changed: 'Your password was changed in another session.',
};

interface Props {
  cause: SessionEndCause;
  /** The dialog was put aside: a banner keeps saying it until the student signs in. */
  minimized: boolean;
  onMinimize: () => void;
}

/**
 * Says at once that the session really ended (a refused refresh), with a sign-in that comes back to this very page.
 * Nothing is lost meanwhile: drafts stay on this device and a running assessment's activity records wait in their
 * queue, sent once the same student signs in again.
 */
export function SessionEnded({ cause, minimized, onMinimize }: Props) {
  const location = useLocation();
  const here = location.pathname + location.search;
  // A page for signed-in users sends the visitor to sign in (and back): there the form is the action, a line says why.
  if (location.pathname.startsWith(paths.login()) || location.pathname.startsWith(paths.signup())) {
    return (
      <div className="offline-banner" role="status" data-testid="session-ended-banner">
        {WHY[cause]} Sign in again to go back where you were; your code and any activity records are kept.
      </div>
    );
  }
  const signIn = (
    <Link to={paths.login(here)} className="btn btn-primary btn-small" data-testid="session-sign-in">
      Sign in again
    </Link>
  );
  if (minimized) {
    return (
      <div className="offline-banner" role="status" data-testid="session-ended-banner">
        You are signed out. Your code is saved on this device. {signIn}
      </div>
    );
  }
  return (
    <div className="modal-backdrop">
      <section className="modal" role="alertdialog" aria-modal="true" aria-labelledby="session-ended-title" data-testid="session-ended">
        <h2 id="session-ended-title">You are signed out</h2>
        <p>{WHY[cause]}</p>
        <p className="muted">
          Your code is saved on this device, and any activity records of a running assessment are kept and sent once
          you sign in again. Signing in brings you back to this page.
        </p>
        <div className="modal-actions">
          <button type="button" className="btn btn-ghost btn-small" onClick={onMinimize}>
            Not now
          </button>
          {signIn}
        </div>
      </section>
    </div>
  );
}
