import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../config/paths.js';
import { formatDuration, plural } from '../../../lib/format.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { VerdictBadge } from '../../../components/ui/verdict-badge.js';
import { useStudentAttempt } from '../api/assessments-api.js';
import { AdjustmentForm } from './adjustment-form.js';
import { formatPoints, formatWhen } from './status-badge.js';

interface Props {
  assessmentId: number;
  userId: number;
  /** The timeline and code playback of one proctoring attempt (the teacher feature's review, composed by the route). */
  renderAttempt: (proctorAttemptId: number) => ReactNode;
}

/** One student's attempt: points per problem, submissions, adjustments, and each problem's timeline and playback. */
export function StudentAttempt({ assessmentId, userId, renderAttempt }: Props) {
  const detail = useStudentAttempt(assessmentId, userId);
  const [reviewId, setReviewId] = useState<number | null>(null);
  if (detail.isPending) return <Spinner label="Loading the attempt…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { user, attempt, proctorAttempts, submissions, adjustments } = detail.data;
  const shown = reviewId ?? proctorAttempts[0]?.id ?? null;
  const titleOf = (problemId: number | null) => (problemId === null ? 'Total' : attempt?.problems.find((p) => p.problemId === problemId)?.title ?? `#${problemId}`);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{user.name}</h1>
          <span className="muted">{user.email}</span>
        </div>
        <Link className="btn" to={paths.teacherAssessment(assessmentId)}>Back to the assessment</Link>
      </div>
      {attempt === null ? <EmptyState title="This student has not started." /> : (
        <>
          <div className="stat-grid">
            <div className="stat"><div className="stat-value">{formatPoints(attempt.earnedPoints)} / {attempt.totalPoints}</div><div className="stat-label">Points (adjustments included)</div></div>
            <div className="stat"><div className="stat-value">{attempt.status === 'active' ? 'Working' : attempt.endReason ?? 'Ended'}</div><div className="stat-label">Started {formatWhen(attempt.startedAtMs)}</div></div>
            <div className="stat"><div className="stat-value">{formatDuration(((attempt.endedAtMs ?? attempt.serverNowMs) - attempt.startedAtMs) / 1000)}</div><div className="stat-label">Time used (deadline {formatWhen(attempt.deadlineAtMs)})</div></div>
          </div>
          <section className="card table-card">
            <table className="table compact" data-testid="attempt-problems">
              <thead><tr><th scope="col">Problem</th><th scope="col">Progress</th><th scope="col" className="num">Submissions</th><th scope="col" className="num">Points</th></tr></thead>
              <tbody>
                {attempt.problems.map((p) => (
                  <tr key={p.problemId}><td>{p.title}</td><td>{p.progress.replace(/_/g, ' ')}</td><td className="num">{p.submissionCount}</td><td className="num">{formatPoints(p.earnedPoints)} / {p.points}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      <section className="card">
        <h2>Score adjustments</h2>
        {adjustments.length > 0 ? (
          <ul className="adjustments" data-testid="adjustments">
            {adjustments.map((a) => (
              <li key={a.id}><strong>{a.deltaPoints > 0 ? '+' : ''}{formatPoints(a.deltaPoints)}</strong> on {titleOf(a.problemId)}: {a.reason} <span className="muted small">({a.actorName}, {formatWhen(a.createdAtMs)})</span></li>
            ))}
          </ul>
        ) : <p className="muted small">None.</p>}
        <AdjustmentForm assessmentId={assessmentId} userId={user.id} problems={attempt?.problems ?? []} />
      </section>
      <section className="card table-card">
        <h2 className="card-title">Submissions</h2>
        {submissions.length === 0 ? <EmptyState title="No submissions." /> : (
          <table className="table compact">
            <thead><tr><th scope="col">When</th><th scope="col">Problem</th><th scope="col">Mode</th><th scope="col">Verdict</th><th scope="col" className="num">Score</th></tr></thead>
            <tbody>
              {submissions.map((s) => (
                <tr key={s.id}>
                  <td>{formatWhen(new Date(s.createdAt).getTime())}{s.autoSubmitted ? <span className="badge">auto</span> : null}</td>
                  <td>{titleOf(s.problemId)}</td><td>{s.mode}</td>
                  <td>{s.status === 'done' ? <VerdictBadge verdict={s.verdict} /> : s.status}</td>
                  <td className="num">{s.score ?? '–'}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {proctorAttempts.length > 0 ? (
        <>
          <nav className="tabs subnav" role="tablist" aria-label="Problem sessions">
            {proctorAttempts.map((p) => (
              <button key={p.id} type="button" role="tab" aria-selected={shown === p.id} className={`tab ${shown === p.id ? 'active' : ''}`} onClick={() => setReviewId(p.id)}>
                {p.problemTitle}{p.flags.length > 0 ? ` · ${plural(p.flags.length, 'flag')}` : ''}
              </button>
            ))}
          </nav>
          {shown !== null ? <div key={shown}>{renderAttempt(shown)}</div> : null}
        </>
      ) : null}
    </>
  );
}
