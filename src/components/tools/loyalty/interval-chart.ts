/**
 * The only module that touches Chart.js for the loyalty calculator: each category's figure as a
 * point and its 95 % interval as a thick line around it, categories down the side. Imported
 * lazily, when results show. It registers only the line chart's parts, which the history trend
 * already uses, so Chart.js's shared chunk does not grow for the other pages.
 */
import {
  CategoryScale,
  Chart,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
} from 'chart.js';
import { themeColour } from '../../lazy-chart';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale);

/** One category of the chart: a name, its figure and its interval. */
export interface IntervalPoint {
  label: string;
  value: number;
  low: number;
  high: number;
}

type Spot = { x: number; y: string };

/**
 * Draws figures with their intervals.
 * @param range the scale's ends, such as −100 and 100
 * @returns the chart, to be destroyed when the canvas goes away
 */
export function drawIntervals(
  canvas: HTMLCanvasElement,
  points: IntervalPoint[],
  range: { min: number; max: number },
): Chart<'line', Spot[], string> {
  const line = themeColour('--color-chart', '#0b5c7a');
  const fill = themeColour('--color-chart-fill', 'rgb(11 92 122 / 20%)');
  const text = themeColour('--color-text', '#1d232b');
  const grid = themeColour('--color-border', '#d5d9de');
  const labels = points.map((point) => point.label);
  return new Chart<'line', Spot[], string>(canvas, {
    type: 'line',
    data: {
      labels,
      datasets: [
        // One short thick line per category: its interval.
        ...points.map((point) => ({
          label: `${point.label} 95 % interval`,
          data: [
            { x: point.low, y: point.label },
            { x: point.high, y: point.label },
          ],
          borderColor: fill,
          borderWidth: 14,
          borderCapStyle: 'butt' as const,
          pointRadius: 0,
        })),
        {
          label: 'Score',
          data: points.map((point) => ({ x: point.value, y: point.label })),
          borderColor: line,
          backgroundColor: line,
          showLine: false,
          pointRadius: 6,
          pointStyle: 'rectRot',
        },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: window.matchMedia('(prefers-reduced-motion: reduce)').matches
        ? false
        : { duration: 300 },
      maintainAspectRatio: false,
      responsive: true,
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: {
        x: {
          type: 'linear',
          min: range.min,
          max: range.max,
          ticks: { color: text },
          grid: { color: grid },
        },
        y: {
          type: 'category',
          labels,
          offset: true,
          ticks: { color: text },
          grid: { display: false },
        },
      },
    },
  });
}
