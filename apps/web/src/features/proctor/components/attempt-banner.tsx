import { Link } from 'react-router';
import { paths } from '../../../config/paths.js';
import type { ProctorState } from '../hooks/use-proctor-session.js';
import { Countdown } from '../../../components/ui/countdown.js';
import { useFinalMinutes } from '../hooks/use-final-minutes.js';

const END_TEXT: Record<string, string> = {
  deadline: 'Time is up. Your latest code was submitted automatically.',
  submitted: 'You submitted; this attempt is closed.',
  timeout: 'This attempt ended after a long time without contact.',
  rule: 'This attempt was ended because a proctoring rule was breached. Your teacher will review it.',
  teacher: 'Your teacher ended this attempt.',
  left: 'This attempt has ended.',
};

interface Props {
  state: ProctorState;
  onDeadline: () => void;
  onDismissWarning: () => void;
  /** false inside an assessment: its page shows the one clock for all of its problems. */
  showCountdown?: boolean;
  /** Where "Reload" goes once the attempt ended; null hides it (the assessment page says what happened). */
  reloadPath?: string | null;
}

/** The strip above the editor: countdown, what is being recorded, and any warning, calmly worded. */
export function AttemptBanner({ state, onDeadline, onDismissWarning, showCountdown = true, reloadPath }: Props) {
  const { attempt, settings } = state;
  const reloadTo = reloadPath === undefined ? (attempt ? paths.problem(attempt.problemId) : null) : reloadPath;
  // Inside an assessment too (the same server deadline, shown by the assessment's own clock).
  const finalMinutes = useFinalMinutes(state.phase === 'active' ? (attempt?.deadlineAt ?? null) : null, state.clockOffsetMs);
  return (
    <>
      <div className="attempt-banner" data-testid="attempt-banner">
        {showCountdown && attempt?.deadlineAt && state.phase === 'active' ? (
          <span>Time left <Countdown deadlineAt={attempt.deadlineAt} clockOffsetMs={state.clockOffsetMs} onZero={onDeadline} /></span>
        ) : null}
        {state.phase === 'active' && settings?.enabled !== false ? (
          <span className="muted" title="Tab switches, pastes, copies, right-clicks, devtools shortcuts, fullscreen, idle time and code snapshots">
            <span className="rec-dot" aria-hidden="true" />{' '}
            {/* No deadline: untimed practice, observed only (docs/proctoring.md "Practice and exams"). */}
            {attempt?.deadlineAt ? 'Proctored attempt · activity is recorded' : 'Recorded practice · activity is noted, never flagged'}
          </span>
        ) : null}
        {state.phase === 'starting' ? <span className="muted">Starting the attempt…</span> : null}
        {state.pendingEvents > 50 || state.sendError ? (
          <span className="muted small" role="status">
            {state.sendError ? `${state.sendError} ` : ''}{state.pendingEvents} activity records waiting to be sent; they are kept and retried.
          </span>
        ) : null}
      </div>
      {/* Rendered (empty) from the start so screen readers announce the text when it appears. */}
      <div className="sr-live-region" role="status" aria-live="polite" data-testid="time-warning-region">
        {finalMinutes ? (
          <div className="notice notice-warning time-warning" data-testid="time-warning">
            5 minutes left. Your latest code is submitted automatically when the time is up.
          </div>
        ) : null}
      </div>
      {state.phase === 'ended' ? (
        <div className="notice notice-warning" role="status" data-testid="attempt-ended">
          {END_TEXT[state.endReason ?? 'left'] ?? END_TEXT.left}
          {reloadTo ? <Link to={reloadTo} reloadDocument className="btn btn-small">Reload</Link> : null}
        </div>
      ) : null}
      {state.phase === 'error' ? <div className="notice notice-error" role="alert">The attempt could not start: {state.error}</div> : null}
      {state.warning ? (
        <div className="notice notice-warning" role="alert" data-testid="proctor-warning">
          {state.warning}
          <button type="button" className="btn btn-small" onClick={onDismissWarning}>OK</button>
        </div>
      ) : null}
    </>
  );
}
