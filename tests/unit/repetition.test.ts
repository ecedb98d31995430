import { describe, expect, it } from 'vitest';
import { plainWords, sharedPassages } from '../../src/lib/repetition';
import { readCollection, readGlossary } from '../support/content';

describe('plainWords', () => {
  it('lower-cases, drops punctuation, markup and link targets, keeps apostrophes in words', () => {
    expect(plainWords("**Don't** see [the Guide](../../templates/x/) — now, 'quoted'!")).toEqual([
      "don't",
      'see',
      'the',
      'guide',
      'now',
      'quoted',
    ]);
    expect(plainWords('<abbr>NPS</abbr> 9–10')).toEqual(['nps', '9', '10']);
  });
});

describe('sharedPassages', () => {
  const passage = 'every customer who rated us poorly gets a call within two days';

  it('finds a run of eight words on two pages, whatever the case and punctuation', () => {
    const found = sharedPassages([
      { id: 'a', text: `Intro. ${passage}.` },
      {
        id: 'b',
        text: `Here: Every customer, who rated us poorly, gets a **call** within two days!`,
      },
      { id: 'c', text: 'Nothing in common with the others at all here.' },
    ]);
    expect(found).toEqual([{ passage, pages: ['a', 'b'] }]);
  });

  it('ignores runs of seven words and repeats within one page', () => {
    const seven = 'one two three four five six seven';
    expect(
      sharedPassages([
        { id: 'a', text: `${seven} x. ${passage}. ${passage}` },
        { id: 'b', text: `${seven} y` },
      ]),
    ).toEqual([]);
  });

  it('does not join words across a line break', () => {
    expect(
      sharedPassages([
        { id: 'a', text: 'one two three four\nfive six seven eight' },
        { id: 'b', text: 'one two three four five six seven eight' },
      ]),
    ).toEqual([]);
  });

  it('reports each repeated run once, longest first, with every page it is on', () => {
    const short = 'alpha beta gamma delta epsilon zeta eta theta';
    const found = sharedPassages(
      [
        { id: 'a', text: `${passage}\n${short}` },
        { id: 'b', text: passage },
        { id: 'c', text: `${short} iota` },
      ],
      8,
    );
    expect(found).toEqual([
      { passage, pages: ['a', 'b'] },
      { passage: short, pages: ['a', 'c'] },
    ]);
  });
});

describe('the published content', () => {
  it('repeats no passage of eight or more words on two different pages', () => {
    const pages = [
      ...['playbook', 'templates', 'guides'].flatMap((folder) =>
        readCollection<{ summary: string; description: string }>(folder).map((file) => ({
          id: `content/${folder}/${file.id}.md`,
          text: `${file.data.summary}\n${file.data.description}\n${file.body}`,
        })),
      ),
      {
        id: 'content/glossary.yaml',
        text: readGlossary()
          .map((entry) => entry.definition)
          .join('\n'),
      },
    ];
    expect(pages.length).toBeGreaterThanOrEqual(27);
    const repeats = sharedPassages(pages).map(
      (repeat) => `"${repeat.passage}" on ${repeat.pages.join(' and ')}`,
    );
    expect(repeats).toEqual([]);
  });
});
