import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gzipSize, htmlFiles, initialJs } from '../support/budget';

/** Budgets for the built site. Figures are gzip bytes; see README "Budgets". */
const DIST = join(import.meta.dirname, '../../dist');
const HTML_BUDGET = 10 * 1024;

const pages = existsSync(DIST) ? htmlFiles(DIST) : [];
const contentPages = pages.filter(
  (page) => page === 'index.html' || page.startsWith('playbook/') || page === 'privacy/index.html',
);

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

  it.each(contentPages)('%s ships no JavaScript', (page) => {
    expect(initialJs(DIST, page)).toEqual({ bytes: 0, files: [] });
  });
});
