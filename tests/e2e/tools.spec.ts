import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { chooseFile, expectAlertSays } from '../support/forms';
import { encodeResult } from '../../src/lib/share-link';
import type { AnswerValue } from '../../src/lib/scoring';

/** Presses Enter on a control, as a keyboard user would after tabbing to it. */
async function activate(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name }).focus();
  await page.keyboard.press('Enter');
}

/** Checks that the page fits 320 px with nothing scrolling sideways, then shows it as printed. */
async function fitsIn320ThenPrint(page: Page): Promise<void> {
  await page.setViewportSize({ width: 320, height: 700 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.emulateMedia({ media: 'print' });
}

/**
 * A survey with known answers: 30 respondents 10/9/9 (North, Q1), 20 at 8/7/5 and 10 at 3/4/8
 * (South, Q2), and three rows with bad ratings (rows 5, 20 and 40 of the file).
 */
function surveyCsv(): string {
  const rows = [
    ...Array.from({ length: 30 }, () => '10,9,9,North,2026 Q1'),
    ...Array.from({ length: 20 }, () => '8,7,5,South,2026 Q2'),
    ...Array.from({ length: 10 }, () => '3,4,8,South,2026 Q2'),
  ];
  rows.splice(3, 0, '11,9,9,North,2026 Q1');
  rows.splice(18, 0, 'seven,9,9,North,2026 Q1');
  rows.splice(38, 0, '9,7.5,9,South,2026 Q2');
  return ['Recommend,Renew,Try other,Region,Quarter', ...rows].join('\n');
}

/** The adjusted-Wald interval, written out again here so the page is checked independently. */
function adjustedWald(promoters: number, passives: number, detractors: number): [number, number] {
  const n = promoters + passives + detractors + 3;
  const p = (promoters + 0.75) / n;
  const d = (detractors + 0.75) / n;
  const se = Math.sqrt((p + d - (p - d) ** 2) / n);
  return [Math.round((p - d - 1.96 * se) * 100), Math.round((p - d + 1.96 * se) * 100)];
}

const signed = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0');

test('loyalty calculator: file, bad rows, results, goal, reload, bad file, 320 px and print', async ({
  page,
  axe,
  problems,
}) => {
  // Many steps, each state checked with axe: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  await page.goto('/tools/loyalty/');
  await expect(page.getByText('No data yet.')).toBeVisible();
  const violations = await axe('loyalty empty');

  await chooseFile(page.getByLabel('Choose a CSV or TSV file'), 'survey.csv', surveyCsv());
  const problemsBox = page.getByRole('region', { name: /3 of 63 rows cannot be used/ });
  await expect(problemsBox).toBeVisible();
  await expect(problemsBox).toContainText('Row 5: Recommend “11” is outside 0–10');
  await expect(problemsBox).toContainText('Row 20: Recommend “seven” is not a number');
  await expect(problemsBox).toContainText('is not a whole number');
  await expect(page.getByRole('heading', { name: '3. Results' })).toHaveCount(0);
  violations.push(...(await axe('loyalty problems')));

  await activate(page, /Leave out these 3 rows/);
  await expect(page.getByRole('heading', { name: '3. Results' })).toBeVisible();
  // Recommend: 30 promoters, 20 passives, 10 detractors → +33. Try other: 30, 10, 20 → +17.
  // Index: (33.3 + 33.3 + 16.7) / 3 = +28.
  const [low, high] = adjustedWald(30, 20, 10);
  const table = page.getByRole('table', {
    name: 'Promoters, passives and detractors per question',
  });
  await expect(table.getByRole('row', { name: /^Recommend/ })).toContainText(
    `+33${signed(low)} to ${signed(high)}`,
  );
  await expect(table.getByRole('row', { name: /^Try other offerings/ })).toContainText('+17');
  await expect(table.getByRole('row', { name: /^Customer Loyalty Index/ })).toContainText('+28');
  await expect(page.getByText('From 60 respondents; 3 rows with problems left out')).toBeVisible();
  await expect(
    page.getByRole('img', { name: /Net scores with their 95 % intervals/ }),
  ).toBeVisible();
  const periods = page.getByRole('table', { name: /by period/ });
  await expect(periods.getByRole('row', { name: /2026 Q2/ })).toContainText('Yes: down');

  await page.getByLabel('Near-term target').focus();
  await page.keyboard.type('40');
  await page.keyboard.press('Tab');
  await expect(page.locator('#loyalty-near-plan')).toContainText('+12 points from today');
  violations.push(...(await axe('loyalty results')));

  await page.reload();
  await expect(page.getByRole('heading', { name: '3. Results' })).toBeVisible();
  await expect(page.getByLabel('Near-term target')).toHaveValue('40');
  await expect(page.getByText('From 60 respondents; 3 rows with problems left out')).toBeVisible();

  await chooseFile(
    page.getByLabel('Choose a CSV or TSV file'),
    'broken.csv',
    'nps,segment\n9,"never closed\n',
  );
  await expectAlertSays(page, 'broken.csv:', 'Nothing was changed.');
  await expect(page.getByText(/^From 60 respondents/)).toBeVisible();
  violations.push(...(await axe('loyalty bad file')));

  await fitsIn320ThenPrint(page);
  await expect(page.getByRole('heading', { name: '1. Your survey data' })).toBeHidden();
  await expect(page.getByRole('heading', { name: '3. Results' })).toBeVisible();
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
});

test('wows and woes: keyboard editing, ranking, reload, several worksheets, bad import, print', async ({
  page,
  axe,
  problems,
}) => {
  // Many steps, each state checked with axe: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  await page.goto('/tools/wows-and-woes/');
  const violations = await axe('wows fresh');

  await page.getByLabel('Worksheet name').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Retail customers');
  await page.getByLabel('Pain point', { exact: true }).focus();
  await page.keyboard.type('Refunds take weeks');
  await page.keyboard.press('Tab'); // how much it matters
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown'); // 5: a great deal
  await page.keyboard.press('Tab'); // us
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown'); // woe
  await page.keyboard.press('Tab'); // competitor A
  await page.keyboard.press('ArrowDown'); // wow

  const behind = page.getByRole('region', { name: 'Where we fall behind' });
  await expect(behind.getByRole('listitem')).toHaveCount(1);
  await expect(behind).toContainText('Refunds take weeks');
  await expect(behind).toContainText('Urgent');
  await expect(behind.getByRole('link', { name: 'Take action' })).toBeVisible();

  await activate(page, 'Add a pain point to Segment 1');
  await expect(page.getByLabel('Pain point', { exact: true }).nth(1)).toBeFocused();
  await page.keyboard.type('Nobody answers the phone');
  violations.push(...(await axe('wows filled')));

  await page.reload();
  await expect(page.getByLabel('Worksheet name')).toHaveValue('Retail customers');
  await expect(page.getByLabel('Pain point', { exact: true }).nth(1)).toHaveValue(
    'Nobody answers the phone',
  );
  await expect(behind.getByRole('listitem')).toHaveCount(1);

  await activate(page, 'New worksheet');
  await expect(page.getByLabel('Worksheet name')).toHaveValue('Worksheet 2');
  await expect(page.getByLabel('Open worksheet').locator('option')).toHaveCount(2);

  await chooseFile(
    page.getByLabel('Import JSON'),
    'other.json',
    '{"format":"ccn-listening-plan","version":1,"content":{}}',
  );
  await expectAlertSays(page, 'other.json:', 'Your worksheets were not changed.');
  await expect(page.getByLabel('Open worksheet').locator('option')).toHaveCount(2);
  violations.push(...(await axe('wows bad import')));

  await page.getByLabel('Open worksheet').selectOption({ label: 'Retail customers' });
  await fitsIn320ThenPrint(page);
  await expect(page.getByRole('button', { name: 'Add a segment' })).toBeHidden();
  await expect(page.locator('.print-only table')).toContainText('Refunds take weeks');
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
});

test('listening plan: suggested points, gaps by keyboard, reload, bad import, 320 px and print', async ({
  page,
  axe,
  problems,
}) => {
  // Many steps, each state checked with axe: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  await page.goto('/tools/listening-plan/');
  const gaps = page.getByRole('region', { name: 'Gaps in the plan' });
  await expect(gaps).toContainText('10 points have no owner');
  await expect(gaps).toContainText('Nothing is aggregated');
  await expect(
    gaps.getByRole('link', { name: 'Connect feedback to action' }).first(),
  ).toBeVisible();
  const violations = await axe('plan suggested');

  const lost = page.getByRole('group', { name: 'Lost deals' });
  await lost.getByLabel('Owner').focus();
  await page.keyboard.type('Head of sales');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Quarterly win-loss review');
  await expect(gaps).toContainText('9 points have no owner');
  await expect(gaps).toContainText('The combined results of 9 points go nowhere');

  await lost.getByLabel('An individual problem gets a response').focus();
  await page.keyboard.press('End'); // nobody gets back to them
  await expect(gaps).toContainText('1 point never gets back to the person who raised a problem');
  await expect(gaps.getByRole('link', { name: /Why/ })).toBeVisible();

  const employees = page.getByRole('region', { name: /Employees who serve customers/ });
  for (const name of ['What gets in the way of serving customers', 'Front-line round table']) {
    await activate(page, `Remove ${name}`);
  }
  await expect(employees).toContainText('No listening points here yet.');
  await expect(page.getByRole('button', { name: /Add a point \(employees/ })).toBeFocused();
  await expect(gaps).toContainText('No one listens to employees');
  violations.push(...(await axe('plan with gaps')));

  await page.reload();
  await expect(page.getByRole('group', { name: 'Lost deals' }).getByLabel('Owner')).toHaveValue(
    'Head of sales',
  );
  await expect(gaps).toContainText('No one listens to employees');

  await chooseFile(
    page.getByLabel('Import JSON'),
    'plan.json',
    '{"format":"ccn-listening-plan","version":1,"content":{"name":"x","points":[{"id":"l-1"}]}}',
  );
  await expectAlertSays(
    page,
    'plan.json: This listening plan is damaged',
    'Your plan was not changed.',
  );
  await expect(page.getByRole('group', { name: 'Lost deals' })).toBeVisible();
  violations.push(...(await axe('plan bad import')));

  await fitsIn320ThenPrint(page);
  await expect(page.getByRole('group', { name: 'Lost deals' })).toBeHidden();
  await expect(page.locator('.print-only table')).toContainText('Head of sales');
  await expect(gaps).toBeVisible();
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
});

test('the tools are linked from the header, the home page and their playbook pages', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tools' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tools' })).toBeVisible();
  await page.getByRole('link', { name: 'Set goals' }).click();
  const block = page.getByRole('complementary', { name: 'Tools for this page' });
  await block.getByRole('link', { name: 'Customer Loyalty Index calculator' }).click();
  await expect(page).toHaveURL(/\/tools\/loyalty\/$/);
  await page
    .getByRole('complementary', { name: 'In the playbook' })
    .getByRole('link', { name: 'Connect the dots' })
    .click();
  await expect(page.getByRole('complementary', { name: 'Tools for this page' })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Wows and woes worksheet' })).toBeVisible();
});

