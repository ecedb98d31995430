/**
 * Site-wide settings and URL helpers. Change the name and tagline here to rebrand the site;
 * colours live in src/styles/tokens.css.
 */

/** Settings shown in the header, titles and social cards. */
export const SITE = {
  name: 'Customer Culture Navigator',
  shortName: 'Culture Navigator',
  tagline: 'A practical playbook and a private self-assessment for customer-centric organisations.',
} as const;

/**
 * Joins the deployment base path and a site path, so links work whether the site is served at
 * the root or under a sub-path. Always returns a path with exactly one slash between parts.
 * @param base - the configured base, such as "/" or "/ccn" or "/ccn/"
 * @param path - a site path such as "/playbook/" or "playbook/take-action/"
 */
export function withBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base.slice(0, -1) : base;
  const tail = path.startsWith('/') ? path : `/${path}`;
  return `${head}${tail}`;
}

/**
 * Builds the browser title for a page: "Page · Site", or just the site name for the home page.
 */
export function pageTitle(title: string | undefined): string {
  return title === undefined || title === SITE.name ? SITE.name : `${title} · ${SITE.name}`;
}
