import { useState } from 'react';
import { Link } from 'react-router';
import type { ProctorFlag } from '@logicode/contracts';
import { paths } from '../../../config/paths.js';
import { formatDateTime } from '../../../lib/format.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { useFlags, useReviewFlag } from '../api/teacher-api.js';
import { SeverityBadge } from './severity.js';

/** Clearing or reopening a flag needs a note: the audit trail says who decided what, and why. */
export function FlagReview({ flag }: { flag: ProctorFlag }) {
  const review = useReviewFlag();
  const [note, setNote] = useState('');
  const act = (status?: 'open' | 'cleared') => review.mutate({ id: flag.id, body: { note, ...(status ? { status } : {}) } }, { onSuccess: () => setNote('') });
  return (
    <div className="flag-review">
      <input type="text" value={note} onChange={(e) => setNote(e.target.value)} placeholder="Note (required)" aria-label={`Note for flag ${flag.id}`} />
      {flag.status === 'open' ? (
        <button type="button" className="btn btn-small" disabled={!note.trim() || review.isPending} onClick={() => act('cleared')}>Clear</button>
      ) : (
        <button type="button" className="btn btn-small" disabled={!note.trim() || review.isPending} onClick={() => act('open')}>Reopen</button>
      )}
      <button type="button" className="btn btn-small btn-ghost" disabled={!note.trim() || review.isPending} onClick={() => act()}>Add note</button>
      {review.error ? <span className="field-error">{review.error.message}</span> : null}
    </div>
  );
}

/** A flag names the student and the problem: "Review attempt #5 · Alice Chen · Two Sum". */
export function FlagCard({ flag }: { flag: ProctorFlag & { userName?: string; problemTitle?: string } }) {
  const about = [flag.userName, flag.problemTitle].filter(Boolean).join(' · ');
  return (
    <li className="flag-card">
      <div>
        <SeverityBadge severity={flag.severity} /> <strong>{flag.reason}</strong>{' '}
        <span className="muted small">({flag.rule.replace(/_/g, ' ')}, action: {flag.action.replace(/_/g, ' ')}) · {formatDateTime(flag.createdAt)}</span>
      </div>
      {flag.note ? <div className="small">Note: {flag.note}</div> : null}
      <div className="small">
        <Link to={paths.teacherAttempt(flag.attemptId)}>Review attempt #{flag.attemptId}{about ? ` · ${about}` : ''}</Link> ·{' '}
        <Link to={paths.teacherStudent(flag.userId)}>{flag.userName ? `${flag.userName}'s page` : 'student'}</Link>
      </div>
      <FlagReview flag={flag} />
    </li>
  );
}

export function FlagsTab() {
  const [status, setStatus] = useState<'open' | 'cleared'>('open');
  const flags = useFlags(status);
  return (
    <>
      <div className="tabs subnav" role="tablist">
        <button type="button" role="tab" aria-selected={status === 'open'} className={`tab ${status === 'open' ? 'active' : ''}`} onClick={() => setStatus('open')}>Open</button>
        <button type="button" role="tab" aria-selected={status === 'cleared'} className={`tab ${status === 'cleared' ? 'active' : ''}`} onClick={() => setStatus('cleared')}>Cleared</button>
      </div>
      {flags.isPending ? <Spinner /> : flags.isError ? <ErrorState error={flags.error} onRetry={() => void flags.refetch()} /> : flags.data.length === 0 ? (
        <EmptyState title={status === 'open' ? 'No open flags.' : 'No cleared flags.'} />
      ) : (
        <ul className="flag-list">{flags.data.map((f) => <FlagCard key={f.id} flag={f} />)}</ul>
      )}
    </>
  );
}
