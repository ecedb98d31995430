import { expect, type Locator, type Page } from '@playwright/test';

/** The types of the files the specs hand to file inputs, by the name's extension. */
const MIME_TYPES = { csv: 'text/csv', json: 'application/json' } as const;

/** A file name whose extension `chooseFile` knows the type of. */
export type TestFileName = `${string}.${keyof typeof MIME_TYPES}`;

/**
 * Puts a file named `name` holding `text` into the file `input`, as if the user had picked it
 * from disk; its type follows the extension (.csv is text/csv, .json application/json).
 */
export async function chooseFile(input: Locator, name: TestFileName, text: string): Promise<void> {
  const extension = name.slice(name.lastIndexOf('.') + 1) as keyof typeof MIME_TYPES;
  await input.setInputFiles({ name, mimeType: MIME_TYPES[extension], buffer: Buffer.from(text) });
}

/**
 * Checks that the page's alert contains each of `parts`, one retrying assertion per part in
 * order: how the specs read a refusal (what was wrong, then what was kept).
 */
export async function expectAlertSays(page: Page, ...parts: string[]): Promise<void> {
  for (const part of parts) await expect(page.getByRole('alert')).toContainText(part);
}
