import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from '../support/fixtures';
import { encodeResult } from '../../src/lib/share-link';
import type { AnswerValue } from '../../src/lib/answers';
import { ORIGIN } from '../../playwright.config';
import { answerWithKeyboard, tabTo } from '../support/keyboard';

const KEY = 'ccn:workshops';
const NAME = 'Acme support, March';
const BANK_URL = '/navigator/banks/culture-navigator-2.json';

interface BankFile {
  id: string;
  version: number;
  roles: { id: string; label: string }[];
  dimensions: { id: string; name: string; statements: { id: string }[] }[];
}

/** The newest question bank: new workshops use it. */
async function latestBank(page: Page): Promise<BankFile> {
  return (await (await page.request.get(BANK_URL)).json()) as BankFile;
}

/** Axe in light and dark, with the state named in each violation. */
async function axe(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    found.push(...(await axeViolations(page, `${where} (${colorScheme})`)));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/** The answer person `p` gives to statement `s` of a section: different for each person. */
const choice = (p: number, section: number, s: number) => (p * 2 + section + s) % 5;

/** The workshop's controls are reached by their whole names, with room for its longer pages. */
const TAB = { presses: 80, exact: true };

function stored(page: Page): Promise<unknown> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as unknown, KEY);
}

test('a three-person workshop is run by keyboard, with reloads, and ends in the team view', async ({
  page,
}) => {
  test.setTimeout(360_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(`${ORIGIN}/`)) problems.push(`request to ${r.url()}`);
  });
  const bank = await latestBank(page);

  await page.goto('/workshop/');
  await expect(page.getByText('No workshops yet.')).toBeVisible();
  const violations = await axe(page, 'no workshops');

  // The facilitator names the session and starts it, by keyboard.
  await tabTo(page, 'textbox', 'Name of the session', TAB);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(/Give the workshop a name/);
  violations.push(...(await axe(page, 'name missing')));
  await page.keyboard.type(`  ${NAME}  `);
  await page.keyboard.press('Enter');

  const progress = page.getByRole('status').first();
  const heading = page.getByRole('heading', { level: 2 });
  for (let p = 0; p < 3; p += 1) {
    await expect(heading).toHaveText('About you');
    await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
    if (p === 0) violations.push(...(await axe(page, 'about you')));
    // Role first: Space picks the first, arrows move on.
    await tabTo(page, 'radio', bank.roles[0]?.label ?? '', TAB);
    await page.keyboard.press('Space');
    for (let k = 0; k < p; k += 1) await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: bank.roles[p]?.label ?? '' })).toBeChecked();
    await tabTo(page, 'button', 'Next', TAB);
    await page.keyboard.press('Enter');

    for (let section = 0; ; section += 1) {
      await expect(progress).toHaveText(/^Section \d+ of \d+$/);
      await expect(heading).toBeFocused();
      await answerWithKeyboard(page, (s) => choice(p, section, s), { presses: 14 });
      if (p === 0 && section === 0) violations.push(...(await axe(page, 'a section')));
      if (p === 1 && section === 1) {
        // A reload in the middle of a participant's answers loses nothing.
        const before = await progress.textContent();
        await page.reload();
        await expect(progress).toHaveText(before ?? '');
        const groups = page.locator('form fieldset');
        for (let s = 0; s < (await groups.count()); s += 1) {
          await expect(
            groups
              .nth(s)
              .getByRole('radio')
              .nth(choice(p, section, s)),
          ).toBeChecked();
        }
      }
      const submit = page.getByRole('button', { name: 'Submit and hand over' });
      if (await submit.isVisible()) {
        await tabTo(page, 'button', 'Submit and hand over', TAB);
        await page.keyboard.press('Enter');
        break;
      }
      await tabTo(page, 'button', 'Next', TAB);
      await page.keyboard.press('Enter');
    }

    await expect(heading).toHaveText('Thank you: please pass the device to the next person');
    await expect(heading).toBeFocused();
    const count = `${p + 1} ${p === 0 ? 'person has' : 'people have'} taken part so far.`;
    await expect(page.getByText(count)).toBeVisible();
    if (p === 0) violations.push(...(await axe(page, 'hand-over')));
    // Nothing of the person's answers is left in storage: only the pool's links.
    const saved = (await stored(page)) as {
      workshops: { links: string[]; participant: unknown }[];
    };
    expect(saved.workshops[0]?.participant).toBeNull();
    expect(saved.workshops[0]?.links).toHaveLength(p + 1);
    expect(JSON.stringify(saved)).not.toContain('answers');

    // Back leaves the workshop (no screen of the person was ever a history entry); coming
    // forward again shows the hand-over screen, and no answer anywhere.
    await page.goBack();
    expect(page.url()).not.toContain('/workshop/');
    await page.goForward();
    await expect(page.getByText(count)).toBeVisible();
    await expect(page.getByRole('radio')).toHaveCount(0);
    expect(new URL(page.url()).hash).toBe('');

    // A reload between participants loses nothing.
    await page.reload();
    await expect(heading).toHaveText('Ready for the next person');
    await expect(page.getByText(count)).toBeVisible();
    if (p < 2) {
      await tabTo(page, 'button', 'Start the next participant', TAB);
      await page.keyboard.press('Enter');
    }
  }

  // Finish: the team view of everyone who took part, with the count stated.
  await tabTo(page, 'button', 'Finish workshop', TAB);
  await page.keyboard.press('Enter');
  await expect(heading.first()).toHaveText(`Team view: ${NAME}`);
  await expect(page.getByText('3 respondents took part in this workshop.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '3 results read.' })).toBeVisible();
  violations.push(...(await axe(page, 'team view')));

  // Export: a links file with the three result links, which the team view reads.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export links file' }).click(),
  ]);
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  expect(text.match(/\/result\/#r1\.[\w-]+/g)).toHaveLength(3);
  expect(download.suggestedFilename()).toMatch(/^culture-navigator-acme-support-march-links-/);
  await page.goto('/team/');
  await expect(page.locator('astro-island:not([ssr])')).toHaveCount(1);
  await page.locator('input[type="file"]').setInputFiles(path);
  await expect(page.getByRole('status').filter({ hasText: '3 results read.' })).toBeVisible();

  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
});

