import { useState, type ReactNode } from 'react';
import type { LanguageId } from '@logicode/contracts';
import { readStorage, writeStorage } from '../../../lib/storage.js';
import { useProctorSession } from '../hooks/use-proctor-session.js';
import { AttemptBanner } from './attempt-banner.js';
import { ConsentNotice } from './consent-notice.js';

export interface ProctorSlot {
  attemptId: number | null;
  locked: boolean;
  banner: ReactNode;
  onCodeChange: (code: string, language: LanguageId) => void;
}

interface Props {
  problemId: number;
  title: string;
  timedDurationSec: number | null;
  children: (slot: ProctorSlot) => ReactNode;
}

const consentKey = (problemId: number) => `lc:proctor-consent:${problemId}`;

/** Asks for consent once per problem, then runs the attempt and hands the workspace what it needs. */
export function ProctorGate({ problemId, title, timedDurationSec, children }: Props) {
  const [consented, setConsented] = useState(() => readStorage(consentKey(problemId)) === 'yes');
  const session = useProctorSession(problemId, consented);
  if (!consented) {
    return (
      <ConsentNotice title={title} timedDurationSec={timedDurationSec}
        onAccept={() => { writeStorage(consentKey(problemId), 'yes'); setConsented(true); }} />
    );
  }
  const { state } = session;
  return (
    <>
      {children({
        attemptId: state.phase === 'active' ? (state.attempt?.id ?? null) : null,
        // A timed attempt that has ended takes no more submissions; an untimed one may go on practising.
        locked: state.phase === 'ended' && Boolean(state.attempt?.deadlineAt),
        banner: <AttemptBanner state={state} onDeadline={session.onDeadline} onDismissWarning={session.dismissWarning} />,
        onCodeChange: session.onCodeChange,
      })}
    </>
  );
}
