/**
 * What the chart components share: Chart.js loads only when a canvas appears, the chart is
 * redrawn in the new colours when the theme changes (the system's light/dark setting, a theme
 * switch on the page, or printing), and destroyed when the canvas goes.
 */
import type { Attachment } from 'svelte/attachments';

/** A drawn chart, as far as its owner needs to know. */
export interface DrawnChart {
  destroy(): void;
}

/**
 * Calls `changed` whenever the page's colours may have changed: the colour-scheme preference,
 * print and screen, or a theme attribute on the root element.
 * @returns a function that stops listening
 */
export function onThemeChange(changed: () => void): () => void {
  const queries =
    typeof window.matchMedia === 'function'
      ? ['(prefers-color-scheme: dark)', 'print'].map((q) => window.matchMedia(q))
      : [];
  for (const query of queries) query.addEventListener('change', changed);
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['class', 'data-theme', 'data-color-scheme', 'style'],
  });
  return () => {
    for (const query of queries) query.removeEventListener('change', changed);
    observer.disconnect();
  };
}

/**
 * An attachment for a `<canvas>` that draws a lazily loaded chart.
 * @param draw called at once with the canvas: it reads the figures (so the chart is redrawn
 *   when they change) and resolves to the chart once the chart code has loaded; called again,
 *   after the old chart is destroyed, when the theme changes
 * @param onFail called when the chart code cannot be loaded (the table still holds the figures)
 */
export function lazyChart(
  draw: (canvas: HTMLCanvasElement) => Promise<DrawnChart>,
  onFail: () => void,
): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    let gone = false;
    let chart: DrawnChart | undefined;
    let drawing = 0;
    const render = (): void => {
      drawing += 1;
      const mine = drawing;
      draw(canvas)
        .then((drawn) => {
          // The canvas may have gone (or a newer drawing started) while the code loaded.
          if (gone || mine !== drawing) drawn.destroy();
          else chart = drawn;
        })
        .catch(onFail);
    };
    render();
    const stop = onThemeChange(() => {
      chart?.destroy();
      chart = undefined;
      render();
    });
    return () => {
      gone = true;
      stop();
      chart?.destroy();
    };
  };
}

/** A colour from the page's design tokens, so charts follow the light and dark themes. */
export function themeColour(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}
