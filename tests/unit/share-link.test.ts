import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normaliseBank, type Bank } from '../../src/lib/bank';
import { bankSchema } from '../../src/lib/bank-schema';
import { makePlan } from '../../src/lib/priorities';
import {
  NOT_APPLICABLE,
  scoreResponse,
  type AnswerValue,
  type DimensionScore,
} from '../../src/lib/scoring';
import {
  MAX_FRAGMENT,
  decodeResult,
  encodeResult,
  type SharedResult,
} from '../../src/lib/share-link';
import {
  responseFromShared,
  resultLink,
  shareFragment,
  shareUrl,
  sharedFromResponse,
} from '../../src/lib/share-response';
import { crc32 } from '../../src/lib/crc32';

/** A released bank version, read and checked as the build reads it. */
function loadBank(version: number): Bank {
  const file = join(
    import.meta.dirname,
    `../../content/navigator/culture-navigator-v${version}.yaml`,
  );
  return normaliseBank(bankSchema.parse(parse(readFileSync(file, 'utf8'))));
}

const bank = loadBank(1);
const statementCount = bank.dimensions.reduce((sum, d) => sum + d.statements.length, 0);

const answer = fc.option(fc.constantFrom<AnswerValue>(0, 1, 2, 3, 4, 5, 6), { nil: undefined });
const sharedResult = fc.record({
  bank: fc.constant('culture-navigator'),
  version: fc.integer({ min: 1, max: 255 }),
  role: fc.integer({ min: 0, max: 255 }),
  answers: fc.array(answer, { maxLength: 60 }),
  label: fc.string({ maxLength: 60 }),
});

function full(label = ''): SharedResult {
  return {
    bank: 'culture-navigator',
    version: 1,
    role: 1,
    answers: Array.from({ length: statementCount }, (_, i) => (i % 6) as AnswerValue),
    label,
  };
}

describe('encodeResult', () => {
  it('fits a full response without a label in 100 characters', () => {
    const fragment = encodeResult(full());
    expect(fragment.length).toBeLessThanOrEqual(100);
    expect(fragment).toMatch(/^r1\.[A-Za-z0-9_-]+$/);
  });

  it('keeps a 60-character label under the size limit', () => {
    expect(encodeResult(full('é'.repeat(60))).length).toBeLessThan(MAX_FRAGMENT);
  });

  it('refuses values a link cannot carry', () => {
    expect(() => encodeResult({ ...full(), bank: 'other' })).toThrow(RangeError);
    expect(() => encodeResult({ ...full(), version: 256 })).toThrow(RangeError);
    expect(() => encodeResult({ ...full(), label: 'x'.repeat(241) })).toThrow(RangeError);
  });
});

