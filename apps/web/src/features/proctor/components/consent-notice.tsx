import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatDuration } from '../../../lib/format.js';

interface Props {
  title: string;
  timedDurationSec: number | null;
  onAccept: () => void;
}

/** Said before anything is recorded, in plain words: what is noticed, what is not, and who sees it. */
export function ConsentNotice({ title, timedDurationSec, onAccept }: Props) {
  const startButton = useRef<HTMLButtonElement>(null);
  useEffect(() => startButton.current?.focus(), []);
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
