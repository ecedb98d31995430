import { ORIGIN } from '../../playwright.config';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
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

async function axe(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map(
    (v) => `${where}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Presses Tab until the focused element matches, failing after a bounded number of presses. */
async function tabTo(page: Page, role: 'button' | 'radio', name: string | RegExp): Promise<void> {
  const target = page.getByRole(role, { name });
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${role} "${String(name)}"`);
}

/** Answers every statement on the current screen with the keyboard: Tab, Space, arrows. */
async function answerWithKeyboard(page: Page, section: number): Promise<void> {
  const groups = page.locator('form fieldset');
  const count = await groups.count();
  for (let s = 0; s < count; s += 1) {
    const first = groups.nth(s).getByRole('radio').first();
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Tab');
      if (await first.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(first).toBeFocused();
    await page.keyboard.press('Space');
    for (let k = 0; k < choice(section, s); k += 1) await page.keyboard.press('ArrowRight');
    await expect(groups.nth(s).getByRole('radio').nth(choice(section, s))).toBeChecked();
  }
}

test('the questionnaire is completed with the keyboard alone, survives a reload and scores correctly', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(`${ORIGIN}/`)) problems.push(`request to ${r.url()}`);
  });
  const bank = (await (await request.get(BANK_URL)).json()) as BankFile;
  const total = bank.dimensions.length;

  await page.goto('/navigator/');
  // The progress line is the page's first status region; the results add their own below it.
  const status = page.getByRole('status').first();
  await expect(status).toHaveText(`About you, before section 1 of ${total}`);
  const violations = await axe(page, 'about you');

  // Role by keyboard: Tab into the group, Space selects the first, arrows move on.
  await tabTo(page, 'radio', 'Executive');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Manager' })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Acme customer care');
  await page.keyboard.press('Enter');

  for (let section = 0; section < total; section += 1) {
    await expect(status).toHaveText(`Section ${section + 1} of ${total}`);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(
      bank.dimensions[section]?.name ?? '',
    );
    await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
    await answerWithKeyboard(page, section);
    violations.push(...(await axe(page, `section ${section + 1}`)));
    if (section === 4) {
      await page.reload();
      await expect(status).toHaveText(`Section 5 of ${total}`);
      for (let s = 0; s < (bank.dimensions[4]?.statements.length ?? 0); s += 1) {
        const group = page.locator('form fieldset').nth(s);
        await expect(group.getByRole('radio').nth(choice(4, s))).toBeChecked();
      }
      await page.getByRole('button', { name: 'Back' }).focus();
      await page.keyboard.press('Enter');
      await expect(status).toHaveText(`Section 4 of ${total}`);
      const group = page.locator('form fieldset').first();
      await expect(group.getByRole('radio').nth(choice(3, 0))).toBeChecked();
      await tabTo(page, 'button', 'Next');
      await page.keyboard.press('Enter');
      await expect(status).toHaveText(`Section 5 of ${total}`);
    }
    const last = section === total - 1;
    await tabTo(page, 'button', last ? 'See my results' : 'Next');
    await page.keyboard.press('Enter');
  }

  await expect(status).toHaveText(`Results: all ${total} sections done`);
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
  violations.push(...(await axe(page, 'results')));
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

test('error states and the start-over dialog have no axe violations', async ({ page }) => {
  await page.goto('/navigator/');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose your role to continue.');
  const violations = await axe(page, 'role error');
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByRole('dialog', { name: 'Start over?' })).toBeVisible();
  violations.push(...(await axe(page, 'start over dialog')));
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

test('damaged saved answers give a clear message and the page still works', async ({ page }) => {
  await page.goto('/navigator/');
  await page.evaluate(() => {
    localStorage.setItem('ccn:navigator:session', '{"bank":');
  });
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Your saved answers could not be read');
  await page.getByRole('radio', { name: 'Manager' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Section 1 of/);
  expect(await new AxeBuilder({ page }).withTags(TAGS).analyze()).toHaveProperty('violations', []);
});

test('a playbook page opens the navigator section that measures it', async ({ page }) => {
  await page.goto('/navigator/');
  await page.getByRole('radio', { name: 'Executive' }).check();
  await page.goto('/playbook/set-goals/');
  await page.getByRole('link', { name: 'Metrics and goals' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Metrics and goals');
  await expect(page.getByRole('status')).toHaveText(/^Section \d of 9$/);
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
  await page.goto('/navigator/');
  await page.evaluate(
    (session) => {
      localStorage.setItem('ccn:navigator:session', JSON.stringify(session));
    },
    { bank: bank.id, version: bank.version, role: 'manager', label: 'Acme', answers, screen: 10 },
  );
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
