/**
 * Share links: a whole response packed into the URL fragment (the part after "#"), which
 * browsers never send to a server.
 *
 * Format "r1.<base64url>", where the bytes are:
 *   0       format version (1)
 *   1       bank code (index in BANK_CODES)
 *   2       bank version
 *   3       role index in the bank's role list
 *   4       number of statements N
 *   5..     N answers, 3 bits each, packed most significant bit first
 *           (0 = unanswered, 1 = don't know, 2..6 = agreement 1..5, 7 = not applicable,
 *           which only banks that offer it accept: in a link of any other bank it means the
 *           link was altered)
 *   then    label length L (bytes), then L bytes of UTF-8 label
 *   last 4  CRC-32 of everything before it
 *
 * Decoding is strict: the text must be exactly what encoding the decoded value gives back (no
 * stray bits, no other spelling), so a changed character is caught by the checksum or by the
 * spelling checks.
 */
import type { AnswerValue } from './answers';
import { fromBase64Url, toBase64Url } from './base64url';
import { crc32 } from './crc32';

/** Known bank ids; a link stores the index. Append new banks, never reorder. */
export const BANK_CODES = ['culture-navigator'] as const;

/** Current link format. */
export const LINK_FORMAT = 1;
const PREFIX = `r${LINK_FORMAT}.`;
/** Longest fragment accepted; a full response with a 60-character label is well under it. */
export const MAX_FRAGMENT = 400;
const MAX_LABEL_BYTES = 240;

/** Everything a share link carries. Answers are in bank statement order. */
export interface SharedResult {
  bank: string;
  version: number;
  role: number;
  answers: (AnswerValue | undefined)[];
  label: string;
}

/** Why a link could not be read. */
export type LinkErrorCode =
  | 'empty'
  | 'oversized'
  | 'unknown-format'
  | 'malformed'
  | 'truncated'
  | 'checksum'
  | 'unknown-bank'
  | 'mismatch';

/** Result of decoding: the shared result, or a typed error with a message for people. */
export type DecodeResult =
  { ok: true; result: SharedResult } | { ok: false; error: LinkErrorCode; message: string };

/** What each link error means, in words for people. */
export const LINK_MESSAGES: Record<LinkErrorCode, string> = {
  empty: 'This link holds no result. Open the link exactly as it was shared.',
  oversized:
    'This link is far longer than any result link, so it was not read. Ask for the link again.',
  'unknown-format':
    'This link was made by a newer or different version of the site. Ask for a fresh link, or open it on the site that made it.',
  malformed:
    'This link has been changed or damaged: it contains characters a result link never has. Copy the whole link again.',
  truncated: 'This link is incomplete: part of it is missing. Copy the whole link again.',
  checksum:
    'This link has been altered or mistyped: its check code does not match. Copy the whole link again.',
  'unknown-bank':
    'This link refers to a questionnaire this site does not have. Open it on the site that made it.',
  mismatch:
    'This link does not fit the questionnaire version it names: it has been altered. Ask for the link again.',
};

function fail(error: LinkErrorCode): DecodeResult {
  return { ok: false, error, message: LINK_MESSAGES[error] };
}

// One coder each, made once: constructing them per link is most of a decode's cost.
const utf8Encoder = new TextEncoder();
// ignoreBOM keeps a leading byte-order mark as text, so the strict re-encoding check sees it.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function answerCode(answer: AnswerValue | undefined): number {
  return answer === undefined ? 0 : answer + 1;
}

/**
 * Encodes a result as a URL fragment (without the "#").
 * @throws RangeError for values a link cannot carry (unknown bank, out-of-range numbers)
 */
