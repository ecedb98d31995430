import { describe, expect, it } from 'vitest';
import {
  PlaybookContentError,
  REQUIRED_SECTIONS,
  ROADMAP_PATH,
  ROLE_IDS,
  rolePath,
  buildPlaybook,
  findPlaybookProblems,
  findSectionProblems,
  pagesOfKind,
  practicesIn,
  sortPlaybook,
  type PlaybookPage,
} from '../../src/lib/playbook';

function page(id: string, extra: Partial<PlaybookPage> = {}): PlaybookPage {
  return { id, title: id, summary: `${id} summary`, kind: 'step', order: 1, related: [], ...extra };
}

const pages: PlaybookPage[] = [
  page('insight-b', { kind: 'insight', order: 2 }),
  page('practice-measure', { kind: 'practice', group: 'measure', order: 1 }),
  page('step-two', { order: 2, related: ['step-one'] }),
  page('practice-lead-2', { kind: 'practice', group: 'lead', order: 2 }),
  page('insight-a', { kind: 'insight', order: 1 }),
  page('step-one', { order: 1, related: ['step-two', 'insight-a'] }),
  page('practice-lead-1', { kind: 'practice', group: 'lead', order: 1 }),
];

describe('sortPlaybook', () => {
  it('puts steps first, then practices by group, then insights, each by order', () => {
    expect(sortPlaybook(pages).map((p) => p.id)).toEqual([
      'step-one',
      'step-two',
      'practice-lead-1',
      'practice-lead-2',
      'practice-measure',
      'insight-a',
      'insight-b',
    ]);
  });

  it('does not change the input array', () => {
    const copy = [...pages];
    sortPlaybook(pages);
    expect(pages).toEqual(copy);
  });

  it('breaks ties by slug so the order is stable', () => {
    const tied = [page('b'), page('a')];
    expect(sortPlaybook(tied).map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('buildPlaybook', () => {
  it('links each page to its neighbours and related pages', () => {
    const built = buildPlaybook(pages);
    expect(built).toHaveLength(pages.length);
    const first = built[0];
    expect(first?.page.id).toBe('step-one');
    expect(first?.previous).toBeUndefined();
    expect(first?.next?.id).toBe('step-two');
    expect(first?.related.map((p) => p.id)).toEqual(['step-two', 'insight-a']);
    const last = built.at(-1);
    expect(last?.page.id).toBe('insight-b');
    expect(last?.previous?.id).toBe('insight-a');
    expect(last?.next).toBeUndefined();
  });

  it('refuses a related link to a page that does not exist, naming file and field', () => {
    const broken = [...pages, page('lonely', { order: 9, related: ['nowhere'] })];
    expect(() => buildPlaybook(broken)).toThrow(PlaybookContentError);
    expect(() => buildPlaybook(broken)).toThrow(
      'content/playbook/lonely.md: field "related" names "nowhere", which is not a page',
    );
  });
});

describe('findPlaybookProblems', () => {
  it('finds nothing wrong with consistent pages', () => {
    expect(findPlaybookProblems(pages)).toEqual([]);
  });

  it('reports a page that lists itself as related', () => {
    expect(findPlaybookProblems([page('self', { related: ['self'] })])).toEqual([
      'content/playbook/self.md: field "related" names the page itself',
    ]);
  });

  it('reports two pages of the same kind and group sharing an order number', () => {
    const problems = findPlaybookProblems([page('a'), page('b')]);
    expect(problems).toEqual([
      'content/playbook/b.md: field "order" (1) is already used by content/playbook/a.md',
    ]);
  });

  it('allows the same order number in different practice groups', () => {
    const twoGroups = [
      page('a', { kind: 'practice', group: 'lead' }),
      page('b', { kind: 'practice', group: 'listen' }),
    ];
    expect(findPlaybookProblems(twoGroups)).toEqual([]);
  });
});

describe('findSectionProblems', () => {
  it('accepts the required sections in order, with other headings around them', () => {
    const headings = ['Intro', REQUIRED_SECTIONS[0], 'Extra', ...REQUIRED_SECTIONS.slice(1), 'End'];
    expect(findSectionProblems('ok', headings)).toEqual([]);
  });

  it('names each missing section', () => {
    expect(findSectionProblems('thin', ['Pitfalls'])).toEqual([
      'content/playbook/thin.md: the body has no "## Why it matters" section',
      'content/playbook/thin.md: the body has no "## Do now" section',
    ]);
  });

  it('reports a section that comes too early', () => {
    expect(findSectionProblems('swap', ['Do now', 'Why it matters'])).toEqual([
      'content/playbook/swap.md: "## Do now" is out of order',
    ]);
  });
});

describe('rolePath', () => {
  it('gives each role its path and anyone else the roadmap', () => {
    expect(ROLE_IDS).toEqual(['executive', 'manager', 'frontline']);
    expect(rolePath('executive')).toBe('/playbook/roles/executive/');
    expect(rolePath('frontline')).toBe('/playbook/roles/frontline/');
    expect(rolePath('other')).toBe(ROADMAP_PATH);
    expect(ROADMAP_PATH).toBe('/playbook/roadmap/');
  });
});

describe('pagesOfKind and practicesIn', () => {
  it('selects one kind in order', () => {
    expect(pagesOfKind(pages, 'insight').map((p) => p.id)).toEqual(['insight-a', 'insight-b']);
  });

  it('selects the practices of one group in order', () => {
    expect(practicesIn(pages, 'lead').map((p) => p.id)).toEqual([
      'practice-lead-1',
      'practice-lead-2',
    ]);
    expect(practicesIn(pages, 'recognise')).toEqual([]);
  });
});
