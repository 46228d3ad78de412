/** `ratios.svg`: the throughput ratios per query and size. */
import type { BenchResults } from './benchResults';
import { ratioOf, TARGETS } from './targets';

/** Grouped bars: for each query, product ÷ raw and product ÷ library per size, with the target lines. */
export function ratiosSvg(all: BenchResults[]): string {
  const runs = all.filter((r) => r.query && (r.size !== 'tiny' || all.length === 1));
  const queries = runs.length ? runs[0].query!.results.map((q) => q.query) : [];
  const series = runs.flatMap((r) => [
    { label: `${r.size} ÷ raw`, size: r.size, against: 'raw' as const },
    { label: `${r.size} ÷ library`, size: r.size, against: 'library' as const },
  ]);
  const colors = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7'];
  const values = series.map((s) =>
    queries.map((name) => {
      const q = runs.find((r) => r.size === s.size)!.query!.results.find((x) => x.query === name);
      return q ? ratioOf(q, s.against) : NaN;
    }),
  );
  const maxV = Math.max(2, ...values.flat().filter(Number.isFinite).map((v) => Math.min(v, 6)));
  const W = 960;
  const H = 420;
  const left = 50;
  const bottom = 110;
  const top = 40;
  const plotH = H - top - bottom;
  const groupW = (W - left - 20) / Math.max(1, queries.length);
  const barW = Math.max(4, (groupW - 12) / Math.max(1, series.length));
  const y = (v: number) => top + plotH - (Math.min(v, maxV) / maxV) * plotH;
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  out.push(`<text x="${left}" y="20" font-size="14">Throughput of the product API relative to the raw driver and to @neo4j/graphql (higher is better)</text>`);
  for (let v = 0; v <= maxV; v += 0.5) {
    out.push(`<line x1="${left}" x2="${W - 20}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(1)}</text>`);
  }
  for (const [v, label, color] of [[TARGETS.queryVsRaw, '0.7x raw', '#4e79a7'], [1, '1x', '#999'], [TARGETS.queryVsLibraryNestedFiltered, '1.5x library (nested, filtered)', '#f28e2b']] as const) {
    out.push(`<line x1="${left}" x2="${W - 20}" y1="${y(v)}" y2="${y(v)}" stroke="${color}" stroke-dasharray="4 3"/><text x="${W - 22}" y="${y(v) - 3}" text-anchor="end" fill="${color}">${label}</text>`);
  }
  queries.forEach((name, qi) => {
    const x0 = left + qi * groupW + 6;
    series.forEach((s, si) => {
      const v = values[si][qi];
      if (!Number.isFinite(v)) return;
      out.push(`<rect x="${x0 + si * barW}" y="${y(v)}" width="${barW - 1}" height="${top + plotH - y(v)}" fill="${colors[si % colors.length]}"><title>${esc(`${name} ${s.label}: ${v.toFixed(2)}`)}</title></rect>`);
    });
    out.push(`<text transform="translate(${x0 + groupW / 2 - 6},${top + plotH + 12}) rotate(30)" text-anchor="start">${esc(name)}</text>`);
  });
  series.forEach((s, si) => {
    const lx = left + si * 120;
    out.push(`<rect x="${lx}" y="${H - 18}" width="10" height="10" fill="${colors[si % colors.length]}"/><text x="${lx + 14}" y="${H - 9}">${esc(s.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
