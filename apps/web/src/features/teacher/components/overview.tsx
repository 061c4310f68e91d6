import { Link } from 'react-router';
import { paths } from '../../../config/paths.js';
import { plural } from '../../../lib/format.js';
import { TimeAgo } from '../../../components/ui/time-ago.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { useActiveSessions, useDashboardStats } from '../api/teacher-api.js';
import type { FeedItem } from '../hooks/use-live-feed.js';
import { SeverityBadge } from './severity.js';

function Stat({ label, value }: { label: string; value: number | undefined }) {
  return (
    <div className="stat">
      <div className="stat-value">{value ?? '–'}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

function Sessions() {
  const sessions = useActiveSessions();
  if (sessions.isPending) return <Spinner label="Loading sessions…" />;
  if (sessions.isError) return <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;
  if (sessions.data.length === 0) return <EmptyState title="No one is working right now." />;
  return (
    <ul className="session-list" data-testid="active-sessions">
      {sessions.data.map((s) => (
        <li key={s.id} className={`session ${s.openFlags > 0 ? 'session-flagged' : ''}`}>
          <div className="session-head">
            <strong>{s.userName}</strong> <span className="live-dot" aria-hidden="true" /> <span className="muted small">live</span>
          </div>
          <div className="small">{s.problemTitle}</div>
          <div className="muted small">Started <TimeAgo iso={s.startedAt} />{s.deadlineAt ? ` · due ${new Date(s.deadlineAt).toLocaleTimeString()}` : ''}</div>
          <div className="session-counters">
            {s.counters.tabHidden > 0 ? <span className="badge severity-medium">{plural(s.counters.tabHidden, 'tab switch', 'tab switches')}</span> : null}
            {s.counters.paste > 0 ? <span className="badge severity-medium">{plural(s.counters.paste, 'paste')}</span> : null}
            {s.openFlags > 0 ? <span className="badge severity-high">{plural(s.openFlags, 'open flag')}</span> : null}
          </div>
          <div className="session-actions">
            <Link className="btn btn-small" to={paths.teacherAttempt(s.id)}>Review</Link>
            <Link className="btn btn-small btn-ghost" to={paths.teacherStudent(s.userId)}>Student</Link>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function Overview({ feed, live }: { feed: FeedItem[]; live: boolean }) {
  const stats = useDashboardStats();
  const sessions = useActiveSessions();
  // "Active now" counts the students behind the live cards below (one student may have two attempts open), from
  // the same list the feed keeps current, so the number and the cards never disagree.
  const activeStudents = sessions.data ? new Set(sessions.data.map((s) => s.userId)).size : stats.data?.activeNow;
  return (
    <>
      {stats.isError ? <ErrorState error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      <div className="stat-grid" data-testid="stats">
        <Stat label="Students" value={stats.data?.students} />
        <Stat label="Students active now" value={activeStudents} />
        <Stat label="Flagged attempts today" value={stats.data?.flaggedAttemptsToday} />
        <Stat label="Events today" value={stats.data?.eventsToday} />
      </div>
      <div className="grid-2">
        <section className="card">
          <h2>Active sessions</h2>
          {sessions.data && sessions.data.length > 0 ? (
            <p className="muted small" data-testid="sessions-summary">
              {plural(sessions.data.length, 'attempt')} open by {plural(activeStudents ?? 0, 'student')}
            </p>
          ) : null}
          <Sessions />
        </section>
        <section className="card" aria-labelledby="feed-title">
          <div className="page-header">
            <h2 id="feed-title">Live feed</h2>
            <span className={`badge ${live ? 'badge-solved' : ''}`}>{live ? 'Live' : 'Connecting…'}</span>
          </div>
          {feed.length === 0 ? (
            <EmptyState title="Nothing yet.">Tab switches, pastes, flags and submissions appear here the moment they happen.</EmptyState>
          ) : (
            <ol className="feed" aria-live="polite" data-testid="live-feed">
              {feed.map((item) => (
                <li key={item.key} className={`feed-item feed-${item.severity}`} data-event-type={item.event?.type ?? item.kind}>
                  <div>
                    <SeverityBadge severity={item.kind === 'event' ? item.severity : item.kind} /> {item.text}
                  </div>
                  <div className="muted small">
                    {new Date(item.at).toLocaleTimeString()}
                    {item.attemptId ? <> · <Link to={paths.teacherAttempt(item.attemptId)}>review attempt</Link></> : null}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}
