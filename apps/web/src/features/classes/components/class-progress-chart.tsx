import type { ClassProgress } from '@logicode/contracts';
import { ChartFigure, baseOptions } from '../../../components/charts/chart-figure.js';
import { plural } from '../../../lib/format.js';
import { ErrorState, Spinner } from '../../../components/ui/status.js';
import { useClassProgress } from '../api/classes-api.js';

const DAY_MS = 86_400_000;

/** Every day from `fromDay` to `toDay` (UTC), with the server's counts where there were any. */
export function fillDays(progress: ClassProgress): { day: string; solved: number; students: number; total: number }[] {
  const byDay = new Map(progress.days.map((d) => [d.day, d]));
  const out: { day: string; solved: number; students: number; total: number }[] = [];
  let total = progress.solvedBefore;
  for (let ms = Date.parse(`${progress.fromDay}T00:00:00Z`); ms <= Date.parse(`${progress.toDay}T00:00:00Z`); ms += DAY_MS) {
    const day = new Date(ms).toISOString().slice(0, 10);
    const hit = byDay.get(day);
    total += hit?.solved ?? 0;
    out.push({ day, solved: hit?.solved ?? 0, students: hit?.students ?? 0, total });
  }
  return out;
}

/** "7 Dec" for a UTC day key. */
const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** The class's progress over time: problems solved per day (bars) and in total (line). */
export function ClassProgressChart({ classId }: { classId: number }) {
  const progress = useClassProgress(classId);
  if (progress.isPending) return <Spinner label="Loading the class's progress…" />;
  if (progress.isError) return <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />;
  const days = fillDays(progress.data);
  const solvedInRange = days.reduce((n, d) => n + d.solved, 0);
  const busiest = days.reduce((best, d) => (d.solved > best.solved ? d : best), days[0]!);
  const active = days.filter((d) => d.solved > 0);
  return (
    <ChartFigure
      title="Progress over time"
      summary={`${plural(solvedInRange, 'problem')} solved by the class's ${plural(progress.data.students, 'student')} in the last ${plural(days.length, 'day')}`
        + `${busiest && busiest.solved > 0 ? `; the busiest day was ${shortDay(busiest.day)} (${busiest.solved})` : ''}; ${progress.data.solvedBefore} before that.`}
      testId="class-progress-chart"
      table={{
        caption: 'Problems solved per day (days with solves only)',
        columns: ['Day', 'Solved that day', 'Students who solved', 'Solved in total'],
        rows: active.map((d) => [d.day, d.solved, d.students, d.total]),
      }}
      config={(palette) => ({
        type: 'bar',
        data: {
          labels: days.map((d) => shortDay(d.day)),
          datasets: [
            { type: 'bar', label: 'Solved that day', data: days.map((d) => d.solved), backgroundColor: palette.series[0], yAxisID: 'y' },
            { type: 'line', label: 'Solved in total', data: days.map((d) => d.total), borderColor: palette.series[1], backgroundColor: palette.series[1], pointRadius: 0, borderWidth: 2, yAxisID: 'y1' },
          ],
        },
        options: (() => {
          const base = baseOptions(palette, { yTitle: 'Per day' });
          return { ...base, scales: { ...base.scales, y1: { ...base.scales.y, position: 'right' as const, grid: { drawOnChartArea: false }, title: { display: true, text: 'In total', color: palette.muted } } } };
        })(),
      })}
    />
  );
}
