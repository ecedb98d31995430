import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DONT_KNOW,
  answeredCount,
  itemScore,
  scoreDimension,
  scoreResponse,
  stageFor,
  type AnswerValue,
} from '../../src/lib/scoring';
import { answerAll, dimension, testBank } from '../fixtures/test-bank';

const bank = testBank();

describe('itemScore', () => {
  it('maps the agreement scale onto 0 to 100', () => {
    expect([1, 2, 3, 4, 5].map((a) => itemScore(a as 1, false))).toEqual([0, 25, 50, 75, 100]);
  });

  it('flips reverse-worded items', () => {
    expect([1, 2, 3, 4, 5].map((a) => itemScore(a as 1, true))).toEqual([100, 75, 50, 25, 0]);
  });
});

describe('scoreDimension', () => {
  const d = dimension('d', 4, 1, [4]);

  it('averages item scores with reverse items flipped', () => {
    // 100, 75, 50 and a reverse 2 → 75: mean 75.
    const result = scoreDimension(d, { 'd-1': 5, 'd-2': 4, 'd-3': 3, 'd-4': 2 });
    expect(result).toMatchObject({ score: 75, exact: 75, scored: 4, dontKnow: 0, total: 4 });
  });

  it('leaves "don\'t know" out of the denominator', () => {
    const result = scoreDimension(d, { 'd-1': 5, 'd-2': 4, 'd-3': DONT_KNOW });
    expect(result).toMatchObject({ score: 88, exact: 87.5, scored: 2, dontKnow: 1 });
  });

  it('says "not enough answers" (null, never 0) below half the statements', () => {
    const result = scoreDimension(d, { 'd-1': 1, 'd-2': DONT_KNOW, 'd-3': DONT_KNOW });
    expect(result.score).toBeNull();
    expect(result.exact).toBeNull();
    expect(result.scored).toBe(1);
  });

  it('scores with exactly half the statements answered', () => {
    expect(scoreDimension(d, { 'd-1': 1, 'd-2': 2 }).score).toBe(13);
  });

  it('needs three of five statements in a five-statement dimension', () => {
    const five = dimension('f', 5);
    expect(scoreDimension(five, { 'f-1': 5, 'f-2': 5 }).score).toBeNull();
    expect(scoreDimension(five, { 'f-1': 5, 'f-2': 5, 'f-3': 5 }).score).toBe(100);
  });

  it('treats a single answer in a dimension as not enough', () => {
    expect(scoreDimension(d, { 'd-1': 5 }).score).toBeNull();
  });
});

describe('scoreResponse', () => {
  it('gives no index and no stage when everything is "don\'t know"', () => {
    const result = scoreResponse(bank, answerAll(bank, DONT_KNOW));
    expect(result.overall).toBeNull();
    expect(result.stage).toBeNull();
    expect(result.dimensions.every((d) => d.score === null && d.dontKnow === d.total)).toBe(true);
    expect(result.uncovered.map((d) => d.id)).toEqual(['lead', 'listen', 'train', 'cheer']);
  });

  it('gives no index for an empty response', () => {
    expect(scoreResponse(bank, {}).overall).toBeNull();
  });

  it('gives no index for a single answer', () => {
    const result = scoreResponse(bank, { 'lead-1': 5 });
    expect(result.overall).toBeNull();
    expect(result.uncovered).toHaveLength(4);
  });

  it('averages the dimensions that have enough answers', () => {
    const answers = {
      ...answerAll(bank, DONT_KNOW),
      'lead-1': 5,
      'lead-2': 5,
      'listen-1': 3,
    } as const;
    const partial = { ...answers, 'listen-2': 3, 'listen-3': 3 } as const;
    const result = scoreResponse(bank, partial);
    expect(result.dimensions.map((d) => d.score)).toEqual([100, 50, null, null]);
    expect(result.overall).toBe(75);
    expect(result.stage?.id).toBe('s4');
    expect(result.uncovered.map((d) => d.id)).toEqual(['train', 'cheer']);
  });

  it('needs half of the dimensions scored for an overall index', () => {
    const oneDimension = { 'lead-1': 5, 'lead-2': 5 } as const;
    expect(scoreResponse(bank, oneDimension).overall).toBeNull();
  });

  it('handles reverse items: all "strongly agree" is not a perfect score', () => {
    const result = scoreResponse(bank, answerAll(bank, 5));
    // Four-statement dimensions: three at 100 and one reverse at 0 → 75; five: 80.
    expect(result.dimensions.map((d) => d.score)).toEqual([75, 80, 75, 75]);
    expect(result.overall).toBe(76);
  });

  it('rounds the overall index from the unrounded dimension means', () => {
    const lead = { 'lead-1': 5, 'lead-2': 4, 'lead-3': 4 } as const;
    const listen = { 'listen-1': 5, 'listen-2': 5, 'listen-3': 4, 'listen-4': 4 } as const;
    const result = scoreResponse(bank, { ...lead, ...listen });
    // lead 83.33 (shown 83) and listen 87.5 (shown 88): the mean of the exact scores is 85.42,
    // so the index is 85, where averaging the rounded scores would give 86.
    expect(result.dimensions.map((d) => d.score)).toEqual([83, 88, null, null]);
    expect(result.overall).toBe(85);
  });
});

