import { ErrorState, Notice, Spinner } from '../../../components/ui/status.js';
import { usePlagiarismPair, useRunPlagiarism } from '../api/plagiarism-api.js';
import { PairView } from './pair-view.js';

/** One stored pair, fetched and shown side by side (the plagiarism tab and an assessment's page both use it). */
export function PairPanel({ pairId }: { pairId: number }) {
  const pair = usePlagiarismPair(pairId);
  if (pair.isPending) return <Spinner label="Loading the pair…" />;
  if (pair.isError) return <ErrorState error={pair.error} onRetry={() => void pair.refetch()} />;
  return <PairView pair={pair.data} />;
}

/** Starts a full check of one problem's submissions (progress goes to the feed rooms; pairs are stored). */
export function RunCheckButton({ problemId, label }: { problemId: number; label: string }) {
  const run = useRunPlagiarism();
  return (
    <span>
      <button type="button" className="btn btn-small" disabled={run.isPending} onClick={() => run.mutate(problemId)}>
        {run.isSuccess ? `Check started: ${label}` : `Run a check: ${label}`}
      </button>
      {run.error ? <Notice kind="error">{run.error.message}</Notice> : null}
    </span>
  );
}
