import { describe, expect, it } from 'vitest';
import { passageParts, queryFrom, toSearchHit } from '../../src/lib/search';

describe('passageParts', () => {
  it('splits an excerpt into text and marked hits, decoding entities, never keeping markup', () => {
    expect(
      passageParts('Say <mark>sorry</mark> &amp; mean it: &lt;b&gt; <em>x</em> <mark>Sorry</mark>'),
    ).toEqual([
      { text: 'Say ', hit: false },
      { text: 'sorry', hit: true },
      { text: ' & mean it: <b> x ', hit: false },
      { text: 'Sorry', hit: true },
    ]);
    expect(passageParts('')).toEqual([]);
  });
});

describe('toSearchHit', () => {
  const page = {
    url: '/templates/call-guide/',
    excerpt: 'page <mark>apology</mark>',
    meta: { title: 'Call guide' },
  };

  it('shows the best section, with its heading as a link, when there is one', () => {
    const hit = toSearchHit({
      ...page,
      sub_results: [
        { url: '/templates/call-guide/', title: 'Call guide', excerpt: 'intro' },
        {
          url: '/templates/call-guide/#3-apologise',
          title: '3. Apologise',
          excerpt: 'an <mark>apology</mark>',
        },
      ],
    });
    expect(hit).toEqual({
      url: '/templates/call-guide/',
      title: 'Call guide',
      section: { url: '/templates/call-guide/#3-apologise', title: '3. Apologise' },
      passage: [
        { text: 'an ', hit: false },
        { text: 'apology', hit: true },
      ],
    });
  });

  it("falls back to the page's excerpt and its address when there is no section or title", () => {
    expect(toSearchHit({ ...page, meta: {} })).toEqual({
      url: page.url,
      title: page.url,
      section: undefined,
      passage: [
        { text: 'page ', hit: false },
        { text: 'apology', hit: true },
      ],
    });
  });
});

describe('queryFrom', () => {
  it('reads and trims ?q=, or gives ""', () => {
    expect(queryFrom('?q=%20apology%20')).toBe('apology');
    expect(queryFrom('?x=1')).toBe('');
    expect(queryFrom('')).toBe('');
  });
});
