/**
 * The picture behind "Download chart (PNG)": the dimension bars with a title, the overall index,
 * the label and the date, drawn on a canvas of its own so the image reads on its own in a slide
 * or an e-mail. Always light (white paper), whatever theme the page is shown in; the colours
 * are the light theme's stage colours from src/styles/tokens.css.
 */
import type { Stage } from '../../lib/bank';
import { stageNumber } from '../../lib/report';

/** Light-theme stage colours (tokens.css --stage-1 … --stage-5). */
const STAGE_COLOURS = ['#b3261e', '#b35900', '#856a00', '#2e7d32', '#0b5c7a'];
const TEXT = '#1d232b';
const MUTED = '#4c5663';
const TRACK = '#e9ecef';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/** What the picture shows. */
export interface ReportPicture {
  title: string;
  /** Second line: index, stage, role, label, date. */
  subtitle: string;
  stages: readonly Stage[];
  dimensions: readonly { name: string; score: number | null }[];
}

/** Cuts text with "…" so that it fits `width` pixels. */
function fit(context: CanvasRenderingContext2D, text: string, width: number): string {
  if (context.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && context.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * Draws the picture on a new canvas (1200 px wide, twice the pixels for sharpness).
 * @returns the canvas, ready for toBlob
 */
export function drawReportPicture(picture: ReportPicture): HTMLCanvasElement {
  const scale = 2;
  const width = 1200;
  const rowHeight = 44;
  const top = 130;
  const height = top + picture.dimensions.length * rowHeight + 70;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('This browser cannot draw the chart image.');
  context.scale(scale, scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.textBaseline = 'middle';

  context.fillStyle = TEXT;
  context.font = `700 30px ${FONT}`;
  context.fillText(fit(context, picture.title, width - 80), 40, 48);
  context.fillStyle = MUTED;
  context.font = `400 20px ${FONT}`;
  context.fillText(fit(context, picture.subtitle, width - 80), 40, 88);

  const nameWidth = 360;
  const barLeft = 40 + nameWidth + 20;
  const barWidth = width - barLeft - 110;
  picture.dimensions.forEach((d, i) => {
    const y = top + i * rowHeight;
    context.fillStyle = TEXT;
    context.font = `400 19px ${FONT}`;
    context.fillText(fit(context, d.name, nameWidth), 40, y + rowHeight / 2);
    context.fillStyle = TRACK;
    context.fillRect(barLeft, y + 10, barWidth, rowHeight - 20);
    if (d.score !== null) {
      context.fillStyle =
        STAGE_COLOURS[stageNumber(picture.stages, d.score) - 1] ?? STAGE_COLOURS[4] ?? TEXT;
      context.fillRect(barLeft, y + 12, (barWidth * d.score) / 100, rowHeight - 24);
    }
    context.fillStyle = TEXT;
    context.font = `700 20px ${FONT}`;
    context.fillText(
      d.score === null ? 'n/a' : String(d.score),
      barLeft + barWidth + 16,
      y + rowHeight / 2,
    );
  });

  const axisY = top + picture.dimensions.length * rowHeight + 24;
  context.fillStyle = MUTED;
  context.font = `400 15px ${FONT}`;
  context.textAlign = 'center';
  for (const tick of [0, 20, 40, 60, 80, 100]) {
    context.fillText(String(tick), barLeft + (barWidth * tick) / 100, axisY);
  }
  context.textAlign = 'left';
  context.fillText(
    'Scores out of 100; colours mark the maturity stage of each score.',
    40,
    axisY + 30,
  );
  return canvas;
}
