/**
 * How fast the team view reads and pools 10,000 share links (its design load: a large
 * organisation's survey pasted at once). Decoding and aggregating must each stay under 50 ms
 * (median run) on the 2-core CI machine; `npm run bench` fails otherwise. Parsing and scoring
 * together is measured for the README's figures.
 *
 * Vitest 5's benchmark API is the `bench` test-context fixture (there is no top-level `bench`
 * export any more); run with `npx vitest bench --run --config vitest.bench.config.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { aggregateTeam, parseTeamLinks, type TeamResponse } from '../../src/lib/aggregate';
import type { Bank } from '../../src/lib/bank';
import type { AnswerValue } from '../../src/lib/scoring';
import { decodeResult, encodeResult, sharedFromResponse } from '../../src/lib/share-link';

const COUNT = 10_000;
/** Issue 4's target for decoding 10,000 links, and for aggregating 10,000 responses (median run). */
const BUDGET_MS = 50;
const bankFile = join(import.meta.dirname, '../../content/navigator/culture-navigator-v1.yaml');
const bank = parse(readFileSync(bankFile, 'utf8')) as Bank;

/** Mulberry32: a tiny seeded generator, so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20_261_122);
const statements = bank.dimensions.flatMap((d) => d.statements);
const labels = ['', 'North', 'South', 'East', 'West', 'Head office', 'Zürich — Support'];
const fragments: string[] = [];
const seen = new Set<string>();
while (fragments.length < COUNT) {
  // Mostly answered, some "don't know" (0) and some blanks: the realistic mix, so that some
  // dimensions and overall indices come out as "not enough answers".
  const answers: Record<string, AnswerValue> = {};
  for (const statement of statements) {
    const roll = next();
    if (roll < 0.05) continue;
    answers[statement.id] = (roll < 0.1 ? 0 : 1 + Math.floor(next() * 5)) as AnswerValue;
  }
  const role = bank.roles[Math.floor(next() * bank.roles.length)]?.id ?? 'other';
  const label = labels[Math.floor(next() * labels.length)] ?? '';
  const fragment = encodeResult(sharedFromResponse(bank, role, answers, label));
  if (seen.has(fragment)) continue;
  seen.add(fragment);
  fragments.push(fragment);
}
// The team view receives pasted lines: full URLs, as respondents send them.
const lines = fragments.map((fragment) => `https://example.org/result/#${fragment}`);
const responses: TeamResponse[] = parseTeamLinks(lines, bank).responses;

describe('team view, 10,000 links', () => {
  test('the generated data is what the benchmarks claim', () => {
    expect(new Set(fragments).size).toBe(COUNT);
    expect(responses).toHaveLength(COUNT);
  });

  test('decode 10,000 links', async ({ bench }) => {
    const result = await bench('decode 10,000 links', () => {
      for (const fragment of fragments) decodeResult(fragment);
    }).run();
    expect(result.latency.p50).toBeLessThan(BUDGET_MS);
  });

  test('parse and score 10,000 links', async ({ bench }) => {
    await bench('parse and score 10,000 links', () => {
      parseTeamLinks(lines, bank);
    }).run();
  });

  test('aggregate 10,000 responses', async ({ bench }) => {
    const result = await bench('aggregate 10,000 responses', () => {
      aggregateTeam(bank, responses);
    }).run();
    expect(result.latency.p50).toBeLessThan(BUDGET_MS);
  });
});
