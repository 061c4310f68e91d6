import { useParams } from 'react-router';
import { RequireRole } from '../../components/layouts/require-role.js';
import { preloadCodeEditor } from '../../components/code-editor/code-editor.js';
import { TakeAssessment } from '../../features/assessments/components/take-assessment.js';
import type { ProblemSlot } from '../../features/assessments/components/attempt-runner.js';
import { ProctorGate } from '../../features/proctor/components/proctor-gate.js';
import { ProblemWorkspace } from '../../features/workspace/components/problem-workspace.js';

preloadCodeEditor();

/**
 * Taking an assessment. Three features meet here, so none imports another: the assessment owns the clock,
 * the problem list and the routes; the proctoring gate records the problem's session the server opened;
 * the workspace is the same editor as on a problem page, submitting to the assessment's route.
 */
function ProblemArea({ slot }: { slot: ProblemSlot }) {
  const { problem, session } = slot;
  return (
    <ProctorGate key={problem.id} problemId={problem.id} title={problem.title} timedDurationSec={null} start={() => Promise.resolve(session)}
      consentGiven showCountdown={false} reloadPath={slot.reloadPath} timeUp={slot.timeUp}>
      {(proctor) => (
        <ProblemWorkspace problem={problem} attemptId={proctor.attemptId} locked={proctor.locked || slot.locked} banner={proctor.banner}
          onCodeChange={proctor.onCodeChange} onSubmitted={slot.onSubmitted} draftScope={slot.draftScope}
          submit={(body) => slot.submit({ language: body.language, code: body.code, mode: body.mode, customInput: body.customInput ?? null })} />
      )}
    </ProctorGate>
  );
}

export default function AssessmentTakePage() {
  const id = Number(useParams().id);
  return (
    <RequireRole roles={['student']}>
      <TakeAssessment assessmentId={id} renderProblem={(slot) => <ProblemArea slot={slot} />} />
    </RequireRole>
  );
}
