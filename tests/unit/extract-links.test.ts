import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BARE_MIN, findLinks, type Find } from '../../src/lib/extract-links';
import type { AnswerValue } from '../../src/lib/scoring';
import { encodeResult } from '../../src/lib/share-link';
import { shortFragment } from '../fixtures/short-fragment';

const ORIGIN = 'https://example.org';

/** A valid fragment: 41 answers and an optional label, as the released bank makes them. */
const fragment = fc
  .record({
    role: fc.integer({ min: 0, max: 3 }),
    answers: fc.array(
      fc.option(fc.constantFrom<AnswerValue>(0, 1, 2, 3, 4, 5), { nil: undefined }),
      {
        minLength: 41,
        maxLength: 41,
      },
    ),
    label: fc.string({ maxLength: 30 }),
  })
  .map(({ role, answers, label }) =>
    encodeResult({ bank: 'culture-navigator', version: 1, role, answers, label }),
  );

/** How a link is written: full URL, "#fragment" or the bare fragment. */
const spelling = fc.constantFrom('url', 'hash', 'bare');

function spell(kind: string, f: string): string {
  if (kind === 'url') return `${ORIGIN}/result/#${f}`;
  return kind === 'hash' ? `#${f}` : f;
}

/** The wrappings people's mail and spreadsheets put around a link. */
const wrappings: ((link: string) => string)[] = [
  (l) => l,
  (l) => `<${l}>`,
  (l) => `${l}.`,
  (l) => `Here is mine: ${l} thanks!`,
  (l) => `"${l}"`,
  (l) => `'${l}'`,
  (l) => `“${l}”`,
  (l) => `(${l})`,
  (l) => `[my result](${l})`,
  (l) => `> ${l}`,
  (l) => `Ann Smith,${l},Support`,
  (l) => `"Ann Smith"\t${l}\t5`,
  (l) => `${l};`,
  (l) => `Link: ${l}, sent from my phone`,
  (l) => `_${l}_`,
  (l) => `*${l}*`,
];

const noise = fc.constantFrom(
  'Sent from my iPhone',
  'Best regards,',
  'Chapter1.Introduction and the rest',
  'Meeting at 10.30 in room r2.14',
  '',
  '-- ',
  'On Tue, 24 Nov 2026 at 09:12, Ann <ann@example.org> wrote:',
  'name,role,link',
  'See https://example.org/playbook/ for more.',
);

/** Splits a link the way a mail client wraps a long line, optionally quoting the rest. */
function wrap(link: string, at: number, quoted: boolean): string {
  const cut = Math.max(1, Math.min(link.length - 1, at));
  return `${link.slice(0, cut)}\n${quoted ? '> ' : ''}${link.slice(cut)}`;
}

function found(finds: Find[]): string[] {
  return finds.flatMap((f) => (f.ok ? [f.fragment] : []));
}

function problems(finds: Find[]): Find[] {
  return finds.filter((f) => !f.ok);
}

