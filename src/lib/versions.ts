/**
 * Results of different questionnaire versions side by side (compare, history). A module of its
 * own so that the history page can use it without loading the compare or scoring code.
 */
import { decodeResult } from './share-link';

/**
 * The note shown wherever results of different questionnaire versions sit together (compare,
 * history): the dimensions match, the wording does not. Null when all share one version.
 */
export function versionNote(versions: readonly number[]): string | null {
  const distinct = [...new Set(versions)].sort((a, b) => a - b);
  if (distinct.length < 2) return null;
  const list = `${distinct.slice(0, -1).join(', ')} and ${distinct.at(-1) ?? ''}`;
  return `These results come from questionnaire versions ${list}. The dimensions are the same, but their statements were reworded between versions, so part of any difference may come from the wording rather than from the organisation.`;
}

/** The questionnaire version a share fragment was made with, or null when it cannot be read. */
export function fragmentVersion(fragment: string): number | null {
  const decoded = decodeResult(fragment);
  return decoded.ok ? decoded.result.version : null;
}
