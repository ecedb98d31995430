/**
 * The path through the questionnaire: which screens a respondent is shown, in what order, what
 * the address (URL fragment) of each screen is, and where Next and Back lead. Pure TypeScript.
 *
 * Screens are numbered as they are stored: 0 is "About you", 1..n are the bank's dimensions in
 * bank order (dimension i is screen i + 1), n + 1 is the results. A dimension with no statement
 * the respondent's role can judge is never shown.
 */
import { shownIn, type Bank } from './bank';

/** Fragment of the first screen. */
export const ABOUT_YOU = 'about-you';
/** Fragment of the results screen. */
export const RESULTS = 'results';

/** Where Next leads: another screen, or the finish (validate, record, show the results). */
export type NextStep = number | 'finish';

/** Screen number of the results for a bank. */
export function resultsScreen(bank: Bank): number {
  return bank.dimensions.length + 1;
}

/**
 * The fragment (without "#") that names a screen: "about-you", a dimension id, or "results".
 * Screens out of range name the results.
 */
export function fragmentFor(bank: Bank, screen: number): string {
  if (screen <= 0) return ABOUT_YOU;
  return bank.dimensions[screen - 1]?.id ?? RESULTS;
}

/**
 * The screen a fragment names ("#leadership", "about-you", "#results").
 * @returns the screen number, or null when the fragment names no screen of this bank
 */
export function screenFor(bank: Bank, fragment: string): number | null {
  const id = fragment.replace(/^#/, '');
  if (id === ABOUT_YOU) return 0;
  if (id === RESULTS) return resultsScreen(bank);
  const index = bank.dimensions.findIndex((d) => d.id === id);
  return index === -1 ? null : index + 1;
}

/**
 * Where Next leads from a section. While some section has not been seen, Next goes on in bank
 * order and, after the last section, round to the first unseen one: a respondent who started
 * from a link to one section still sees every section before the results. Once every section
 * has been seen, Next is the finish from any section (going back to change one answer is one
 * click away from the results again).
 * @param shown screen numbers of the sections the respondent is shown, in bank order
 * @param seen screen numbers already shown (the current one included)
 */
export function nextStep(
  shown: readonly number[],
  seen: ReadonlySet<number>,
  current: number,
): NextStep {
  const unseen = shown.filter((s) => s !== current && !seen.has(s));
  if (unseen.length === 0) return 'finish';
  return shown.find((s) => s > current) ?? unseen[0] ?? 'finish';
}

/** The first section to show after "About you": the first unseen one, or else the first. */
export function firstSection(shown: readonly number[], seen: ReadonlySet<number>): number {
  return shown.find((s) => !seen.has(s)) ?? shown[0] ?? 0;
}

/**
 * Where the in-page Back button leads: the shown section before `current` in bank order, or
 * "About you" from the first one. From the results it leads to the last shown section.
 */
export function previousScreen(shown: readonly number[], current: number): number {
  return shown.filter((s) => s < current).at(-1) ?? 0;
}

/** The 1-based position of a screen among the shown sections, or 0 when it is not one of them. */
export function positionOf(shown: readonly number[], screen: number): number {
  return shown.indexOf(screen) + 1;
}

/**
 * Screen numbers of the sections a role is shown, in bank order: every dimension with at least
 * one statement the role can judge.
 */
export function shownScreens(bank: Bank, role: string | null): number[] {
  return bank.dimensions.flatMap((d, i) => (shownIn(d, role).length > 0 ? [i + 1] : []));
}

/**
 * The progress line above a screen: where "About you" or a section sits among the sections shown
 * and how many are not seen yet, or, on the results, how many sections could be scored.
 * @param unseen - sections shown but not seen yet
 * @param section - whether the screen is a section (not "About you", not the results)
 * @param scored - sections scored and shown, once the results are ready; null before
 */
export function progressText(
  shown: readonly number[],
  screen: number,
  unseen: number,
  section: boolean,
  scored: { scored: number; shown: number } | null,
): string {
  if (screen === 0) return `About you, before section 1 of ${shown.length}`;
  if (section) {
    const where = `Section ${positionOf(shown, screen)} of ${shown.length}`;
    return unseen === 0 ? where : `${where}, ${unseen} not seen yet`;
  }
  if (scored === null) return '';
  return scored.scored === scored.shown
    ? `Results: all ${scored.shown} sections scored`
    : `Results: ${scored.scored} of ${scored.shown} sections scored`;
}
