/**
 * The cross-checks between the site's content collections (playbook, templates, roadmap and
 * role paths, glossary), in one place so the build and the unit tests apply the same rules.
 * Pure: takes plain data, returns problems naming the file at fault.
 */
import { findLinkProblems, findUnlinked, type LinkedDocument } from './content-links';
import { termsUsed } from './glossary';
import { ROADMAP_PATH, rolePath } from './playbook';

/** Pages that are not built from content but that content may link to. */
export const FIXED_ROUTES = [
  '/',
  '/playbook/',
  '/templates/',
  '/glossary/',
  '/search/',
  '/navigator/',
  '/method/',
  '/privacy/',
  '/history/',
  '/compare/',
  '/team/',
] as const;

/** A next-step link: a site path without the base, and its words. */
export interface NextStepLink {
  path: string;
  label: string;
}

/** The content as the cross-checks see it: ids, bodies and the fields that link. */
export interface ContentSource {
  playbook: readonly { id: string; body: string; next: NextStepLink }[];
  templates: readonly { id: string; body: string }[];
  guides: readonly { id: string; body: string; role?: string | undefined; next: NextStepLink }[];
  glossary: readonly {
    id: string;
    term: string;
    match: readonly string[];
    more?: string | undefined;
  }[];
}

/** Site path of a guide: the roadmap, or the path of its role. */
export function guideSitePath(guide: { role?: string | undefined }): string {
  return guide.role === undefined ? ROADMAP_PATH : rolePath(guide.role);
}

/** Every Markdown document of the site with its file and published path. */
export function contentDocuments(source: ContentSource): LinkedDocument[] {
  return [
    ...source.playbook.map((page) => ({
      file: `content/playbook/${page.id}.md`,
      path: `/playbook/${page.id}/`,
      body: page.body,
    })),
    ...source.templates.map((template) => ({
      file: `content/templates/${template.id}.md`,
      path: `/templates/${template.id}/`,
      body: template.body,
    })),
    ...source.guides.map((guide) => ({
      file: `content/guides/${guide.id}.md`,
      path: guideSitePath(guide),
      body: guide.body,
    })),
  ];
}

/**
 * Every cross-collection problem: links (in bodies, next steps and glossary pointers) to pages
 * or glossary anchors that do not exist, templates no page links to, glossary terms no page uses.
 */
export function findContentProblems(source: ContentSource): string[] {
  const docs = contentDocuments(source);
  const site = {
    routes: new Set<string>([...FIXED_ROUTES, ...docs.map((doc) => doc.path)]),
    anchors: new Map([['/glossary/', new Set(source.glossary.map((term) => term.id))]]),
  };
  // Next steps and glossary pointers are site paths; check them as links from the home page.
  const pointers = [
    ...source.playbook.map((page) => ({
      file: `content/playbook/${page.id}.md`,
      to: page.next.path,
    })),
    ...source.guides.map((guide) => ({
      file: `content/guides/${guide.id}.md`,
      to: guide.next.path,
    })),
    ...source.glossary.flatMap((term) =>
      term.more === undefined
        ? []
        : [{ file: `content/glossary.yaml (${term.id})`, to: term.more }],
    ),
  ].map(({ file, to }) => ({ file, path: '/', body: `[next](${to.replace(/^\//, '')})` }));
  const used = termsUsed(
    docs.map((doc) => doc.body).join('\n'),
    source.glossary.map((term) => ({ id: term.id, match: term.match })),
  );
  return [
    ...findLinkProblems(docs, site),
    ...findLinkProblems(pointers, site),
    ...findUnlinked(
      docs,
      source.templates.map((template) => ({
        file: `content/templates/${template.id}.md`,
        path: `/templates/${template.id}/`,
      })),
    ),
    ...source.glossary
      .filter((term) => !used.has(term.id))
      .map((term) => `content/glossary.yaml: "${term.term}" is used on no page; use or drop it`),
  ];
}