describe('decodeResult', () => {
  it('gives back exactly what was encoded, for every valid result', () => {
    fc.assert(
      fc.property(sharedResult, (result) => {
        const decoded = decodeResult(`#${encodeResult(result)}`);
        expect(decoded).toEqual({ ok: true, result });
      }),
    );
  });

  it('never throws on arbitrary text and always returns a typed error or a result', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        const decoded = decodeResult(text);
        expect(typeof decoded.ok).toBe('boolean');
        if (!decoded.ok) expect(decoded.message.length).toBeGreaterThan(20);
      }),
    );
  });

  it('accepts a checksummed link only in the exact spelling its result encodes to', () => {
    // Links with a valid checksum but any bits at all: random answer bits (spare bits and the
    // unused code 7 included), any label bytes (invalid UTF-8 and byte-order marks included),
    // and stray bits in the last character. Whatever is accepted must re-encode to itself.
    const labelBytes = fc.oneof(
      fc.string({ maxLength: 20 }).map((text) => [...new TextEncoder().encode(text)]),
      fc.constant([0xef, 0xbb, 0xbf, 0x41]),
      fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 20 }),
    );
    const last = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const link = fc
      .record({
        version: fc.integer({ min: 0, max: 255 }),
        role: fc.integer({ min: 0, max: 255 }),
        codes: fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 60 }),
        label: labelBytes,
        // Half the links are spelled as this site spells them, half carry stray bits.
        clean: fc.boolean(),
        stray: fc.integer({ min: 1, max: 255 }),
      })
      .map(({ version, role, codes, label, clean, stray }) => {
        const used = clean ? codes.map((code) => code % 7) : codes;
        const answers = new Uint8Array(Math.ceil((used.length * 3) / 8));
        used.forEach((code, i) => {
          for (let b = 0; b < 3; b += 1) {
            const bit = i * 3 + b;
            if ((code >> (2 - b)) & 1)
              answers[bit >> 3] = (answers[bit >> 3] ?? 0) | (0x80 >> (bit & 7));
          }
        });
        const spare = answers.length * 8 - used.length * 3;
        if (!clean && spare > 0)
          answers.set([(answers.at(-1) ?? 0) | (stray & ((1 << spare) - 1))], answers.length - 1);
        const body = Uint8Array.from([
          1,
          0,
          version,
          role,
          used.length,
          ...answers,
          label.length,
          ...label,
        ]);
        const crc = crc32(body);
        const bytes = Buffer.from([
          ...body,
          crc >>> 24,
          (crc >>> 16) & 255,
          (crc >>> 8) & 255,
          crc & 255,
        ]);
        const text = `r1.${bytes.toString('base64url')}`;
        if (clean) return text;
        const unused = bytes.length % 3 === 1 ? 4 : bytes.length % 3 === 2 ? 2 : 0;
        const value = last.indexOf(text.at(-1) ?? 'A') | (stray & ((1 << unused) - 1));
        return text.slice(0, -1) + last.charAt(value);
      });
    let accepted = 0;
    fc.assert(
      fc.property(link, (text) => {
        const decoded = decodeResult(text);
        if (decoded.ok) {
          accepted += 1;
          expect(encodeResult(decoded.result)).toBe(text);
        }
      }),
      { numRuns: 2000 },
    );
    // The generator must reach the accepting path often enough to mean something.
    expect(accepted).toBeGreaterThan(50);
  });

  it.each([
    ['', 'empty'],
    ['#', 'empty'],
    [`r1.${'A'.repeat(MAX_FRAGMENT)}`, 'oversized'],
    ['hello', 'malformed'],
    ['r1.abc$def', 'malformed'],
    ['r9.AAAA', 'unknown-format'],
    ['r1.AAAA', 'truncated'],
  ])('rejects %j as %s', (text, error) => {
    expect(decodeResult(text)).toMatchObject({ ok: false, error });
  });

  it('rejects a link cut short', () => {
    const fragment = encodeResult(full('Team A'));
    expect(decodeResult(fragment.slice(0, -5))).toMatchObject({ ok: false });
    expect(decodeResult(fragment.slice(0, 14))).toMatchObject({ ok: false, error: 'truncated' });
  });

  it('rejects an altered character with the checksum', () => {
    const fragment = encodeResult(full());
    const i = 10;
    const swapped =
      fragment.slice(0, i) + (fragment[i] === 'A' ? 'B' : 'A') + fragment.slice(i + 1);
    expect(decodeResult(swapped)).toMatchObject({ ok: false, error: 'checksum' });
  });

  it('accepts none of 100,000 random single-character mutations of valid links', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    const links = [
      full(),
      full('North region'),
      { ...full(), answers: full().answers.map(() => undefined) },
    ].map(encodeResult);
    // A small deterministic generator, so the figure is the same on every run.
    let seed = 20261122;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let accepted = 0;
    const trials = 100_000;
    for (let t = 0; t < trials; t += 1) {
      const link = links[t % links.length] ?? '';
      const at = Math.floor(random() * link.length);
      let replacement = link[at] ?? '';
      while (replacement === link[at])
        replacement = alphabet[Math.floor(random() * alphabet.length)] ?? '';
      const mutated = link.slice(0, at) + replacement + link.slice(at + 1);
      if (decodeResult(mutated).ok) accepted += 1;
    }
    console.log(`single-character mutations accepted: ${accepted} of ${trials}`);
    expect(accepted).toBe(0);
  });
});

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('responseFromShared and sharedFromResponse', () => {
  it('maps answers to statement ids and back', () => {
    const ids = bank.dimensions.flatMap((d) => d.statements.map((s) => s.id));
    const answers = { [ids[0] ?? '']: 5, [ids[3] ?? '']: 0 } as const;
    const shared = sharedFromResponse(bank, 'frontline', answers, 'Ops');
    expect(shared.role).toBe(2);
    expect(shared.answers).toHaveLength(ids.length);
    const back = responseFromShared(shared, bank);
    expect(back).toMatchObject({
      ok: true,
      response: { role: 'frontline', answers, label: 'Ops' },
    });
  });

  it('refuses a link whose statement count or role does not fit the bank', () => {
    expect(responseFromShared({ ...full(), answers: [1, 2] }, bank)).toMatchObject({
      ok: false,
      error: 'mismatch',
    });
    expect(responseFromShared({ ...full(), role: 9 }, bank)).toMatchObject({ ok: false });
    expect(responseFromShared({ ...full(), version: 2 }, bank)).toMatchObject({ ok: false });
    expect(() => sharedFromResponse(bank, 'nobody', {}, '')).toThrow(RangeError);
  });
});

