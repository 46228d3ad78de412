import type { IngestResult } from '../ingest/ingestBench';
import { f1, f2 } from './format';

/** The ingest section of `<size>.md`: the arms, product and raw side by side, the diagnostic, the costliest statements. */
export function ingestMarkdown(lines: string[], i: IngestResult): void {
  lines.push(`## Ingest (first ${i.docs} documents into an empty graph; naive: first ${i.naiveDocs})${i.carriedFrom ? ` — from the run of ${i.carriedFrom}` : ''}`, '');
  if (i.warmupPasses?.length) {
    const shares = i.warmupCompileShares;
    const [rule, unmet] = shares
      ? ["until Neo4j's JIT compiler threads used at most 5% of its CPU in a pass", "the last still had Neo4j's JIT compilers above 5% of its CPU"]
      : ['until one was less than 5% faster than the one before', 'the last was still clearly faster than the one before'];
    lines.push(
      `Before measuring, every arm wrote its documents in ${i.warmupPasses.length} unmeasured warm-up passes ` +
        (i.warmupSettled === false ? `(the most allowed: ${unmet}, so Neo4j's JIT may not have settled)` : `(${rule})`) +
        `: ${i.warmupPasses.map((s, k) => `${f1(s)} s${shares ? ` (${(shares[k] * 100).toFixed(0)}%)` : ''}`).join(', ')}.`,
      '',
    );
  }
  const jit = i.arms.every((x) => x.compileShare !== undefined);
  lines.push(
    `| writer | docs/s | facts/s | statements/doc | transactions | ratio of product to it |${jit ? " Neo4j's CPU in JIT compilers while measured |" : ''}`,
    `|---|---:|---:|---:|---:|---:|${jit ? '---:|' : ''}`,
  );
  const product = i.arms[0];
  const jitCell = (x: (typeof i.arms)[number]) => (jit ? ` ${x.compileShare === undefined ? '–' : `${(x.compileShare * 100).toFixed(1)}%`} |` : '');
  for (const x of i.arms) {
    lines.push(`| ${x.arm} | ${f1(x.docsPerSec)} | ${x.factsPerSec.toFixed(0)} | ${f1(x.statementsPerDoc)} | ${x.transactions} | ${x === product ? '–' : `${f2(product.docsPerSec / x.docsPerSec)}x`} |${jitCell(x)}`);
  }
  for (const x of [...(i.productBatches ?? []), ...(i.replay ? [i.replay] : [])]) {
    const name = x === i.replay ? `${x.arm} (diagnostic)` : x.arm;
    lines.push(`| ${name} | ${f1(x.docsPerSec)} | ${x.factsPerSec.toFixed(0)} | ${f2(x.statementsPerDoc)} | ${x.transactions} | ${f2(product.docsPerSec / x.docsPerSec)}x |${jitCell(x)}`);
  }
  if (i.sweep?.length) {
    lines.push('', 'The product and raw at the same batch size (documents per transaction), measured side by side:', '');
    lines.push('| batch size | product docs/s | raw docs/s | product ÷ raw | product ÷ naive | statements/doc product / raw |', '|---:|---:|---:|---:|---:|---|');
    for (const w of i.sweep) {
      lines.push(`| ${w.batchSize} | ${f1(w.productDocsPerSec)} | ${f1(w.rawDocsPerSec)} | ${f2(w.productToRaw)} | ${f2(w.productToNaive)} | ${f2(w.productStatementsPerDoc)} / ${f2(w.rawStatementsPerDoc)} |`);
    }
    const repeated = [...i.arms, ...(i.productBatches ?? []), ...(i.replay ? [i.replay] : [])].filter((x) => x.writesPerRound?.some((n) => n > 1));
    if (repeated.length) {
      lines.push('', `Arms faster than the least time of a measured round wrote their documents again (into a wiped graph) until they reached it; writes per round: ${repeated.map((x) => `${x.arm} ${x.writesPerRound!.join(', ')}`).join('; ')}.`);
    }
    if (i.ratioToNaiveByRound?.length) {
      lines.push('', `Product(1) ÷ naive in each measured round, in the order run: ${i.ratioToNaiveByRound.map(f1).join(', ')} (the table's figure is over all rounds).`);
    }
    if (i.replay && i.replayToNaive !== undefined && i.productToReplay !== undefined) {
      lines.push(
        '',
        `Diagnostic: product(1)'s own statements, recorded and sent again one transaction per document with none of its ` +
          `client-side work (validation, identity decisions, parameters, reading results): ${f1(i.replay.docsPerSec)} docs/s, ` +
          `${f2(i.replayToNaive)}x naive${i.replayToNaiveByRound?.length ? ` (per round: ${i.replayToNaiveByRound.map(f1).join(', ')})` : ''}. ` +
          `That is as far above naive as one transaction per document gets with the product's database work; ` +
          `product(1) runs at ${f2(i.productToReplay)} of it.`,
      );
    }
  }
  lines.push('', `Same graph from product and raw writers: ${i.sameGraph ? 'yes' : 'NO'} (${product.nodes} nodes, ${product.relationships} relationships).`, '');
  if (product.costliest?.length) {
    lines.push('Where the product ingester spends its time (per document):', '', '| statement (first words) | runs | ms/doc | share of ingest time |', '|---|---:|---:|---:|');
    for (const c of product.costliest) lines.push(`| \`${c.statement.replace(/\|/g, '\\|').replace(/`/g, "'")}\` | ${c.count} | ${f1(c.msPerDoc)} | ${(c.share * 100).toFixed(0)}% |`);
    lines.push('');
  }
}
