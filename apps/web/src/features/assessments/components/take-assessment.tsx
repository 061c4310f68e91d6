import { errorMessage } from '../../../lib/api-client.js';
import { ErrorState, Notice, Spinner } from '../../../components/ui/status.js';
import { useMyAttempt, useStartAssessment, useStudentAssessment } from '../api/student-api.js';
import { AssessmentConsent } from './assessment-consent.js';
import { focusNextHeading } from '../../../components/ui/focus-heading.js';
import { AttemptEnded, AttemptRunner, type ProblemSlot } from './attempt-runner.js';
import { formatWhen } from './status-badge.js';
import type { ReactNode } from 'react';

interface Props {
  assessmentId: number;
  /** The editor for one opened problem (the workspace inside the proctoring gate, composed by the route). */
  renderProblem: (slot: ProblemSlot) => ReactNode;
}

/** A student's way through one assessment: not open yet, consent and start, the running attempt, or its end. */
export function TakeAssessment({ assessmentId, renderProblem }: Props) {
  const assessment = useStudentAssessment(assessmentId);
  const start = useStartAssessment(assessmentId);
  const state = assessment.data?.state;
  const attempt = useMyAttempt(assessmentId, state === 'in_progress' || state === 'finished' || start.isSuccess);
  if (assessment.isPending) return <div className="page"><Spinner label="Loading the assessment…" /></div>;
  if (assessment.isError) return <div className="page"><ErrorState error={assessment.error} onRetry={() => void assessment.refetch()} /></div>;
  const a = assessment.data;

  if (a.state === 'upcoming') {
    return (
      <div className="page narrow">
        <h1>{a.title}</h1>
        <Notice kind="info">This assessment opens {formatWhen(a.windowStartAtMs)}. Come back then; the clock starts only when you press Start.</Notice>
        <button type="button" className="btn" onClick={() => void assessment.refetch()}>Check again</button>
      </div>
    );
  }
  if (a.state === 'missed') {
    return <div className="page narrow"><h1>{a.title}</h1><Notice kind="warning">This assessment closed before you started it.</Notice></div>;
  }
  if (a.state === 'open' && !start.isSuccess) {
    return <AssessmentConsent assessment={a} onStart={() => start.mutate(undefined, { onSuccess: () => focusNextHeading() })} starting={start.isPending} error={start.error ? errorMessage(start.error) : null} />;
  }
  if (attempt.isPending) return <div className="page"><Spinner label="Opening your attempt…" /></div>;
  if (attempt.isError) return <div className="page"><ErrorState error={attempt.error} onRetry={() => void attempt.refetch()} /></div>;
  if (attempt.data.status === 'ended' && a.state === 'finished') {
    return (
      <div className="page narrow">
        <h1>{a.title}</h1>
        <AttemptEnded assessment={a} attempt={attempt.data} />
      </div>
    );
  }
  return <AttemptRunner assessment={a} attempt={attempt.data} receivedAtMs={attempt.dataUpdatedAt} renderProblem={renderProblem} />;
}
