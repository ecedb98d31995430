import { expect, test } from '@playwright/test';
import { SUBPATH_BASE, SUBPATH_PORT } from '../../playwright.config';

const origin = `http://localhost:${SUBPATH_PORT}`;

/** Every href and src attribute value in an HTML document. */
function references(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((match) => match[1] ?? '');
}

test('a build under a sub-path has no broken internal links', async ({ request }) => {
  test.setTimeout(120_000);
  const queue = [`${origin}${SUBPATH_BASE}`];
  const seen = new Set(queue);
  const broken: string[] = [];
  const outsideBase: string[] = [];
  let pages = 0;
  while (queue.length > 0) {
    const url = queue.shift() ?? '';
    const response = await request.get(url);
    if (!response.ok()) {
      broken.push(`${url} answered ${response.status()}`);
      continue;
    }
    if (!(response.headers()['content-type'] ?? '').includes('text/html')) continue;
    pages += 1;
    for (const ref of references(await response.text())) {
      const target = new URL(ref, url);
      if (target.origin !== origin) continue;
      target.hash = '';
      if (!target.pathname.startsWith(SUBPATH_BASE)) outsideBase.push(`${url} -> ${ref}`);
      if (!seen.has(target.href)) {
        seen.add(target.href);
        queue.push(target.href);
      }
    }
  }
  expect(broken).toEqual([]);
  expect(outsideBase).toEqual([]);
  // Home, playbook index, 17 playbook pages and privacy at the least.
  expect(pages).toBeGreaterThanOrEqual(20);
});
