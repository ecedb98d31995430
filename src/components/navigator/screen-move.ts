/**
 * The page side of moving between the questionnaire's screens: the address that names the screen
 * and the focus on its heading. Which screen comes next is lib/navigator-path.ts.
 */
import { tick } from 'svelte';
import type { Bank } from '../../lib/bank';
import { fragmentFor } from '../../lib/navigator-path';

/** How a screen is reached: a new history entry, Back/Forward, or the page loading. */
export type How = 'push' | 'pop' | 'load';

/**
 * Makes the address name a screen of `bank` (lib/navigator-path.ts): a new history entry for
 * 'push', otherwise in place of the current one, so Back never lands on the same screen twice.
 */
export function setAddress(bank: Bank, screen: number, how: How): void {
  const hash = `#${fragmentFor(bank, screen)}`;
  if (location.hash !== hash)
    history[how === 'push' ? 'pushState' : 'replaceState'](null, '', hash);
}

/**
 * Once the new screen has rendered, moves focus and the view to its heading, as a new page would
 * for a screen reader; not while the page loads, where focus stays where the browser put it.
 */
export async function focusHeading(
  how: How,
  heading: () => HTMLElement | undefined,
): Promise<void> {
  if (how === 'load') return;
  await tick();
  const element = heading();
  element?.focus();
  element?.scrollIntoView({ block: 'start' });
}
