import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { LANGUAGES, type ProctorEventRecord, type TimelineSubmission, type Verdict } from '@logicode/contracts';
import { paths } from '../../../config/paths.js';
import { formatDateTime, formatDuration } from '../../../lib/format.js';
import { CodeEditor } from '../../../components/code-editor/code-editor.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { VerdictBadge } from '../../../components/ui/verdict-badge.js';
import { useTimeline } from '../api/teacher-api.js';
import { describeEvent } from '../hooks/use-live-feed.js';
import { FlagCard } from './flags-list.js';
import { IntegrityBadge, SeverityBadge } from './severity.js';
import { buildFrames } from './replay.js';
import { AttemptActivityChart } from './attempt-activity-chart.js';
import '../../../styles/teacher-admin.css';

const SPEEDS = [1, 4, 16];

/** One line of the timeline: a proctoring event, or a Run/Submit with its verdict, in time order. */
type Line = { kind: 'event'; atMs: number; event: ProctorEventRecord } | { kind: 'submission'; atMs: number; submission: TimelineSubmission };

function mergeLines(events: ProctorEventRecord[], submissions: TimelineSubmission[]): Line[] {
  const lines: Line[] = [
    ...events.filter((e) => e.type !== 'code_snapshot').map((event) => ({ kind: 'event' as const, atMs: event.clientTsMs, event })),
    ...submissions.map((submission) => ({ kind: 'submission' as const, atMs: submission.atMs, submission })),
  ];
  return lines.sort((a, b) => a.atMs - b.atMs);
}

function SubmissionLine({ s }: { s: TimelineSubmission }) {
  return (
    <span data-testid="timeline-submission" data-mode={s.mode}>
      <span className={`badge ${s.mode === 'submit' ? 'badge-submit' : 'badge-run'}`}>{s.mode === 'submit' ? 'Submit' : 'Run'}</span>{' '}
      <VerdictBadge verdict={s.verdict as Verdict | null} />
      {s.score !== null ? <span className="muted small"> {Math.round(s.score)}%</span> : null}
      {s.autoSubmitted ? <span className="muted small"> (submitted automatically at the deadline)</span> : null}
    </span>
  );
}

