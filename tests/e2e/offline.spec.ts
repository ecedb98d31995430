import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { encodeResult } from '../../src/lib/share-link';
import type { AnswerValue } from '../../src/lib/scoring';
import { sitemapPaths } from '../support/sitemap';
import { startStaticHost } from '../support/static-server';
import { ORIGIN } from '../../playwright.config';

// The rest of the suite blocks service workers so that request routing stays visible to tests;
// these tests are about the service worker, so they let it run.
test.use({ serviceWorkers: 'allow' });

const DIST = join(import.meta.dirname, '../../dist');

/** Waits until the service worker has installed, precached the site and controls the page. */
async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * The morning visit, then the room with no Wi-Fi: opens the home page once with the network on,
 * waits until the service worker has precached the build, and cuts the network. Whatever the test
 * opens next comes from the cache alone. Returns how long the site took to become ready offline.
 * (For any feature's offline test, the workshop included: call it first, then use the feature,
 * and end with `expect(problems).toEqual([])` from the `problems` fixture.)
 */
async function visitOnceThenGoOffline(page: Page, context: BrowserContext): Promise<number> {
  const started = Date.now();
  await page.goto('/');
  await waitForOfflineReady(page);
  const ready = Date.now() - started;
  await context.setOffline(true);
  return ready;
}

interface BankFile {
  id: string;
  version: number;
  dimensions: { name: string; statements: unknown[] }[];
}

/** A question bank version, fetched by the test runner (not the page) while online. */
async function bankFile(request: APIRequestContext, version: number): Promise<BankFile> {
  const response = await request.get(`/navigator/banks/culture-navigator-${version}.json`);
  return (await response.json()) as BankFile;
}

/** A full response to `bank` as a link fragment; each `shift` gives different answers. */
function fragmentFor(bank: BankFile, shift: number, role: number): string {
  const count = bank.dimensions.reduce((sum, d) => sum + d.statements.length, 0);
  const answers = Array.from({ length: count }, (_, i) => (1 + ((i + shift) % 5)) as AnswerValue);
  return encodeResult({ bank: bank.id, version: bank.version, role, answers, label: '' });
}

/**
 * Fills in one questionnaire by clicking, from About you on: picks `role`, then answers each of
 * `sections` after checking its heading. Statement `i` of section `s` gets answer
 * `(offset + s * 2 + i * 3) % 4` of the scale's first four, so `offset` varies the answers between
 * people. Moves on with Next, and with `finish` after the last section.
 */
