import type { Page } from '@playwright/test';
import { encodeResult } from '../../src/lib/share-link';
import type { AnswerValue } from '../../src/lib/scoring';

/** The first released question bank: the sharing and team specs make their links for it. */
const BANK_URL = '/navigator/banks/culture-navigator-1.json';

/** What the link helpers read of a question bank file. */
export interface BankFile {
  id: string;
  version: number;
  dimensions: { statements: { id: string }[] }[];
}

/** The first released question bank as the site serves it, fetched through the page's context. */
export async function bankOf(page: Page): Promise<BankFile> {
  return (await (await page.request.get(BANK_URL)).json()) as BankFile;
}

/** A full response to `bank` as a result link fragment; each `shift` gives different answers. */
export function fragmentFor(bank: BankFile, shift: number, role: number, label = ''): string {
  const count = bank.dimensions.reduce((sum, d) => sum + d.statements.length, 0);
  // The first five answers spell `shift` in base 5, so shifts below 3,125 all differ; the
  // rest follow a pattern that moves with the shift.
  const answers = Array.from(
    { length: count },
    (_, i) => (1 + (i < 5 ? Math.floor(shift / 5 ** i) % 5 : (i + shift) % 5)) as AnswerValue,
  );
  return encodeResult({ bank: bank.id, version: bank.version, role, answers, label });
}