describe('shareFragment', () => {
  it('gives the same fragment as encoding the packed response', () => {
    const made = shareFragment(bank, 'executive', {}, 'Board');
    expect(made).toEqual({
      ok: true,
      fragment: encodeResult(sharedFromResponse(bank, 'executive', {}, 'Board')),
    });
  });

  it('gives a reason instead of throwing when no link can be made', () => {
    expect(shareFragment(bank, null, {}, '')).toMatchObject({ ok: false, reason: /role/ });
    expect(shareFragment(bank, 'nobody', {}, '')).toMatchObject({ ok: false, reason: /role/ });
    expect(shareFragment({ ...bank, id: 'other-bank' }, 'executive', {}, '')).toMatchObject({
      ok: false,
      reason: /Export/,
    });
  });
});

describe('resultLink', () => {
  it('is the share URL on the result page, or the reason there is none', () => {
    const fragment = encodeResult(sharedFromResponse(bank, 'manager', {}, 'Acme'));
    expect(resultLink('https://example.org/result/', bank, 'manager', {}, 'Acme')).toEqual({
      url: `https://example.org/result/#${fragment}`,
      reason: undefined,
    });
    // Not served over http(s): no link, and the page (not the response) is the reason.
    expect(resultLink('file:///site/result/', bank, 'manager', {}, '')).toEqual({
      url: null,
      reason: undefined,
    });
    expect(resultLink('https://example.org/result/', bank, null, {}, '')).toMatchObject({
      url: null,
      reason: /role/,
    });
  });
});

describe('shareUrl', () => {
  it('puts the fragment on an http(s) page address and drops any query', () => {
    expect(shareUrl('https://example.org/ccn/result/?x=1#old', 'r1.AB')).toBe(
      'https://example.org/ccn/result/#r1.AB',
    );
    expect(shareUrl('http://localhost:4321/result/', 'r1.AB')).toBe(
      'http://localhost:4321/result/#r1.AB',
    );
  });

  it('offers no link for other schemes or broken addresses', () => {
    expect(shareUrl('javascript:alert(1)', 'r1.AB')).toBeNull();
    expect(shareUrl('file:///tmp/index.html', 'r1.AB')).toBeNull();
    expect(shareUrl('not a url', 'r1.AB')).toBeNull();
  });
});

