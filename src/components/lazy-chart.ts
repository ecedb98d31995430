/**
 * What the two chart components share: Chart.js loads only when a canvas appears, and the chart
 * is destroyed when the canvas goes.
 */
import type { Attachment } from 'svelte/attachments';

/** A drawn chart, as far as its owner needs to know. */
export interface DrawnChart {
  destroy(): void;
}

/**
 * An attachment for a `<canvas>` that draws a lazily loaded chart.
 * @param draw called at once with the canvas: it reads the figures (so the chart is redrawn
 *   when they change) and resolves to the chart once the chart code has loaded
 * @param onFail called when the chart code cannot be loaded (the table still holds the figures)
 */
export function lazyChart(
  draw: (canvas: HTMLCanvasElement) => Promise<DrawnChart>,
  onFail: () => void,
): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    let gone = false;
    let chart: DrawnChart | undefined;
    draw(canvas)
      .then((drawn) => {
        // The canvas may have gone while the code loaded: then the new chart goes at once.
        if (gone) drawn.destroy();
        else chart = drawn;
      })
      .catch(onFail);
    return () => {
      gone = true;
      chart?.destroy();
    };
  };
}

/** A colour from the page's design tokens, so charts follow the light and dark themes. */
export function themeColour(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}
