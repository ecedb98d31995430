/**
 * Normalising a result link at the boundary, once: whatever people paste, import or open (a full
 * URL, "#r1.…", "##r1.…" from a fragment saved with its "#", a link split by an e-mail program)
 * becomes the bare fragment "r1.…" that the decoder reads, the history stores and links are
 * built from.
 */

/**
 * Whitespace and the invisible characters that copying from e-mail, chat or spreadsheets adds
 * (zero-width spaces and joiners, word joiner, byte order mark). A result fragment never
 * contains any of them, so removing them anywhere is safe.
 */
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/g;

/**
 * The bare fragment of a link: invisible characters removed, then everything up to and
 * including the last "#". Text without "#" is returned cleaned, so the decoder can say what is
 * wrong with it.
 * @example normaliseFragment(' https://example.org/result/##r1.AQAB ') // "r1.AQAB"
 */
export function normaliseFragment(text: string): string {
  const clean = text.replace(INVISIBLE, '');
  return clean.slice(clean.lastIndexOf('#') + 1);
}
