import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { LANGUAGES } from '@logicode/contracts';
import { onSocketEvent } from '../../../lib/socket.js';
import { formatDateTime } from '../../../lib/format.js';
import { EmptyState, ErrorState, Notice, Spinner } from '../../../components/ui/status.js';
import { plagiarismKeys, usePlagiarismReport, useRunPlagiarism } from '../api/plagiarism-api.js';
import { useProblemOptions } from '../api/teacher-api.js';
import { PairPanel } from './pair-panel.js';

/** Pairs of submissions ranked by similarity, per problem; a run's progress arrives over the feed socket. */
export function PlagiarismTab() {
  const problems = useProblemOptions();
  const [problemId, setProblemId] = useState<number | null>(null);
  const [pairId, setPairId] = useState<number | null>(null);
  const [progress, setProgress] = useState<{ runId: number; progress: number; phase: string } | null>(null);
  const report = usePlagiarismReport(problemId);
  const run = useRunPlagiarism();
  const queryClient = useQueryClient();

  useEffect(
    () =>
      onSocketEvent('plagiarism:progress', (p) => {
        if (p.problemId !== problemId) return;
        setProgress({ runId: p.runId, progress: p.progress, phase: p.phase });
        if (p.status === 'done' || p.status === 'failed') void queryClient.invalidateQueries({ queryKey: plagiarismKeys.report(problemId) });
      }),
    [problemId, queryClient],
  );

  const latest = report.data?.run ?? null;
  const running = latest && (latest.status === 'queued' || latest.status === 'running');
  return (
    <>
      <div className="card filters">
        <div className="filters-row">
          <label className="filter grow">
            <span className="filter-label">Problem</span>
            <select value={problemId ?? ''} onChange={(e) => { setProblemId(e.target.value ? Number(e.target.value) : null); setPairId(null); setProgress(null); }}>
              <option value="">Choose a problem…</option>
              {(problems.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
            </select>
          </label>
          {problemId !== null ? (
            <button type="button" className="btn btn-primary" disabled={run.isPending || Boolean(running)} onClick={() => run.mutate(problemId)} style={{ alignSelf: 'flex-end' }}>
              {running ? 'Check running…' : 'Run a full check'}
            </button>
          ) : null}
        </div>
      </div>
      {run.error ? <Notice kind="error">{run.error.message}</Notice> : null}
      {problemId === null ? <EmptyState title="Choose a problem to see its most similar submissions." /> : null}
      {report.isPending && problemId !== null ? <Spinner /> : null}
      {report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : null}
      {latest ? (
        <p className="muted small">
          Last check: {latest.status}{latest.finishedAt ? `, ${formatDateTime(latest.finishedAt)}` : ''} · {latest.submissionCount} submissions compared · {latest.pairCount} pairs
          {running && progress ? ` · ${progress.phase} ${Math.round(progress.progress * 100)}%` : ''}
          {latest.error ? ` · ${latest.error}` : ''}
        </p>
      ) : null}
      {report.data && report.data.items.length === 0 ? <EmptyState title="No similar pairs found.">New submissions are also checked as they are judged.</EmptyState> : null}
      {report.data && report.data.items.length > 0 ? (
        <div className="card table-card">
          <table className="table">
            <thead>
              <tr><th scope="col" className="num">Similarity</th><th scope="col">Students</th><th scope="col">Language</th><th scope="col" className="num">Longest match</th><th scope="col" /></tr>
            </thead>
            <tbody>
              {report.data.items.map((p) => (
                <tr key={p.id} className={pairId === p.id ? 'row-selected' : ''}>
                  <td className="num"><strong>{Math.round(p.similarity * 100)}%</strong></td>
                  <td>{p.left.userName} · {p.right.userName}</td>
                  <td>{LANGUAGES[p.language].name}</td>
                  <td className="num">{p.longestFragmentTokens} tokens</td>
                  <td><button type="button" className="btn btn-small" onClick={() => setPairId(p.id)}>Compare</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pairId !== null ? <PairPanel pairId={pairId} /> : null}
    </>
  );
}
