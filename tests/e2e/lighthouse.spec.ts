import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium';

/** Pages audited with Lighthouse's default (mobile) profile, and the scores they must reach. */
const PAGES = ['/', '/playbook/take-action/', '/navigator/', '/team/', '/history/'];
const MINIMUM = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1 };

test.describe.configure({ mode: 'serial' });

for (const path of PAGES) {
  test(`Lighthouse (mobile) scores ${path}`, async ({ baseURL }) => {
    test.setTimeout(120_000);
    const chrome = await launch({
      chromePath: findChromium(),
      chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    });
    try {
      const result = await lighthouse(`${baseURL}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
      });
      if (result === undefined) throw new Error('Lighthouse returned no result');
      const scores = Object.fromEntries(
        Object.entries(MINIMUM).map(([id]) => [id, result.lhr.categories[id]?.score ?? 0]),
      );
      mkdirSync('lighthouse-report', { recursive: true });
      const name = path === '/' ? 'home' : path.replaceAll('/', '_').replace(/^_|_$/g, '');
      writeFileSync(`lighthouse-report/${name}.json`, JSON.stringify(scores, null, 2));
      console.log(`Lighthouse ${path}: ${JSON.stringify(scores)}`);
      for (const [id, minimum] of Object.entries(MINIMUM)) {
        const failing = Object.values(result.lhr.audits)
          .filter((audit) => audit.score !== null && audit.score < 1)
          .map((audit) => audit.id);
        expect(
          scores[id],
          `${id} on ${path}; audits below 1: ${failing.join(', ')}`,
        ).toBeGreaterThanOrEqual(minimum);
      }
    } finally {
      chrome.kill();
    }
  });
}
