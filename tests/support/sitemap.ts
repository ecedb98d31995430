import type { APIRequestContext } from '@playwright/test';

/** Pulls every <loc> out of a sitemap document. */
export function locations(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
}

/**
 * Lists the path of every page in the built sitemap, following the sitemap index. The sitemap
 * holds absolute URLs on SITE_URL; only the path matters for the local server.
 */
export async function sitemapPaths(request: APIRequestContext, base = '/'): Promise<string[]> {
  const index = await request.get(`${base}sitemap-index.xml`);
  if (!index.ok())
    throw new Error(`No sitemap index at ${base}sitemap-index.xml (${index.status()})`);
  const paths: string[] = [];
  for (const sitemap of locations(await index.text())) {
    const response = await request.get(new URL(sitemap).pathname);
    if (!response.ok()) throw new Error(`Sitemap ${sitemap} answered ${response.status()}`);
    paths.push(...locations(await response.text()).map((loc) => new URL(loc).pathname));
  }
  return paths;
}
