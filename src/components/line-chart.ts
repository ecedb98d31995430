/**
 * The only module that touches Chart.js for the history trend: a line chart with just the
 * parts it needs registered. Imported lazily, when there is a trend to show.
 */
import {
  CategoryScale,
  Chart,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
} from 'chart.js';
import { themeColour } from './lazy-chart';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale);

/**
 * Draws the overall index (0–100) over time.
 * @returns the chart, to be destroyed when the canvas goes away
 */
export function drawTrend(
  canvas: HTMLCanvasElement,
  labels: string[],
  values: (number | null)[],
): Chart<'line', (number | null)[], string> {
  const line = themeColour('--color-chart', '#0b5c7a');
  const text = themeColour('--color-text', '#1d232b');
  const grid = themeColour('--color-border', '#d5d9de');
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels,
      datasets: [
        {
          label: 'Overall index',
          data: values,
          borderColor: line,
          backgroundColor: line,
          pointRadius: 4,
          spanGaps: true,
        },
      ],
    },
    options: {
      animation: window.matchMedia('(prefers-reduced-motion: reduce)').matches
        ? false
        : { duration: 400 },
      maintainAspectRatio: false,
      responsive: true,
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: {
        y: { min: 0, max: 100, ticks: { stepSize: 20, color: text }, grid: { color: grid } },
        x: { ticks: { color: text }, grid: { color: grid } },
      },
    },
  });
}
