import { useState } from 'react';
import { Link } from 'react-router';
import { PROCTOR_EVENT_TYPES, PROCTOR_SEVERITIES, type ProctorEventType, type ProctorSeverity } from '@logicode/contracts';
import { paths } from '../../../config/paths.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { useEvents, type EventFilters } from '../api/teacher-api.js';
import { describeEvent } from '../hooks/use-live-feed.js';
import { SeverityBadge } from './severity.js';

export function EventsTab() {
  const [filters, setFilters] = useState<EventFilters>({ minSeverity: 'low' });
  const events = useEvents(filters);
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <div className="card filters">
        <div className="filters-row">
          <label className="filter">
            <span className="filter-label">Type</span>
            <select value={filters.type ?? ''} onChange={(e) => setFilters({ ...filters, type: (e.target.value || undefined) as ProctorEventType | undefined })}>
              <option value="">Every type</option>
              {PROCTOR_EVENT_TYPES.map((t) => <option key={t} value={t}>{t.replace(/_/g, ' ')}</option>)}
            </select>
          </label>
          <label className="filter">
            <span className="filter-label">At least</span>
            <select value={filters.minSeverity ?? ''} onChange={(e) => setFilters({ ...filters, minSeverity: (e.target.value || undefined) as ProctorSeverity | undefined })}>
              <option value="">Any severity</option>
              {PROCTOR_SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </label>
        </div>
      </div>
      {events.isPending ? <Spinner label="Loading events…" /> : null}
      {events.isError ? <ErrorState error={events.error} onRetry={() => void events.refetch()} /> : null}
      {events.data && items.length === 0 ? <EmptyState title="No events match." /> : null}
      {items.length > 0 ? (
        <div className="card table-card">
          <table className="table compact">
            <thead>
              <tr><th scope="col">When</th><th scope="col">Student</th><th scope="col">What</th><th scope="col">Severity</th><th scope="col">Attempt</th></tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>{new Date(e.clientTsMs).toLocaleString()}</td>
                  <td><Link to={paths.teacherStudent(e.userId)}>{e.userName}</Link></td>
                  <td>{describeEvent(e.type, e.data)}</td>
                  <td><SeverityBadge severity={e.severity} /></td>
                  <td><Link to={paths.teacherAttempt(e.attemptId)}>#{e.attemptId}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {events.hasNextPage ? (
        <button type="button" className="btn" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
          {events.isFetchingNextPage ? 'Loading…' : 'Load older events'}
        </button>
      ) : null}
    </>
  );
}