export function encodeResult(result: SharedResult): string {
  const bank = BANK_CODES.indexOf(result.bank as (typeof BANK_CODES)[number]);
  if (bank === -1) throw new RangeError(`Unknown bank "${result.bank}"`);
  const n = result.answers.length;
  if (
    result.version < 1 ||
    result.version > 255 ||
    result.role < 0 ||
    result.role > 255 ||
    n > 255
  ) {
    throw new RangeError('Version, role and statement count must each fit in a byte');
  }
  const label = utf8Encoder.encode(result.label);
  if (label.length > MAX_LABEL_BYTES) throw new RangeError('Label too long for a link');
  const answerBytes = Math.ceil((n * 3) / 8);
  const body = new Uint8Array(5 + answerBytes + 1 + label.length);
  body.set([LINK_FORMAT, bank, result.version, result.role, n]);
  result.answers.forEach((answer, i) => {
    const code = answerCode(answer);
    for (let b = 0; b < 3; b += 1) {
      if ((code >> (2 - b)) & 1) {
        const bit = i * 3 + b;
        body[5 + (bit >> 3)] = (body[5 + (bit >> 3)] ?? 0) | (0x80 >> (bit & 7));
      }
    }
  });
  body[5 + answerBytes] = label.length;
  body.set(label, 6 + answerBytes);
  const crc = crc32(body);
  const bytes = new Uint8Array(body.length + 4);
  bytes.set(body);
  bytes.set([crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff], body.length);
  return PREFIX + toBase64Url(bytes);
}

/**
 * Decodes a fragment (with or without the leading "#"). Never throws: any input gives either
 * the result or a typed error.
 */
export function decodeResult(input: string): DecodeResult {
  const text = input.startsWith('#') ? input.slice(1) : input;
  if (text.trim() === '') return fail('empty');
  if (text.length > MAX_FRAGMENT) return fail('oversized');
  if (!/^r\d+\./.test(text)) return fail('malformed');
  if (!text.startsWith(PREFIX)) return fail('unknown-format');
  const decoded = fromBase64Url(text.slice(PREFIX.length));
  if (decoded === null) return fail('malformed');
  const { bytes } = decoded;
  if (bytes.length < 10) return fail('truncated');
  const body = bytes.subarray(0, bytes.length - 4);
  const stored = bytes.subarray(bytes.length - 4);
  const expected = crc32(body);
  const actual =
    (((stored[0] ?? 0) << 24) |
      ((stored[1] ?? 0) << 16) |
      ((stored[2] ?? 0) << 8) |
      (stored[3] ?? 0)) >>>
    0;
  const n = body[4] ?? 0;
  const answerBytes = Math.ceil((n * 3) / 8);
  const labelLength = body[5 + answerBytes];
  if (labelLength === undefined || body.length < 6 + answerBytes + labelLength) {
    return fail(actual === expected ? 'malformed' : 'truncated');
  }
  if (actual !== expected) return fail('checksum');
  if (body[0] !== LINK_FORMAT) return fail('unknown-format');
  const bank = BANK_CODES[body[1] ?? 255];
  if (bank === undefined) return fail('unknown-bank');
  if (
    !decoded.clean ||
    body.length !== 6 + answerBytes + labelLength ||
    labelLength > MAX_LABEL_BYTES
  ) {
    return fail('malformed');
  }
  // Bits after the last answer are always zero.
  const spare = answerBytes * 8 - n * 3;
  if (n > 0 && ((body[4 + answerBytes] ?? 0) & ((1 << spare) - 1)) !== 0) return fail('malformed');
  const answers: (AnswerValue | undefined)[] = [];
  for (let i = 0; i < n; i += 1) {
    let code = 0;
    for (let b = 0; b < 3; b += 1) {
      const bit = i * 3 + b;
      code = (code << 1) | (((body[5 + (bit >> 3)] ?? 0) >> (7 - (bit & 7))) & 1);
    }
    answers.push(code === 0 ? undefined : ((code - 1) as AnswerValue));
  }
  let label: string;
  try {
    label = utf8Decoder.decode(body.subarray(6 + answerBytes, 6 + answerBytes + labelLength));
  } catch {
    return fail('malformed');
  }
  const result: SharedResult = { bank, version: body[2] ?? 0, role: body[3] ?? 0, answers, label };
  // Every spare bit was checked to be zero and valid UTF-8 spells one string only, so the text
  // is exactly what encoding the result gives back (the tests check this property).
  if (result.version < 1) return fail('malformed');
  return { ok: true, result };
}
