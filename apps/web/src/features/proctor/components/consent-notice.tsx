import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatDuration } from '../../../lib/format.js';

interface Props {
  title: string;
  timedDurationSec: number | null;
  onAccept: () => void;
  /**
   * A recorded practice problem (a teacher turned recording on): the notice sits above the workspace, so the
   * statement stays readable; only Run, Submit and recording wait for the answer. Timed problems keep the full
   * page: reading the statement before the clock starts would be free time.
   */
  inline?: boolean;
}

/** Said before anything is recorded, in plain words: what is noticed, what is not, and who sees it. */
export function ConsentNotice({ title, timedDurationSec, onAccept, inline = false }: Props) {
  const startButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!inline) startButton.current?.focus();
  }, [inline]);
  if (inline) {
    return (
      <section className="card consent consent-inline" role="region" aria-labelledby="consent-title" data-testid="consent-notice" data-inline="true">
        <h2 id="consent-title">Your teacher records this practice problem</h2>
        <p>
          While you work, LogiCode notes tab and window switches, pastes, copies and cuts (their length, not the text), and
          snapshots of your code. It is practice: nothing here raises a flag or lowers an integrity score. Read the problem
          freely; Run and Submit start once you agree.
        </p>
        <div className="modal-actions">
          <button ref={startButton} type="button" className="btn btn-primary" onClick={onAccept} data-testid="consent-accept">
            I understand, start
          </button>
        </div>
      </section>
    );
  }
  return (
    <div className="page narrow">
      <section className="card consent" role="dialog" aria-modal="false" aria-labelledby="consent-title" data-testid="consent-notice">
        <h1 id="consent-title">Before you start: {title}</h1>
        {timedDurationSec ? (
          <p>
            This is a <strong>timed</strong> problem. You have <strong>{formatDuration(timedDurationSec)}</strong> from the moment you
            start. The clock runs on the server, so it keeps going if you reload or close the tab, and your latest code is
            submitted automatically when time is up.
          </p>
        ) : null}
        <p>This problem is <strong>proctored</strong>. While you work, LogiCode records:</p>
        <ul>
          <li>when you leave or return to this tab or window, and for how long;</li>
          <li>pastes, copies and cuts (their length and where they happened, not the text);</li>
          <li>right-clicks, developer-tools shortcuts, leaving fullscreen, and long idle periods;</li>
          <li>snapshots of your code every few seconds, so your teacher can replay how it was written.</li>
        </ul>
        <p className="muted">
          Nothing else is recorded: no camera, microphone, screen or other tabs. Your teachers see this record; a flag is a
          prompt for them to look, never an automatic penalty.
        </p>
        <div className="modal-actions">
          <Link to="/problems" className="btn btn-ghost">Not now</Link>
          <button ref={startButton} type="button" className="btn btn-primary" onClick={onAccept} data-testid="consent-accept">
            I understand, start
          </button>
        </div>
      </section>
    </div>
  );
}