describe('findLinks', () => {
  it('finds every link in any wrapping, among noise, with no false alarm', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            fragment,
            spelling,
            wrapping: fc.integer({ min: 0, max: wrappings.length - 1 }),
            // Some links share a line with the one before them.
            sameLine: fc.boolean(),
            // Some are wrapped across two lines by a mail client.
            wrapAt: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
            quoted: fc.boolean(),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.array(noise, { maxLength: 6 }),
        (links, noiseLines) => {
          const parts: string[] = [];
          links.forEach((item, i) => {
            let link = spell(item.spelling, item.fragment);
            if (item.wrapAt !== undefined) {
              // A bare fragment cut inside "r1." is no longer recognisable as a link at all.
              const start = item.spelling === 'bare' ? 3 : 0;
              link = wrap(link, start + (item.wrapAt % (link.length - start)), item.quoted);
            }
            const text = (wrappings[item.wrapping] ?? ((l: string) => l))(link);
            const last = parts.length - 1;
            if (item.sameLine && last >= 0 && item.wrapAt === undefined) {
              parts[last] = `${parts[last] ?? ''} ${text}`;
            } else parts.push(text);
            const extra = noiseLines[i];
            if (extra !== undefined) parts.push(extra);
          });
          const finds = [...findLinks(parts.join('\n'))];
          expect(problems(finds)).toEqual([]);
          expect(found(finds)).toEqual(links.map((l) => l.fragment));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('numbers finds by the line a link starts on, across Windows and old Mac line ends', () => {
    const a = shortFragment();
    const finds = [...findLinks(`Hello\r\n\r\n${ORIGIN}/result/#${a}\rBye\n${a}`)];
    expect(finds).toEqual([
      { ok: true, line: 3, fragment: a },
      { ok: true, line: 5, fragment: a },
    ]);
  });

  it('reports text that looks like a link but does not decode, with the reason', () => {
    const a = shortFragment();
    const damaged = `${a.slice(0, -3)}${a.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    const finds = [...findLinks(`Mine: ${ORIGIN}/result/#${damaged} ok?`)];
    expect(finds).toEqual([
      {
        ok: false,
        line: 1,
        text: damaged,
        message: expect.stringContaining('check code') as string,
      },
    ]);
  });

  it('reports a result address whose fragment is of no known format, or empty', () => {
    const finds = [...findLinks(`${ORIGIN}/result/#x9.abc\n${ORIGIN}/result/# and more`)];
    expect(finds.map((f) => [f.ok, f.line])).toEqual([
      [false, 1],
      [false, 2],
    ]);
    expect(finds[0]).toMatchObject({ text: '/result/#x9.abc' });
    expect((finds[1] as { message: string }).message).toContain('holds no result');
  });

  it('reports a link of a newer format with the decoder’s reason', () => {
    const finds = [...findLinks(`#r2.${'A'.repeat(40)}`)];
    expect(finds).toEqual([
      {
        ok: false,
        line: 1,
        text: `r2.${'A'.repeat(40)}`,
        message: expect.stringContaining('newer or different version') as string,
      },
    ]);
  });

  it('ignores short or word-glued lookalikes, and reports long bare ones', () => {
    const long = `r1.${'Q'.repeat(BARE_MIN)}`;
    const finds = [
      ...findLinks(`r1.short here\nPeter1.${'Q'.repeat(40)}\nsee r1.5\nend r1.ab\n${long} x`),
    ];
    expect(finds).toEqual([
      { ok: false, line: 5, text: long, message: expect.any(String) as string },
    ]);
  });

  it('shortens a very long bad candidate when quoting it', () => {
    const [find] = [...findLinks(`#r1.${'A'.repeat(300)}`)];
    expect(find).toMatchObject({ ok: false });
    expect((find as { text: string }).text).toHaveLength(80);
    expect((find as { text: string }).text.endsWith('…')).toBe(true);
  });

  it('joins a link cut by a soft line break ("=") and one cut inside "#r1."', () => {
    const a = encodeResult({
      bank: 'culture-navigator',
      version: 1,
      role: 2,
      answers: [5, 4, 3, 2, 1, 0],
      label: 'North',
    });
    const soft = `${ORIGIN}/result/#${a.slice(0, 10)}=\n${a.slice(10)}`;
    const cutHash = `${ORIGIN}/result/#\n${a}`;
    const cutPrefix = `${ORIGIN}/result/#r\n> 1${a.slice(2)}`;
    for (const text of [soft, cutHash, cutPrefix]) {
      expect([...findLinks(text)]).toEqual([{ ok: true, line: 1, fragment: a }]);
    }
  });

  it('does not join a damaged link with the next line, and reports it once', () => {
    const finds = [...findLinks(`#r1.${'A'.repeat(20)}\nThanks\n`)];
    expect(finds).toHaveLength(1);
    expect(finds[0]).toMatchObject({ ok: false, line: 1 });
  });

  it('finds nothing in an empty or link-free text', () => {
    expect([...findLinks('')]).toEqual([]);
    expect([...findLinks('Sent from my iPhone\n\nRegards')]).toEqual([]);
  });

  it('uses the decoder it is given', () => {
    const finds = [
      ...findLinks('#r1.anything', () => ({ ok: false, error: 'checksum', message: 'no' })),
    ];
    expect(finds).toEqual([{ ok: false, line: 1, text: 'r1.anything', message: 'no' }]);
  });
});
