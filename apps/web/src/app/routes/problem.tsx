import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api-client.js';
import { paths } from '../../config/paths.js';
import { ErrorState, Spinner } from '../../components/ui/status.js';
import { preloadCodeEditor } from '../../components/code-editor/code-editor.js';
import { useUser } from '../../lib/auth.js';
import { useProblem } from '../../features/workspace/api/get-problem.js';
import { ProblemWorkspace } from '../../features/workspace/components/problem-workspace.js';
import { ProctorGate } from '../../features/proctor/components/proctor-gate.js';

// The editor is the heaviest part of this page: fetch it alongside the problem, not after it.
preloadCodeEditor();

/**
 * Students work inside a proctored or timed attempt (consent first); teachers, admins, visitors and students on
 * an unproctored, untimed problem get the plain workspace. The two features meet here, at the app level, so neither imports the other.
 */
export default function ProblemPage() {
  const id = Number(useParams().id);
  const problem = useProblem(id);
  const user = useUser();
  if (problem.isPending || user.isPending) return <div className="page"><Spinner label="Loading the problem…" /></div>;
  if (problem.isError && problem.error instanceof ApiError && problem.error.status === 404) {
    return (
      <div className="page narrow">
        <h1>Problem not found</h1>
        <ErrorState error={problem.error} />
        <Link className="btn btn-primary" to={paths.problems()}>Browse problems</Link>
      </div>
    );
  }
  if (problem.isError) return <div className="page"><ErrorState error={problem.error} onRetry={() => void problem.refetch()} /></div>;
  const p = problem.data;
  // Only students are proctored, and only where the rules say so; a timed problem always needs an attempt (the clock).
  if (user.data?.role !== 'student' || (!p.proctored && p.timedDurationSec === null)) return <ProblemWorkspace key={p.id} problem={p} />;
  return (
    <ProctorGate key={p.id} problemId={p.id} title={p.title} timedDurationSec={p.timedDurationSec}>
      {(slot) => (
        <ProblemWorkspace problem={p} attemptId={slot.attemptId} locked={slot.locked} banner={slot.banner} onCodeChange={slot.onCodeChange} onFinish={slot.finish} />
      )}
    </ProctorGate>
  );
}
