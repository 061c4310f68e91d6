import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Chart, ChartConfiguration } from 'chart.js';
import { loadChart } from './load-chart.js';
import { readPalette, useThemeVersion, type ChartPalette } from './chart-theme.js';
import './charts.css';

export interface ChartTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

interface Props {
  title: string;
  /** One or two plain sentences saying what the chart shows (the canvas's accessible name points here). */
  summary: string;
  /** The same numbers as a table, for screen readers and anyone who prefers reading them. */
  table: ChartTable;
  /** Builds the Chart.js configuration with the current theme's colours. */
  config: (palette: ChartPalette) => ChartConfiguration;
  height?: number;
  testId?: string;
  children?: ReactNode;
}

/**
 * A chart with its text alternative beside it: a heading, a summary sentence, the canvas (Chart.js, loaded lazily)
 * and a table of the same numbers behind a disclosure. Redrawn when the theme changes.
 */
export function ChartFigure({ title, summary, table, config, height = 220, testId, children }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart | null>(null);
  const theme = useThemeVersion();
  const [failed, setFailed] = useState(false);
  const id = useId();
  const configRef = useRef(config);
  configRef.current = config;
  const dataKey = JSON.stringify(table.rows);

  useEffect(() => {
    let cancelled = false;
    loadChart().then((ChartJs) => {
      if (cancelled || !canvasRef.current) return;
      chartRef.current?.destroy();
      chartRef.current = new ChartJs(canvasRef.current, configRef.current(readPalette()));
    }, () => setFailed(true));
    return () => {
      cancelled = true;
      chartRef.current?.destroy();
      chartRef.current = null;
    };
  }, [theme, dataKey]);

  return (
    <figure className="card chart-figure" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="muted small" id={`${id}-summary`}>{summary}</p>
      {children}
      <div className="chart-canvas" style={{ height }}>
        {failed ? <p className="muted small">The chart could not be drawn; the numbers are in the table below.</p> : null}
        <canvas ref={canvasRef} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} />
      </div>
      <details className="chart-table">
        <summary>Show the numbers as a table</summary>
        <table className="table compact">
          <caption className="sr-only">{table.caption}</caption>
          <thead><tr>{table.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
          <tbody>
            {table.rows.map((row, i) => <tr key={i}>{row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j} className="num">{cell}</td>))}</tr>)}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Shared axis/legend styling so every chart reads the same in light and dark. */
export function baseOptions(palette: ChartPalette, { stacked = false, yTitle }: { stacked?: boolean; yTitle?: string } = {}) {
  const axis = { ticks: { color: palette.muted, precision: 0 }, grid: { color: palette.grid }, border: { color: palette.grid } };
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    plugins: { legend: { labels: { color: palette.text, boxWidth: 12 } }, tooltip: { intersect: false, mode: 'index' as const } },
    scales: {
      x: { ...axis, stacked, ticks: { ...axis.ticks, maxRotation: 0, autoSkipPadding: 12 } },
      y: { ...axis, stacked, beginAtZero: true, ...(yTitle ? { title: { display: true, text: yTitle, color: palette.muted } } : {}) },
    },
  };
}