/** Three results of the latest bank, as a workshop's pool. */
function pool(bank: BankFile): string[] {
  const count = bank.dimensions.reduce((sum, d) => sum + d.statements.length, 0);
  return [0, 1, 2].map((p) =>
    encodeResult({
      bank: bank.id,
      version: bank.version,
      role: p,
      answers: Array.from({ length: count }, (_, i) => (1 + ((i + p) % 5)) as AnswerValue),
      label: NAME,
    }),
  );
}

async function seed(page: Page, bank: BankFile, active: boolean): Promise<void> {
  await page.goto('/workshop/');
  await page.evaluate(
    ([key, value]) => {
      localStorage.setItem(key, value);
    },
    [
      KEY,
      JSON.stringify({
        active: active ? 'ws-seeded' : null,
        workshops: [
          {
            id: 'ws-seeded',
            name: NAME,
            created: '2026-03-02T09:30:00.000Z',
            bank: { id: bank.id, version: bank.version },
            links: pool(bank),
            participant: null,
          },
        ],
      }),
    ] as const,
  );
  await page.reload();
}

test('a workshop is reopened, continued and deleted only after confirming', async ({ page }) => {
  test.setTimeout(120_000);
  const bank = await latestBank(page);
  await seed(page, bank, false);
  await expect(page.getByText('3 people have taken part.')).toBeVisible();
  const violations = await axe(page, 'list');

  await page.getByRole('button', { name: `Reopen ${NAME}` }).click();
  await expect(page.getByRole('heading', { name: 'Ready for the next person' })).toBeFocused();
  await page.getByRole('button', { name: 'Start the next participant' }).click();
  await page.getByRole('radio', { name: bank.roles[1]?.label ?? '' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  const section = await page.getByRole('heading', { level: 2 }).textContent();
  await page.getByRole('button', { name: 'All workshops' }).click();
  await expect(page.getByText(/someone was answering when it was left/)).toBeVisible();

  // Continue: the person answering is back where they were, with their role.
  await page.getByRole('button', { name: `Continue ${NAME}` }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(section ?? '');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('radio', { name: bank.roles[1]?.label ?? '' })).toBeChecked();

  // Discarding the person answering keeps the pool.
  await page.getByRole('button', { name: 'Discard these answers' }).click();
  const discard = page.getByRole('dialog', { name: 'Discard these answers?' });
  await expect(discard).toBeVisible();
  violations.push(...(await axe(page, 'discard dialog')));
  await discard.getByRole('button', { name: 'Discard the answers' }).click();
  await expect(page.getByText('3 people have taken part so far.')).toBeVisible();

  // Delete asks first; keeping it changes nothing.
  await page.getByRole('button', { name: 'All workshops' }).click();
  await page.getByRole('button', { name: `Delete ${NAME}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete the workshop “${NAME}”?` });
  await expect(dialog).toBeVisible();
  violations.push(...(await axe(page, 'delete dialog')));
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { level: 3, name: NAME })).toBeVisible();
  await page.getByRole('button', { name: `Delete ${NAME}` }).click();
  await dialog.getByRole('button', { name: 'Delete the workshop' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was deleted' })).toBeVisible();
  await expect(page.getByText('No workshops yet.')).toBeVisible();
  expect(((await stored(page)) as { workshops: unknown[] }).workshops).toEqual([]);
  expect(violations).toEqual([]);
});

test('the workshop reads at 320 px in every state, in light and dark', async ({ page }) => {
  test.setTimeout(120_000);
  const bank = await latestBank(page);
  await page.setViewportSize({ width: 320, height: 640 });
  const tooWide: string[] = [];
  const check = async (where: string) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) tooWide.push(`${where} (${colorScheme}): ${width}px`);
    }
  };
  await seed(page, bank, false);
  await expect(page.getByText('3 people have taken part.')).toBeVisible();
  await check('list');
  await page.getByRole('button', { name: `Reopen ${NAME}` }).click();
  await check('hand-over');
  await page.getByRole('button', { name: 'Start the next participant' }).click();
  await page.getByRole('radio', { name: bank.roles[0]?.label ?? '' }).check();
  await check('about you');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('status').first()).toHaveText(/^Section 1 of/);
  await check('section');
  await page.getByRole('button', { name: 'Discard these answers' }).click();
  await page.getByRole('button', { name: 'Discard the answers' }).click();
  await page.getByRole('button', { name: 'Finish workshop' }).click();
  await expect(page.getByText('3 respondents took part in this workshop.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '3 results read.' })).toBeVisible();
  await check('team view');
  const violations = await axe(page, 'team view at 320 px');
  expect(tooWide).toEqual([]);
  expect(violations).toEqual([]);
});
