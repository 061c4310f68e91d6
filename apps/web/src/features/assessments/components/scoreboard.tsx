import { Link } from 'react-router';
import { paths } from '../../../config/paths.js';
import { formatDuration } from '../../../lib/format.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { useScoreboard } from '../api/assessments-api.js';
import { formatPoints, formatWhen } from './status-badge.js';
import { ScoreDistribution } from './score-distribution.js';

/** Points per problem and in total, penalty-free; ties go to the earlier last improvement. */
export function ScoreboardView({ assessmentId }: { assessmentId: number }) {
  const board = useScoreboard(assessmentId);
  if (board.isPending) return <Spinner label="Loading the scoreboard…" />;
  if (board.isError) return <ErrorState error={board.error} onRetry={() => void board.refetch()} />;
  const { problems, rows, totalPoints } = board.data;
  if (rows.length === 0) return <EmptyState title="No students in this class yet." />;
  return (
    <>
    <ScoreDistribution board={board.data} />
    <div className="card table-card">
      <table className="table compact" data-testid="scoreboard">
        <thead>
          <tr>
            <th scope="col" className="num">#</th><th scope="col">Student</th>
            {problems.map((p) => <th key={p.problemId} scope="col" className="num">{p.title} ({p.points})</th>)}
            <th scope="col" className="num">Adjust.</th><th scope="col" className="num">Total / {totalPoints}</th>
            <th scope="col">Last improvement</th><th scope="col" className="num">Time used</th><th scope="col" className="num">Flags</th><th scope="col" className="num">Integrity</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.userId} data-user={r.email}>
              <td className="num">{r.rank}</td>
              <td><Link to={paths.teacherAssessmentStudent(assessmentId, r.userId)}>{r.name}</Link></td>
              {problems.map((p) => <td key={p.problemId} className="num">{formatPoints(r.problems.find((c) => c.problemId === p.problemId)?.points ?? 0)}</td>)}
              <td className="num">{r.adjustmentPoints ? formatPoints(r.adjustmentPoints) : ''}</td>
              <td className="num"><strong>{formatPoints(r.totalPoints)}</strong></td>
              <td className="small">{formatWhen(r.lastImprovementAtMs)}</td>
              <td className="num">{r.timeUsedMs === null ? '–' : formatDuration(r.timeUsedMs / 1000)}</td>
              <td className="num">{r.flags}</td>
              <td className="num">{r.integrityScore ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    </>
  );
}
