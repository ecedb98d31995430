import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findBankProblems, normaliseBank, visibleStatements, type Bank } from '../../src/lib/bank';
import { bankSchema } from '../../src/lib/bank-schema';

/** Reads the real bank files with the build's schema, so a content edit that breaks a rule fails here. */
const dir = join(import.meta.dirname, '../../content/navigator');
const pages = new Set(
  readdirSync(join(import.meta.dirname, '../../content/playbook')).map((f) =>
    f.replace(/\.md$/, ''),
  ),
);

function load(version: number): Bank {
  const text = readFileSync(join(dir, `culture-navigator-v${version}.yaml`), 'utf8');
  return normaliseBank(bankSchema.parse(parse(text)));
}

describe('the released question banks', () => {
  it('are both valid, with no cross-check problems', () => {
    expect(findBankProblems(load(1), pages)).toEqual([]);
    expect(findBankProblems(load(2), pages)).toEqual([]);
  });

  it('keep version 1 on scoring rules 1, with every action for anyone and every statement for every role', () => {
    const v1 = load(1);
    expect(v1.rules).toEqual({ version: 1 });
    expect(v1.notApplicable).toBeUndefined();
    expect(v1.actions.every((a) => a.actors.join() === 'anyone')).toBe(true);
    expect(visibleStatements(v1, 'frontline')).toHaveLength(41);
  });

  it('give version 2 the same nine dimension ids, 40 to 48 statements and balanced keying', () => {
    const [v1, v2] = [load(1), load(2)];
    expect(v2.dimensions.map((d) => d.id)).toEqual(v1.dimensions.map((d) => d.id));
    const statements = v2.dimensions.flatMap((d) => d.statements);
    expect(statements.length).toBeGreaterThanOrEqual(40);
    expect(statements.length).toBeLessThanOrEqual(48);
    const reverse = v2.dimensions.map((d) => d.statements.filter((s) => s.reverse).length);
    expect(new Set(reverse).size).toBe(1);
    expect(reverse[0]).toBeGreaterThanOrEqual(1);
    expect(v2.rules.version).toBe(2);
    expect(v2.notApplicable).toBeDefined();
    expect(v2.instructions).toMatch(/twelve months/);
  });

  it('show every version 2 statement to every role, so the perception gap compares one set', () => {
    // Each statement records its judges in the file itself, not by default.
    const raw = parse(readFileSync(join(dir, 'culture-navigator-v2.yaml'), 'utf8')) as {
      dimensions: { statements: { judges?: string[] }[] }[];
    };
    const recorded = raw.dimensions.flatMap((d) => d.statements.map((s) => s.judges));
    expect(recorded.every((judges) => judges?.length === 4)).toBe(true);
    const v2 = load(2);
    for (const role of v2.roles) expect(visibleStatements(v2, role.id)).toHaveLength(45);
  });

  it('word version 2 afresh: no statement repeats a version 1 statement', () => {
    const v1Texts = new Set(load(1).dimensions.flatMap((d) => d.statements.map((s) => s.text)));
    const v2Texts = load(2).dimensions.flatMap((d) => d.statements.map((s) => s.text));
    expect(v2Texts.filter((t) => v1Texts.has(t))).toEqual([]);
    expect(v2Texts.join(' ')).not.toMatch(/chief executive|central to the strategy/i);
  });

  it('never tells anyone to ask the chief executive, and gives every dimension an action for anyone', () => {
    const v2 = load(2);
    expect(v2.actions.filter((a) => /chief executive/i.test(a.text))).toEqual([]);
    for (const d of v2.dimensions) {
      expect(v2.actions.some((a) => a.dimension === d.id && a.actors.includes('anyone'))).toBe(
        true,
      );
    }
  });
});
