/**
 * Copies text to the clipboard. Browsers refuse without a user gesture, outside https, or by
 * setting; the caller then offers the text selected instead.
 * @returns true when the text was copied
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
