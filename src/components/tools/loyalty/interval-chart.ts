/**
 * The only module that touches Chart.js for the loyalty calculator: each category's figure as a
 * point and its 95 % interval as a floating bar around it. Imported lazily, when results show.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
} from 'chart.js';
import { themeColour } from '../../lazy-chart';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
);

/** One category of the chart: a name, its figure and its interval. */
export interface IntervalPoint {
  label: string;
  value: number;
  low: number;
  high: number;
}

/**
 * Draws figures with their intervals, categories down the side.
 * @param range the scale's ends, such as −100 and 100
 * @returns the chart, to be destroyed when the canvas goes away
 */
export function drawIntervals(
  canvas: HTMLCanvasElement,
  points: IntervalPoint[],
  range: { min: number; max: number },
): Chart<'bar' | 'line', (number | [number, number])[], string> {
  const line = themeColour('--color-chart', '#0b5c7a');
  const fill = themeColour('--color-chart-fill', 'rgb(11 92 122 / 20%)');
  const text = themeColour('--color-text', '#1d232b');
  const grid = themeColour('--color-border', '#d5d9de');
  const labels = points.map((point) => point.label);
  return new Chart<'bar' | 'line', (number | [number, number])[], string>(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          type: 'bar',
          label: '95 % interval',
          data: points.map((point): [number, number] => [point.low, point.high]),
          backgroundColor: fill,
          borderColor: line,
          borderWidth: 1,
          barPercentage: 0.5,
        },
        {
          type: 'line',
          label: 'Score',
          data: points.map((point) => point.value),
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
        x: { min: range.min, max: range.max, ticks: { color: text }, grid: { color: grid } },
        y: { ticks: { color: text }, grid: { display: false } },
      },
    },
  });
}
