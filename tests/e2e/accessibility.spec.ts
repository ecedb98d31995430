import { expect, test } from '../support/fixtures';
import { sitemapPaths } from '../support/sitemap';

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
    axe,
  }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    const paths = [...(await sitemapPaths(request)), '/no-such-page/'];
    const failures: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      failures.push(...(await axe(path)));
    }
    expect(failures).toEqual([]);
  });
}
