import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { launch } from 'chrome-launcher';
import lighthouse, { type RunnerResult } from 'lighthouse';
import { computeMedianRun as medianRun } from 'lighthouse/core/lib/median-run.js';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium';

/** Pages audited with Lighthouse's default (mobile) profile, and the scores they must reach. */
const PAGES = ['/', '/playbook/take-action/', '/navigator/', '/team/', '/history/'];
const MINIMUM = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1 };
/**
 * Runs per page. One run's performance score swings with whatever else the machine is doing
 * (the same build scored a playbook page 0.93 and then 0.98 on this 2-core machine), so each page
 * is judged on its median run, picked by Lighthouse's own computeMedianRun, as the Lighthouse
 * team advises for variable scores. The minimums are unchanged.
 */
const RUNS = 5;

type Report = RunnerResult['lhr'];
/** Lighthouse's median-run picker; its declaration names a global type this project lacks. */
const computeMedianRun = medianRun as unknown as (runs: Report[]) => Report;

test.describe.configure({ mode: 'serial' });

for (const path of PAGES) {
  test(`Lighthouse (mobile) scores ${path}`, async ({ baseURL }) => {
    test.setTimeout(300_000);
    const runs: Report[] = [];
    for (let run = 0; run < RUNS; run += 1) {
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
        runs.push(result.lhr);
      } finally {
        chrome.kill();
      }
    }
    const lhr = computeMedianRun(runs);
    const scores = Object.fromEntries(
      Object.entries(MINIMUM).map(([id]) => [id, lhr.categories[id]?.score ?? 0]),
    );
    mkdirSync('lighthouse-report', { recursive: true });
    const name = path === '/' ? 'home' : path.replaceAll('/', '_').replace(/^_|_$/g, '');
    writeFileSync(`lighthouse-report/${name}.json`, JSON.stringify(scores, null, 2));
    const all = runs.map((r) => r.categories['performance']?.score ?? 0).join(', ');
    console.log(`Lighthouse ${path}: ${JSON.stringify(scores)} (performance of each run: ${all})`);
    for (const [id, minimum] of Object.entries(MINIMUM)) {
      const failing = Object.values(lhr.audits)
        .filter((audit) => audit.score !== null && audit.score < 1)
        .map((audit) => audit.id);
      expect(
        scores[id],
        `${id} on ${path}; audits below 1: ${failing.join(', ')}`,
      ).toBeGreaterThanOrEqual(minimum);
    }
  });
}
