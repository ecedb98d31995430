/**
 * Pasted link lists on the compare and team pages, kept for this tab only (sessionStorage): a
 * reload does not lose a long paste, and closing the tab forgets it, since the links carry other
 * people's answers.
 */
import type { Attachment } from 'svelte/attachments';

/** The sessionStorage key of a field's draft. */
export const draftKey = (name: string): string => `ccn:draft:${name}`;

/**
 * An attachment for a `<textarea>`: restores the tab's draft (unless something was typed before
 * the page's script ran) and saves every change. Unavailable or full storage only means nothing
 * is kept; the field works as usual.
 */
export function keepDraft(name: string): Attachment<HTMLTextAreaElement> {
  const key = draftKey(name);
  return (field) => {
    try {
      const saved = sessionStorage.getItem(key);
      if (saved !== null && field.value === '') field.value = saved;
    } catch {
      // Storage is off in this browser: nothing to restore.
    }
    const save = (): void => {
      try {
        sessionStorage.setItem(key, field.value);
      } catch {
        // Storage is off or full: the draft is simply not kept.
      }
    };
    field.addEventListener('input', save);
    return () => {
      field.removeEventListener('input', save);
    };
  };
}
