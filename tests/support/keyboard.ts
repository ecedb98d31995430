import { expect, type Page } from '@playwright/test';

/** How `tabTo` finds its target and when it gives up. */
export interface TabToOptions {
  /** Tab presses before failing; a bound, so a control that is never reached fails fast. */
  presses?: number;
  /** Match a string `name` whole and case-sensitively (Playwright's `exact`); off by default. */
  exact?: boolean;
}

/**
 * Presses Tab until the control with `role` and accessible `name` has the focus, as a keyboard
 * user would reach it; throws after `presses` presses without reaching it.
 */
export async function tabTo(
  page: Page,
  role: 'button' | 'radio' | 'textbox',
  name: string | RegExp,
  { presses = 60, exact = false }: TabToOptions = {},
): Promise<void> {
  const target = page.getByRole(role, { name, exact });
  for (let i = 0; i < presses; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${role} "${String(name)}"`);
}

/** How `answerWithKeyboard` reaches each group and what it checks on the way. */
export interface AnswerOptions {
  /** Tab presses allowed to reach a group's first option. */
  presses?: number;
  /** Assert the first option has the focus before answering (the invitation spec never did). */
  expectFocus?: boolean;
}

/**
 * Answers every statement on the questionnaire screen with the keyboard alone: Tab into each
 * group, Space picks its first option, ArrowRight moves `pick(statement)` options on, and the
 * option reached must then be checked. `statement` counts the screen's groups from 0.
 */
export async function answerWithKeyboard(
  page: Page,
  pick: (statement: number) => number,
  { presses = 12, expectFocus = true }: AnswerOptions = {},
): Promise<void> {
  const groups = page.locator('form fieldset');
  const count = await groups.count();
  for (let s = 0; s < count; s += 1) {
    const first = groups.nth(s).getByRole('radio').first();
    for (let i = 0; i < presses; i += 1) {
      await page.keyboard.press('Tab');
      if (await first.evaluate((el) => el === document.activeElement)) break;
    }
    if (expectFocus) await expect(first).toBeFocused();
    await page.keyboard.press('Space');
    const steps = pick(s);
    for (let k = 0; k < steps; k += 1) await page.keyboard.press('ArrowRight');
    await expect(groups.nth(s).getByRole('radio').nth(steps)).toBeChecked();
  }
}
