/**
 * Finds result links wherever they sit in pasted text or a links file: whole e-mails, `<link>`,
 * quotes, trailing punctuation, Markdown, several links on a line, CSV or TSV cells, and links
 * that a mail client wrapped across lines. Pure: the caller decides what to do with each find.
 *
 * What counts as "looks like a result link" (and so is reported when it does not decode):
 * - `#r<digits>.` followed by link characters (a full URL or a fragment with its "#");
 * - `r<digits>.` standing on its own (not glued to a word) followed by at least
 *   {@link BARE_MIN} link characters;
 * - anything after `/result/#`, which only this site's links contain.
 * Everything else ("Sent from my iPhone", names, dates) is ignored without comment.
 */
import { decodeResult, MAX_FRAGMENT, type DecodeResult } from './share-link';

/** A link found in the text: its fragment (no "#") and the 1-based line it starts on. */
export interface FoundLink {
  line: number;
  fragment: string;
}

/** Text that looks like a result link but does not decode, with the decoder's reason. */
export interface FoundProblem {
  line: number;
  /** The text as found (shortened for display when very long). */
  text: string;
  message: string;
}

/** One find, in the order it appears in the text. */
export type Find = ({ ok: true } & FoundLink) | ({ ok: false } & FoundProblem);

/** Fewest link characters after a bare `r1.` for it to count as a link at all. */
export const BARE_MIN = 16;

/** Longest stretch of a bad candidate quoted back to people. */
const QUOTE_MAX = 80;

/**
 * A candidate: an optional "/result/#" or "#", then `r<digits>.` and link characters. The
 * lookbehind keeps "Chapter1.Intro" or "mr2.x" from counting as a bare fragment.
 */
