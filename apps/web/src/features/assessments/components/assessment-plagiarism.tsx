import { useEffect, useState, type ReactNode } from 'react';
import { LANGUAGES, rooms, type Assessment } from '@logicode/contracts';
import { useUser } from '../../../lib/auth.js';
import { joinFeed, onSocketEvent } from '../../../lib/socket.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { useAssessmentPlagiarism } from '../api/assessments-api.js';

interface Props {
  assessment: Assessment;
  /** The side-by-side view of one pair (the teacher feature's, composed by the route). */
  renderPair: (pairId: number) => ReactNode;
  /** A button that starts a full check of one problem (the teacher feature's). */
  renderRunCheck: (problemId: number, title: string) => ReactNode;
}

/** Similar pairs among this assessment's submissions only, ranked; compare one side by side. */
export function AssessmentPlagiarism({ assessment, renderPair, renderRunCheck }: Props) {
  const pairs = useAssessmentPlagiarism(assessment.id);
  const [pairId, setPairId] = useState<number | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const { refetch } = pairs;
  const problemIds = assessment.problems.map((p) => p.problemId).join(',');
  const meId = useUser().data?.id;
  // A full check reports its progress to the problem's feed room (an admin's) and to the feed:teacher:<id> of the
  // teacher who started it (docs/access.md): follow them, and reload the pairs when it is done.
  useEffect(() => {
    const ids = problemIds.split(',').map(Number);
    const feeds = [...ids.map((id) => joinFeed(rooms.feedProblem(id))), ...(meId === undefined ? [] : [joinFeed(rooms.feedTeacher(meId))])];
    const off = onSocketEvent('plagiarism:progress', (p) => {
      if (!ids.includes(p.problemId)) return;
      const done = p.status === 'done' || p.status === 'failed';
      setProgress(done ? null : `Checking: ${p.phase} ${Math.round(p.progress * 100)}%`);
      if (done) void refetch();
    });
    return () => {
      off();
      feeds.forEach((f) => f.leave());
    };
  }, [problemIds, refetch, meId]);
  const title = (problemId: number) => assessment.problems.find((p) => p.problemId === problemId)?.title ?? `#${problemId}`;
  return (
    <>
      <div className="card">
        <p className="muted small">Each judged submission is compared as it arrives. A full check compares every submission of a problem again.</p>
        <div className="page-actions">
          {assessment.problems.map((p) => <span key={p.problemId}>{renderRunCheck(p.problemId, p.title)}</span>)}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => void pairs.refetch()}>Refresh pairs</button>
        </div>
        {progress ? <p className="muted small" role="status">{progress}</p> : null}
      </div>
      {pairs.isPending ? <Spinner /> : pairs.isError ? <ErrorState error={pairs.error} onRetry={() => void pairs.refetch()} /> : pairs.data.length === 0 ? (
        <EmptyState title="No similar pairs among this assessment's submissions." />
      ) : (
        <div className="card table-card">
          <table className="table" data-testid="assessment-pairs">
            <thead><tr><th scope="col" className="num">Similarity</th><th scope="col">Problem</th><th scope="col">Students</th><th scope="col">Language</th><th scope="col" /></tr></thead>
            <tbody>
              {pairs.data.map((p) => (
                <tr key={p.id} className={pairId === p.id ? 'row-selected' : ''}>
                  <td className="num"><strong>{Math.round(p.similarity * 100)}%</strong></td>
                  <td>{title(p.problemId)}</td>
                  <td>{p.left.userName} · {p.right.userName}</td>
                  <td>{LANGUAGES[p.language].name}</td>
                  <td><button type="button" className="btn btn-small" onClick={() => setPairId(p.id)}>Compare</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pairId !== null ? renderPair(pairId) : null}
    </>
  );
}
