/**
 * The only module that touches Chart.js for the perception gap: floating bars for each
 * dimension's 90 % interval and a point for the difference itself. Imported lazily.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  PointElement,
  ScatterController,
} from 'chart.js';
import { themeColour } from '../lazy-chart';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  PointElement,
  ScatterController,
);

/** One dimension's gap: its name, the difference and the interval. */
export interface GapPoint {
  name: string;
  difference: number;
  low: number;
  high: number;
}

/**
 * Draws the gaps, one row per dimension, on a scale symmetric around zero.
 * @returns the chart, to be destroyed when the canvas goes away
 */
export function drawGap(canvas: HTMLCanvasElement, points: GapPoint[]): { destroy(): void } {
  const accent = themeColour('--color-chart', '#0b5c7a');
  const fill = themeColour('--color-chart-fill', 'rgb(11 92 122 / 20%)');
  const text = themeColour('--color-text', '#1d232b');
  const grid = themeColour('--color-border', '#d5d9de');
  const reach = Math.max(10, ...points.map((p) => Math.max(Math.abs(p.low), Math.abs(p.high))));
  const limit = Math.ceil(reach / 10) * 10;
  const labels = points.map((p) => p.name);
  return new Chart<'bar' | 'scatter', ([number, number] | { x: number; y: number })[], string>(
    canvas,
    {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            type: 'bar',
            label: '90 % interval',
            data: points.map((p): [number, number] => [p.low, p.high]),
            backgroundColor: fill,
            borderColor: accent,
            borderWidth: 1,
            barPercentage: 0.5,
          },
          {
            type: 'scatter',
            label: 'Gap',
            data: points.map((p, i) => ({ x: p.difference, y: i })),
            backgroundColor: accent,
            borderColor: accent,
            pointRadius: 5,
            yAxisID: 'points',
          },
        ],
      },
      options: {
        indexAxis: 'y',
        animation: window.matchMedia('(prefers-reduced-motion: reduce)').matches
          ? false
          : { duration: 400 },
        maintainAspectRatio: false,
        responsive: true,
        plugins: { legend: { display: false }, tooltip: { enabled: false } },
        scales: {
          x: {
            min: -limit,
            max: limit,
            ticks: { color: text },
            grid: { color: (ctx) => (ctx.tick.value === 0 ? text : grid) },
          },
          y: { ticks: { color: text }, grid: { display: false } },
          points: {
            type: 'linear',
            display: false,
            min: -0.5,
            max: points.length - 0.5,
            reverse: true,
          },
        },
      },
    },
  );
}
