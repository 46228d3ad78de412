/** The benchmark's targets, and which of them a run met. */
import type { QueryResult } from '../query/queryBench';
import type { BenchResults } from './benchResults';
import { f2 } from './format';

export const TARGETS = {
  ingestVsRaw: 0.8,
  ingestVsNaive: 10,
  queryVsRaw: 0.7,
  queryVsLibrary: 1.0,
  queryVsLibraryNestedFiltered: 1.5,
};

export function ratioOf(q: QueryResult, against: 'raw' | 'library'): number {
  return q.arms.product.requestsPerSec / q.arms[against].requestsPerSec;
}

export interface TargetCheck {
  target: string;
  met: boolean;
  detail: string;
}

export function checkTargets(r: BenchResults): TargetCheck[] {
  const out: TargetCheck[] = [];
  if (r.ingest?.sweep?.length) {
    // the product and raw at the same batch size, side by side; naive is one statement per fact at any size
    for (const row of r.ingest.sweep) {
      out.push({
        target: `ingest, ${row.batchSize} document(s)/transaction: ≥ ${TARGETS.ingestVsRaw}x raw UNWIND baseline at the same batch size`,
        met: row.productToRaw >= TARGETS.ingestVsRaw,
        detail: `${f2(row.productToRaw)}x`,
      });
      out.push({
        target: `ingest, ${row.batchSize} document(s)/transaction: ≥ ${TARGETS.ingestVsNaive}x naive statement-per-fact writer`,
        met: row.productToNaive >= TARGETS.ingestVsNaive,
        detail: `${f2(row.productToNaive)}x`,
      });
    }
  } else if (r.ingest) {
    out.push({
      target: `ingest ≥ ${TARGETS.ingestVsRaw}x raw UNWIND baseline (same batch: 1 document/transaction)`,
      met: r.ingest.ratioToRawSameBatch >= TARGETS.ingestVsRaw,
      detail: `${f2(r.ingest.ratioToRawSameBatch)}x (vs best raw batch size: ${f2(r.ingest.ratioToRawBest)}x)`,
    });
    out.push({
      target: `ingest ≥ ${TARGETS.ingestVsNaive}x naive statement-per-fact writer`,
      met: r.ingest.ratioToNaive >= TARGETS.ingestVsNaive,
      detail: `${f2(r.ingest.ratioToNaive)}x`,
    });
  }
  for (const q of r.query?.results ?? []) {
    if (q.shape === 'overhead') continue;
    const vsRaw = ratioOf(q, 'raw');
    const vsLib = ratioOf(q, 'library');
    const need = q.shape === 'nested' || q.shape === 'filtered' ? TARGETS.queryVsLibraryNestedFiltered : TARGETS.queryVsLibrary;
    out.push({ target: `${q.query}: ≥ ${TARGETS.queryVsRaw}x raw throughput`, met: vsRaw >= TARGETS.queryVsRaw, detail: `${f2(vsRaw)}x` });
    out.push({ target: `${q.query}: ≥ ${need}x @neo4j/graphql throughput`, met: vsLib >= need, detail: `${f2(vsLib)}x` });
    out.push({
      target: `${q.query}: round trips ≤ depth + 1 (${q.depth + 1})`,
      met: q.arms.product.roundTripsMax <= q.depth + 1,
      detail: `${f2(q.arms.product.roundTrips)} (max ${q.arms.product.roundTripsMax})`,
    });
    out.push({ target: `${q.query}: same answers from the 3 arms`, met: q.sameAnswers, detail: q.sameAnswers ? `${q.probes} probes` : `${q.differences.length} differences` });
  }
  return out;
}
