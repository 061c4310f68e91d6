import type { ProctorEventRecord, TimelineSubmission } from '@logicode/contracts';
import { ChartFigure, baseOptions } from '../../../components/charts/chart-figure.js';
import { formatDuration, plural } from '../../../lib/format.js';

/** Bucket widths (seconds) tried in order; the first that keeps the chart under MAX_BUCKETS bars wins. */
const BUCKET_SECONDS = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
const MAX_BUCKETS = 40;

interface Props {
  startedAtMs: number;
  events: ProctorEventRecord[];
  submissions: TimelineSubmission[];
}

/** Events, Runs and Submits per few minutes of one attempt: where the student was busy, away, or pasting. */
export function AttemptActivityChart({ startedAtMs, events, submissions }: Props) {
  const recorded = events.filter((e) => e.type !== 'code_snapshot');
  const lastMs = Math.max(startedAtMs + 60_000, ...recorded.map((e) => e.clientTsMs), ...submissions.map((s) => s.atMs));
  const spanSeconds = Math.ceil((lastMs - startedAtMs) / 1000);
  const width = BUCKET_SECONDS.find((w) => spanSeconds / w <= MAX_BUCKETS) ?? BUCKET_SECONDS[BUCKET_SECONDS.length - 1]!;
  const count = Math.max(1, Math.ceil(spanSeconds / width));
  const bucketOf = (ms: number) => Math.min(count - 1, Math.max(0, Math.floor((ms - startedAtMs) / (width * 1000))));
  const series = { events: new Array<number>(count).fill(0), runs: new Array<number>(count).fill(0), submits: new Array<number>(count).fill(0) };
  for (const e of recorded) series.events[bucketOf(e.clientTsMs)]! += 1;
  for (const s of submissions) series[s.mode === 'run' ? 'runs' : 'submits'][bucketOf(s.atMs)]! += 1;
  const labels = Array.from({ length: count }, (_, i) => `${formatDuration(i * width)}–${formatDuration((i + 1) * width)}`);
  const step = width < 60 ? `${width}-second` : `${width / 60}-minute`;
  const summary = `${plural(recorded.length, 'event')}, ${plural(series.runs.reduce((a, b) => a + b, 0), 'Run')} and `
    + `${plural(series.submits.reduce((a, b) => a + b, 0), 'Submit')} over ${formatDuration(spanSeconds)} (minutes:seconds), in ${step} steps.`;
  return (
    <ChartFigure
      title="Activity over the attempt"
      summary={summary}
      testId="attempt-activity-chart"
      table={{ caption: 'Events, Runs and Submits per time step', columns: ['Time into the attempt', 'Events', 'Runs', 'Submits'], rows: labels.map((l, i) => [l, series.events[i]!, series.runs[i]!, series.submits[i]!]) }}
      config={(palette) => ({
        type: 'bar',
        data: {
          labels,
          datasets: [
            { label: 'Events', data: series.events, backgroundColor: palette.series[2] },
            { label: 'Runs', data: series.runs, backgroundColor: palette.series[0] },
            { label: 'Submits', data: series.submits, backgroundColor: palette.series[1] },
          ],
        },
        options: baseOptions(palette, { stacked: true, yTitle: 'Count' }),
      })}
    />
  );
}
