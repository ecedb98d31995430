import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';

const content = join(import.meta.dirname, '../../content');
const templates = readdirSync(join(content, 'templates'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `/templates/${name.replace(/\.md$/, '')}/`);

/** Every page this work added: roadmap, role paths, templates, glossary and search. */
const NEW_PAGES = [
  '/playbook/roadmap/',
  '/playbook/roles/executive/',
  '/playbook/roles/manager/',
  '/playbook/roles/frontline/',
  '/templates/',
  ...templates,
  '/glossary/',
  '/search/',
  '/search/?q=apology',
];

for (const scheme of ['light', 'dark'] as const) {
  for (const path of NEW_PAGES) {
    test(`${path} has no axe violations (${scheme})`, async ({ page, axe }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      if (path.includes('?q=')) await expect(page.getByRole('status')).toHaveText(/match/);
      expect(await axe(path)).toEqual([]);
    });
  }
}

test('a template prints its guidance and its boxes, without the site navigation', async ({
  page,
}) => {
  await page.goto('/templates/call-guide/');
  const record = page.getByRole('region', { name: 'Call record' });
  await record
    .getByRole('textbox', { name: 'What we agreed, who does it, by when' })
    .fill('Refund');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeHidden();
  await expect(page.getByRole('heading', { name: '3. Apologise' })).toBeVisible();
  await expect(
    record.getByRole('textbox', { name: 'What we agreed, who does it, by when' }),
  ).toHaveValue('Refund');
  await expect(page.getByRole('textbox', { name: 'Date we will check back' })).toBeVisible();
});

test('the first use of a glossary term links to its definition', async ({ page }) => {
  await page.goto('/playbook/set-goals/');
  const term = page.getByRole('link', { name: 'Customer Loyalty Index', exact: true }).first();
  await term.click();
  await expect(page).toHaveURL(/\/glossary\/#customer-loyalty-index$/);
  await expect(page.getByText('No single definition is standard.')).toBeInViewport();
});

test('a long page has a contents list that jumps to its sections', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/playbook/roadmap/');
  const contents = page.getByRole('navigation', { name: 'On this page' });
  await contents.getByRole('link', { name: 'What depends on what' }).click();
  await expect(page).toHaveURL(/#what-depends-on-what$/);
  await expect(page.getByRole('heading', { name: 'What depends on what' })).toBeInViewport();
});

test('a role path lists the pages that role leads and ends with a next step', async ({ page }) => {
  await page.goto('/playbook/roles/frontline/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your path: front-line staff');
  const led = page.getByRole('region', { name: 'Pages you lead' });
  await expect(led.getByRole('link', { name: 'Embrace feedback' })).toBeVisible();
  await expect(led.getByRole('link', { name: 'Walk the walk' })).toHaveCount(0);
  await page
    .getByRole('complementary', { name: 'Your next step' })
    .getByRole('link')
    .first()
    .click();
  await expect(page).toHaveURL(/\/playbook\/embrace-feedback\/$/);
});