describe('not applicable in links', () => {
  const v2 = loadBank(2);
  const v2Count = v2.dimensions.reduce((sum, d) => sum + d.statements.length, 0);

  it('carries "not applicable" (code 7) for a bank that offers it', () => {
    const ids = v2.dimensions.flatMap((d) => d.statements.map((s) => s.id));
    const answers: Record<string, AnswerValue> = {
      [ids[0] ?? '']: NOT_APPLICABLE,
      [ids[1] ?? '']: 0,
      [ids[2] ?? '']: 5,
    };
    const shared = sharedFromResponse(v2, 'manager', answers, '');
    const decoded = decodeResult(encodeResult(shared));
    expect(decoded).toEqual({ ok: true, result: shared });
    expect(decoded.ok && responseFromShared(decoded.result, v2)).toMatchObject({
      ok: true,
      response: { answers },
    });
    expect(shared.answers).toHaveLength(v2Count);
  });

  it('rejects a version 1 link that carries "not applicable" as altered', () => {
    const answers = full().answers.map((a, i) => (i === 3 ? NOT_APPLICABLE : a));
    const decoded = decodeResult(encodeResult({ ...full(), answers }));
    expect(decoded.ok).toBe(true);
    expect(decoded.ok && responseFromShared(decoded.result, bank)).toMatchObject({
      ok: false,
      error: 'mismatch',
      message: /altered/,
    });
  });
});

describe('links of every released bank version', () => {
  const banks = new Map([1, 2].map((version) => [version, loadBank(version)]));
  const fixtures = [1, 2].flatMap(
    (version) =>
      JSON.parse(
        readFileSync(join(import.meta.dirname, `../fixtures/links-v${version}.json`), 'utf8'),
      ) as {
        link: string;
        result: Omit<SharedResult, 'answers'> & { answers: (AnswerValue | null)[] };
      }[],
  );
  // JSON has no undefined: unanswered statements are stored as null.
  const expectedOf = (f: (typeof fixtures)[number]): SharedResult => ({
    ...f.result,
    answers: f.result.answers.map((a) => a ?? undefined),
  });

  it('covers every released version of the bank', () => {
    expect(new Set(fixtures.map((f) => f.result.version))).toEqual(new Set(banks.keys()));
  });

  it.each(fixtures.map((f) => [f.link, f] as const))(
    '%s still decodes to the same result',
    (_, fixture) => {
      const decoded = decodeResult(new URL(fixture.link).hash);
      expect(decoded).toEqual({ ok: true, result: expectedOf(fixture) });
      const own = banks.get(fixture.result.version);
      expect(own && decoded.ok && responseFromShared(decoded.result, own).ok).toBe(true);
    },
  );

  // Scores and plans of the version 1 links as the code before version 2 computed them (made
  // with that code): rules 1 must give them bit for bit, for good.
  const scores = JSON.parse(
    readFileSync(join(import.meta.dirname, '../fixtures/scores-v1.json'), 'utf8'),
  ) as {
    link: string;
    overall: number | null;
    stage: string | null;
    dimensions: Omit<DimensionScore, 'name' | 'short'>[];
    priorities: { id: string; urgency: number; keystone: boolean }[];
    strengths: string[];
  }[];

  it.each(scores.map((s) => [s.link, s] as const))(
    '%s still scores and prioritises as it did with version 1',
    (_, expected) => {
      const v1 = banks.get(1);
      const decoded = decodeResult(new URL(expected.link).hash);
      if (!v1 || !decoded.ok) throw new Error('fixture');
      const matched = responseFromShared(decoded.result, v1);
      if (!matched.ok) throw new Error('fixture');
      const result = scoreResponse(v1, matched.response.answers, matched.response.role);
      expect(Object.keys(result).sort()).toEqual(['dimensions', 'overall', 'stage', 'uncovered']);
      expect(result.overall).toBe(expected.overall);
      expect(result.stage?.id ?? null).toBe(expected.stage);
      const names = new Map(v1.dimensions.map((d) => [d.id, { name: d.name, short: d.short }]));
      expect(result.dimensions).toEqual(
        expected.dimensions.map((d) => ({ ...d, ...names.get(d.id) })),
      );
      const plan = makePlan(v1, result, matched.response.role);
      expect(
        plan.priorities.map((p) => ({
          id: p.dimension.id,
          urgency: p.urgency,
          keystone: p.keystone,
        })),
      ).toEqual(expected.priorities);
      expect(plan.strengths.map((d) => d.id)).toEqual(expected.strengths);
      expect(plan.priorities.every((p) => p.others.length === 0)).toBe(true);
    },
  );
});
