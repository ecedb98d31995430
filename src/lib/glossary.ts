/**
 * The glossary's rules: finding where a term is used, and linking the first use of each term
 * on a page to its definition. Pure: works on a minimal Markdown syntax tree (the shape remark
 * produces), so the same code runs in the build and in unit tests.
 */

/** A glossary term, as the matcher needs it. */
export interface GlossaryTerm {
  /** Anchor on the glossary page ("net-promoter-score"). */
  id: string;
  /** Phrases that count as a use of the term, matched whole and ignoring case. */
  match: readonly string[];
}

/** A piece of Markdown inline content: plain text, or a link to a glossary term. */
export type TermPart =
  | { type: 'text'; value: string }
  | {
      type: 'link';
      url: string;
      children: [{ type: 'text'; value: string }];
      data: { hProperties: { className: string[] } };
    };

/** Node types whose text is never turned into a glossary link. */
const SKIPPED = new Set(['heading', 'link', 'linkReference', 'inlineCode', 'code', 'html']);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A case-insensitive pattern matching any phrase of the term as whole words. */
export function termPattern(term: GlossaryTerm): RegExp {
  const phrases = [...term.match]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => escapeRegExp(phrase).replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}-])(?:${phrases.join('|')})(?![\\p{L}\\p{N}-])`, 'iu');
}

/** Ids of the terms a plain text uses at least once. */
export function termsUsed(text: string, terms: readonly GlossaryTerm[]): Set<string> {
  return new Set(terms.filter((term) => termPattern(term).test(text)).map((term) => term.id));
}

/**
 * A linker for one page: called with each text of the page in document order, it returns the
 * text split so that the first use of each term becomes a link (class "term", so print styles
 * can leave its address out), or undefined when the text has no term not yet linked.
 */
export function termLinker(
  terms: readonly GlossaryTerm[],
  href: (id: string) => string,
): (text: string) => TermPart[] | undefined {
  const pending = terms.map((term) => ({ term, pattern: termPattern(term) }));
  return (text) => {
    const parts: TermPart[] = [];
    let rest = text;
    for (;;) {
      let best: { at: number; index: number; words: string } | undefined;
      for (const [at, { pattern }] of pending.entries()) {
        const match = pattern.exec(rest);
        if (match !== null && (best === undefined || match.index < best.index)) {
          best = { at, index: match.index, words: match[0] };
        }
      }
      if (best === undefined) break;
      const { term } = pending.splice(best.at, 1)[0] ?? { term: { id: '' } };
      if (best.index > 0) parts.push({ type: 'text', value: rest.slice(0, best.index) });
      parts.push({
        type: 'link',
        url: href(term.id),
        children: [{ type: 'text', value: best.words }],
        data: { hProperties: { className: ['term'] } },
      });
      rest = rest.slice(best.index + best.words.length);
    }
    if (parts.length === 0) return undefined;
    if (rest !== '') parts.push({ type: 'text', value: rest });
    return parts;
  };
}

/** The parts of Sätteri's visitor context the glossary plugin uses. */
export interface TextVisitContext<N> {
  parent(node: N): N | undefined;
  replaceNode(node: N, parts: TermPart[]): void;
}

/**
 * A Sätteri Markdown plugin that links the first use of each glossary term on a page to its
 * definition, leaving headings, existing links and code alone. It is a factory, so each page
 * starts with every term unlinked.
 * @param options.terms - the glossary terms
 * @param options.href - builds the link for a term id, base path included
 */
export function glossaryPlugin<N extends { type: string; value?: string }>(options: {
  terms: readonly GlossaryTerm[];
  href: (id: string) => string;
}): () => { name: string; text: (node: N, context: TextVisitContext<N>) => void } {
  return () => {
    const link = termLinker(options.terms, options.href);
    return {
      name: 'glossary-first-use',
      text(node, context) {
        for (let up = context.parent(node); up !== undefined; up = context.parent(up)) {
          if (SKIPPED.has(up.type)) return;
        }
        const parts = link(node.value ?? '');
        if (parts !== undefined) context.replaceNode(node, parts);
      },
    };
  };
}
