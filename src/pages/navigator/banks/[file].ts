import type { APIRoute, GetStaticPaths } from 'astro';
import { loadBanks } from '../../../data/navigator';
import { bankPath } from '../../../lib/bank';

/** Publishes every released bank version as JSON, fetched by the questionnaire and results. */
export const getStaticPaths = (async () => {
  const banks = await loadBanks();
  return banks.map((bank) => ({
    params: { file: bankPath(bank.id, bank.version).split('/').at(-1) },
    props: { bank },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props['bank']), {
    headers: { 'Content-Type': 'application/json' },
  });
