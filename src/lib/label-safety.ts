/**
 * Labels are text people type (an organisation or team name) and text that arrives in links and
 * files. Bidirectional control characters in them can reorder what is shown around them: a label
 * "\u202E001 xedni" reads as "index 100" next to a score. They are removed at every boundary
 * (link decoding, import, typing), and labels render inside `<bdi>` so that right-to-left
 * names stay readable without reordering their surroundings.
 */

/**
 * The bidirectional formatting characters: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069), and the implicit marks (U+200E, U+200F, U+061C).
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** The label without bidirectional control characters; every other character is kept. */
export function safeLabel(label: string): string {
  return label.replace(BIDI_CONTROLS, '');
}

/** Most characters allowed in the optional organisation or team label. */
export const LABEL_MAX = 60;
