import { ORIGIN } from '../../playwright.config';
import { expect, test } from '@playwright/test';
import { sitemapPaths } from '../support/sitemap';

test('no page requests another origin, logs a console error, or sets a cookie', async ({
  page,
  request,
  context,
}) => {
  test.setTimeout(120_000);
  const paths = await sitemapPaths(request);
  const problems: string[] = [];
  let current = '';
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol !== 'data:' && url.origin !== ORIGIN) {
      problems.push(`${current}: request to ${req.url()}`);
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${current}: console error ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${current}: page error ${error.message}`));
  for (const path of paths) {
    current = path;
    await page.goto(path, { waitUntil: 'networkidle' });
  }
  expect(problems).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test('every page carries a content security policy without unsafe-inline scripts', async ({
  request,
}) => {
  // /result/ is left out of the sitemap; it gets the same policy.
  for (const path of [...(await sitemapPaths(request)), '/result/']) {
    const html = await (await request.get(path)).text();
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1];
    expect(csp, path).toBeDefined();
    expect(csp, path).toContain("script-src 'self'");
    expect(csp, path).not.toContain('unsafe-inline');
    // Finding 10: nothing but scripts and styles was limited.
    const directives = (csp ?? '').split(';').map((d) => d.trim().replace(/\s+/g, ' '));
    for (const wanted of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ]) {
      expect(directives, `${path}: ${wanted}`).toContain(wanted);
    }
    expect(html, path).toContain('<meta name="referrer" content="no-referrer">');
    expect(html, `${path} has an inline event handler`).not.toMatch(/\son[a-z]+=/i);
  }
});
