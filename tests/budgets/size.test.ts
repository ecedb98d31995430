import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gzipSize, htmlFiles, initialJs, inlineScripts, reachableJs } from '../support/budget';

/** Budgets for the built site. Figures are gzip bytes; see README "Budgets". */
const DIST = join(import.meta.dirname, '../../dist');
const HTML_BUDGET = 10 * 1024;
/** The service-worker registration every page carries (src/components/offline/register.ts). */
const REGISTRATION_JS = 1024;
/** The generated service worker itself (Workbox runtime inlined plus the precache list). */
const SERVICE_WORKER = 10 * 1024;

const pages = existsSync(DIST) ? htmlFiles(DIST) : [];
/** Pages with an island; every other page is content and ships no JavaScript. */
const ISLAND_PAGES = [
  'navigator/',
  'result/',
  'history/',
  'compare/',
  'team/',
  'search/',
  'tools/loyalty/',
  'tools/wows-and-woes/',
  'tools/listening-plan/',
  'workshop/',
];
const contentPages = pages.filter(
  (page) => !ISLAND_PAGES.some((prefix) => page.startsWith(prefix)),
);
/**
 * JavaScript budgets in gzip bytes: the measured figures plus a small margin, so that growth is
 * caught. Issue 3 asked for 20 KB initial and 75 KB with results; neither fits the fixed stack
 * (see README "Budgets"): Astro's island loader (1.9 KB), the Svelte 5 runtime the questionnaire
 * needs (14.7 KB) and the persisted, validated store (4 KB) come to 20.6 KB before the
 * questionnaire's own code, and Chart.js with only the radar parts registered is 49.3 KB.
 * Round 2 raised the initial figure by 0.7 KB, with reasons: the offline registration every page
 * carries (0.34 KB, issue 12) and the shared Svelte runtime chunk, which grew with the new islands
 * (team, tools, report). The same round took the navigator with results from 85 KB to 49 KB.
 */
const NAVIGATOR_INITIAL_JS = 27 * 1024 + 900;
// Round 3 (issue 8, invitations) raised it by 0.2 KB, measured 28,300 → 28,485 B: the
// questionnaire must notice an invitation in the address or in storage (and one pasted into
// the address later) and show the invitation's view under each heading. Everything else about
// invitations loads only when there is one (below).
/**
 * Issue 7 allows 88 KB with results. The report draws its score chart as SVG, so Chart.js is no
 * longer part of it (38 KB measured); the budget keeps room for the richer v2 plan, not for
 * bringing Chart.js back.
 */
const NAVIGATOR_RESULTS_JS = 52 * 1024;
/**
 * An invited respondent's questionnaire with results: the figure above plus the invitation's
 * view and its checks (banner, question, "Send to facilitator"), which load only when the
 * address or storage holds an invitation. The QR code of the result link loads on request.
 */
// Round 4 raised it by 0.5 KB, measured 57,026 → 57,411 B: the link format and matching a link
// to its bank became two modules (share-link, share-response) so pages that only read links
// stop carrying the rest (history -322 B, compare -317 B), and date formats became one shared module made on first
// use (lib/formats.ts, which took up to 387 ms off a throttled page start). Each is its own chunk
// now, and the invited respondent, who needs all of them, pays two chunks' overhead.
const NAVIGATOR_INVITED_JS = 56 * 1024 + 512;
/**
 * The result, compare, team, workshop and history pages, before any chart or file is asked for.
 */
const TOOL_PAGE_INITIAL_JS = 32 * 1024;
/**
 * The history page works out every index from its link when it opens (issue 11: a stored number
 * is never shown), so link decoding and scoring rules 1 and 2 are part of its first load.
 */
const HISTORY_INITIAL_JS = 36 * 1024;
const TOOL_PAGES = [
  'result/index.html',
  'compare/index.html',
  'team/index.html',
  'team/invitation/index.html',
  'history/index.html',
  'tools/loyalty/index.html',
  'tools/wows-and-woes/index.html',
  'tools/listening-plan/index.html',
  'workshop/index.html',
];
/**
 * The search page at start: the shared Svelte runtime chunk (about 21 KB) and the small search
 * island. Pagefind's library and index load on the first query.
 */
const SEARCH_INITIAL_JS = 25 * 1024;
/** Chunks that load only when the user asks for a file (papaparse and the file formats). */
const onDemand = (file: string) => /[\\/](export|loyalty-file|tool-files)\.[\w-]+\.js$/.test(file);
/** The QR code and its encoder: in the questionnaire, loaded on "Show QR code" only. */
const qrCode = (file: string) => /[\\/]QrCode\.[\w-]+\.js$/.test(file);
/** The invitation's view in the questionnaire: loaded only for an invitation. */
const invitationOnly = (file: string) => /[\\/]invited\.[\w-]+\.js$/.test(file);
/** Chunks with papaparse in them: never part of a page's first load. */
const papaparse = (file: string) =>
  /papaparse|Papa\.parse|unparse/.test(readFileSync(join(DIST, file), 'utf8'));