const CANDIDATE = /(\/result\/?#|#)?(?<![A-Za-z0-9-])(r\d{1,3}\.[A-Za-z0-9_-]*)/g;
/** "/result/#" followed by something that is not a link of any known format. */
const OTHER_FRAGMENT = /\/result\/?#(?!r\d{1,3}\.)([^\s<>"'`()[\]{},;|]*)/g;
/** A line that ends inside a link's start ("…#", "…#r", "…#r1"): the rest is on the next line. */
const CUT_PREFIX = /(#|#r\d{0,3})$/;
/** Quote markers and indentation a mail client puts at the start of a continued line. */
const CONTINUATION_START = /^[\s>]*/;
/** The link characters a continued line starts with. */
const LEADING_LINK_CHARS = /^[A-Za-z0-9_-]+/;

function quote(text: string): string {
  return text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text;
}

/** The decoder's verdict, also trying without one or two trailing "-" or "_" (Markdown `_x_`). */
function decodeLoose(
  fragment: string,
  decode: (f: string) => DecodeResult,
): { fragment: string; ok: boolean; message: string; cut: boolean } {
  const first = decode(fragment);
  if (first.ok) return { fragment, ok: true, message: '', cut: false };
  let shorter = fragment;
  for (let cut = 0; cut < 2 && /[-_]$/.test(shorter); cut++) {
    shorter = shorter.slice(0, -1);
    if (decode(shorter).ok) return { fragment: shorter, ok: true, message: '', cut: false };
  }
  // Only a link that is too short or ends mid-character can be the first part of a wrapped one:
  // a complete but altered link (a checksum error) is not joined with the next line.
  const cut = first.error === 'truncated' || first.error === 'malformed';
  return { fragment, ok: false, message: first.message, cut };
}

/** Cursor over the lines: the text still to scan on each line changes as wraps are joined. */
interface Scan {
  lines: string[];
  /** Characters already used at the start of each line (by a joined wrap). */
  used: number[];
  /** For a line that received the cut start of a link from the line before: its length. */
  carried: number[];
}

/**
 * Tries to complete a candidate that ends at the end of its line with the link characters that
 * start the following lines (a mail client's wrap). Returns the joined fragment when it decodes,
 * marking the characters it took as used; null otherwise.
 */
function joinWrapped(
  scan: Scan,
  index: number,
  start: string,
  decode: (f: string) => DecodeResult,
): string | null {
  let joined = start;
  const taken: [number, number][] = [];
  for (let next = index + 1; next < scan.lines.length && joined.length <= MAX_FRAGMENT; next++) {
    const text = scan.lines[next] ?? '';
    const lead = CONTINUATION_START.exec(text)?.[0].length ?? 0;
    const run = LEADING_LINK_CHARS.exec(text.slice(lead))?.[0];
    if (run === undefined) return null;
    joined += run;
    taken.push([next, lead + run.length]);
    const verdict = decodeLoose(joined, decode);
    if (verdict.ok) {
      for (const [line, count] of taken) scan.used[line] = count;
      return verdict.fragment;
    }
    // The wrap continues only when the whole continued line was link characters.
    if (lead + run.length < text.trimEnd().length) return null;
  }
  return null;
}

/** The text of a line with a mail client's soft line break ("=" at the end) removed. */
function withoutSoftBreak(text: string): { text: string; soft: boolean } {
  const trimmed = text.trimEnd();
  return trimmed.endsWith('=') && !trimmed.endsWith('==')
    ? { text: trimmed.slice(0, -1), soft: true }
    : { text: trimmed, soft: false };
}

/**
 * Every result link in `text`, in order, plus the text that looks like a link but does not
 * decode. A generator so that a page can read a very large file in slices and let the browser
 * breathe between them (see stores/team.ts); `[...findLinks(text)]` reads it all at once.
 * @param decode the link decoder; a parameter for tests and for a reader that also checks banks
 */
export function* findLinks(
  text: string,
  decode: (fragment: string) => DecodeResult = decodeResult,
): Generator<Find, void, undefined> {
  const scan: Scan = { lines: text.split(/\r\n|\r|\n/), used: [], carried: [] };
  for (let index = 0; index < scan.lines.length; index++) {
    const full = scan.lines[index] ?? '';
    const offset = scan.used[index] ?? 0;
    const { text: lineText, soft } = withoutSoftBreak(full);
    const rest = lineText.slice(offset);
    const line = index + 1;
    // A line cut inside "#r1." continues on the next: join the two before looking.
    const cut = CUT_PREFIX.exec(rest);
    let carried = false;
    if (cut !== null && index + 1 < scan.lines.length) {
      const nextText = scan.lines[index + 1] ?? '';
      const lead = CONTINUATION_START.exec(nextText)?.[0].length ?? 0;
      const merged = `${cut[0]}${nextText.slice(lead)}`;
      if (/^#r\d{1,3}\./.test(merged)) {
        scan.lines[index + 1] = merged;
        scan.used[index + 1] = 0;
        scan.carried[index + 1] = cut[0].length;
        carried = true;
      }
    }
    CANDIDATE.lastIndex = 0;
    for (let match = CANDIDATE.exec(rest); match !== null; match = CANDIDATE.exec(rest)) {
      const marked = match[1] !== undefined;
      const fragment = match[2] ?? '';
      const atEnd = match.index + match[0].length === rest.length;
      if (!marked && fragment.length - fragment.indexOf('.') - 1 < BARE_MIN && !atEnd) continue;
      // A link whose start was carried from the line before is numbered by that line.
      const at = match.index < (scan.carried[index] ?? 0) ? line - 1 : line;
      const verdict = decodeLoose(fragment, decode);
      if (verdict.ok) {
        yield { ok: true, line: at, fragment: verdict.fragment };
        continue;
      }
      const joined =
        verdict.cut && (atEnd || soft) ? joinWrapped(scan, index, fragment, decode) : null;
      if (joined !== null) {
        yield { ok: true, line: at, fragment: joined };
        continue;
      }
      // A short bare "r1.x" at a line's end is a word, not a link.
      if (!marked && fragment.length - fragment.indexOf('.') - 1 < BARE_MIN) continue;
      yield { ok: false, line: at, text: quote(fragment), message: verdict.message };
    }
    OTHER_FRAGMENT.lastIndex = 0;
    for (let match = OTHER_FRAGMENT.exec(rest); match !== null; match = OTHER_FRAGMENT.exec(rest)) {
      const fragment = match[1] ?? '';
      // A "…/result/#r" cut at the line's end was carried to the next line above.
      if (carried && match.index + match[0].length === rest.length) continue;
      const verdict = decode(fragment);
      // Only a decoder handed in by a caller could accept a fragment not starting "r<digits>.".
      if (verdict.ok) yield { ok: true, line, fragment };
      else yield { ok: false, line, text: quote(match[0]), message: verdict.message };
    }
  }
}
