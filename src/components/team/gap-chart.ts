/**
 * The only module that touches Chart.js for the perception gap: for each dimension a line from
 * the low to the high end of its 90 % interval and a point for the difference itself. Drawn with
 * the line chart's parts only (the same ones the other charts register), so the shared Chart.js
 * chunk every chart loads does not grow. Imported lazily.
 */
import { Chart, LineController, LineElement, LinearScale, PointElement } from 'chart.js';
import { themeColour } from '../lazy-chart';

Chart.register(LineController, LineElement, PointElement, LinearScale);

/** One dimension's gap: its name, the difference and the interval. */
export interface GapPoint {
  name: string;
  difference: number;
  low: number;
  high: number;
}

/**
 * Draws the gaps, one row per dimension from the top, on a scale symmetric around zero.
 * @returns the chart, to be destroyed when the canvas goes away
 */
export function drawGap(canvas: HTMLCanvasElement, points: GapPoint[]): { destroy(): void } {
  const accent = themeColour('--color-chart', '#0b5c7a');
  const text = themeColour('--color-text', '#1d232b');
  const grid = themeColour('--color-border', '#d5d9de');
  const reach = Math.max(10, ...points.map((p) => Math.max(Math.abs(p.low), Math.abs(p.high))));
  // Whole steps from zero to the edge, so no two tick labels crowd each other at the ends.
  const step = reach > 50 ? 20 : 10;
  const limit = Math.ceil(reach / step) * step;
  const intervals = points.map((p, i) => ({
    data: [
      { x: p.low, y: i },
      { x: p.high, y: i },
    ],
    borderColor: accent,
    borderWidth: 6,
    pointRadius: 0,
  }));
  return new Chart<'line', { x: number; y: number }[]>(canvas, {
    type: 'line',
    data: {
      datasets: [
        ...intervals,
        {
          data: points.map((p, i) => ({ x: p.difference, y: i })),
          showLine: false,
          pointRadius: 6,
          pointBackgroundColor: text,
          pointBorderColor: themeColour('--color-surface', '#ffffff'),
          pointBorderWidth: 2,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: {
        x: {
          type: 'linear',
          min: -limit,
          max: limit,
          ticks: { color: text, stepSize: step },
          grid: { color: (ctx) => (ctx.tick.value === 0 ? text : grid) },
        },
        y: {
          type: 'linear',
          min: -0.5,
          max: points.length - 0.5,
          reverse: true,
          afterBuildTicks: (axis) => {
            axis.ticks = points.map((_, i) => ({ value: i }));
          },
          ticks: { color: text, callback: (value) => points[Number(value)]?.name ?? '' },
          grid: { display: false },
        },
      },
    },
  });
}
