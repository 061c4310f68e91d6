import type { Scoreboard } from '@logicode/contracts';
import { ChartFigure, baseOptions } from '../../../components/charts/chart-figure.js';
import { plural } from '../../../lib/format.js';

const BANDS = 10;

/** How many students fall in each tenth of the total (0–9 %, 10–19 %, … 90–100 %). */
export function scoreBands(rows: { totalPoints: number }[], totalPoints: number): number[] {
  const bands = new Array<number>(BANDS).fill(0);
  for (const row of rows) {
    const share = totalPoints > 0 ? row.totalPoints / totalPoints : 0;
    bands[Math.min(BANDS - 1, Math.max(0, Math.floor(share * BANDS)))]! += 1;
  }
  return bands;
}

/** The assessment's score distribution: students per tenth of the points, from the scoreboard's rows. */
export function ScoreDistribution({ board }: { board: Scoreboard }) {
  // Students who never started are left out (they would pile up at 0 % and hide the real spread); the summary counts them.
  const started = board.rows.filter((r) => r.timeUsedMs !== null);
  const missing = board.rows.length - started.length;
  const bands = scoreBands(started, board.totalPoints);
  const labels = bands.map((_, i) => (i === BANDS - 1 ? '90–100 %' : `${i * 10}–${i * 10 + 9} %`));
  const shares = started.map((r) => (board.totalPoints > 0 ? r.totalPoints / board.totalPoints : 0)).sort((a, b) => a - b);
  const median = shares.length ? Math.round(shares[Math.floor((shares.length - 1) / 2)]! * 100) : 0;
  const full = started.filter((r) => board.totalPoints > 0 && r.totalPoints >= board.totalPoints).length;
  return (
    <ChartFigure
      title="Score distribution"
      summary={`${plural(started.length, 'student')} started: median ${median} % of ${plural(board.totalPoints, 'point')}; ${plural(full, 'student')} with full marks${missing ? `; ${plural(missing, 'student')} did not start` : ''}.`}
      testId="score-distribution"
      table={{ caption: 'Students per score band', columns: ['Score', 'Students'], rows: labels.map((l, i) => [l, bands[i]!]) }}
      config={(palette) => ({
        type: 'bar',
        data: { labels, datasets: [{ label: 'Students', data: bands, backgroundColor: palette.series[0] }] },
        options: { ...baseOptions(palette, { yTitle: 'Students' }), plugins: { ...baseOptions(palette).plugins, legend: { display: false } } },
      })}
    />
  );
}
