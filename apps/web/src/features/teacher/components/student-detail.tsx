import { Link } from 'react-router';
import { paths } from '../../../config/paths.js';
import { formatDateTime } from '../../../lib/format.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { useStudent } from '../api/teacher-api.js';
import { IntegrityBadge } from './severity.js';

export function StudentDetailView({ studentId }: { studentId: number }) {
  const student = useStudent(studentId);
  if (student.isPending) return <Spinner label="Loading the student…" />;
  if (student.isError) return <ErrorState error={student.error} onRetry={() => void student.refetch()} />;
  const [first] = student.data.pages;
  const { user, solvedProblemIds, attemptCount } = first!;
  const attempts = student.data.pages.flatMap((p) => p.attempts);
  const openFlags = attempts.reduce((n, a) => n + a.flags.filter((f) => f.status === 'open').length, 0);
  return (
    <>
      <div className="page-header">
        <h1>{user.name}</h1>
        <span className="muted">{user.email}</span>
      </div>
      <div className="stat-grid">
        <div className="stat"><div className="stat-value">{solvedProblemIds.length}</div><div className="stat-label">Problems solved</div></div>
        <div className="stat"><div className="stat-value">{attemptCount}</div><div className="stat-label">Attempts</div></div>
        <div className="stat"><div className="stat-value">{openFlags}</div><div className="stat-label">Open flags{student.hasNextPage ? ' (shown attempts)' : ''}</div></div>
      </div>
      <section className="card table-card">
        {attempts.length === 0 ? <EmptyState title="No attempts yet." /> : (
          <table className="table">
            <thead>
              <tr><th scope="col">Problem</th><th scope="col">Started</th><th scope="col">Status</th><th scope="col" className="num">Tab switches</th><th scope="col" className="num">Pastes</th><th scope="col" className="num">Flags</th><th scope="col" className="num">Integrity</th><th scope="col" /></tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={a.id} className={a.flags.some((f) => f.status === 'open') ? 'row-flagged' : ''}>
                  <td>{a.problemTitle}{solvedProblemIds.includes(a.problemId) ? <span className="badge badge-solved">Solved</span> : null}</td>
                  <td>{formatDateTime(a.startedAt)}</td>
                  <td>{a.status === 'active' ? (a.connected ? 'Active' : 'Disconnected') : `Ended (${a.endReason ?? '–'})`}</td>
                  <td className="num">{a.counters.tabHidden}</td>
                  <td className="num">{a.counters.paste}</td>
                  <td className="num">{a.flags.length}</td>
                  <td className="num"><IntegrityBadge score={a.integrity.score} /></td>
                  <td><Link className="btn btn-small" to={paths.teacherAttempt(a.id)}>Review</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {student.hasNextPage ? (
          <button type="button" className="btn btn-small" disabled={student.isFetchingNextPage} onClick={() => void student.fetchNextPage()}>
            {student.isFetchingNextPage ? 'Loading…' : `Show older attempts (${attempts.length} of ${attemptCount} shown)`}
          </button>
        ) : null}
      </section>
    </>
  );
}
