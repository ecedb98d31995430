import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { answerWithKeyboard, tabTo } from '../support/keyboard';

// New questionnaires use the newest bank version (v2 since issue 7).
const BANK_URL = '/navigator/banks/culture-navigator-2.json';

interface BankFile {
  scale: { value: number; label: string }[];
  dontKnow: string;
  stages: { name: string; min: number }[];
  dimensions: { id: string; name: string; statements: { id: string; reverse: boolean }[] }[];
}

/** The answer the test gives: option index 0–5 (5 = don't know), varied by position. */
function choice(section: number, statement: number): number {
  // Mostly on the scale, with a "don't know" now and then.
  return (section * 3 + statement * 2) % 7 === 6 ? 5 : (section + statement * 3) % 5;
}

/**
 * Scores the response independently of the site's code, from the rules on /method/:
 * item = (answer − 1) × 25, flipped for reverse items; dimension = mean when at least half are
 * scored; index = mean of unrounded dimension means, rounded.
 */
function expected(bank: BankFile) {
  const exact = bank.dimensions.map((dimension, d) => {
    const scores = dimension.statements.flatMap((statement, s) => {
      const option = choice(d, s);
      if (option === 5) return [];
      const answer = option + 1;
      return [statement.reverse ? (5 - answer) * 25 : (answer - 1) * 25];
    });
    if (scores.length * 2 < dimension.statements.length) return null;
    return scores.reduce((a, b) => a + b, 0) / scores.length;
  });
  const scored = exact.filter((value): value is number => value !== null);
  const index = Math.round(scored.reduce((a, b) => a + b, 0) / scored.length);
  return { dimensions: exact.map((v) => (v === null ? null : Math.round(v))), index };
}

test('the questionnaire is completed with the keyboard alone, survives a reload and scores correctly', async ({
  page,
  request,
  axe,
  problems,
}) => {
  test.setTimeout(120_000);
  const bank = (await (await request.get(BANK_URL)).json()) as BankFile;
  const total = bank.dimensions.length;

  await page.goto('/navigator/');
  // The progress line is the page's first status region; the results add their own below it.
  const status = page.getByRole('status').first();
  await expect(status).toHaveText(`About you, before section 1 of ${total}`);
  const violations = await axe('about you');

  // Role by keyboard: Tab into the group, Space selects the first, arrows move on.
  await tabTo(page, 'radio', 'Executive');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Manager' })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Acme customer care');
  await page.keyboard.press('Enter');

  for (let section = 0; section < total; section += 1) {
    // The progress says how many sections are still unseen, and never claims one that was not.
    const unseen = total - section - 1;
    await expect(status).toHaveText(
      `Section ${section + 1} of ${total}${unseen > 0 ? `, ${unseen} not seen yet` : ''}`,
    );
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(
      bank.dimensions[section]?.name ?? '',
    );
    await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
    await answerWithKeyboard(page, (s) => choice(section, s));
    violations.push(...(await axe(`section ${section + 1}`)));
    if (section === 4) {
      await page.reload();
      await expect(status).toHaveText(`Section 5 of ${total}, ${total - 5} not seen yet`);
      for (let s = 0; s < (bank.dimensions[4]?.statements.length ?? 0); s += 1) {
        const group = page.locator('form fieldset').nth(s);
        await expect(group.getByRole('radio').nth(choice(4, s))).toBeChecked();
      }
      await page.getByRole('button', { name: 'Back' }).focus();
      await page.keyboard.press('Enter');
      await expect(status).toHaveText(`Section 4 of ${total}, ${total - 5} not seen yet`);
      const group = page.locator('form fieldset').first();
      await expect(group.getByRole('radio').nth(choice(3, 0))).toBeChecked();
      await tabTo(page, 'button', 'Next');
      await page.keyboard.press('Enter');
      await expect(status).toHaveText(`Section 5 of ${total}, ${total - 5} not seen yet`);
    }
    const last = section === total - 1;
    await tabTo(page, 'button', last ? 'See my results' : 'Next');
    await page.keyboard.press('Enter');
  }

  await expect(status).toHaveText(`Results: all ${total} sections scored`);
  const want = expected(bank);
  const index = page.locator('.index');
  await expect(index).toContainText('Overall index');
  await expect(index).toContainText(String(want.index));
  const rows = page.getByRole('table').getByRole('row');
  for (const [d, dimension] of bank.dimensions.entries()) {
    const row = rows.filter({
      has: page.getByRole('rowheader', { name: dimension.name, exact: true }),
    });
    await expect(row.getByRole('cell').first()).toHaveText(
      String(want.dimensions[d] ?? 'Not enough answers'),
    );
  }
  const stage = [...bank.stages].reverse().find((s) => s.min <= want.index);
  await expect(page.locator('.stage-name')).toHaveText(stage?.name ?? '');
  await expect(page.getByRole('img', { name: /^Bar chart of the score out of 100/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Priorities' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Strengths to build on' })).toBeVisible();
  violations.push(...(await axe('results')));
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
});

