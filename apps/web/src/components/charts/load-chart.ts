import type { Chart as ChartType } from 'chart.js';

/**
 * Chart.js, loaded on first use only (a page without a chart never downloads it), with just the parts the app's
 * charts draw: bars and lines on category and linear axes, tooltips and a legend (tree-shaken: not `chart.js/auto`).
 */
let loading: Promise<typeof ChartType> | null = null;

export function loadChart(): Promise<typeof ChartType> {
  loading ??= import('chart.js').then((m) => {
    m.Chart.register(m.BarController, m.BarElement, m.LineController, m.LineElement, m.PointElement, m.CategoryScale, m.LinearScale, m.Tooltip, m.Legend, m.Filler);
    return m.Chart;
  });
  return loading;
}
