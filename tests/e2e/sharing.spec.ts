import { ORIGIN } from '../../playwright.config';
import { axeViolations, expect, test, watchForProblems } from '../support/fixtures';
import { chooseFile, expectAlertSays } from '../support/forms';
import type { Bank } from '../../src/lib/bank';
import { decodeResult } from '../../src/lib/share-link';
import { responseFromShared } from '../../src/lib/share-response';
import { scoreResponse } from '../../src/lib/scoring';
import { bankOf, fragmentFor } from '../support/result-links';

test('own results carry a share link that opens read-only in a fresh browser', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const bank = await bankOf(page);
  const answers = Object.fromEntries(
    bank.dimensions.flatMap((d) => d.statements).map((s, i) => [s.id, 1 + (i % 5)]),
  );
  // Seeded from a page without the questionnaire: on /navigator/ the island, still hydrating,
  // would save its own place (About you) over the seeded session.
  await page.goto('/privacy/');
  await page.evaluate(
    (session) => {
      localStorage.setItem('ccn:navigator:session', JSON.stringify(session));
    },
    {
      bank: bank.id,
      version: bank.version,
      role: 'manager',
      label: 'Acme',
      answers,
      screen: bank.dimensions.length + 1,
    },
  );
  await page.goto('/navigator/');
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveAttribute('readonly', '');
  const url = await field.inputValue();
  expect(url).toMatch(new RegExp(`^${ORIGIN}/result/#r1\\.[A-Za-z0-9_-]+$`));
  expect(new URL(url).hash.length - 1).toBeLessThanOrEqual(100);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied.', { exact: false })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const index = await page.locator('.index-value').textContent();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const problems = watchForProblems(other);
  await other.goto(url);
  await expect(other.locator('.index-value')).toHaveText(index ?? '');
  await expect(other.getByRole('heading', { name: 'Customer culture report: Acme' })).toBeVisible();
  await expect(other.getByRole('heading', { name: 'Priorities', exact: true })).toBeVisible();
  await expect(
    other.getByRole('link', { name: 'Take the Culture Navigator yourself' }),
  ).toBeVisible();
  expect(await other.evaluate(() => localStorage.getItem('ccn:history'))).toBeNull();
  expect(await axeViolations(other, 'shared result')).toEqual([]);
  expect(problems).toEqual([]);
  await fresh.close();
});

test('damaged, cut, foreign-version and oversized links explain themselves and show no result', async ({
  page,
  axe,
}) => {
  const bank = await bankOf(page);
  const good = fragmentFor(bank, 1, 0);
  const altered = good.slice(0, 12) + (good[12] === 'A' ? 'B' : 'A') + good.slice(13);
  const cases: [string, RegExp][] = [
    [altered, /altered or mistyped/],
    [good.slice(0, 20), /incomplete|changed or damaged/],
    [`r7.${good.slice(3)}`, /newer or different version/],
    [`r1.${'A'.repeat(500)}`, /far longer/],
    ['', /holds no result/],
  ];
  for (const [fragment, message] of cases) {
    await page.goto(`/result/#${fragment}`);
    await page.reload();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This result link cannot be shown.');
    await expect(alert).toContainText(message);
    await expect(page.getByText('Overall index')).toHaveCount(0);
  }
  expect(await axe('result error')).toEqual([]);
});

