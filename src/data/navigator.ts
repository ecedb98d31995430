import { getCollection } from 'astro:content';
import {
  BankContentError,
  findBankProblems,
  latestBanks,
  normaliseBank,
  type Bank,
} from '../lib/bank';
import { loadPlaybook } from './playbook';

let cache: Promise<Bank[]> | undefined;

async function load(): Promise<Bank[]> {
  const [entries, playbook] = await Promise.all([getCollection('navigator'), loadPlaybook()]);
  const pageIds = new Set(playbook.map((position) => position.page.id));
  const banks = entries.map((entry) => {
    const bank = normaliseBank(entry.data);
    const problems = findBankProblems(bank, pageIds);
    if (problems.length > 0) {
      throw new BankContentError(entry.filePath ?? `content/navigator/${entry.id}`, problems);
    }
    return bank;
  });
  latestBanks(banks);
  return banks.sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
}

/**
 * Every released version of the question bank, validated once per build. A bank error, or a
 * link to a playbook page that does not exist, stops the build with the file and field named.
 */
export function loadBanks(): Promise<Bank[]> {
  cache ??= load();
  return cache;
}

/** The newest version of the Culture Navigator bank: the one new questionnaires use. */
export async function currentBank(): Promise<Bank> {
  const banks = await loadBanks();
  const latest = [...latestBanks(banks).values()][0];
  if (latest === undefined) throw new Error('content/navigator/ holds no question bank');
  return latest;
}