/** An attempt's events beside a replay of its code snapshots: scrub with the slider, or play. */
export function AttemptReview({ attemptId }: { attemptId: number }) {
  const timeline = useTimeline(attemptId);
  const frames = useMemo(() => buildFrames(timeline.data?.events ?? []), [timeline.data]);
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(4);

  useEffect(() => setIndex(Math.max(0, frames.length - 1)), [frames.length]);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setIndex((i) => {
        if (i >= frames.length - 1) {
          setPlaying(false);
          return i;
        }
        return i + 1;
      });
    }, 1000 / speed);
    return () => clearInterval(timer);
  }, [playing, speed, frames.length]);

  if (timeline.isPending) return <Spinner label="Loading the attempt…" />;
  if (timeline.isError) return <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const { attempt, events, userName } = timeline.data;
  const submissions = timeline.data.submissions ?? [];
  const frame = frames[index];
  const start = new Date(attempt.startedAt).getTime();
  const visible = mergeLines(events, submissions);
  const c = attempt.counters;

  return (
    <div className="attempt-review" data-testid="attempt-review">
      <div className="page-header">
        <h1>Review attempt #{attempt.id} · {userName || `Student #${attempt.userId}`} · {attempt.problemTitle}</h1>
        <Link className="btn" to={paths.teacherStudent(attempt.userId)}>{userName || 'Student'}</Link>
      </div>
      <div className="stat-grid">
        <div className="stat"><div className="stat-value"><IntegrityBadge score={attempt.integrity.score} /></div><div className="stat-label">Integrity</div></div>
        <div className="stat"><div className="stat-value">{c.tabHidden}</div><div className="stat-label">Tab switches ({formatDuration(c.hiddenMs / 1000)} away)</div></div>
        <div className="stat"><div className="stat-value">{c.paste}</div><div className="stat-label">Pastes ({c.pasteChars} characters, {c.largePaste} large)</div></div>
        <div className="stat"><div className="stat-value">{attempt.status === 'active' ? (attempt.connected ? 'Active' : 'Disconnected') : attempt.endReason ?? 'Ended'}</div><div className="stat-label">Started {formatDateTime(attempt.startedAt)}</div></div>
        {attempt.clockSkewMs !== null ? <div className="stat"><div className="stat-value">{formatDuration(Math.abs(attempt.clockSkewMs) / 1000)}</div><div className="stat-label">Client clock {attempt.clockSkewMs > 0 ? 'behind' : 'ahead'}</div></div> : null}
      </div>
      {attempt.integrity.reasons.length > 0 ? (
        <ul className="muted small">{attempt.integrity.reasons.map((r) => <li key={r.code}>{r.detail} (−{r.penalty})</li>)}</ul>
      ) : null}
      <div className="review-grid">
        <section className="card playback" aria-label="Code playback">
          <div className="page-header">
            <h2>Code playback</h2>
            <span className="muted small" data-testid="frame-label">
              {frame ? `Snapshot ${index + 1} of ${frames.length} · ${formatDuration((frame.atMs - start) / 1000)} in · ${LANGUAGES[frame.language].name}` : ''}
            </span>
          </div>
          {frames.length === 0 ? <EmptyState title="No code snapshots in this attempt." /> : (
            <>
              <div className="playback-controls">
                <button type="button" className="btn btn-small" onClick={() => { if (index >= frames.length - 1) setIndex(0); setPlaying(!playing); }} data-testid="play">
                  {playing ? 'Pause' : 'Play'}
                </button>
                <input type="range" min={0} max={Math.max(0, frames.length - 1)} value={index} onChange={(e) => { setPlaying(false); setIndex(Number(e.target.value)); }}
                  aria-label="Snapshot" data-testid="scrubber" />
                <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Speed" style={{ width: 'auto' }}>
                  {SPEEDS.map((s) => <option key={s} value={s}>{s} per second</option>)}
                </select>
              </div>
              <CodeEditor value={frame?.content ?? ''} language={frame ? LANGUAGES[frame.language].monacoId : 'plaintext'} readOnly height={420} ariaLabel="Code at this snapshot" />
              <pre className="sr-only" data-testid="frame-content">{frame?.content ?? ''}</pre>
            </>
          )}
        </section>
        <section className="card" aria-label="Timeline">
          <h2>Timeline</h2>
          {visible.length === 0 ? <EmptyState title="No events recorded." /> : (
            <ol className="timeline" data-testid="timeline">
              {visible.map((line) => {
                const passed = frame ? line.atMs <= frame.atMs : true;
                const time = <span className="muted small timeline-time">{formatDuration((line.atMs - start) / 1000)}</span>;
                if (line.kind === 'submission') {
                  return <li key={`s-${line.submission.id}`} className={`timeline-item ${passed ? '' : 'timeline-future'}`}>{time}<SubmissionLine s={line.submission} /></li>;
                }
                const e = line.event;
                return (
                  <li key={e.id} className={`timeline-item ${passed ? '' : 'timeline-future'}`}>
                    {time}
                    <SeverityBadge severity={e.severity} /> {describeEvent(e.type, e.data)}
                    {e.late ? <span className="badge badge-pending" title="Received after the attempt ended (an offline queue flushing within the grace)">late</span> : null}
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      </div>
      <AttemptActivityChart startedAtMs={start} events={events} submissions={submissions} />
      {attempt.flags.length > 0 ? (
        <section className="card">
          <h2>Flags</h2>
          <ul className="flag-list">{attempt.flags.map((f) => <FlagCard key={f.id} flag={{ ...f, userName, problemTitle: attempt.problemTitle }} />)}</ul>
        </section>
      ) : null}
    </div>
  );
}
