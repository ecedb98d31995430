/**
 * The only module that touches Chart.js. It registers just what a radar chart needs, so the
 * bundle leaves out every other controller, and it is imported lazily when results show.
 */
import {
  Chart,
  Filler,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
} from 'chart.js';

Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler);

/** Colours read from the page's design tokens, so the chart follows light and dark themes. */
function token(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

/**
 * Draws a radar chart of dimension scores (0–100) on a canvas.
 * @returns the chart, to be destroyed when the canvas goes away
 */
export function drawRadar(
  canvas: HTMLCanvasElement,
  labels: string[],
  values: (number | null)[],
): Chart<'radar', (number | null)[], string> {
  const line = token('--color-chart', '#0b5c7a');
  const text = token('--color-text', '#1d232b');
  const grid = token('--color-border', '#d5d9de');
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  return new Chart(canvas, {
    type: 'radar',
    data: {
      labels,
      datasets: [
        {
          label: 'Score',
          data: values,
          borderColor: line,
          backgroundColor: token('--color-chart-fill', 'rgb(11 92 122 / 20%)'),
          pointBackgroundColor: line,
          fill: true,
          spanGaps: false,
        },
      ],
    },
    options: {
      animation: reduceMotion ? false : { duration: 400 },
      maintainAspectRatio: false,
      responsive: true,
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: {
        r: {
          min: 0,
          max: 100,
          ticks: { stepSize: 25, color: text, backdropColor: 'transparent' },
          grid: { color: grid },
          angleLines: { color: grid },
          pointLabels: { color: text, font: { size: 12 } },
        },
      },
    },
  });
}
