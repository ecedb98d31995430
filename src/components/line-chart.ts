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
  type Plugin,
} from 'chart.js';
import { themeColour } from './lazy-chart';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale);

/** Writes each point's value above it, so the chart reads without tooltips (and on a phone). */
const values: Plugin<'line'> = {
  id: 'ccn-values',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    const data = chart.data.datasets[0]?.data ?? [];
    ctx.save();
    ctx.fillStyle = themeColour('--color-text', '#1d232b');
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    meta.data.forEach((point, i) => {
      const value = data[i];
      if (typeof value === 'number') ctx.fillText(String(value), point.x, point.y - 7);
    });
    ctx.restore();
  },
};

/**
 * Draws the overall index (0–100) over time.
 * @param versions the questionnaire version of each point; segments between versions are dashed
 * @returns the chart, to be destroyed when the canvas goes away
 */
export function drawTrend(
  canvas: HTMLCanvasElement,
  labels: string[],
  data: (number | null)[],
  versions: number[],
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
          data,
          borderColor: line,
          backgroundColor: line,
          pointRadius: 4,
          spanGaps: true,
          segment: {
            borderDash: (ctx) =>
              versions[ctx.p0DataIndex] === versions[ctx.p1DataIndex] ? [] : [6, 4],
          },
        },
      ],
    },
    plugins: [values],
    options: {
      animation: window.matchMedia('(prefers-reduced-motion: reduce)').matches
        ? false
        : { duration: 400 },
      maintainAspectRatio: false,
      responsive: true,
      layout: { padding: { top: 18 } },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: {
        y: { min: 0, max: 100, ticks: { stepSize: 20, color: text }, grid: { color: grid } },
        x: {
          ticks: { color: text, maxRotation: 0, autoSkip: true, autoSkipPadding: 8 },
          grid: { color: grid },
        },
      },
    },
  });
}
