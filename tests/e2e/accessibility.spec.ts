import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { sitemapPaths } from '../support/sitemap';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

test('the sitemap lists the home page, the playbook and privacy', async ({ request }) => {
  const paths = await sitemapPaths(request);
  expect(paths).toContain('/');
  expect(paths).toContain('/playbook/');
  expect(paths).toContain('/privacy/');
  expect(paths.filter((path) => path.startsWith('/playbook/')).length).toBeGreaterThanOrEqual(18);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`every page in the sitemap, and the 404 page, has no axe violations (${scheme})`, async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    const paths = [...(await sitemapPaths(request)), '/no-such-page/'];
    const failures: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      for (const violation of results.violations) {
        const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
        failures.push(`${path}: ${violation.id} (${violation.help}) at ${targets}`);
      }
    }
    expect(failures).toEqual([]);
  });
}
