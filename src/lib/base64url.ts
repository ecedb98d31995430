/** URL-safe base64 without padding, fast enough to decode thousands of share links at once. Pure. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Character code to 6-bit value (255 = not in the alphabet): decoding many links stays fast. */
const ALPHABET_VALUES = (() => {
  const table = new Uint8Array(128).fill(255);
  for (let i = 0; i < ALPHABET.length; i += 1) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();
/** Bytes as URL-safe base64 without padding (RFC 4648 §5), as a share link carries them. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c += 1) out += ALPHABET.charAt((chunk >> (18 - 6 * c)) & 63);
  }
  return out;
}

/**
 * URL-safe base64 without padding back to bytes; null for a character outside the alphabet or an
 * impossible length. `clean` is false when the last character's unused low bits are not zero, which
 * no link this site made has.
 */
export function fromBase64Url(text: string): { bytes: Uint8Array; clean: boolean } | null {
  if (text.length % 4 === 1) return null;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i += 1) {
    const value = ALPHABET_VALUES[text.charCodeAt(i)] ?? 255;
    if (value === 255) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  // A link this site made leaves the last character's unused low bits at zero.
  return { bytes: Uint8Array.from(bytes), clean: (buffer & ((1 << bits) - 1)) === 0 };
}
