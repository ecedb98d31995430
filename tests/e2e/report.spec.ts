import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { encodeResult } from '../../src/lib/share-link';
import type { AnswerValue } from '../../src/lib/scoring';

/** The results report as people use it: on a phone, in dark mode, printed, and compared. */
interface BankFile {
  id: string;
  version: number;
  stages: { name: string }[];
  dimensions: { name: string; statements: { id: string }[] }[];
}

async function bankOf(page: Page, version: number): Promise<BankFile> {
  const response = await page.request.get(`/navigator/banks/culture-navigator-${version}.json`);
  return (await response.json()) as BankFile;
}

/** A full, varied response (no response check fires) as a link fragment. */
function fragmentFor(bank: BankFile, shift: number, role: number, label = ''): string {
  const count = bank.dimensions.reduce((sum, d) => sum + d.statements.length, 0);
  const answers = Array.from(
    { length: count },
    (_, i) => (1 + ((i * 3 + shift + Math.floor(i / 4)) % 5)) as AnswerValue,
  );
  return encodeResult({ bank: bank.id, version: bank.version, role, answers, label });
}

const wide = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('the report leads with its summary and reads at 320 px with nothing cut', async ({
  page,
  axe,
}) => {
  const bank = await bankOf(page, 2);
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(`/result/#${fragmentFor(bank, 1, 0, 'Acme Holdings – Europe')}`);
  const summary = page.getByRole('region', { name: /^Customer culture report/ });
  await expect(summary).toBeVisible();
  // The page's own introduction is not repeated above the report.
  await expect(page.locator('main > .lead')).toHaveCount(0);
  await expect(summary.getByText('Overall index')).toBeVisible();
  await expect(summary.getByText(/^likely between \d+ and \d+$/)).toBeVisible();
  await expect(summary.getByRole('listitem').filter({ hasText: 'You are here' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await expect(page.getByRole('img', { name: /^Bar chart of the score/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Scores by dimension/ })).toBeAttached();
  expect(await wide(page)).toBeLessThanOrEqual(320);
  // Every button and field is inside the screen.
  for (const control of await page.getByRole('button').all()) {
    const box = await control.boundingBox();
    if (box !== null) expect(box.x + box.width).toBeLessThanOrEqual(320);
  }
  expect(await axe()).toEqual([]);
});

test('in dark mode the report passes axe and a chart redraws when the theme switches', async ({
  page,
  axe,
}) => {
  const bank = await bankOf(page, 1);
  await page.emulateMedia({ colorScheme: 'dark' });
  const a = fragmentFor(bank, 1, 0, 'Before');
  const b = fragmentFor(bank, 3, 1, 'After');
  await page.goto(`/result/#${a}`);
  await expect(page.getByRole('img', { name: /^Bar chart/ })).toBeVisible();
  expect(await axe()).toEqual([]);

  await page.goto(`/compare/#${a},${b}`);
  const radar = page.getByRole('img', { name: /^Radar chart/ });
  await expect(radar).toBeVisible();
  // Sample the canvas, switch the theme, and see it drawn again in other colours.
  const pixels = () =>
    page.evaluate(() => {
      const canvas = document.querySelector('canvas');
      return canvas?.toDataURL() ?? '';
    });
  await page.waitForTimeout(600);
  const dark = await pixels();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(pixels).not.toBe(dark);
  expect(await axe()).toEqual([]);
});

test('the report prints as a titled, dated document of two or three pages', async ({ page }) => {
  const bank = await bankOf(page, 2);
  await page.goto(`/result/#${fragmentFor(bank, 2, 1, 'Acme')}`);
  await expect(page.getByRole('img', { name: /^Bar chart/ })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(
    page.getByRole('heading', { level: 2, name: 'Customer culture report: Acme' }),
  ).toBeVisible();
  await expect(page.getByText(/^opened \d{1,2} \w{3} \d{4}$/)).toBeVisible();
  await expect(page.getByRole('img', { name: /^Bar chart/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  // Nothing runs off the printed page.
  expect(await wide(page)).toBeLessThanOrEqual(page.viewportSize()?.width ?? 1280);
  const pdf = await page.pdf({ format: 'A4' });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(pages.length).toBeLessThanOrEqual(3);
});

test('compare at 320 px: a long unbroken label, a third column, a focusable table and ±0', async ({
  page,
  axe,
}) => {
  const bank = await bankOf(page, 1);
  await page.setViewportSize({ width: 320, height: 700 });
  const long = 'Ü'.repeat(1) + 'x'.repeat(59);
  const links = [
    fragmentFor(bank, 1, 0, long),
    fragmentFor(bank, 1, 1, 'Same'),
    fragmentFor(bank, 4, 2, 'Third'),
  ];
  await page.goto(`/compare/#${links.join(',')}`);
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: /Third/ })).toBeVisible();
  expect(await wide(page)).toBeLessThanOrEqual(320);
  const region = page.getByRole('region', { name: 'Scores side by side' });
  await expect(region).toHaveAttribute('tabindex', '0');
  // The same answers under another role: no difference, written ±0 (never +0 or −0).
  const overall = table.getByRole('row', { name: /^Overall index/ });
  await expect(overall).toContainText('±0');
  await expect(table).not.toContainText(/[+−-]0(?!\d)/);
  expect(await axe()).toEqual([]);
});

test('a comparison is bookmarked in the address and opens again from it', async ({ page }) => {
  const v1 = await bankOf(page, 1);
  const v2 = await bankOf(page, 2);
  await page.goto('/compare/');
  // The button does nothing until the island has hydrated (slow on a busy machine).
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page
    .getByLabel('Result links, one per line')
    .fill([fragmentFor(v1, 0, 0, 'North'), `  #${fragmentFor(v2, 2, 0, 'North')} `].join('\n'));
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { name: 'Side by side' })).toBeVisible();
  // Versions 1 and 2 share their dimensions: compared, with the change of wording said.
  await expect(page.getByRole('note')).toContainText('The wording changed.');
  await expect(page).toHaveURL(
    new RegExp(`#${fragmentFor(v1, 0, 0, 'North')},${fragmentFor(v2, 2, 0, 'North')}$`),
  );
  const bookmark = page.url();
  await page.goto('/');
  await page.goto(bookmark);
  await expect(page.getByRole('columnheader', { name: /North \(Link 1\)/ })).toBeVisible();
});
