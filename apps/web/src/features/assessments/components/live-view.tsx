import { Link } from 'react-router';
import type { AssessmentLive, LiveStudent } from '@logicode/contracts';
import { paths } from '../../../config/paths.js';
import { formatDuration, plural } from '../../../lib/format.js';
import { EmptyState } from '../../../components/ui/status.js';
import { useNow } from '../../../lib/use-now.js';
import type { ActivityLine } from '../hooks/use-assessment-feed.js';
import { formatPoints, StatusBadge } from './status-badge.js';

const PROGRESS_TEXT: Record<string, string> = { not_opened: '·', opened: 'opened', submitted: 'submitted', solved: 'solved' };

interface Props {
  data: AssessmentLive;
  /** client clock when this answer arrived: serverNowMs was the server's clock then. */
  receivedAtMs: number;
  live: boolean;
  /** Runs, Submits (with verdicts) and flags as they arrive, newest first, each naming the student and the problem. */
  activity?: ActivityLine[];
}

function timeLeft(s: LiveStudent, serverNowMs: number): string {
  if (s.state === 'not_started') return '–';
  if (s.state === 'finished' || s.deadlineAtMs === null) return 'done';
  return formatDuration(Math.max(0, s.deadlineAtMs - serverNowMs) / 1000);
}

/** Who started, progress per problem, flags and time left, one row per student of the class. */
export function LiveView({ data, receivedAtMs, live, activity = [] }: Props) {
  const now = useNow(1000);
  // The server's clock now = its clock at the answer + the time since (measured on this machine's monotonic-enough clock).
  const serverNowMs = data.serverNowMs + (now - receivedAtMs);
  const { assessment, students } = data;
  const started = students.filter((s) => s.state !== 'not_started').length;
  const running = students.filter((s) => s.state === 'in_progress').length;
  const flagged = students.filter((s) => s.openFlags > 0).length;
  return (
    <>
      <div className="stat-grid" data-testid="live-stats">
        <div className="stat"><div className="stat-value">{started} / {students.length}</div><div className="stat-label">Started</div></div>
        <div className="stat"><div className="stat-value">{running}</div><div className="stat-label">Working now</div></div>
        <div className="stat"><div className="stat-value">{flagged}</div><div className="stat-label">Students with open flags</div></div>
        <div className="stat"><div className="stat-value"><span className={`badge ${live ? 'badge-solved' : ''}`}>{live ? 'Live' : 'Refreshing'}</span></div>
          <div className="stat-label">{live ? 'Updates appear as they happen' : 'Live updates unavailable: refreshing every few seconds'}</div></div>
      </div>
      {students.length === 0 ? <EmptyState title="This class has no students yet." /> : (
        <div className="card table-card">
          <table className="table compact live-table" data-testid="live-table">
            <thead>
              <tr>
                <th scope="col">Student</th><th scope="col">State</th><th scope="col" className="num">Time left</th>
                {assessment.problems.map((p) => <th key={p.problemId} scope="col" className="num" title={p.title}>{p.title} ({p.points})</th>)}
                <th scope="col" className="num">Flags</th><th scope="col" className="num">Integrity</th><th scope="col" />
              </tr>
            </thead>
            <tbody>
              {students.map((s) => (
                <tr key={s.userId} className={s.openFlags > 0 ? 'row-flagged' : ''} data-testid="live-row" data-user={s.email}>
                  <td><strong>{s.name}</strong><div className="muted small">{s.email}{s.extraTimeMs > 0 ? ` · +${formatDuration(s.extraTimeMs / 1000)} extra` : ''}</div></td>
                  <td><StatusBadge status={s.state} />{s.connected === false ? <span className="badge badge-pending">disconnected</span> : null}</td>
                  <td className="num" data-testid="time-left">{timeLeft(s, serverNowMs)}</td>
                  {assessment.problems.map((p) => {
                    const cell = s.problems.find((c) => c.problemId === p.problemId);
                    return (
                      <td key={p.problemId} className={`num progress-${cell?.progress ?? 'not_opened'}`}>
                        {cell && cell.submissionCount > 0 ? `${formatPoints(cell.points)} pts · ${cell.submissionCount}×` : PROGRESS_TEXT[cell?.progress ?? 'not_opened']}
                      </td>
                    );
                  })}
                  <td className="num" data-testid="flags">
                    {s.flags > 0 ? <span className={`badge ${s.openFlags > 0 ? 'severity-high' : 'severity-low'}`}>{plural(s.flags, 'flag')}</span> : '0'}
                  </td>
                  <td className="num">{s.integrityScore ?? '–'}</td>
                  <td>{s.state !== 'not_started' ? <Link className="btn btn-small" to={paths.teacherAssessmentStudent(assessment.id, s.userId)}>Attempt</Link> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card" aria-labelledby="activity-title">
        <h2 id="activity-title">Activity</h2>
        {activity.length === 0 ? (
          <p className="muted small">Runs, submissions (with their verdicts) and flags appear here, by name, as they happen.</p>
        ) : (
          <ol className="feed" aria-live="polite" data-testid="live-activity">
            {activity.map((line) => (
              <li key={line.key} className="feed-item"><span className="muted small">{new Date(line.atMs).toLocaleTimeString()}</span> {line.text}</li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
