import { describe, expect, it } from 'vitest';
import {
  glossaryPlugin,
  termLinker,
  termPattern,
  termsUsed,
  type TermPart,
  type TextVisitContext,
} from '../../src/lib/glossary';

const terms = [
  { id: 'nps', match: ['Net Promoter Score', 'NPS'] },
  { id: 'promoters', match: ['promoters', 'promoter'] },
  { id: 'closed-loop', match: ['close the loop'] },
];
const href = (id: string) => `/g/#${id}`;
const link = (id: string, words: string): TermPart => ({
  type: 'link',
  url: href(id),
  children: [{ type: 'text', value: words }],
  data: { hProperties: { className: ['term'] } },
});

describe('termPattern', () => {
  it('matches whole words in any case, across line breaks', () => {
    const pattern = termPattern(terms[2] ?? { id: '', match: [] });
    expect(pattern.test('We Close\nthe loop.')).toBe(true);
    expect(pattern.test('we enclose the loops')).toBe(false);
  });

  it('prefers the longest phrase and escapes special characters', () => {
    expect(termPattern(terms[1] ?? { id: '', match: [] }).exec('Promoters.')?.[0]).toBe(
      'Promoters',
    );
    expect(termPattern({ id: 'x', match: ['a+b (c)'] }).test('use a+b (c) here')).toBe(true);
  });
});

describe('termsUsed', () => {
  it('finds the terms a text uses', () => {
    expect(termsUsed('Our NPS rose; promoters stayed.', terms)).toEqual(
      new Set(['nps', 'promoters']),
    );
    expect(termsUsed('nothing here', terms)).toEqual(new Set());
  });
});

describe('termLinker', () => {
  it('links only the first use of each term on a page, in reading order', () => {
    const linker = termLinker(terms, href);
    expect(linker('Promoters raise the NPS, and promoters stay.')).toEqual([
      link('promoters', 'Promoters'),
      { type: 'text', value: ' raise the ' },
      link('nps', 'NPS'),
      { type: 'text', value: ', and promoters stay.' },
    ]);
    // Later texts on the same page: both terms are already linked.
    expect(linker('More about the NPS.')).toBeUndefined();
    expect(linker('Then close the loop')).toEqual([
      { type: 'text', value: 'Then ' },
      link('closed-loop', 'close the loop'),
    ]);
  });

  it('starts afresh for each page', () => {
    expect(termLinker(terms, href)('NPS')).toEqual([link('nps', 'NPS')]);
    expect(termLinker(terms, href)('NPS')).toEqual([link('nps', 'NPS')]);
  });
});

describe('glossaryPlugin', () => {
  interface Node {
    type: string;
    value?: string;
    up?: Node;
  }
  const context = (): TextVisitContext<Node> & { replaced: [Node, TermPart[]][] } => {
    const replaced: [Node, TermPart[]][] = [];
    return {
      replaced,
      parent: (node) => node.up,
      replaceNode: (node, parts) => replaced.push([node, parts]),
    };
  };

  it('links text in paragraphs but not in headings or existing links', () => {
    const plugin = glossaryPlugin<Node>({ terms, href })();
    expect(plugin.name).toBe('glossary-first-use');
    const root: Node = { type: 'root' };
    const heading: Node = { type: 'heading', up: root };
    const anchor: Node = { type: 'link', up: { type: 'paragraph', up: root } };
    const paragraph: Node = { type: 'paragraph', up: root };
    const ctx = context();
    plugin.text({ type: 'text', value: 'NPS', up: heading }, ctx);
    plugin.text({ type: 'text', value: 'NPS', up: anchor }, ctx);
    const text: Node = { type: 'text', value: 'Our NPS', up: paragraph };
    plugin.text(text, ctx);
    plugin.text({ type: 'text', up: paragraph }, ctx);
    expect(ctx.replaced).toEqual([[text, [{ type: 'text', value: 'Our ' }, link('nps', 'NPS')]]]);
  });
});