describe('size budgets of the built site', () => {
  it('finds a built site to measure (run `npm run build` first)', () => {
    expect(pages.length).toBeGreaterThanOrEqual(21);
    expect(contentPages).toContain('index.html');
    expect(contentPages).toContain('playbook/index.html');
  });

  it.each(pages)('%s is at most 10 KB gzip', (page) => {
    const size = gzipSize(readFileSync(join(DIST, page)));
    expect(size).toBeLessThanOrEqual(HTML_BUDGET);
  });

  it.each(contentPages)('%s ships no JavaScript but the offline registration', (page) => {
    const js = initialJs(DIST, page);
    expect(js.files).toEqual([]);
    const scripts = inlineScripts(readFileSync(join(DIST, page), 'utf8'));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain('serviceWorker');
    expect(js.bytes).toBeGreaterThan(0);
    expect(js.bytes).toBeLessThanOrEqual(REGISTRATION_JS);
  });

  it('precaches every page and every question bank version in a small service worker', () => {
    const worker = readFileSync(join(DIST, 'sw.js'), 'utf8');
    const precached = new Set([...worker.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]));
    for (const page of pages) expect(precached).toContain(page.replaceAll('\\', '/'));
    // Every script, lazily imported chunks included (the results, the team figures, papaparse,
    // the charts), every stylesheet and every bank version: what the offline e2e tests use.
    const built = [
      ...readdirSync(join(DIST, '_astro')).map((name) => `_astro/${name}`),
      ...readdirSync(join(DIST, 'navigator/banks')).map((name) => `navigator/banks/${name}`),
    ];
    expect(built.filter((url) => !precached.has(url))).toEqual([]);
    expect([...precached].filter((url) => url?.startsWith('navigator/banks/'))).not.toEqual([]);
    expect(precached).toContain('manifest.webmanifest');
    const size = gzipSize(worker);
    console.log(`sw.js (gzip): ${size} B, ${precached.size} files precached`);
    expect(size).toBeLessThanOrEqual(SERVICE_WORKER);
  });

  it("keeps the navigator's JavaScript within budget, with results and chart loaded lazily", () => {
    const initial = initialJs(DIST, 'navigator/index.html');
    const results = reachableJs(
      DIST,
      'navigator/index.html',
      '/',
      (file) => onDemand(file) || qrCode(file) || invitationOnly(file),
    );
    const invited = reachableJs(
      DIST,
      'navigator/index.html',
      '/',
      (file) => onDemand(file) || qrCode(file),
    );
    const everything = reachableJs(DIST, 'navigator/index.html');
    console.log(
      `navigator JS (gzip): initial ${initial.bytes} B, with results and chart ${results.bytes} B, invited with results ${invited.bytes} B`,
    );
    expect(initial.bytes).toBeGreaterThan(0);
    expect(initial.bytes).toBeLessThanOrEqual(NAVIGATOR_INITIAL_JS);
    expect(results.bytes).toBeLessThanOrEqual(NAVIGATOR_RESULTS_JS);
    expect(invited.bytes).toBeLessThanOrEqual(NAVIGATOR_INVITED_JS);
    // The invitation's view is reachable, but neither it nor the QR encoder loads at start, and
    // the QR encoder waits for "Show QR code" even for an invited respondent.
    expect(invited.files.some(invitationOnly)).toBe(true);
    expect(initial.files.some(invitationOnly)).toBe(false);
    expect(results.files.some(invitationOnly)).toBe(false);
    expect(invited.files.some(qrCode)).toBe(false);
    expect(everything.files.some(qrCode)).toBe(true);
    // The report loads after the questionnaire, and needs no Chart.js at all.
    const lazy = results.files.filter((file) => !initial.files.includes(file));
    expect(lazy.some((file) => file.includes('Report'))).toBe(true);
    expect(results.files.some((file) => /radar-chart|line-chart/.test(file))).toBe(false);
    // The file code exists, is reachable, and loads only when a download is asked for.
    const later = everything.files.filter((file) => !results.files.includes(file));
    expect(later.some(onDemand)).toBe(true);
    expect(results.files.some(onDemand)).toBe(false);
  });

  it.each(TOOL_PAGES)(
    '%s loads at most 32 KB (history: 36 KB) of JavaScript at start, without papaparse',
    (page) => {
      const initial = initialJs(DIST, page);
      console.log(`${page} initial JS (gzip): ${initial.bytes} B`);
      expect(initial.bytes).toBeGreaterThan(0);
      expect(initial.bytes).toBeLessThanOrEqual(
        page.startsWith('history/') ? HISTORY_INITIAL_JS : TOOL_PAGE_INITIAL_JS,
      );
      expect(initial.files.some(onDemand)).toBe(false);
      expect(initial.files.filter(papaparse)).toEqual([]);
    },
  );

  it('ships the tools index as a content page, linked from the header', () => {
    expect(contentPages).toContain('tools/index.html');
    const home = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(home).toContain('href="/tools/"');
  });

  it('loads search code only on /search/, and Pagefind only when a search runs', () => {
    const initial = initialJs(DIST, 'search/index.html');
    console.log(`search/index.html initial JS (gzip): ${initial.bytes} B`);
    expect(initial.bytes).toBeGreaterThan(0);
    expect(initial.bytes).toBeLessThanOrEqual(SEARCH_INITIAL_JS);
    expect(initial.files.some((file) => file.startsWith('pagefind'))).toBe(false);
    // The index the build wrote, and every content page marked for it.
    expect(existsSync(join(DIST, 'pagefind/pagefind.js'))).toBe(true);
    const indexed = contentPages.filter((page) =>
      readFileSync(join(DIST, page), 'utf8').includes('data-pagefind-body'),
    );
    expect(indexed).toEqual(
      expect.arrayContaining([
        'glossary/index.html',
        'method/index.html',
        'playbook/roadmap/index.html',
        'templates/call-guide/index.html',
      ]),
    );
  });
});
