import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { StudentAssessment } from '@logicode/contracts';
import { paths } from '../../../config/paths.js';
import { formatDuration, plural } from '../../../lib/format.js';
import { Markdown } from '../../../components/markdown.js';
import { Notice } from '../../../components/ui/status.js';
import { formatWhen } from './status-badge.js';

interface Props {
  assessment: StudentAssessment;
  onStart: () => void;
  starting: boolean;
  error: string | null;
}

/** Said before the clock starts: how long, until when, what is recorded, and that it cannot be restarted. */
export function AssessmentConsent({ assessment: a, onStart, starting, error }: Props) {
  const startButton = useRef<HTMLButtonElement>(null);
  useEffect(() => startButton.current?.focus(), []);
  const rules = a.proctoring;
  const total = a.durationMs + a.extraTimeMs;
  return (
    <div className="page narrow">
      <section className="card consent" role="dialog" aria-modal="false" aria-labelledby="consent-title" data-testid="assessment-consent">
        <h1 id="consent-title">Before you start: {a.title}</h1>
        {a.instructions ? <Markdown source={a.instructions} /> : null}
        <p>
          You have <strong>{formatDuration(total / 1000)}</strong>{a.extraTimeMs > 0 ? ` (including ${formatDuration(a.extraTimeMs / 1000)} extra time)` : ''} from
          the moment you press Start, and no later than <strong>{formatWhen(a.windowEndAtMs)}</strong>. The clock runs on the server: it keeps going if you
          reload, close the tab or switch devices, and you cannot start again. When time is up, the latest code of every problem is submitted for you.
        </p>
        <p>{plural(a.problemCount, 'problem')}, {plural(a.totalPoints, 'point')}; the {a.scoring === 'best' ? 'best' : 'last'} submission of each problem counts. Submit as often as you like.</p>
        {rules.enabled ? (
          <>
            <p>This assessment is <strong>proctored</strong>. While you work, LogiCode records:</p>
            <ul>
              <li>when you leave or return to this tab or window{rules.allowedTabSwitches === 0 ? ' (your teacher is told about every tab switch)' : ` (more than ${rules.allowedTabSwitches} tab switches are flagged)`};</li>
              <li>pastes, copies and cuts (their length and where they happened, not the text);</li>
              <li>right-clicks, developer-tools shortcuts{rules.fullscreenRequired ? ', leaving fullscreen' : ''} and long idle periods;</li>
              <li>snapshots of your code every few seconds, so your teacher can replay how it was written.</li>
            </ul>
            <p className="muted">Nothing else is recorded: no camera, microphone, screen or other tabs. A flag is a prompt for your teacher to look, never an automatic penalty.</p>
          </>
        ) : <p className="muted">Activity is not recorded in this assessment.</p>}
        {error ? <Notice kind="error">{error}</Notice> : null}
        <div className="modal-actions">
          <Link to={paths.assessments()} className="btn btn-ghost">Not now</Link>
          <button ref={startButton} type="button" className="btn btn-primary" onClick={onStart} disabled={starting} data-testid="assessment-start">
            {starting ? 'Starting…' : 'I understand, start the clock'}
          </button>
        </div>
      </section>
    </div>
  );
}
