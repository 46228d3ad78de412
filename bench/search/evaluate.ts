import type { SearchCase } from './testSet';

export interface FormScore {
  form: string;
  queries: number;
  recallAt5: number;
  mrr: number;
}

export interface SearchEvaluation {
  queries: number;
  recallAt5: number;
  mrr: number;
  byForm: FormScore[];
  /** the cases whose expected entity is not in the first five, with what came first */
  misses: Array<SearchCase & { rank: number | null; top: string[] }>;
}

/** 1-based rank of the expected entity among the ids (null: not there). */
const rankOf = (ids: string[], expected: string): number | null => {
  const i = ids.indexOf(expected);
  return i < 0 ? null : i + 1;
};

/**
 * Recall@5 (the expected entity among the first five) and mean reciprocal rank (1/rank, 0 when it is not in
 * the first `depth` hits), overall and per query form. `search` returns the ranked ids for a query.
 */
export async function evaluateSearch(cases: SearchCase[], search: (query: string) => Promise<string[]>): Promise<SearchEvaluation> {
  const results: Array<SearchCase & { rank: number | null; top: string[] }> = [];
  for (const c of cases) {
    const ids = await search(c.query);
    results.push({ ...c, rank: rankOf(ids, c.expected), top: ids.slice(0, 5) });
  }
  const score = (rs: typeof results): { recallAt5: number; mrr: number } => ({
    recallAt5: rs.filter((r) => r.rank !== null && r.rank <= 5).length / rs.length,
    mrr: rs.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / rs.length,
  });
  const forms = [...new Set(cases.map((c) => c.form))];
  return {
    queries: results.length,
    ...score(results),
    byForm: forms.map((form) => {
      const rs = results.filter((r) => r.form === form);
      return { form, queries: rs.length, ...score(rs) };
    }),
    misses: results.filter((r) => r.rank === null || r.rank > 5),
  };
}

export function markdownOf(e: SearchEvaluation): string {
  const pct = (x: number): string => x.toFixed(3);
  return [
    `| form | queries | recall@5 | MRR |`,
    `|---|---:|---:|---:|`,
    ...e.byForm.map((f) => `| ${f.form} | ${f.queries} | ${pct(f.recallAt5)} | ${pct(f.mrr)} |`),
    `| **all** | **${e.queries}** | **${pct(e.recallAt5)}** | **${pct(e.mrr)}** |`,
    '',
    e.misses.length ? `Misses (expected entity not in the first five):` : 'No misses.',
    ...e.misses.map((m) => `- ${m.form} \`${m.query}\` → expected ${m.expected}, rank ${m.rank ?? '—'}; first: ${m.top.join(', ')}`),
  ].join('\n');
}
