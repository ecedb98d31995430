import { describe, expect, it } from 'vitest';
import { PRACTICE_GROUPS, ROLE_IDS, findSectionProblems } from '../../src/lib/playbook';
import { findContentProblems, type NextStepLink } from '../../src/lib/site-content';
import { readCollection, readGlossary } from '../support/content';

/** Reads the real playbook files, so a content edit that breaks a promise fails here. */
const pages = readCollection<{ title: string; kind: string; order: number }>('playbook');
const ids = new Set(pages.map((page) => page.id));

describe('the published playbook', () => {
  it('has the five steps in the intended order', () => {
    const steps = pages
      .filter((page) => page.data.kind === 'step')
      .sort((a, b) => a.data.order - b.data.order)
      .map((page) => page.id);
    expect(steps).toEqual([
      'commit-to-change',
      'decide-on-your-ideal-customer',
      'listen-for-strengths-and-weaknesses',
      'take-action',
      'repeat-and-celebrate',
    ]);
  });

  it('has ten practices, two in each group', () => {
    const practices = pages.filter((page) => page.data.kind === 'practice');
    expect(practices.map((page) => page.id).sort()).toEqual([
      'be-proactive',
      'build-visibility',
      'connect-the-dots',
      'embrace-feedback',
      'focus-on-the-positives',
      'friendly-competition',
      'incent-and-inspire',
      'set-goals',
      'train',
      'walk-the-walk',
    ]);
    for (const group of PRACTICE_GROUPS) {
      const inGroup = practices.filter(
        (page) => (page.data as { group?: string }).group === group.id,
      );
      expect(inGroup, group.id).toHaveLength(2);
    }
  });

  it('explains why feedback is ignored and how to connect it to action', () => {
    expect(ids.has('why-feedback-is-ignored')).toBe(true);
    expect(ids.has('connect-feedback-to-action')).toBe(true);
  });

  it.each(pages.map((page) => [page.id, page] as const))(
    '%s has every required section',
    (_, page) => {
      const headings = [...page.body.matchAll(/^## (.+)$/gm)].map((m) => (m[1] ?? '').trim());
      expect(findSectionProblems(page.id, headings)).toEqual([]);
    },
  );

  it.each(pages.map((page) => [page.id, page] as const))(
    '%s names who leads it and a next step',
    (_, page) => {
      const data = page.data as { roles?: string[]; next?: { path?: string; label?: string } };
      expect(data.roles?.length ?? 0).toBeGreaterThan(0);
      for (const role of data.roles ?? []) expect(ROLE_IDS).toContain(role);
      expect(data.next?.path).toMatch(/^\/[a-z0-9/-]+\/$/);
      expect(data.next?.label?.length ?? 0).toBeGreaterThan(4);
    },
  );
});

describe('links between pages, templates, guides and the glossary', () => {
  const source = {
    playbook: readCollection<{ next: NextStepLink }>('playbook').map((file) => ({
      id: file.id,
      body: file.body,
      next: file.data.next,
    })),
    templates: readCollection('templates').map((file) => ({ id: file.id, body: file.body })),
    guides: readCollection<{ role?: string; next: NextStepLink }>('guides').map((file) => ({
      id: file.id,
      body: file.body,
      ...file.data,
    })),
    glossary: readGlossary(),
  };

  it('has a roadmap, three role paths, at least six templates and the glossary terms asked for', () => {
    expect(source.guides.map((guide) => guide.role ?? 'roadmap').sort()).toEqual([
      'executive',
      'frontline',
      'manager',
      'roadmap',
    ]);
    expect(source.templates.map((template) => template.id)).toEqual(
      expect.arrayContaining([
        'call-guide',
        'root-cause-interview',
        'you-said-we-did',
        'business-case',
        'incentive-phasing',
        'navigator-debrief',
      ]),
    );
    expect(source.glossary.map((term) => term.id)).toEqual(
      expect.arrayContaining([
        'net-promoter-score',
        'promoters',
        'passives',
        'detractors',
        'customer-loyalty-index',
        'csat',
        'customer-effort',
        'top-box',
        'closed-loop',
        'voice-of-the-prospect',
        'voice-of-the-customer',
        'voice-of-the-employee',
        'detractor-recovery',
        'centre-of-expertise',
      ]),
    );
  });

  it('links only to pages and glossary terms that exist, links every template, uses every term', () => {
    expect(findContentProblems(source)).toEqual([]);
  });

  it('catches a template nobody links to and a term nobody uses', () => {
    const broken = {
      ...source,
      templates: [...source.templates, { id: 'orphan', body: 'text' }],
      glossary: [...source.glossary, { id: 'zzz', term: 'Zzz', match: ['zzzq'] }],
    };
    expect(findContentProblems(broken)).toEqual([
      'content/templates/orphan.md: no page links to /templates/orphan/; link it where it is needed',
      'content/glossary.yaml: "Zzz" is used on no page; use or drop it',
    ]);
  });

  it('catches a broken next step and a broken glossary pointer', () => {
    const [first, ...rest] = source.playbook;
    if (first === undefined) throw new Error('no playbook pages');
    const broken = {
      ...source,
      playbook: [{ ...first, next: { path: '/playbook/nowhere/', label: 'Go' } }, ...rest],
      glossary: [
        ...source.glossary,
        { id: 'x', term: 'X', match: ['Net Promoter Score'], more: '/gone/' },
      ],
    };
    expect(findContentProblems(broken)).toEqual([
      `content/playbook/${first.id}.md: link "playbook/nowhere/" reaches /playbook/nowhere/, which is not a page`,
      'content/glossary.yaml (x): link "gone/" reaches /gone/, which is not a page',
    ]);
  });
});
