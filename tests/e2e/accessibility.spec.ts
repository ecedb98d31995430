import { expect, test } from '../support/fixtures';
import { sitemapPaths } from '../support/sitemap';

test('the sitemap lists the home page, the playbook and privacy', async ({ request }) => {
  const paths = await sitemapPaths(request);
  expect(paths).toContain('/');
  expect(paths).toContain('/playbook/');
  expect(paths).toContain('/privacy/');
  expect(paths.filter((path) => path.startsWith('/playbook/')).length).toBeGreaterThanOrEqual(18);
});

/**
 * The sitemap's pages in four shares per theme, so that the two workers share the work and no
 * single test has to walk the whole site (48 pages and counting) within its time limit.
 */
const SHARES = 4;

for (const scheme of ['light', 'dark'] as const) {
  for (let share = 0; share < SHARES; share += 1) {
    test(`every page in the sitemap, and the 404 page, has no axe violations (${scheme}, part ${share + 1} of ${SHARES})`, async ({
      page,
      request,
      axe,
    }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme });
      const all = [...(await sitemapPaths(request)), '/no-such-page/'];
      const paths = all.filter((_, i) => i % SHARES === share);
      expect(paths.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const path of paths) {
        await page.goto(path);
        failures.push(...(await axe(path)));
      }
      expect(failures).toEqual([]);
    });
  }
}
