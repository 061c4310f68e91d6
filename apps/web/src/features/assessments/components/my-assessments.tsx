import { Link } from 'react-router';
import type { StudentAssessment } from '@logicode/contracts';
import { paths } from '../../../config/paths.js';
import { formatDuration, plural } from '../../../lib/format.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { useMyAssessments } from '../api/student-api.js';
import { formatWhen, StatusBadge } from './status-badge.js';

function action(a: StudentAssessment) {
  if (a.state === 'open') return <Link className="btn btn-primary btn-small" to={paths.assessment(a.id)}>Start</Link>;
  if (a.state === 'in_progress') return <Link className="btn btn-primary btn-small" to={paths.assessment(a.id)}>Continue</Link>;
  if (a.state === 'finished' && a.showResultsToStudents) return <Link className="btn btn-small" to={paths.assessmentResults(a.id)}>Results</Link>;
  return <Link className="btn btn-ghost btn-small" to={paths.assessment(a.id)}>Details</Link>;
}

function Group({ title, items, empty }: { title: string; items: StudentAssessment[]; empty: string }) {
  return (
    <section className="card table-card" aria-label={title}>
      <h2 className="card-title">{title}</h2>
      {items.length === 0 ? <p className="muted small card-title">{empty}</p> : (
        <table className="table">
          <thead><tr><th scope="col">Assessment</th><th scope="col">Class</th><th scope="col">Window</th><th scope="col" className="num">Time</th><th scope="col">State</th><th scope="col" /></tr></thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} data-testid="my-assessment">
                <td><Link to={paths.assessment(a.id)}>{a.title}</Link><div className="muted small">{plural(a.problemCount, 'problem')} · {plural(a.totalPoints, 'point')}</div></td>
                <td>{a.className}</td>
                <td className="small">{formatWhen(a.windowStartAtMs)} → {formatWhen(a.windowEndAtMs)}</td>
                <td className="num">{formatDuration(a.durationMs / 1000)}{a.extraTimeMs > 0 ? ` + ${formatDuration(a.extraTimeMs / 1000)}` : ''}</td>
                <td><StatusBadge status={a.state} /></td>
                <td>{action(a)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The student's assessments: open now (or running), upcoming, and finished or missed. */
export function MyAssessments() {
  const mine = useMyAssessments();
  if (mine.isPending) return <Spinner label="Loading your assessments…" />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  const items = mine.data.items;
  if (items.length === 0) return <EmptyState title="No assessments yet.">Once you are in a class, its assessments appear here. Join one with the code your teacher gave you.</EmptyState>;
  return (
    <>
      <Group title="Open now" items={items.filter((a) => a.state === 'open' || a.state === 'in_progress')} empty="Nothing is open right now." />
      <Group title="Upcoming" items={items.filter((a) => a.state === 'upcoming')} empty="Nothing scheduled." />
      <Group title="Finished" items={items.filter((a) => a.state === 'finished' || a.state === 'missed')} empty="Nothing finished yet." />
    </>
  );
}
