import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PRACTICE_GROUPS, findSectionProblems } from '../../src/lib/playbook';

/** Reads the real playbook files, so a content edit that breaks a promise fails here. */
const dir = join(import.meta.dirname, '../../content/playbook');
const files = readdirSync(dir).filter((name) => name.endsWith('.md'));
const pages = files.map((name) => {
  const text = readFileSync(join(dir, name), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${name} has no frontmatter`);
  const data = parse(match[1] ?? '') as { title: string; kind: string; order: number };
  return { id: name.replace(/\.md$/, ''), data, body: match[2] ?? '' };
});
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
    '%s links only to pages that exist',
    (_, page) => {
      const targets = [...page.body.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1] ?? '');
      for (const target of targets) {
        expect(target, `${page.id} links to ${target}`).toMatch(/^\.\.\/[a-z0-9-]+\/$/);
        expect(ids.has(target.slice(3, -1)), `${page.id} links to ${target}`).toBe(true);
      }
    },
  );
});
