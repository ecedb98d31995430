/**
 * Number formats shared by every view, so that a figure reads the same on each page.
 */

/** The minus sign (U+2212) rather than a hyphen, which screen readers and fonts treat as a dash. */
const MINUS = '\u2212';

/**
 * A difference between two scores, rounded first and signed after, so that a gap that rounds
 * to zero reads "±0" (never "−0" or "+0"): "+3", "−12", "±0", or "+1.5" with `digits` 1.
 * @param digits decimal places kept (0 by default)
 */
export function formatGap(value: number, digits = 0): string {
  const scale = 10 ** digits;
  const rounded = Math.round(Math.abs(value) * scale) / scale;
  if (rounded === 0) return '±0';
  const text = rounded.toFixed(digits);
  return value > 0 ? `+${text}` : `${MINUS}${text}`;
}