test('a result downloads as CSV, JSON and a picture of its chart', async ({ page, problems }) => {
  const bank = await bankOf(page);
  const fragment = fragmentFor(bank, 7, 2, 'Zürich, "support"');
  await page.goto(`/result/#${fragment}`);
  const overall = (await page.locator('.index-value').textContent())?.trim() ?? '';
  expect(overall).toMatch(/^\d+$/);
  const { readFileSync } = await import('node:fs');
  async function download(name: string): Promise<Buffer> {
    const started = page.waitForEvent('download');
    await page.getByRole('button', { name }).click();
    return readFileSync(await (await started).path());
  }

  const csv = (await download('Download CSV')).toString('utf8');
  const rows = csv.replace(/^\uFEFF/, '').split('\r\n');
  expect(rows[0]).toBe('section,item,value,answered,dont_know,total');
  expect(rows).toContain(`about,Label,"Zürich, ""support""",,,`);
  expect(rows.find((row) => row.startsWith('overall,'))).toMatch(
    new RegExp(`^overall,[^,]*,${overall},`),
  );
  await expect(page.getByRole('status').filter({ hasText: 'CSV file saved' })).toBeVisible();

  const json = JSON.parse((await download('Download JSON')).toString('utf8')) as {
    format: string;
    overall: number;
    link: string;
    dimensions: unknown[];
  };
  expect(json.format).toBe('ccn-result');
  expect(json.overall).toBe(Number(overall));
  expect(json.link.endsWith(`/result/#${fragment}`)).toBe(true);
  expect(json.dimensions).toHaveLength(bank.dimensions.length);

  await expect(page.getByRole('img', { name: /^Bar chart of the score/ })).toBeVisible();
  await expect
    .poll(async () => {
      const png = await download('Download chart (PNG)');
      return png.subarray(0, 8).toString('hex');
    })
    .toBe('89504e470d0a1a0a');
  expect(problems).toEqual([]);
});

