import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { AssessmentAttempt, AssessmentSubmissionBody, ProblemDetail, StartAttemptResponse, StudentAssessment, SubmissionStatus } from '@logicode/contracts';
import { paths } from '../../../config/paths.js';
import { onSocketEvent } from '../../../lib/socket.js';
import { Countdown } from '../../../components/ui/countdown.js';
import { ErrorState, Notice, Spinner } from '../../../components/ui/status.js';
import { useConfirm } from '../../../components/ui/confirm-dialog.js';
import { studentAssessmentKeys, submitToAssessment, useFinishAssessment, useOpenProblem } from '../api/student-api.js';
import { ProblemNav } from './problem-nav.js';

/** What the route needs to put the workspace and proctoring gate for one problem on the page. */
export interface ProblemSlot {
  problem: ProblemDetail;
  /** The proctoring session the server opened for this problem (its deadline is the assessment's). */
  session: StartAttemptResponse;
  /** Becomes true when the assessment's clock reaches zero: the gate flushes the last code at once. */
  timeUp: boolean;
  /** The attempt has ended (time, hand-in, teacher): no more runs or submits. */
  locked: boolean;
  submit: (body: { language: AssessmentSubmissionBody['language']; code: string; mode: 'run' | 'submit'; customInput?: string | null }) => Promise<{ id: number; status: SubmissionStatus }>;
  draftScope: string;
  onSubmitted: () => void;
  /** Where the proctoring banner's Reload goes if this problem's session ended (it is reopened there). */
  reloadPath: string;
}

const END_TEXT: Record<string, string> = {
  deadline: 'Time is up. The latest code of each problem was submitted for you automatically.',
  submitted: 'You handed in this assessment. The latest code of each problem was submitted.',
  closed: 'Your teacher closed this assessment. The latest code of each problem was submitted for you.',
};
// After zero the server submits the last snapshots; look for the ended attempt a little later, then often.
const AFTER_ZERO_MS = 2500;
const WHILE_ENDING_MS = 2000;

/** How the attempt ended (time, hand-in, the teacher) and the way to the results: one view wherever it shows. */
export function AttemptEnded({ assessment, attempt }: { assessment: StudentAssessment; attempt: AssessmentAttempt }) {
  return (
    <div data-testid="time-up">
      <Notice kind="warning">{END_TEXT[attempt.endReason ?? 'deadline']}</Notice>
      {assessment.showResultsToStudents ? <Link className="btn btn-primary" to={paths.assessmentResults(assessment.id)}>See your results</Link> : <p className="muted">Your teacher will share the results.</p>}
    </div>
  );
}

interface Props {
  assessment: StudentAssessment;
  attempt: AssessmentAttempt;
  receivedAtMs: number;
  renderProblem: (slot: ProblemSlot) => ReactNode;
}

/** The running attempt: one server-owned clock, the problem list, the open problem, and the hand-in. */
export function AttemptRunner({ assessment, attempt, receivedAtMs, renderProblem }: Props) {
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const problemId = Number(params.get('problem')) || attempt.problems[0]?.problemId || null;
  const ended = attempt.status === 'ended';
  const open = useOpenProblem(assessment.id, ended ? null : problemId);
  const finish = useFinishAssessment(assessment.id);
  const { confirm, dialog } = useConfirm();
  const [timeUp, setTimeUp] = useState(false);
  // server clock − client clock, measured from the answer that carried serverNowMs.
  const clockOffsetMs = attempt.serverNowMs - receivedAtMs;
  const refetchAttempt = useCallback(() => void queryClient.invalidateQueries({ queryKey: studentAssessmentKeys.attempt(assessment.id) }), [queryClient, assessment.id]);

  useEffect(() => {
    if (!timeUp || ended) return;
    let timer = setTimeout(function again() {
      refetchAttempt();
      timer = setTimeout(again, WHILE_ENDING_MS);
    }, AFTER_ZERO_MS);
    return () => clearTimeout(timer);
  }, [timeUp, ended, refetchAttempt]);

  // A problem's session ended on the server (the deadline, a hand-in on another device, the teacher's Close):
  // re-read the attempt now rather than at the next half-minute refetch.
  const sessionIds = attempt.problems.map((p) => p.proctorAttemptId).concat(open.data?.session.attempt.id ?? null).join(',');
  useEffect(() => {
    const ids = new Set(sessionIds.split(',').filter(Boolean).map(Number));
    return onSocketEvent('attempt:ended', (p) => {
      if (ids.has(p.attemptId)) refetchAttempt();
    });
  }, [sessionIds, refetchAttempt]);

  const onFinish = async () => {
    const ok = await confirm({
      title: 'Hand in now?',
      body: 'Your latest code of each problem is submitted and the attempt ends; you cannot continue it.',
      confirmLabel: 'Hand in',
      cancelLabel: 'Keep working',
    });
    if (ok) finish.mutate();
  };
  const slot = open.data && problemId !== null ? {
    problem: open.data.problem,
    session: open.data.session,
    timeUp,
    locked: ended || timeUp,
    submit: (body: Parameters<ProblemSlot['submit']>[0]) => submitToAssessment(assessment.id, problemId, body),
    draftScope: `assessment-${assessment.id}`,
    onSubmitted: refetchAttempt,
    reloadPath: `${paths.assessment(assessment.id)}?problem=${problemId}`,
  } : null;

  return (
    <div className="assessment-taking" data-testid="assessment-taking">
      <div className="assessment-bar">
        <strong className="assessment-title">{assessment.title}</strong>
        <ProblemNav problems={attempt.problems} current={problemId} onSelect={(id) => setParams({ problem: String(id) })} />
        <span className="toolbar-spacer" />
        {!ended ? (
          <>
            <span className="assessment-clock">Time left <Countdown deadlineAt={attempt.deadlineAtMs} clockOffsetMs={clockOffsetMs} onZero={() => setTimeUp(true)} /></span>
            <button type="button" className="btn btn-small" onClick={() => void onFinish()} disabled={finish.isPending}>Hand in</button>
          </>
        ) : null}
      </div>
      {finish.error ? <Notice kind="error">{finish.error.message}</Notice> : null}
      {dialog}
      {ended ? (
        <div className="page narrow"><AttemptEnded assessment={assessment} attempt={attempt} /></div>
      ) : timeUp ? (
        <Notice kind="warning"><span data-testid="time-up">Time is up. Your latest code is being submitted automatically…</span></Notice>
      ) : null}
      {!ended ? (
        open.isPending ? <Spinner label="Opening the problem…" /> : open.isError ? <ErrorState error={open.error} onRetry={() => void open.refetch()} /> : slot ? renderProblem(slot) : null
      ) : null}
    </div>
  );
}
