import { Link } from 'react-router';
import { paths } from '../../../config/paths.js';
import { formatDuration } from '../../../lib/format.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { useAssessments } from '../api/assessments-api.js';
import { formatWhen, StatusBadge } from './status-badge.js';

/** Every assessment of the teacher's classes (admins: all), newest first. */
export function AssessmentList() {
  const list = useAssessments();
  return (
    <>
      <div className="page-header">
        <h1>Assessments</h1>
        <div className="page-actions">
          <Link className="btn" to={paths.teacherClasses()}>Classes</Link>
          <Link className="btn btn-primary" to={paths.teacherAssessmentNew()}>New assessment</Link>
        </div>
      </div>
      {list.isPending ? <Spinner label="Loading assessments…" /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : list.data.length === 0 ? (
        <EmptyState title="No assessments yet.">Create a class, then a timed, proctored set of problems for it.</EmptyState>
      ) : (
        <div className="card table-card">
          <table className="table" data-testid="assessment-list">
            <thead><tr><th scope="col">Assessment</th><th scope="col">Class</th><th scope="col">Status</th><th scope="col">Window</th><th scope="col" className="num">Duration</th><th scope="col" className="num">Problems</th></tr></thead>
            <tbody>
              {[...list.data].sort((a, b) => b.createdAtMs - a.createdAtMs).map((a) => (
                <tr key={a.id}>
                  <td><Link to={paths.teacherAssessment(a.id)}>{a.title}</Link></td>
                  <td>{a.className}</td>
                  <td><StatusBadge status={a.status} /></td>
                  <td className="small">{formatWhen(a.windowStartAtMs)} → {formatWhen(a.windowEndAtMs)}</td>
                  <td className="num">{formatDuration(a.durationMs / 1000)}</td>
                  <td className="num">{a.problems.length} · {a.totalPoints} pts</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
