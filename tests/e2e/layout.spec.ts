import { expect, test } from '@playwright/test';
import { sitemapPaths } from '../support/sitemap';

test('every page reads at 320 px wide without sideways scrolling', async ({ page, request }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 320, height: 640 });
  const tooWide: string[] = [];
  for (const path of await sitemapPaths(request)) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) tooWide.push(`${path}: ${width}px`);
  }
  expect(tooWide).toEqual([]);
});

test('light and dark themes follow the system preference', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(light).toBe('rgb(251, 250, 247)');
  expect(dark).toBe('rgb(18, 22, 27)');
});

test('the print view drops navigation and keeps the content', async ({ page }) => {
  await page.goto('/playbook/take-action/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Previous and next pages' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Take action' })).toBeVisible();
});

test('smooth scrolling is off when the user asks for reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  const behaviour = await page.evaluate(
    () => getComputedStyle(document.documentElement).scrollBehavior,
  );
  expect(behaviour).toBe('auto');
});

test('a playbook page links back to the index and to its neighbours', async ({ page }) => {
  await page.goto('/playbook/commit-to-change/');
  await expect(page).toHaveTitle(/^Commit to change · /);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{70,}/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    'Commit to change',
  );
  const pager = page.getByRole('navigation', { name: 'Previous and next pages' });
  await pager.getByRole('link', { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/playbook\/decide-on-your-ideal-customer\/$/);
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'The playbook' })).toBeVisible();
});

test('an unknown address shows the 404 page with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Browse the playbook' })).toBeVisible();
});
