/**
 * The only module that touches Chart.js for radar charts. It registers just what a radar chart
 * needs, so the bundle leaves out every other controller, and it is imported lazily.
 */
import {
  Chart,
  Filler,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
} from 'chart.js';
import { themeColour } from '../lazy-chart';

Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler);

/** One line on the chart: a result's scores per dimension (null = not enough answers). */
export interface RadarSeries {
  label: string;
  values: (number | null)[];
}

/**
 * Extra series (compare view) differ by colour, point shape and dash, not colour alone. The
 * colours are the --series-N tokens (tokens.css), which the compare legend reads too; the
 * fallbacks are their light values.
 */
const PALETTE = ['#b34700', '#6b3fa0', '#2e7d32', '#ad1457', '#5d4037'];
const POINTS = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot'] as const;
const DASHES = [[], [6, 4], [2, 3], [10, 4, 2, 4], [4, 2], [1, 2]];

/**
 * Draws a radar chart of scores (0–100) on a canvas.
 * @returns the chart, to be destroyed when the canvas goes away
 */
export function drawRadar(
  canvas: HTMLCanvasElement,
  labels: string[],
  series: RadarSeries[],
): Chart<'radar', (number | null)[], string> {
  const main = themeColour('--color-chart', '#0b5c7a');
  const text = themeColour('--color-text', '#1d232b');
  const grid = themeColour('--color-border', '#d5d9de');
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  return new Chart(canvas, {
    type: 'radar',
    data: {
      labels,
      datasets: series.map((s, i) => {
        const colour =
          i === 0
            ? main
            : themeColour(
                `--series-${((i - 1) % PALETTE.length) + 1}`,
                PALETTE[(i - 1) % PALETTE.length] ?? main,
              );
        return {
          label: s.label,
          data: s.values,
          borderColor: colour,
          backgroundColor:
            series.length === 1
              ? themeColour('--color-chart-fill', 'rgb(11 92 122 / 20%)')
              : 'transparent',
          pointBackgroundColor: colour,
          pointStyle: POINTS[i % POINTS.length] ?? 'circle',
          pointRadius: 4,
          borderDash: DASHES[i % DASHES.length] ?? [],
          fill: series.length === 1,
          spanGaps: false,
        };
      }),
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
          // No numbers on the rings: drawn along the first axis, they sat on its data points.
          // The rings are at 25, 50, 75 and 100 (the chart's description says so).
          ticks: { stepSize: 25, display: false },
          grid: { color: grid },
          angleLines: { color: grid },
          pointLabels: { color: text, font: { size: 12 }, padding: 8 },
        },
      },
    },
  });
}
