import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles, reachableJs } from '../support/budget';

/**
 * Every Svelte component scopes its styles with a "svelte-<hash>" class. The site loads lazy
 * parts with a plain import() (no preload helper, see astro.config.mjs), which never fetches the
 * stylesheet of what it imports: a page must link or inline those styles itself. Found the hard
 * way twice (the navigator's report printed unstyled; the team view's tables widened a phone
 * page by 310 px). This checks, for every page, that each scoped class its scripts can render
 * has its rules in the page's own CSS.
 */
const DIST = join(import.meta.dirname, '../../dist');
const pages = existsSync(DIST) ? htmlFiles(DIST) : [];

/** The CSS a page carries: its <style> elements and the stylesheets it links. */
function pageCss(html: string): string {
  const inline = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
  const linked = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map((m) =>
    readFileSync(join(DIST, m[1] ?? ''), 'utf8'),
  );
  return [...inline, ...linked].join('\n');
}

/** The site's CSS, every page's together: a scoped class with rules somewhere is in here. */
const siteCss = pages.map((page) => pageCss(readFileSync(join(DIST, page), 'utf8'))).join('\n');

/**
 * Scoped classes that the page's scripts (initial and lazily loaded) put on elements and that
 * have rules somewhere on the site (other "svelte-…" words in the runtime are not classes).
 */
function scopedClasses(page: string): Set<string> {
  const found = new Set<string>();
  for (const file of reachableJs(DIST, page).files) {
    const code = readFileSync(join(DIST, file), 'utf8');
    for (const [name] of code.matchAll(/\bsvelte-[a-z0-9]{5,}\b/g)) {
      if (siteCss.includes(`.${name}`)) found.add(name);
    }
  }
  return found;
}

describe('styles of lazily loaded parts', () => {
  it('finds a built site (run `npm run build` first)', () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  for (const page of pages) {
    it(`${page} carries the styles of every component its scripts can show`, () => {
      const html = readFileSync(join(DIST, page), 'utf8');
      const css = pageCss(html);
      const missing = [...scopedClasses(page)].filter((name) => !css.includes(`.${name}`));
      expect(missing).toEqual([]);
    });
  }
});