async function answerAs(
  page: Page,
  role: string,
  sections: BankFile['dimensions'],
  offset: number,
  finish: string,
): Promise<void> {
  await page.getByRole('radio', { name: role }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  const scale = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree'];
  for (const [s, section] of sections.entries()) {
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(section.name);
    for (const [i, group] of (await page.locator('form fieldset').all()).entries()) {
      const name = scale[(offset + s * 2 + i * 3) % scale.length] ?? 'Agree';
      await group.getByRole('radio', { name, exact: true }).check();
    }
    const last = s === sections.length - 1;
    await page.getByRole('button', { name: last ? finish : 'Next' }).click();
  }
}

test('after one visit, every page, a shared result and the navigator work with no network', async ({
  page,
  context,
  request,
  problems,
}) => {
  test.setTimeout(120_000);
  const paths = await sitemapPaths(request);
  const link = fragmentFor(await bankFile(request, 1), 0, 0);
  const ready = await visitOnceThenGoOffline(page, context);
  console.log(`offline-ready ${ready} ms after the first load`);

  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('h1').first(), path).toBeVisible();
  }
  // A path the site never had is answered with its own "not found" page, not the browser's.
  await page.goto('/no-such-page/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i);

  // Islands, their lazy chunks and the question banks all come from the cache.
  await page.goto(`/result/#${link}`);
  await expect(page.getByText('Overall index').first()).toBeVisible();

  await page.goto('/navigator/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('radio').first()).toBeVisible();
  expect(problems).toEqual([]);
});

test('with no network, the questionnaire is completed to its results', async ({
  page,
  context,
  request,
  problems,
}) => {
  test.setTimeout(120_000);
  const sections = (await bankFile(request, 2)).dimensions;
  await visitOnceThenGoOffline(page, context);

  // Nothing of the navigator was opened online: its island, the section views, the bank and,
  // at the end, the results and scoring chunks (dynamic imports) all come from the precache.
  await page.goto('/navigator/');
  await answerAs(page, 'Manager', sections, 0, 'See my results');
  await expect(page.locator('.index')).toContainText('Overall index');
  await expect(page.getByRole('region', { name: 'Priorities' })).toBeVisible();
  await expect(page).toHaveURL(/#results$/);
  expect(problems).toEqual([]);
});

test('with no network, a three-person workshop runs to its team view, with a reload between people', async ({
  page,
  context,
  request,
  problems,
}) => {
  test.setTimeout(240_000);
  const sections = (await bankFile(request, 2)).dimensions;
  await visitOnceThenGoOffline(page, context);

  // The workshop page was never opened online: its island, the participant screens, the bank,
  // the scoring and the team view all come from the precache.
  await page.goto('/workshop/');
  await page.getByRole('textbox', { name: 'Name of the session' }).fill('Offline room');
  await page.getByRole('button', { name: 'Start workshop' }).click();
  const heading = page.getByRole('heading', { level: 2 });
  const roles = ['Executive', 'Front-line employee', 'Manager'];
  for (const [p, role] of roles.entries()) {
    await expect(heading).toHaveText('About you');
    await answerAs(page, role, sections, p, 'Submit and hand over');
    await expect(heading).toHaveText('Thank you: please pass the device to the next person');
    // Reloading with no network serves the page from the cache and keeps the pool.
    await page.reload();
    await expect(heading).toHaveText('Ready for the next person');
    if (p < roles.length - 1) {
      await page.getByRole('button', { name: 'Start the next participant' }).click();
    }
  }
  await page.getByRole('button', { name: 'Finish workshop' }).click();
  await expect(page.getByText('3 respondents took part in this workshop.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '3 results read.' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('with no network, /team/ pools pasted links into its figures and chart', async ({
  page,
  context,
  request,
  problems,
}) => {
  const bank = await bankFile(request, 1);
  // Five executives and five front-line employees: enough for the perception gap's chart.
  const links = Array.from(
    { length: 10 },
    (_, i) => `Mine: ${ORIGIN}/result/#${fragmentFor(bank, i, i < 5 ? 0 : 2)}`,
  );
  await visitOnceThenGoOffline(page, context);

  await page.goto('/team/');
  await page.getByRole('textbox', { name: 'Result links' }).fill(links.join('\n'));
  await page.getByRole('button', { name: 'Analyse links' }).click();
  // The team results chunk and the chart code are loaded lazily, from the cache.
  await expect(page.getByRole('heading', { name: 'Everyone: 10 respondents' })).toBeVisible();
  await expect(page.getByRole('status').first()).toHaveText('10 results read.');
  await expect(page.getByRole('img', { name: /Chart of the perception gap/ })).toBeVisible();
  expect(problems).toEqual([]);
});

test('with no network, each tool works: a pasted survey, a worksheet row, a listening point', async ({
  page,
  context,
  problems,
}) => {
  test.setTimeout(90_000);
  await visitOnceThenGoOffline(page, context);

  // Loyalty: reading the pasted survey needs papaparse, the results and the chart chunks.
  await page.goto('/tools/loyalty/');
  await page.getByText('Paste the data instead').click();
  const survey = [
    'Recommend,Renew,Try other',
    ...Array.from({ length: 12 }, (_, i) => `${10 - (i % 6)},${9 - (i % 4)},${i % 3}`),
  ];
  await page
    .getByLabel('Survey data, header row first (comma, semicolon or tab separated)')
    .fill(survey.join('\n'));
  await page.getByRole('button', { name: 'Read the pasted data' }).click();
  await expect(page.getByRole('heading', { name: '3. Results' })).toBeVisible();
  await expect(page.getByText(/^From 12 respondents/)).toBeVisible();
  await expect(
    page.getByRole('img', { name: /Net scores with their 95 % intervals/ }),
  ).toBeVisible();

  // Wows and woes: a second pain point, kept in the browser across a reload.
  await page.goto('/tools/wows-and-woes/');
  await page.getByLabel('Pain point', { exact: true }).first().fill('Refunds take weeks');
  await page.getByRole('button', { name: 'Add a pain point to Segment 1' }).click();
  await page.getByLabel('Pain point', { exact: true }).nth(1).fill('Nobody answers the phone');
  await page.reload();
  await expect(page.getByLabel('Pain point', { exact: true }).nth(1)).toHaveValue(
    'Nobody answers the phone',
  );

  // Listening plan: a new point for employees, kept across a reload.
  await page.goto('/tools/listening-plan/');
  await page.getByRole('button', { name: /Add a point \(employees/ }).click();
  await page
    .getByRole('group', { name: 'New listening point' })
    .getByLabel('Moment listened at')
    .fill('Monthly shift huddle');
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'Monthly shift huddle' }).getByLabel('Moment listened at'),
  ).toHaveValue('Monthly shift huddle');
  expect(problems).toEqual([]);
});

test('a new deployment is announced, never forced, and applied when the user reloads', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const work = mkdtempSync(join(tmpdir(), 'ccn-deploy-'));
  const next = join(work, 'next');
  cpSync(DIST, next, { recursive: true });
  // The new build: a changed home page, so the precache list (and the worker) changes too.
  const home = join(next, 'index.html');
  writeFileSync(home, readFileSync(home, 'utf8').replace('</main>', '<p>Release two</p></main>'));
  const worker = join(next, 'sw.js');
  writeFileSync(
    worker,
    readFileSync(worker, 'utf8').replace(/(url:"index\.html",revision:")[^"]+"/, '$1release-2"'),
  );
  const host = await startStaticHost(DIST);
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto(`${host.origin}/`);
    await waitForOfflineReady(page);
    const notice = page.getByRole('status').filter({ hasText: 'A new version of this site' });
    await expect(notice).toBeHidden();

    host.serve(next);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await expect(notice).toBeVisible();
    // Nothing reloads by itself: the page the user is on stays as it was.
    await expect(page.getByText('Release two')).toHaveCount(0);

    await notice.getByRole('button', { name: 'Reload now' }).click();
    await expect(page.getByText('Release two')).toBeVisible();
  } finally {
    await context.close();
    await host.close();
    rmSync(work, { recursive: true, force: true });
  }
});