describe('stageFor', () => {
  it.each([
    [0, 's1'],
    [19, 's1'],
    [20, 's2'],
    [39, 's2'],
    [40, 's3'],
    [59, 's3'],
    [60, 's4'],
    [79, 's4'],
    [80, 's5'],
    [100, 's5'],
  ])('puts %i in stage %s', (index, stage) => {
    expect(stageFor(bank.stages, index).id).toBe(stage);
  });

  it('refuses a bank without stages', () => {
    expect(() => stageFor([], 50)).toThrow('at least one stage');
  });
});

describe('answeredCount', () => {
  it('counts "don\'t know" as answered', () => {
    expect(answeredCount(bank, { 'lead-1': 0, 'lead-2': 3, nope: 5 })).toBe(2);
  });
});

describe('properties', () => {
  const ids = bank.dimensions.flatMap((d) => d.statements.map((s) => s.id));
  const answerValue = fc.constantFrom<AnswerValue>(0, 1, 2, 3, 4, 5);
  const maybeAnswer = fc.option(answerValue, { nil: undefined });
  const response = fc
    .tuple(...ids.map(() => maybeAnswer))
    .map((values) =>
      Object.fromEntries(
        ids.flatMap((id, i) => (values[i] === undefined ? [] : [[id, values[i]]])),
      ),
    );

  it('keeps every score within 0 to 100', () => {
    fc.assert(
      fc.property(response, (answers) => {
        const result = scoreResponse(bank, answers);
        const scores = [result.overall, ...result.dimensions.map((d) => d.score)];
        return scores.every((s) => s === null || (s >= 0 && s <= 100 && Number.isInteger(s)));
      }),
    );
  });

  it('never lowers a score when an answer on a normal item moves towards agreement', () => {
    const normal = bank.dimensions.flatMap((d) => d.statements.filter((s) => !s.reverse));
    fc.assert(
      fc.property(
        response,
        fc.constantFrom(...normal.map((s) => s.id)),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (answers, id, from, step) => {
          const before = { ...answers, [id]: from as AnswerValue };
          const after = { ...answers, [id]: Math.min(5, from + step) as AnswerValue };
          const a = scoreResponse(bank, before);
          const b = scoreResponse(bank, after);
          const pairs = [
            [a.overall, b.overall],
            ...a.dimensions.map((d, i) => [d.score, b.dimensions[i]?.score]),
          ];
          return pairs.every(
            ([x, y]) => x === null || x === undefined || (y !== null && y !== undefined && y >= x),
          );
        },
      ),
    );
  });
});
