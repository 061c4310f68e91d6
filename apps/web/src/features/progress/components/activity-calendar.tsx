import type { ActivityDay, MyActivity } from '@logicode/contracts';
import { plural } from '../../../lib/format.js';
import { ErrorState, Spinner } from '../../../components/ui/status.js';
import { useMyActivity } from '../api/get-progress.js';
import '../../../components/charts/charts.css';

const DAY_MS = 86_400_000;

interface Cell { day: string; inRange: boolean; entry: ActivityDay | undefined; total: number }

/** Darker for busier days: 0, 1–2, 3–5, 6–9, 10 or more Runs and Submits. */
export function levelOf(total: number): 0 | 1 | 2 | 3 | 4 {
  if (total === 0) return 0;
  if (total <= 2) return 1;
  if (total <= 5) return 2;
  if (total <= 9) return 3;
  return 4;
}

/** Columns of seven days (Sunday first), from the week holding `fromDay` to `toDay`. */
export function calendarWeeks(activity: MyActivity): Cell[][] {
  const byDay = new Map(activity.days.map((d) => [d.day, d]));
  const fromMs = Date.parse(`${activity.fromDay}T00:00:00Z`);
  const toMs = Date.parse(`${activity.toDay}T00:00:00Z`);
  const startMs = fromMs - new Date(fromMs).getUTCDay() * DAY_MS;
  const weeks: Cell[][] = [];
  for (let ms = startMs; ms <= toMs; ms += DAY_MS) {
    if (weeks.length === 0 || weeks[weeks.length - 1]!.length === 7) weeks.push([]);
    const day = new Date(ms).toISOString().slice(0, 10);
    const entry = byDay.get(day);
    weeks[weeks.length - 1]!.push({ day, inRange: ms >= fromMs, entry, total: entry ? entry.submits + entry.runs : 0 });
  }
  return weeks;
}

/** The longest run of consecutive active days. */
function longestStreak(weeks: Cell[][]): number {
  let best = 0;
  let run = 0;
  for (const cell of weeks.flat()) {
    run = cell.total > 0 ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

const monthName = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', timeZone: 'UTC' });
const longDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Runs and Submits per day over the last year, a square per day (GitHub-style), with a table per month beside it. */
export function ActivityCalendar() {
  const activity = useMyActivity();
  if (activity.isPending) return <Spinner label="Loading your activity…" />;
  if (activity.isError) return <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />;
  const weeks = calendarWeeks(activity.data);
  const days = activity.data.days;
  const submits = days.reduce((n, d) => n + d.submits, 0);
  const runs = days.reduce((n, d) => n + d.runs, 0);
  const accepted = days.reduce((n, d) => n + d.accepted, 0);
  const streak = longestStreak(weeks);
  const summary = `${plural(submits, 'submission')} (${accepted} accepted) and ${plural(runs, 'run')} on ${plural(days.length, 'day')} in the last year; longest streak ${plural(streak, 'day')}.`;
  // One label per month, over the first week that starts in it.
  const monthLabels = weeks.map((week, i) => {
    const first = week[0]!;
    const previous = weeks[i - 1]?.[0];
    return !previous || first.day.slice(0, 7) !== previous.day.slice(0, 7) ? monthName(first.day) : '';
  });
  const months = new Map<string, { active: number; submits: number; accepted: number; runs: number }>();
  for (const d of days) {
    const key = d.day.slice(0, 7);
    const m = months.get(key) ?? { active: 0, submits: 0, accepted: 0, runs: 0 };
    months.set(key, { active: m.active + 1, submits: m.submits + d.submits, accepted: m.accepted + d.accepted, runs: m.runs + d.runs });
  }
  return (
    <figure className="card chart-figure" aria-labelledby="calendar-title" data-testid="activity-calendar">
      <h2 id="calendar-title">Activity</h2>
      <p className="muted small" id="calendar-summary">{summary}</p>
      <div className="calendar-scroll" tabIndex={0} role="group" aria-label="Activity calendar, scrolls sideways">
        <div className="calendar-months" aria-hidden="true">{monthLabels.map((m, i) => <span key={i}>{m}</span>)}</div>
        <div className="calendar" role="img" aria-labelledby="calendar-title" aria-describedby="calendar-summary">
          {weeks.flat().map((cell) => (
            <span key={cell.day} className={`calendar-cell level-${levelOf(cell.total)} ${cell.inRange ? '' : 'outside'}`} data-day={cell.day} data-count={cell.total}
              title={`${longDay(cell.day)}: ${cell.entry ? `${plural(cell.entry.submits, 'submission')}, ${plural(cell.entry.runs, 'run')}` : 'nothing'}`} />
          ))}
        </div>
      </div>
      <div className="calendar-legend" aria-hidden="true">
        Less {[0, 1, 2, 3, 4].map((l) => <span key={l} className={`calendar-cell level-${l}`} />)} More
      </div>
      <details className="chart-table">
        <summary>Show the numbers as a table</summary>
        <table className="table compact">
          <caption className="sr-only">Runs and Submits per month</caption>
          <thead><tr><th scope="col">Month</th><th scope="col">Active days</th><th scope="col">Submissions</th><th scope="col">Accepted</th><th scope="col">Runs</th></tr></thead>
          <tbody>
            {[...months.entries()].map(([month, m]) => (
              <tr key={month}><th scope="row">{month}</th><td className="num">{m.active}</td><td className="num">{m.submits}</td><td className="num">{m.accepted}</td><td className="num">{m.runs}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
