/**
 * Links between the site's Markdown documents (playbook pages, templates, the roadmap and role
 * paths): where each document lives, which site paths its links reach, and the rules a build
 * enforces: no link to a page that does not exist, and no template that no page links to.
 * Pure: no Astro, DOM or file access.
 */

/** A Markdown document of the site, as the link checks see it. */
export interface LinkedDocument {
  /** Source file, named in error messages (for example "content/playbook/train.md"). */
  file: string;
  /** Site path the document is published at, without the deployment base ("/templates/x/"). */
  path: string;
  /** Markdown body. */
  body: string;
}

/** An internal link found in a document, resolved to a site path and an optional fragment. */
export interface ResolvedLink {
  /** The link as written. */
  href: string;
  /** Site path it reaches, always with a trailing slash ("/glossary/"). */
  path: string;
  /** Fragment without "#", or "" when there is none. */
  hash: string;
}

/** Every Markdown link target in a body, in order: `[text](target)`. */
export function markdownLinks(body: string): string[] {
  return [...body.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
}

/**
 * Resolves a link as a browser would from a page at `from`. Returns undefined for links that
 * leave the site (a scheme such as https: or mailto:).
 */
export function resolveLink(from: string, href: string): ResolvedLink | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return undefined;
  const url = new URL(href, `https://site.invalid${from}`);
  return { href, path: url.pathname, hash: url.hash.replace(/^#/, '') };
}

/** What the link checks need to know about the site. */
export interface SiteMap {
  /** Every published site path, with trailing slashes ("/playbook/train/"). */
  routes: ReadonlySet<string>;
  /** Ids that may follow "#" on a path; paths not listed accept any fragment. */
  anchors: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Finds internal links that reach no page (or no anchor on a page that lists its anchors), and
 * links written as site-absolute paths, which would break under a deployment sub-path.
 */
export function findLinkProblems(docs: readonly LinkedDocument[], site: SiteMap): string[] {
  const problems: string[] = [];
  for (const doc of docs) {
    for (const href of markdownLinks(doc.body)) {
      const link = resolveLink(doc.path, href);
      if (link === undefined) continue;
      if (href.startsWith('/')) {
        problems.push(`${doc.file}: link "${href}" starts with "/"; write it relative ("../")`);
        continue;
      }
      if (!site.routes.has(link.path)) {
        problems.push(`${doc.file}: link "${href}" reaches ${link.path}, which is not a page`);
        continue;
      }
      const anchors = site.anchors.get(link.path);
      if (link.hash !== '' && anchors !== undefined && !anchors.has(link.hash)) {
        problems.push(`${doc.file}: link "${href}" names #${link.hash}, which ${link.path} lacks`);
      }
    }
  }
  return problems;
}

/**
 * Site paths that no document links to, from a list that each must be reached (the templates:
 * a template nobody points to is a page nobody finds).
 */
export function findUnlinked(
  docs: readonly LinkedDocument[],
  required: readonly { file: string; path: string }[],
): string[] {
  const reached = new Set<string>();
  for (const doc of docs) {
    for (const href of markdownLinks(doc.body)) {
      const link = resolveLink(doc.path, href);
      if (link !== undefined && link.path !== doc.path) reached.add(link.path);
    }
  }
  return required
    .filter((target) => !reached.has(target.path))
    .map((target) => `${target.file}: no page links to ${target.path}; link it where it is needed`);
}
