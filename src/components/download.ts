/**
 * Saves generated files (CSV, JSON, PNG) through the browser's download, entirely locally:
 * the data becomes a blob: URL that is never sent anywhere.
 */

function save(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before releasing the data.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}

/** Downloads text as a file. */
export function downloadText(name: string, type: string, text: string): void {
  save(name, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** Downloads what a canvas shows as a PNG. */
export function downloadCanvas(name: string, canvas: HTMLCanvasElement): Promise<void> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob === null) {
        reject(new Error('The chart could not be turned into an image.'));
        return;
      }
      save(name, blob);
      resolve();
    }, 'image/png');
  });
}

/** The file code (CSV through papaparse, JSON files), which no page needs before a file is made. */
export type Exporter = typeof import('../lib/export');

/** What to tell people when the file code cannot be loaded (a site updated since, or offline). */
export const EXPORTER_FAILED =
  'The part of the page that makes and reads files could not be loaded. Reload the page and try again.';

/**
 * Loads the file code on first use, so the pages open without papaparse.
 * @returns the module, or null when it could not be loaded (show {@link EXPORTER_FAILED})
 */
export async function loadExporter(): Promise<Exporter | null> {
  try {
    return await import('../lib/export');
  } catch {
    return null;
  }
}

/**
 * Makes and saves a file with the file code, which loads on first use.
 * @param task makes and downloads the file, given the file code and today's date (YYYY-MM-DD);
 *   returns what to tell people
 * @returns the task's message, or what went wrong, in words for people
 */
export async function withExporter(
  task: (exporter: Exporter, today: string) => string | Promise<string>,
): Promise<string> {
  const exporter = await loadExporter();
  if (exporter === null) return EXPORTER_FAILED;
  try {
    return await task(exporter, new Date().toISOString().slice(0, 10));
  } catch (error) {
    return error instanceof Error ? error.message : 'The file could not be made.';
  }
}

/** A file the user picked, read as text together with the file code, or why it could not be. */
export type PickedFile =
  | { ok: true; name: string; text: string; exporter: Exporter }
  | { ok: false; name: string; message: string };

/**
 * Reads the file just picked in a file input, and clears the input so that the same file can be
 * picked again after it has been fixed.
 * @param maxBytes larger files are refused before they are read, so a wrong pick cannot freeze
 *   the page
 * @returns null when nothing was picked
 */
export async function readPickedFile(
  input: HTMLInputElement,
  maxBytes: number,
): Promise<PickedFile | null> {
  const file = input.files?.[0];
  input.value = '';
  if (file === undefined) return null;
  const { name } = file;
  if (file.size > maxBytes) {
    const mb = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;
    return {
      ok: false,
      name,
      message: `This file is ${mb(file.size)}; the largest this page reads is ${mb(maxBytes)}. Check that it is the right file.`,
    };
  }
  const exporter = await loadExporter();
  if (exporter === null) return { ok: false, name, message: EXPORTER_FAILED };
  try {
    return { ok: true, name, text: await file.text(), exporter };
  } catch {
    return {
      ok: false,
      name,
      message:
        'This file could not be read. Check that it is a text file you can open, and try again.',
    };
  }
}
