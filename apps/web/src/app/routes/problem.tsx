import { useParams } from 'react-router';
import { ErrorState, Spinner } from '../../components/ui/status.js';
import { useProblem } from '../../features/workspace/api/get-problem.js';
import { ProblemWorkspace } from '../../features/workspace/components/problem-workspace.js';

export default function ProblemPage() {
  const id = Number(useParams().id);
  const problem = useProblem(id);
  if (problem.isPending) return <div className="page"><Spinner label="Loading the problem…" /></div>;
  if (problem.isError) return <div className="page"><ErrorState error={problem.error} onRetry={() => void problem.refetch()} /></div>;
  return <ProblemWorkspace key={problem.data.id} problem={problem.data} />;
}
