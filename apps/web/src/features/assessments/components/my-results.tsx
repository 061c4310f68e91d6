import { Link } from 'react-router';
import { paths } from '../../../config/paths.js';
import { EmptyState, ErrorState, Notice, Spinner } from '../../../components/ui/status.js';
import { useMyAttempt, useStudentAssessment } from '../api/student-api.js';
import { formatPoints } from './status-badge.js';

/** The student's points per problem once the attempt ended, if the teacher shows results. */
export function MyResults({ assessmentId }: { assessmentId: number }) {
  const assessment = useStudentAssessment(assessmentId);
  const attempt = useMyAttempt(assessmentId, true);
  if (assessment.isPending || attempt.isPending) return <Spinner label="Loading your results…" />;
  if (assessment.isError) return <ErrorState error={assessment.error} onRetry={() => void assessment.refetch()} />;
  if (attempt.isError) return <ErrorState error={attempt.error} onRetry={() => void attempt.refetch()} />;
  const a = assessment.data;
  const t = attempt.data;
  return (
    <>
      <div className="page-header">
        <h1>Results: {a.title}</h1>
        <Link className="btn" to={paths.assessments()}>All assessments</Link>
      </div>
      {t.earnedPoints === null ? (
        <EmptyState title={t.status === 'active' ? 'Results appear when your attempt ends.' : 'Your teacher has not shared the results of this assessment.'} />
      ) : (
        <>
          <div className="stat-grid">
            <div className="stat"><div className="stat-value" data-testid="my-total">{formatPoints(t.earnedPoints)} / {t.totalPoints}</div><div className="stat-label">Points</div></div>
          </div>
          <section className="card table-card">
            <table className="table" data-testid="my-results">
              <thead><tr><th scope="col">Problem</th><th scope="col" className="num">Submissions</th><th scope="col" className="num">Points</th></tr></thead>
              <tbody>
                {t.problems.map((p) => (
                  <tr key={p.problemId}><td>{p.title}</td><td className="num">{p.submissionCount}</td><td className="num">{formatPoints(p.earnedPoints)} / {p.points}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
          <Notice kind="info">Scores may still change if your teacher adjusts them after reviewing.</Notice>
        </>
      )}
    </>
  );
}
