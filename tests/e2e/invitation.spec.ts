import type { Browser, Page } from '@playwright/test';
import { axeViolations, expect, test } from '../support/fixtures';
import { answerWithKeyboard, tabTo } from '../support/keyboard';

const TEAM = 'Acme Customer Care';
const FACILITATOR = 'sam@example.org';
/** Tab presses before a control counts as unreachable; this spec has always allowed 80. */
const TAB = { presses: 80 };

/** Whether the page scrolls sideways at its current width. */
function overflows(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

/** Makes an invitation the way a facilitator does: /team/, "Create invitation", the form. */
async function makeInvitation(page: Page, violations: string[]): Promise<string> {
  await page.goto('/team/');
  await page.getByRole('link', { name: 'Create invitation' }).click();
  await expect(page).toHaveURL(/\/team\/invitation\/$/);
  await page.getByRole('textbox', { name: /Team or organisation name/ }).fill(TEAM);
  await page.getByRole('textbox', { name: /Your e-mail/ }).fill(FACILITATOR);
  await page.getByLabel('Closing date (optional)').fill('2099-06-30');
  await page
    .getByRole('textbox', { name: /Message to respondents/ })
    .fill('Please be candid: we want to find where we fall short.');
  await page.getByRole('button', { name: 'Create invitation' }).click();
  const field = page.getByRole('textbox', { name: 'Invitation link' });
  await expect(field).toHaveValue(/\/navigator\/#i1\./);
  violations.push(...(await axeViolations(page, 'invitation sheet')));
  return field.inputValue();
}

/** A browser context that shares nothing with the facilitator's: another person's browser. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('an invitation made on /team/ is opened in a fresh browser, completed by keyboard and sent back to the facilitator', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const violations: string[] = [];
  const link = await makeInvitation(page, violations);

  const respondent = await freshPage(browser);
  const problems: string[] = [];
  respondent.on('pageerror', (e) => problems.push(e.message));
  await respondent.goto(link);
  const banner = respondent.getByRole('region', { name: `You are answering for ${TEAM}` });
  await expect(banner).toContainText('Please be candid');
  await expect(banner).toContainText('Please answer by 30 June 2099.');
  await expect(banner).toContainText(`Sent by ${FACILITATOR}.`);
  await expect(respondent.getByRole('textbox', { name: /Organisation or team/ })).toHaveValue(TEAM);
  await expect(respondent).toHaveURL(/#about-you$/);
  violations.push(...(await axeViolations(respondent, 'invited, about you')));
  await respondent.setViewportSize({ width: 320, height: 640 });
  expect(await overflows(respondent)).toBe(false);
  await respondent.setViewportSize({ width: 1280, height: 800 });

  // A reload keeps the invitation and the label.
  await respondent.reload();
  await expect(banner).toBeVisible();
  await expect(respondent.getByRole('textbox', { name: /Organisation or team/ })).toHaveValue(TEAM);

  // The whole questionnaire by keyboard.
  await tabTo(respondent, 'radio', 'Executive', TAB);
  await respondent.keyboard.press('Space');
  await respondent.keyboard.press('ArrowDown');
  await expect(respondent.getByRole('radio', { name: 'Manager' })).toBeChecked();
  await respondent.keyboard.press('Enter');
  const status = respondent.getByRole('status').first();
  await expect(status).toHaveText(/^Section 1 of (\d+)/);
  const total = Number(/of (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
  for (let section = 0; section < total; section += 1) {
    await expect(status).toHaveText(new RegExp(`^Section ${section + 1} of ${total}`));
    await expect(respondent.getByText(`Answering for ${TEAM}, by 30 June 2099.`)).toBeVisible();
    await answerWithKeyboard(respondent, (s) => (section + s * 3) % 5, { expectFocus: false });
    await tabTo(respondent, 'button', section === total - 1 ? 'See my results' : 'Next', TAB);
    await respondent.keyboard.press('Enter');
  }
  await expect(status).toHaveText(/^Results/);

  const panel = respondent.getByRole('region', { name: `Send your result for ${TEAM}` });
  const send = panel.getByRole('link', { name: 'Send to facilitator' });
  const mailto = new URL((await send.getAttribute('href')) ?? '');
  expect(mailto.protocol).toBe('mailto:');
  expect(decodeURIComponent(mailto.pathname)).toBe(FACILITATOR);
  expect(mailto.searchParams.get('subject')).toContain(TEAM);
  const resultLink = /https?:\/\/\S+\/result\/#r1\.\S+/.exec(mailto.searchParams.get('body') ?? '');
  expect(resultLink).not.toBeNull();
  // The link in the e-mail is the one on the page.
  await expect(respondent.getByRole('textbox', { name: 'Share link' })).toHaveValue(
    resultLink?.[0] ?? '',
  );
  await panel.getByRole('button', { name: 'Show QR code' }).click();
  await expect(panel.getByRole('img', { name: 'QR code of your result link' })).toBeVisible();
  violations.push(...(await axeViolations(respondent, 'invited, results')));
  await respondent.setViewportSize({ width: 320, height: 640 });
  expect(await overflows(respondent)).toBe(false);
  await respondent.setViewportSize({ width: 1280, height: 800 });
  // The panel is for the screen only: the printed report stays as it was.
  await respondent.emulateMedia({ media: 'print' });
  await expect(panel).toBeHidden();
  const pdf = await respondent.pdf({ format: 'A4' });
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeLessThanOrEqual(
    3,
  );
  await respondent.emulateMedia({ media: 'screen' });

  // The facilitator opens the link from the e-mail and sees the same index.
  const index = (await respondent.locator('.index').textContent()) ?? '';
  expect(index).toMatch(/\d/);
  await page.goto(resultLink?.[0] ?? '');
  await expect(page.locator('.index')).toHaveText(index);
  await expect(page.getByText(TEAM).first()).toBeVisible();

  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
  await respondent.context().close();
});

test('an invitation never replaces a questionnaire in progress without asking', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const violations: string[] = [];
  const link = await makeInvitation(page, violations);

  const respondent = await freshPage(browser);
  await respondent.goto('/navigator/');
  await respondent.getByRole('radio', { name: 'Manager' }).check();
  await respondent.getByRole('textbox', { name: /Organisation or team/ }).fill('Globex');
  await respondent.getByRole('button', { name: 'Next' }).click();
  await respondent.locator('form fieldset').first().getByRole('radio').nth(3).check();

  await respondent.goto(link);
  const dialog = respondent.getByRole('dialog', {
    name: `Start a new questionnaire for ${TEAM}?`,
  });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('1 answer and the label “Globex”');
  // The safe choice has the focus: Enter keeps everything.
  await expect(dialog.getByRole('button', { name: 'Keep my current answers' })).toBeFocused();
  violations.push(...(await axeViolations(respondent, 'ask before replacing')));
  await respondent.setViewportSize({ width: 320, height: 640 });
  expect(await overflows(respondent)).toBe(false);
  await respondent.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(respondent.getByText(/was not used/)).toBeVisible();
  await expect(respondent.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(respondent.getByRole('region', { name: /You are answering for/ })).toHaveCount(0);
  violations.push(...(await axeViolations(respondent, 'kept')));
  await respondent.setViewportSize({ width: 1280, height: 800 });
  await respondent.reload();
  await expect(respondent.locator('form fieldset').first().getByRole('radio').nth(3)).toBeChecked();

  // The link again; this time the respondent starts a new questionnaire for the team.
  await respondent.goto(link);
  await expect(dialog).toBeVisible();
  await respondent.keyboard.press('Shift+Tab');
  await expect(
    dialog.getByRole('button', { name: `Start a new questionnaire for ${TEAM}` }),
  ).toBeFocused();
  await respondent.keyboard.press('Enter');
  await expect(
    respondent.getByRole('region', { name: `You are answering for ${TEAM}` }),
  ).toBeVisible();
  await expect(respondent.getByRole('heading', { level: 2, name: 'About you' })).toBeFocused();
  await expect(respondent.getByRole('textbox', { name: /Organisation or team/ })).toHaveValue(TEAM);
  await expect(respondent.getByRole('radio', { name: 'Manager' })).not.toBeChecked();
  violations.push(...(await axeViolations(respondent, 'started for the team')));

  // A damaged link says so, and the questionnaire carries on.
  await respondent.goto(link.slice(0, -8));
  await expect(respondent.getByRole('alert')).toContainText('cut or changed');
  await expect(respondent.getByRole('radio', { name: 'Manager' })).toBeVisible();
  violations.push(...(await axeViolations(respondent, 'damaged link')));
  expect(violations).toEqual([]);
  await respondent.context().close();
});
