/**
 * QR codes for links (invitations and results), drawn as one SVG path so they print crisply and
 * need no canvas. The encoding is lean-qr's; this module only fixes the settings used site-wide.
 */
import { correction, generate } from 'lean-qr/nano';
import { toSvgPath } from 'lean-qr/extras/svg';

/** A QR code ready to draw: the path of its dark modules on a square grid of `size` cells. */
export interface QrDrawing {
  size: number;
  path: string;
}

/**
 * Encodes text as a QR code with medium error correction (a code on a printed sheet survives
 * some wear), or null when the text is too long for any QR code.
 */
export function qrFor(text: string): QrDrawing | null {
  try {
    const code = generate(text, { minCorrectionLevel: correction.M });
    return { size: code.size, path: toSvgPath(code) };
  } catch {
    return null;
  }
}