test('a priority action links to an existing playbook page', async ({ page }) => {
  await page.goto('/navigator/');
  await page.getByRole('radio', { name: 'Manager' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  for (let i = 0; i < 9; i += 1) {
    for (const group of await page.locator('form fieldset').all()) {
      await group.getByRole('radio', { name: 'Disagree', exact: true }).check();
    }
    await page.getByRole('button', { name: i === 8 ? 'See my results' : 'Next' }).click();
  }
  const link = page.getByRole('link', { name: /^Read: / }).first();
  const target = await link.getAttribute('href');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${target ?? ''}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page).not.toHaveTitle(/not found/i);
});

test('error states and the start-over dialog have no axe violations', async ({ page, axe }) => {
  await page.goto('/navigator/');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose your role to continue.');
  const violations = await axe('role error');
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByRole('dialog', { name: 'Start over?' })).toBeVisible();
  violations.push(...(await axe('start over dialog')));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  expect(violations).toEqual([]);
});

test('start over asks first, then clears every answer', async ({ page }) => {
  await page.goto('/navigator/');
  await page.getByRole('radio', { name: 'Other' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.locator('form fieldset').first().getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Keep my answers' }).click();
  await expect(page.locator('form fieldset').first().getByRole('radio').first()).toBeChecked();
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Clear my answers' }).click();
  await expect(page.getByRole('status')).toHaveText(/^About you/);
  await expect(page.getByRole('radio', { name: 'Other' })).not.toBeChecked();
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Other' })).not.toBeChecked();
});

test('damaged saved answers give a clear message and the page still works', async ({
  page,
  axe,
}) => {
  // Damaged from a page without the questionnaire: on /navigator/ the island, still hydrating,
  // could save its own place over the damaged value before the reload (seen once in four runs).
  await page.goto('/privacy/');
  await page.evaluate(() => {
    localStorage.setItem('ccn:navigator:session', '{"bank":');
  });
  await page.goto('/navigator/');
  await expect(page.getByRole('alert')).toContainText('Your saved answers could not be read');
  await page.getByRole('radio', { name: 'Manager' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Section 1 of/);
  expect(await axe()).toEqual([]);
});

test('a playbook page opens the navigator section that measures it', async ({ page }) => {
  await page.goto('/navigator/');
  await page.getByRole('radio', { name: 'Executive' }).check();
  await page.goto('/playbook/set-goals/');
  await page.getByRole('link', { name: 'Metrics and goals' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Metrics and goals');
  await expect(page.getByRole('status')).toHaveText(/^Section \d of 9, 8 not seen yet$/);
});

test('without JavaScript, the navigator page explains what it needs', async ({ request }) => {
  // Headless Chromium still parses <noscript> as text when scripts are disabled by emulation,
  // so read the markup a browser without JavaScript would render.
  const html = await (await request.get('/navigator/')).text();
  const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)?.[1] ?? '';
  expect(noscript).toContain('The Navigator needs JavaScript.');
  expect(noscript).toMatch(/<a href="\/playbook\/"[^>]*>playbook<\/a>/);
});

test('the results print as a clean report of at most three A4 pages', async ({ page, request }) => {
  const bank = (await (await request.get(BANK_URL)).json()) as BankFile & {
    id: string;
    version: number;
  };
  const answers = Object.fromEntries(
    bank.dimensions.flatMap((d, i) => d.statements.map((s, j) => [s.id, 1 + ((i + j) % 5)])),
  );
  // Seeded from a page without the questionnaire: on /navigator/ the island, still hydrating,
  // would save its own place (About you) over the seeded session.
  await page.goto('/privacy/');
  await page.evaluate(
    (session) => {
      localStorage.setItem('ccn:navigator:session', JSON.stringify(session));
    },
    { bank: bank.id, version: bank.version, role: 'manager', label: 'Acme', answers, screen: 10 },
  );
  // The address names the screen: open the saved session at its results.
  await page.goto('/navigator/#results');
  await page.reload();
  await expect(page.getByRole('img', { name: /^Bar chart/ })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Start over' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  // The report is a titled, dated document of two or three pages (issue 7).
  expect(pages.length).toBeLessThanOrEqual(3);
});

/** Ids and names of the sections in the bank new questionnaires use. */
async function sections(request: import('@playwright/test').APIRequestContext) {
  const bank = (await (await request.get(BANK_URL)).json()) as BankFile;
  return bank.dimensions.map((d) => ({ id: d.id, name: d.name, count: d.statements.length }));
}

/** Answers the screen's statements with a spread of answers (no pattern the checks flag). */
async function answerVaried(page: Page, section: number): Promise<void> {
  const scale = [
    'Strongly disagree',
    'Disagree',
    'Neither agree nor disagree',
    'Agree',
    'Strongly agree',
  ];
  for (const [i, group] of (await page.locator('form fieldset').all()).entries()) {
    const name = scale[(section * 2 + i * 3) % scale.length] ?? 'Agree';
    await group.getByRole('radio', { name, exact: true }).check();
  }
}

function storedHistory(page: Page): Promise<{ run?: string; fragment: string }[]> {
  return page.evaluate(
    () => JSON.parse(localStorage.getItem('ccn:history') ?? '[]') as { fragment: string }[],
  );
}

test("the home page's main button opens the questionnaire", async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Start with where you stand' }).click();
  await expect(page).toHaveURL(/\/navigator\/#about-you$/);
  await expect(page.getByRole('heading', { level: 2, name: 'About you' })).toBeVisible();
});

test('a link to a section opens it, yet every section is visited before the results', async ({
  page,
  request,
}) => {
  const all = await sections(request);
  const status = page.getByRole('status').first();
  await page.goto('/navigator/#listening');
  await expect(status).toHaveText(`About you, before section 1 of ${all.length}`);
  await expect(page).toHaveURL(/#listening$/);
  await page.getByRole('radio', { name: 'Manager' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  const heading = page.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText(all[2]?.name ?? '');
  await expect(status).toHaveText(`Section 3 of ${all.length}, ${all.length - 1} not seen yet`);
  const visited = [all[2]?.id];
  for (let i = 1; i < all.length; i += 1) {
    await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    visited.push(new URL(page.url()).hash.slice(1));
  }
  // After the linked section: the rest in order, then round to the start (Leadership and Ideal
  // customer included), and only then the way to the results.
  expect(visited).toEqual([...all.slice(2), ...all.slice(0, 2)].map((d) => d.id));
  await expect(status).toHaveText(`Section 2 of ${all.length}`);
  await expect(page.getByRole('button', { name: 'See my results' })).toBeVisible();
});

test('the address follows the section: reload keeps the place, browser Back and Forward move between sections', async ({
  page,
  request,
}) => {
  const all = await sections(request);
  const heading = page.getByRole('heading', { level: 2 });
  await page.goto('/navigator/');
  await expect(page).toHaveURL(/#about-you$/);
  await page.getByRole('radio', { name: 'Front-line employee' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(new RegExp(`#${all[0]?.id}$`));
  await page
    .locator('form fieldset')
    .first()
    .getByRole('radio', { name: 'Agree', exact: true })
    .check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(heading).toHaveText(all[2]?.name ?? '');
  await expect(page).toHaveURL(new RegExp(`#${all[2]?.id}$`));

  await page.reload();
  await expect(heading).toHaveText(all[2]?.name ?? '');

  await page.goBack();
  await expect(heading).toHaveText(all[1]?.name ?? '');
  await expect(heading).toBeFocused();
  await page.goBack();
  await expect(heading).toHaveText(all[0]?.name ?? '');
  await expect(
    page.locator('form fieldset').first().getByRole('radio', { name: 'Agree', exact: true }),
  ).toBeChecked();
  await page.goBack();
  await expect(heading).toHaveText('About you');
  await page.goForward();
  await page.goForward();
  await expect(heading).toHaveText(all[1]?.name ?? '');
  // The in-page Back button stays, and the address follows it too.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(heading).toHaveText(all[0]?.name ?? '');
  await expect(page).toHaveURL(new RegExp(`#${all[0]?.id}$`));
  await page.reload();
  await expect(heading).toHaveText(all[0]?.name ?? '');
});

test('an empty run gets no result: the sections that need answers are named', async ({
  page,
  request,
  axe,
}) => {
  const all = await sections(request);
  await page.goto('/navigator/');
  await page.getByRole('radio', { name: 'Executive' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  for (let i = 1; i < all.length; i += 1) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'See my results' }).click();
  const message = page.getByRole('region', { name: 'Not enough answers for a result yet' });
  await expect(message).toBeFocused();
  await expect(message.getByRole('listitem')).toHaveCount(all.length);
  await expect(message).toContainText(`${all[0]?.name}: 0 of ${all[0]?.count} answered`);
  await expect(page.getByRole('status').first()).toHaveText(
    `Section ${all.length} of ${all.length}`,
  );
  await expect(page).toHaveURL(new RegExp(`#${all.at(-1)?.id}$`));
  const violations = await axe('not enough answers');
  expect(await storedHistory(page)).toEqual([]);
  // Each named section is one click away.
  await message.getByRole('link', { name: all[3]?.name ?? '' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(all[3]?.name ?? '');
  await expect(message).toBeHidden();
  expect(violations).toEqual([]);
});

test('going back from the results to change an answer updates the same history entry', async ({
  page,
  request,
}) => {
  const all = await sections(request);
  await page.goto('/navigator/');
  await page.getByRole('radio', { name: 'Manager' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  for (let i = 0; i < all.length; i += 1) {
    await answerVaried(page, i);
    await page
      .getByRole('button', { name: i === all.length - 1 ? 'See my results' : 'Next' })
      .click();
  }
  await expect(page.locator('.index')).toContainText('Overall index');
  await expect(page).toHaveURL(/#results$/);
  const first = await storedHistory(page);
  expect(first).toHaveLength(1);
  expect(first[0]?.run).toMatch(/^[\w-]{8,64}$/);

  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(all.at(-1)?.name ?? '');
  await page.locator('form fieldset').first().getByRole('radio', { name: "Don't know" }).check();
  await page.getByRole('button', { name: 'See my results' }).click();
  await expect(page.locator('.index')).toContainText('Overall index');
  const second = await storedHistory(page);
  expect(second).toHaveLength(1);
  expect(second[0]?.run).toBe(first[0]?.run);
  expect(second[0]?.fragment).not.toBe(first[0]?.fragment);
  // A reload of the results, and browser Back and Forward through them, add nothing either.
  await page.reload();
  await expect(page.locator('.index')).toContainText('Overall index');
  await page.goBack();
  await page.goForward();
  await expect(page.locator('.index')).toContainText('Overall index');
  expect(await storedHistory(page)).toHaveLength(1);
  await page.goto('/history/');
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
});

test('two tabs answering at the same moment keep every answer', async ({ context, request }) => {
  test.setTimeout(120_000);
  const all = await sections(request);
  const one = await context.newPage();
  await one.goto('/navigator/');
  await one.getByRole('radio', { name: 'Executive' }).check();
  await one.getByRole('button', { name: 'Next' }).click();
  const two = await context.newPage();
  // The second tab works on the second half of the questionnaire.
  const half = Math.floor(all.length / 2);
  await two.goto(`/navigator/#${all[half]?.id}`);
  await expect(two.getByRole('heading', { level: 2 })).toHaveText(all[half]?.name ?? '');
  const options = ['Strongly disagree', 'Disagree', 'Agree', 'Strongly agree', "Don't know"];
  const expected: Record<string, string> = {};
  let clicks = 0;
  for (let s = 0; s < half; s += 1) {
    // Count the statements only once both tabs show their next section, not the one they leave.
    await expect(one.getByRole('heading', { level: 2 })).toHaveText(all[s]?.name ?? '');
    await expect(two.getByRole('heading', { level: 2 })).toHaveText(all[half + s]?.name ?? '');
    const groupsOne = one.locator('form fieldset');
    const groupsTwo = two.locator('form fieldset');
    const count = Math.min(await groupsOne.count(), await groupsTwo.count());
    for (let i = 0; i < count; i += 1) {
      const a = options[(s + i) % options.length] ?? 'Agree';
      const b = options[(s + i + 2) % options.length] ?? 'Agree';
      await Promise.all([
        groupsOne.nth(i).getByRole('radio', { name: a, exact: true }).check(),
        groupsTwo.nth(i).getByRole('radio', { name: b, exact: true }).check(),
      ]);
      expected[`${all[s]?.id}:${i}`] = a;
      expected[`${all[half + s]?.id}:${i}`] = b;
      clicks += 2;
    }
    await Promise.all([
      one.getByRole('button', { name: 'Next' }).click(),
      two.getByRole('button', { name: 'Next' }).click(),
    ]);
  }
  expect(clicks).toBeGreaterThanOrEqual(40);
  const bank = (await (await request.get(BANK_URL)).json()) as BankFile;
  const values = [
    'Strongly disagree',
    'Disagree',
    'Neither agree nor disagree',
    'Agree',
    'Strongly agree',
  ];
  const want = Object.fromEntries(
    Object.entries(expected).map(([key, label]) => {
      const [section, index] = key.split(':');
      const statement = bank.dimensions.find((d) => d.id === section)?.statements[Number(index)];
      return [statement?.id ?? key, label === "Don't know" ? 0 : values.indexOf(label) + 1];
    }),
  );
  // Both tabs, and the saved copy, end with every answer either tab gave.
  for (const page of [one, two]) {
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (
              JSON.parse(localStorage.getItem('ccn:navigator:session') ?? '{}') as {
                answers: Record<string, number>;
              }
            ).answers,
        ),
      )
      .toEqual(want);
  }
  await one.goto(`/navigator/#${all[half]?.id}`);
  const firstLabel = expected[`${all[half]?.id}:0`] ?? '';
  await expect(
    one.locator('form fieldset').first().getByRole('radio', { name: firstLabel, exact: true }),
  ).toBeChecked();
});

test('on a 320 px phone the answer scale is one column in order, with the other answers after it', async ({
  page,
  axe,
}) => {
  await page.setViewportSize({ width: 320, height: 720 });
  await page.goto('/navigator/');
  await page.getByRole('radio', { name: 'Other' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  const group = page.locator('form fieldset').first();
  const names = [
    'Strongly disagree',
    'Disagree',
    'Neither agree nor disagree',
    'Agree',
    'Strongly agree',
    "Don't know",
    'Not applicable',
  ];
  await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
  const boxes = [];
  for (const name of names) {
    const label = group
      .locator('label')
      .filter({ has: page.getByRole('radio', { name, exact: true }) });
    // Page coordinates, not the viewport's: the page may still be scrolling to the heading
    // between two measurements (one failure in several runs on a busy machine).
    boxes.push(
      await label.evaluate((element) => {
        const r = element.getBoundingClientRect();
        return { x: r.x + scrollX, y: r.y + scrollY, height: r.height };
      }),
    );
  }
  const scale = boxes.slice(0, 5);
  expect(scale).toHaveLength(5);
  for (const [i, box] of scale.entries()) {
    // One column: every option starts at the same x, each below the one before.
    expect(box.x).toBeCloseTo(scale[0]?.x ?? -1, 0);
    if (i > 0) expect(box.y).toBeGreaterThan(scale[i - 1]?.y ?? Infinity);
  }
  const last = scale[4];
  for (const box of boxes.slice(5)) {
    expect(box.y).toBeGreaterThan((last?.y ?? Infinity) + (last?.height ?? 0));
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(320);
  expect(await axe('section at 320 px')).toEqual([]);
});

test('the questionnaire screens have no axe violations in the dark theme', async ({
  page,
  axe,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/navigator/');
  const violations = await axe('about you (dark)');
  await page.getByRole('radio', { name: 'Manager' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('How to answer')).toBeVisible();
  violations.push(...(await axe('first section with instructions (dark)')));
  for (let i = 0; i < 8; i += 1) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'See my results' }).click();
  await expect(page.getByRole('region', { name: /Not enough answers/ })).toBeVisible();
  violations.push(...(await axe('not enough answers (dark)')));
  expect(violations).toEqual([]);
});
