/**
 * Finds passages the site repeats across its own pages: runs of words (eight by default) that
 * appear on two different pages. One idea should have one home; other pages link to it.
 * Pure: compares normalised words, so case, punctuation and Markdown syntax do not hide a repeat.
 */

/** A page's text for the comparison. */
export interface PageText {
  /** Name used in reports (a file path). */
  id: string;
  /** Markdown or plain text. */
  text: string;
}

/** A repeated passage and the pages it appears on. */
export interface SharedPassage {
  passage: string;
  pages: string[];
}

/**
 * The words of a Markdown text, lower-cased, without link targets, markup or punctuation.
 * Apostrophes inside words are kept, so "don't" stays one word.
 */
export function plainWords(markdown: string): string[] {
  const text = markdown
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]+>/g, ' ')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/g, '$1');
  return text.split(/\s+/).filter((word) => word !== '');
}

/** The text split into blocks (lines: paragraphs, list items, headings), each as plain words. */
function blocksOf(markdown: string): string[][] {
  return markdown
    .split(/\n/)
    .map(plainWords)
    .filter((words) => words.length > 0);
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  a.size === b.size && [...a].every((item) => b.has(item));

/**
 * Every run of `length` or more words that appears on two or more pages, within one paragraph,
 * list item or heading (a run never crosses a line break). Overlapping windows shared by the
 * same pages are merged into one passage.
 */
export function sharedPassages(pages: readonly PageText[], length = 8): SharedPassage[] {
  const blocks = pages.map((page) => blocksOf(page.text));
  const where = new Map<string, Set<string>>();
  blocks.forEach((list, index) => {
    const id = pages[index]?.id ?? '';
    for (const words of list) {
      for (let i = 0; i + length <= words.length; i += 1) {
        const key = words.slice(i, i + length).join(' ');
        const set = where.get(key) ?? new Set<string>();
        set.add(id);
        where.set(key, set);
      }
    }
  });
  const found = new Map<string, string[]>();
  for (const words of blocks.flat()) {
    const pagesAt = (at: number): Set<string> =>
      where.get(words.slice(at, at + length).join(' ')) ?? new Set();
    let i = 0;
    while (i + length <= words.length) {
      const first = pagesAt(i);
      if (first.size < 2) {
        i += 1;
        continue;
      }
      let end = i;
      while (end + 1 + length <= words.length && sameSet(pagesAt(end + 1), first)) end += 1;
      found.set(words.slice(i, end + length).join(' '), [...first].sort());
      i = end + 1;
    }
  }
  return [...found]
    .map(([passage, on]) => ({ passage, pages: on }))
    .sort((a, b) => b.passage.length - a.passage.length || a.passage.localeCompare(b.passage));
}
