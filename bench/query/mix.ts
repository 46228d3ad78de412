/**
 * The query mix: every query the arms are asked, in the order the benchmark runs them (a query and its arms:
 * mixQuery.ts).
 */
import { ANALYST_MIX } from './analystMix';
import { GRAPH_MIX } from './graphMix';
import type { MixQuery } from './mixQuery';
import { READ_MIX } from './readMix';
import { SEARCH_MIX } from './searchMix';

export const MIX: MixQuery[] = [...READ_MIX, ...GRAPH_MIX, ...SEARCH_MIX, ...ANALYST_MIX];

export const byName = (name: string): MixQuery => {
  const q = MIX.find((m) => m.name === name);
  if (!q) throw new Error(`no query ${name} in the mix`);
  return q;
};