test('an action in the results leads to the tool that puts it to work', async ({ page }) => {
  const bank = (await (
    await page.request.get('/navigator/banks/culture-navigator-2.json')
  ).json()) as {
    id: string;
    version: number;
    dimensions: { id: string; statements: { reverse?: boolean }[] }[];
  };
  // Measurement is the weakest dimension by far; everything else is answered favourably.
  const answers = bank.dimensions.flatMap((d) =>
    d.statements.map((s, i): AnswerValue => {
      const low = d.id === 'metrics';
      if (s.reverse === true) return low ? 5 : i % 2 === 0 ? 1 : 2;
      return low ? 1 : i % 2 === 0 ? 5 : 4;
    }),
  );
  const link = encodeResult({ bank: bank.id, version: bank.version, role: 0, answers, label: '' });
  await page.goto(`/result/#${link}`);
  const priorities = page.getByRole('region', { name: 'Priorities' });
  const action = priorities
    .getByRole('listitem')
    .filter({ hasText: /^Choose one loyalty measure/ });
  await expect(action.getByRole('link', { name: 'Read: Set goals' })).toBeVisible();
  await action.getByRole('link', { name: 'Use: Customer Loyalty Index calculator' }).click();
  await expect(page).toHaveURL(/\/tools\/loyalty\/$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Customer Loyalty Index calculator' }),
  ).toBeVisible();
});