test('a label with markup renders as text and runs nothing', async ({ page, problems }) => {
  const bank = await bankOf(page);
  const label = '<img src=x onerror=alert(1)>';
  await page.goto(`/result/#${fragmentFor(bank, 2, 1, label)}`);
  await expect(
    page.getByRole('heading', { name: `Customer culture report: ${label}` }),
  ).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.goto('/team/');
  await page
    .getByRole('textbox', { name: 'Result links' })
    .fill([fragmentFor(bank, 2, 1, label), fragmentFor(bank, 3, 2, label)].join('\n'));
  await page.getByRole('button', { name: 'Analyse links' }).click();
  await expect(page.getByRole('combobox', { name: 'Team label' })).toContainText(label);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('history keeps completed results, deletes, exports and refuses a bad import', async ({
  page,
  axe,
}) => {
  const bank = await bankOf(page);
  await page.goto('/history/');
  await expect(page.getByText('No results yet.')).toBeVisible();
  const violations = await axe('history empty');
  const entries = [0, 1, 2].map((i) => ({
    fragment: fragmentFor(bank, i, 0, `Q${i + 1}`),
    savedAt: new Date(Date.UTC(2026, i * 3, 1)).toISOString(),
    label: `Q${i + 1}`,
    overall: 40 + i * 10,
  }));
  await page.evaluate((list) => {
    localStorage.setItem('ccn:history', JSON.stringify(list));
  }, entries);
  await page.reload();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('Q3');
  await expect(
    page.getByRole('img', { name: /Line chart of the overall index over time/ }),
  ).toBeVisible();
  violations.push(...(await axe('history filled')));

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export history (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.json$/);

  await chooseFile(
    page.getByLabel('Import history (JSON)'),
    'broken.json',
    '{"format":"something else"}',
  );
  await expectAlertSays(page, 'broken.json', 'Your history was not changed.');
  await expect(rows).toHaveCount(4);
  violations.push(...(await axe('history import error')));

  await page
    .getByRole('button', { name: /Delete the result of/ })
    .first()
    .click();
  await expect(rows).toHaveCount(3);
  await page.getByRole('button', { name: 'Delete all' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete all' }).click();
  await expect(page.getByText('No results yet.')).toBeVisible();
  expect(violations).toEqual([]);
});

test('compare sets results side by side with differences and one chart', async ({ page, axe }) => {
  const bank = await bankOf(page);
  await page.goto('/compare/');
  await expect(page.getByText('Nothing to compare yet')).toBeVisible();
  const violations = await axe('compare empty');
  const field = page.getByLabel('Result links, one per line');
  await field.fill(`${fragmentFor(bank, 0, 0, 'Before')}\nnot a link`);
  await page.getByRole('button', { name: 'Compare' }).click();
  await expectAlertSays(page, 'Line 2:', 'Add at least 2 valid results');
  violations.push(...(await axe('compare error')));
  await field.fill(
    [
      fragmentFor(bank, 0, 0, 'Before'),
      `${ORIGIN}/result/#${fragmentFor(bank, 2, 0, 'After')}`,
    ].join('\n'),
  );
  await page.getByRole('button', { name: 'Compare' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: /Before/ })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /After/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Overall index/ })).toContainText(/[+−±]\d+/);
  await expect(page.getByRole('img', { name: /Radar chart/ })).toBeVisible();
  violations.push(...(await axe('compare filled')));
  expect(violations).toEqual([]);
});

test('links pasted into compare and team survive a reload of the tab, and only of the tab', async ({
  page,
  context,
}) => {
  const bank = await bankOf(page);
  const text = [fragmentFor(bank, 1, 0), fragmentFor(bank, 2, 2)].join('\n');
  for (const [path, name] of [
    ['/compare/', 'Result links, one per line'],
    ['/team/', 'Result links'],
  ] as const) {
    await page.goto(path);
    const field = page.getByLabel(name);
    // The island restores and saves drafts once hydrated.
    await expect(page.locator('astro-island:not([ssr])')).toHaveCount(1);
    await field.fill(text);
    await page.reload();
    await expect(field).toHaveValue(text);
    // A new tab starts empty: the draft lives in this tab's session storage only.
    const other = await context.newPage();
    await other.goto(path);
    await expect(other.locator('astro-island:not([ssr])')).toHaveCount(1);
    await expect(other.getByLabel(name)).toHaveValue('');
    await other.close();
  }
});

test('a history file listing a result twice, with a false index, leaves every page working after a reload', async ({
  page,
  problems,
}) => {
  const bank = await bankOf(page);
  const long = 'W'.repeat(60);
  const first = fragmentFor(bank, 7, 0, long);
  const real = scoreResponse(
    bank as unknown as Bank,
    (() => {
      const decoded = decodeResult(first);
      if (!decoded.ok) throw new Error(decoded.message);
      const matched = responseFromShared(decoded.result, bank as unknown as Bank);
      if (!matched.ok) throw new Error(matched.message);
      return matched.response.answers;
    })(),
  ).overall;
  expect(real).not.toBe(100);
  const entry = { fragment: first, savedAt: '2026-01-05T09:00:00.000Z', label: long, overall: 100 };
  const other = {
    fragment: `#${fragmentFor(bank, 9, 1, 'Later')}`,
    savedAt: '2026-04-05T09:00:00.000Z',
    label: 'Later',
    overall: 0,
  };
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/history/');
  await expect(page.getByText('No results yet.')).toBeVisible();
  await chooseFile(
    page.getByLabel('Import history (JSON)'),
    'twice.json',
    JSON.stringify({ format: 'ccn-history', version: 1, entries: [entry, entry, other] }),
  );
  await expect(page.getByRole('status')).toHaveText(
    'Imported 2 new results from twice.json. 1 appeared twice in the file and was added once.',
  );
  await page.reload();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  // The index comes from the link, not from the file.
  await expect(rows.nth(2)).toContainText(`${long}${real}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  await page.goto('/compare/');
  const boxes = page.getByRole('checkbox');
  await expect(boxes).toHaveCount(2);
  await expect(page.getByText(`· index ${real}`)).toBeVisible();
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { name: 'Side by side' })).toBeVisible();

  // A fragment saved with its "#" opens instead of reading as damaged.
  await page.goto(`/result/##${fragmentFor(bank, 9, 1, 'Later')}`);
  await expect(page.getByRole('heading', { name: 'Customer culture report: Later' })).toBeVisible();

  await page.goto('/history/');
  await page.getByRole('button', { name: 'Delete all' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete all' }).click();
  await expect(page.getByText('No results yet.')).toBeVisible();
  // Focus lands on the empty state, not on <body>.
  await expect(page.locator(':focus')).toContainText('No results yet.');
  expect(problems).toEqual([]);
});
