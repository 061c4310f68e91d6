import { useEffect, useState, type ReactNode } from 'react';
import type { LanguageId } from '@logicode/contracts';
import { readStorage, writeStorage } from '../../../lib/storage.js';
import { useProctorSession, type StartSession } from '../hooks/use-proctor-session.js';
import { AttemptBanner } from './attempt-banner.js';
import { ConsentNotice } from './consent-notice.js';
import { focusNextHeading } from '../../../components/ui/focus-heading.js';

export interface ProctorSlot {
  attemptId: number | null;
  locked: boolean;
  banner: ReactNode;
  onCodeChange: (code: string, language: LanguageId) => void;
  /** A running timed problem (not an assessment's: it is handed in from its page): ends it after the Submit. */
  finish: (() => Promise<void>) | null;
}

interface Props {
  problemId: number;
  title: string;
  timedDurationSec: number | null;
  children: (slot: ProctorSlot) => ReactNode;
  /** Opens the attempt some other way (an assessment's problem route); default POST /api/proctor/attempts. */
  start?: StartSession;
  /** Consent was already given for the whole set (an assessment asks once, before its clock starts). */
  consentGiven?: boolean;
  /** false when the page shows its own clock (an assessment's, the same server deadline). */
  showCountdown?: boolean;
  /** Passed to the banner: where "Reload" goes after the end; null hides it. */
  reloadPath?: string | null;
  /** The page's own clock reached zero (showCountdown=false): send the last code now, as the banner's clock would. */
  timeUp?: boolean;
}

const consentKey = (problemId: number) => `lc:proctor-consent:${problemId}`;

const noCode = () => undefined;

/**
 * Asks for consent once per problem, then runs the attempt and hands the workspace what it needs. Only rendered
 * where recording happens (routes/problem.tsx: a proctored or timed problem). A recorded practice problem (untimed,
 * outside an assessment) asks above its statement, never instead of it; a timed one asks before showing it.
 */
export function ProctorGate(props: Props) {
  const { problemId, title, timedDurationSec, children, start, consentGiven = false, showCountdown = true, reloadPath, timeUp = false } = props;
  const [consentedHere, setConsented] = useState(() => readStorage(consentKey(problemId)) === 'yes');
  const consented = consentGiven || consentedHere;
  const session = useProctorSession(problemId, consented, start);
  const { onDeadline } = session;
  useEffect(() => {
    if (timeUp) onDeadline();
  }, [timeUp, onDeadline]);
  if (!consented && timedDurationSec === null) {
    const notice = (
      <ConsentNotice title={title} timedDurationSec={null} inline
        onAccept={() => { writeStorage(consentKey(problemId), 'yes'); setConsented(true); focusNextHeading(null); }} />
    );
    return <>{children({ attemptId: null, locked: true, banner: notice, onCodeChange: noCode, finish: null })}</>;
  }
  if (!consented) {
    return (
      <ConsentNotice title={title} timedDurationSec={timedDurationSec}
        onAccept={() => { writeStorage(consentKey(problemId), 'yes'); setConsented(true); focusNextHeading(); }} />
    );
  }
  const { state } = session;
  return (
    <>
      {children({
        attemptId: state.phase === 'active' ? (state.attempt?.id ?? null) : null,
        // A timed attempt that has ended takes no more submissions; an untimed one may go on practising.
        locked: state.phase === 'ended' && Boolean(state.attempt?.deadlineAt),
        banner: <AttemptBanner state={state} onDeadline={session.onDeadline} onDismissWarning={session.dismissWarning}
          showCountdown={showCountdown} reloadPath={reloadPath} />,
        onCodeChange: session.onCodeChange,
        finish: state.phase === 'active' && state.attempt?.deadlineAt && showCountdown ? session.finish : null,
      })}
    </>
  );
}
