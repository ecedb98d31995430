import AxeBuilder from '@axe-core/playwright';
import { test as base, type Page } from '@playwright/test';
import { ORIGIN } from '../../playwright.config';

/** The rules every page is held to: WCAG 2.0, 2.1 and 2.2 A and AA, plus axe's best practice. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe-core on `page` as it is now and returns one line per violation (`where: rule (help) at
 * selectors`), so a test can collect them over several states and assert the list is empty once.
 */
export async function axeViolations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map(
    (v) => `${where}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * Starts recording what must never happen on `page`: a console error, an uncaught exception, a
 * browser dialog (dismissed) or a request to another origin (the site makes none). Returns the
 * list it fills; assert it is empty at the end of the test.
 */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${ORIGIN}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) {
      problems.push(`request to ${url}`);
    }
  });
  return problems;
}

/** What the site's browser tests get besides Playwright's own fixtures. */
export interface SiteFixtures {
  /** axe-core on the test's page: `expect(await axe('empty state')).toEqual([])`. */
  axe: (where?: string) => Promise<string[]>;
  /** Problems seen on the test's page from its start (see `watchForProblems`). */
  problems: string[];
}

/**
 * Playwright's `test` with the site's fixtures. Spec files import `test` and `expect` from here
 * instead of from '@playwright/test'; a fixture costs nothing in a test that does not name it.
 */
export const test = base.extend<SiteFixtures>({
  axe: async ({ page }, use) => {
    await use((where = page.url()) => axeViolations(page, where));
  },
  problems: async ({ page }, use) => {
    await use(watchForProblems(page));
  },
});

export { expect } from '@playwright/test';
