/**
 * Search results as the search page shows them: Pagefind's result data reduced to what a reader
 * needs (the page, the best-matching section, the passage with the hits marked). Pure: the
 * Pagefind library itself is loaded by the search store.
 */

/** A piece of a passage: plain text, or a word that matched the query. */
export interface PassagePart {
  text: string;
  hit: boolean;
}

/** One search result: the page, the section that matched best, and the passage. */
export interface SearchHit {
  /** Page URL, base path included. */
  url: string;
  title: string;
  /** The section of the page that matched best, when Pagefind found one with a heading. */
  section?: { url: string; title: string } | undefined;
  passage: PassagePart[];
}

/** The parts of Pagefind's result data used here (see pagefind's `PagefindSearchFragment`). */
export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { url: string; title: string; excerpt: string }[];
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

/** Turns Pagefind's escaped excerpt into text, without ever treating it as HTML. */
function decode(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * Splits an excerpt into plain text and the words Pagefind marked as hits (`<mark>…</mark>`).
 * Any other markup is dropped, so the result can be rendered as text.
 */
export function passageParts(excerpt: string): PassagePart[] {
  const parts: PassagePart[] = [];
  excerpt.split(/(<mark>[\s\S]*?<\/mark>)/).forEach((piece) => {
    const hit = piece.startsWith('<mark>');
    const text = decode(piece.replace(/<[^>]*>/g, ''));
    if (text !== '') parts.push({ text, hit });
  });
  return parts;
}

/**
 * One result for display: the passage of the best-matching section when there is one (its
 * heading becomes a link to the section), otherwise the page's own excerpt.
 */
export function toSearchHit(fragment: PagefindFragment): SearchHit {
  const title = fragment.meta['title'] ?? fragment.url;
  const best = fragment.sub_results?.find((sub) => sub.url !== fragment.url && sub.title !== title);
  return {
    url: fragment.url,
    title,
    section: best === undefined ? undefined : { url: best.url, title: best.title },
    passage: passageParts(best?.excerpt ?? fragment.excerpt),
  };
}

/** The query in a search page address (`?q=`), trimmed; "" when there is none. */
export function queryFrom(search: string): string {
  return (new URLSearchParams(search).get('q') ?? '').trim();
}
