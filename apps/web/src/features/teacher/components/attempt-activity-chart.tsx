import type { ProctorEventRecord, TimelineSubmission } from '@logicode/contracts';
import { ChartFigure, baseOptions } from '../../../components/charts/chart-figure.js';
import { plural } from '../../../lib/format.js';

const MINUTE_MS = 60_000;
/** Bucket widths tried in order; the first that keeps the chart under MAX_BUCKETS bars wins. */
const BUCKET_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120];
const MAX_BUCKETS = 40;

interface Props {
  startedAtMs: number;
  events: ProctorEventRecord[];
  submissions: TimelineSubmission[];
}

/** Events, Runs and Submits per few minutes of one attempt: where the student was busy, away, or pasting. */
export function AttemptActivityChart({ startedAtMs, events, submissions }: Props) {
  const recorded = events.filter((e) => e.type !== 'code_snapshot');
  const lastMs = Math.max(startedAtMs + MINUTE_MS, ...recorded.map((e) => e.clientTsMs), ...submissions.map((s) => s.atMs));
  const spanMinutes = Math.ceil((lastMs - startedAtMs) / MINUTE_MS);
  const width = BUCKET_MINUTES.find((m) => spanMinutes / m <= MAX_BUCKETS) ?? BUCKET_MINUTES[BUCKET_MINUTES.length - 1]!;
  const count = Math.max(1, Math.ceil(spanMinutes / width));
  const bucketOf = (ms: number) => Math.min(count - 1, Math.max(0, Math.floor((ms - startedAtMs) / (width * MINUTE_MS))));
  const series = { events: new Array<number>(count).fill(0), runs: new Array<number>(count).fill(0), submits: new Array<number>(count).fill(0) };
  for (const e of recorded) series.events[bucketOf(e.clientTsMs)]! += 1;
  for (const s of submissions) series[s.mode === 'run' ? 'runs' : 'submits'][bucketOf(s.atMs)]! += 1;
  const labels = Array.from({ length: count }, (_, i) => `${i * width}–${(i + 1) * width} min`);
  const summary = `${plural(recorded.length, 'event')}, ${plural(series.runs.reduce((a, b) => a + b, 0), 'Run')} and `
    + `${plural(series.submits.reduce((a, b) => a + b, 0), 'Submit')} over ${plural(spanMinutes, 'minute')}, in ${width}-minute steps.`;
  return (
    <ChartFigure
      title="Activity over the attempt"
      summary={summary}
      testId="attempt-activity-chart"
      table={{ caption: 'Events, Runs and Submits per time step', columns: ['Minutes in', 'Events', 'Runs', 'Submits'], rows: labels.map((l, i) => [l, series.events[i]!, series.runs[i]!, series.submits[i]!]) }}
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
