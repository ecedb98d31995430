import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { encodeResult } from '../../src/lib/share-link';
import type { AnswerValue } from '../../src/lib/scoring';
import { sitemapPaths } from '../support/sitemap';
import { startStaticHost } from '../support/static-server';

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

test('after one visit, every page, a shared result and the navigator work with no network', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(120_000);
  const paths = await sitemapPaths(request);
  const bank = (await (await request.get('/navigator/banks/culture-navigator-1.json')).json()) as {
    id: string;
    version: number;
    dimensions: { statements: unknown[] }[];
  };
  const count = bank.dimensions.reduce((sum, d) => sum + d.statements.length, 0);
  const answers = Array.from({ length: count }, (_, i) => (1 + (i % 5)) as AnswerValue);
  const link = encodeResult({ bank: bank.id, version: bank.version, role: 0, answers, label: '' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const started = Date.now();
  await page.goto('/');
  await waitForOfflineReady(page);
  console.log(`offline-ready ${Date.now() - started} ms after the first load`);

  await context.setOffline(true);
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
  expect(errors).toEqual([]);
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
