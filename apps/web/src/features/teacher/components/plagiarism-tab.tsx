import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { DEFAULT_FLAG_LEVELS, isFlagged, LANGUAGES, type PlagiarismParams } from '@logicode/contracts';
import { onSocketEvent } from '../../../lib/socket.js';
import { formatDateTime, plural } from '../../../lib/format.js';
import { EmptyState, ErrorState, Notice, Spinner } from '../../../components/ui/status.js';
import { plagiarismKeys, usePlagiarismReport, useRunPlagiarism } from '../api/plagiarism-api.js';
import { useProblemOptions } from '../api/teacher-api.js';
import { PairPanel } from './pair-panel.js';

/** The floor a run keeps pairs down to (packages/plagiarism DEFAULT_PARAMS.threshold). */
const DEFAULT_FLOOR = 0.15;

/**
 * The levels of a run, explained, and editable for the next run (issue 16). Percentages in the form, shares on
 * the wire.
 */
function LevelsForm({ levels, onChange }: { levels: Levels; onChange: (levels: Levels) => void }) {
  const field = (key: keyof Levels, label: string, hint: string, max: number) => (
    <label className="filter">
      <span className="filter-label">{label}</span>
      <input type="number" min={key === 'flagFragmentTokens' ? 1 : 0} max={max} value={levels[key]} aria-describedby={`level-${key}`}
        onChange={(e) => onChange({ ...levels, [key]: Number(e.target.value) })} />
      <span id={`level-${key}`} className="muted small">{hint}</span>
    </label>
  );
  return (
    <details className="card" data-testid="plagiarism-levels">
      <summary>Levels for the next check</summary>
      <p className="muted small">
        A pair is <strong>flagged</strong> (highlighted) when its similarity reaches the flag level, or when one matched
        stretch of code is at least the fragment length: that catches one copied function in a file that is otherwise
        the student&apos;s own. Pairs below the flag level down to the floor are listed too, ranked, so you can look lower.
        The problem&apos;s starter code never counts. The defaults were chosen on a labelled set of classes.
      </p>
      <div className="filters-row">
        {field('flagSimilarityPct', 'Flag at similarity (%)', `default ${Math.round(DEFAULT_FLAG_LEVELS.flagSimilarity * 100)}%`, 100)}
        {field('flagFragmentTokens', 'Flag at a fragment of (tokens)', `default ${DEFAULT_FLAG_LEVELS.flagFragmentTokens}`, 100000)}
        {field('floorPct', 'List pairs down to (%)', `default ${Math.round(DEFAULT_FLOOR * 100)}%`, 100)}
      </div>
    </details>
  );
}

interface Levels {
  flagSimilarityPct: number;
  flagFragmentTokens: number;
  floorPct: number;
}

const DEFAULT_LEVELS: Levels = {
  flagSimilarityPct: Math.round(DEFAULT_FLAG_LEVELS.flagSimilarity * 100),
  flagFragmentTokens: DEFAULT_FLAG_LEVELS.flagFragmentTokens,
  floorPct: Math.round(DEFAULT_FLOOR * 100),
};

/** Only what differs from the defaults goes with the run (the stored overrides stay readable). */
function overrides(levels: Levels): Partial<PlagiarismParams> | undefined {
  const out: Partial<PlagiarismParams> = {};
  if (levels.flagSimilarityPct !== DEFAULT_LEVELS.flagSimilarityPct) out.flagSimilarity = levels.flagSimilarityPct / 100;
  if (levels.flagFragmentTokens !== DEFAULT_LEVELS.flagFragmentTokens) out.flagFragmentTokens = levels.flagFragmentTokens;
  if (levels.floorPct !== DEFAULT_LEVELS.floorPct) out.threshold = levels.floorPct / 100;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Pairs of submissions ranked by similarity, per problem, flagged ones highlighted; a run's progress arrives over the feed socket. */
export function PlagiarismTab() {
  const [levels, setLevels] = useState<Levels>(DEFAULT_LEVELS);
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
  // Flags follow the levels the pairs were computed with: the last finished run's, else the defaults.
  const flagLevels = latest?.params ?? DEFAULT_FLAG_LEVELS;
  const flaggedCount = (report.data?.items ?? []).filter((p) => isFlagged(flagLevels, p)).length;
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
            <button type="button" className="btn btn-primary" disabled={run.isPending || Boolean(running)} onClick={() => run.mutate({ problemId, params: overrides(levels) })} style={{ alignSelf: 'flex-end' }}>
              {running ? 'Check running…' : 'Run a full check'}
            </button>
          ) : null}
        </div>
      </div>
      {problemId !== null ? <LevelsForm levels={levels} onChange={setLevels} /> : null}
      {run.error ? <Notice kind="error">{run.error.message}</Notice> : null}
      {problemId === null ? <EmptyState title="Choose a problem to see its most similar submissions." /> : null}
      {report.isPending && problemId !== null ? <Spinner /> : null}
      {report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : null}
      {latest ? (
        <p className="muted small">
          Last check: {latest.status}{latest.finishedAt ? `, ${formatDateTime(latest.finishedAt)}` : ''} · {plural(latest.submissionCount, 'submission')} compared · {plural(latest.pairCount, 'pair')}
          {running && progress ? ` · ${progress.phase} ${Math.round(progress.progress * 100)}%` : ''}
          {latest.error ? ` · ${latest.error}` : ''}
        </p>
      ) : null}
      {report.data && report.data.items.length > 0 ? (
        <p className="muted small" data-testid="flag-levels">
          {flaggedCount} flagged on this page: similarity at least {Math.round(flagLevels.flagSimilarity * 100)}% or a matched fragment of at
          least {flagLevels.flagFragmentTokens} tokens{latest?.params ? ` (floor ${Math.round(latest.params.threshold * 100)}%)` : ''}.
        </p>
      ) : null}
      {report.data && report.data.items.length === 0 ? <EmptyState title="No similar pairs found.">New submissions are also checked as they are judged.</EmptyState> : null}
      {report.data && report.data.items.length > 0 ? (
        <div className="card table-card">
          <table className="table">
            <thead>
              <tr><th scope="col" className="num">Similarity</th><th scope="col">Flag</th><th scope="col">Students</th><th scope="col">Language</th><th scope="col" className="num">Longest match</th><th scope="col" /></tr>
            </thead>
            <tbody>
              {report.data.items.map((p) => (
                <tr key={p.id} className={[pairId === p.id ? 'row-selected' : '', isFlagged(flagLevels, p) ? 'row-flagged' : ''].join(' ').trim() || undefined}>
                  <td className="num"><strong>{Math.round(p.similarity * 100)}%</strong></td>
                  <td>{isFlagged(flagLevels, p) ? <span className="badge">{p.similarity >= flagLevels.flagSimilarity ? 'flagged' : 'flagged: partial copy'}</span> : <span className="muted small">below flag level</span>}</td>
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
