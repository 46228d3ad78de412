/**
 * Scoring the duplicate candidates against the planted truth (bench/data/duplicates.ts): candidate precision and
 * recall at thresholds, recall per planted kind, and what the false candidates are.
 */
import type { DuplicateRow } from '../../src/api/cypher/duplicates';
import { PLANT_KINDS, type PlantedPair } from '../data/duplicates';

export const THRESHOLDS = [0.6, 0.7, 0.75, 0.8, 0.85, 0.9];
export const CHOSEN_THRESHOLD = 0.8;

export interface ThresholdRow {
  minScore: number;
  candidates: number;
  truePairs: number;
  /** true pairs ÷ candidates (every candidate pair of the graph) */
  precision: number;
  recall: number;
  /** the same among the candidates that have a planted variant on one side */
  plantedCandidates: number;
  plantedPrecision: number;
}

export interface DuplicatesEvaluation {
  threshold: number;
  planted: number;
  thresholds: ThresholdRow[];
  byKind: Array<{ kind: string; planted: number; found: number; recall: number; reasons: string[] }>;
  /** false candidates at the threshold, by their name reason */
  falseByReason: Record<string, number>;
  falseExamples: Array<{ a: string; b: string; score: number; reasons: string[] }>;
  missed: Array<PlantedPair & { score: number | null; reasons: string[] }>;
}

const pairKey = (x: string, y: string): string => (x < y ? `${x}|${y}` : `${y}|${x}`);

/** Candidates (every pair listed at the lowest threshold, with its score) against the truth. */
export function evaluateDuplicates(candidates: DuplicateRow[], truth: PlantedPair[], names: Map<string, string>, threshold = CHOSEN_THRESHOLD): DuplicatesEvaluation {
  const truthKeys = new Map(truth.map((t) => [pairKey(t.originalId, t.variantId), t]));
  const variants = new Set(truth.map((t) => t.variantId));
  const byKey = new Map(candidates.map((c) => [pairKey(c.aId, c.bId), c]));
  const at = (t: number) => candidates.filter((c) => c.score >= t);
  const thresholds = THRESHOLDS.map((minScore): ThresholdRow => {
    const listed = at(minScore);
    const hits = listed.filter((c) => truthKeys.has(pairKey(c.aId, c.bId))).length;
    const planted = listed.filter((c) => variants.has(c.aId) || variants.has(c.bId));
    const plantedHits = planted.filter((c) => truthKeys.has(pairKey(c.aId, c.bId))).length;
    return {
      minScore,
      candidates: listed.length,
      truePairs: hits,
      precision: listed.length ? hits / listed.length : 1,
      recall: truth.length ? hits / truth.length : 1,
      plantedCandidates: planted.length,
      plantedPrecision: planted.length ? plantedHits / planted.length : 1,
    };
  });
  const found = (t: PlantedPair): DuplicateRow | undefined => {
    const c = byKey.get(pairKey(t.originalId, t.variantId));
    return c && c.score >= threshold ? c : undefined;
  };
  const byKind = PLANT_KINDS.map((kind) => {
    const ts = truth.filter((t) => t.kind === kind);
    const hits = ts.filter((t) => found(t));
    return { kind, planted: ts.length, found: hits.length, recall: ts.length ? hits.length / ts.length : 1, reasons: [...new Set(hits.flatMap((t) => found(t)!.reasons))].sort() };
  });
  const falses = at(threshold).filter((c) => !truthKeys.has(pairKey(c.aId, c.bId)));
  const falseByReason: Record<string, number> = {};
  for (const c of falses) falseByReason[c.reasons.join('+')] = (falseByReason[c.reasons.join('+')] ?? 0) + 1;
  const name = (id: string) => `${names.get(id) ?? '?'} (${id})`;
  return {
    threshold,
    planted: truth.length,
    thresholds,
    byKind,
    falseByReason,
    falseExamples: falses.slice(0, 20).map((c) => ({ a: name(c.aId), b: name(c.bId), score: c.score, reasons: c.reasons })),
    missed: truth
      .filter((t) => !found(t))
      .map((t) => {
        const c = byKey.get(pairKey(t.originalId, t.variantId));
        return { ...t, score: c?.score ?? null, reasons: c?.reasons ?? [] };
      }),
  };
}

const f3 = (x: number): string => x.toFixed(3);

export function duplicatesMarkdown(e: DuplicatesEvaluation): string {
  const lines = [
    `| minScore | candidates | planted pairs found | precision | recall | candidates with a planted side | their precision |`,
    `|---:|---:|---:|---:|---:|---:|---:|`,
    ...e.thresholds.map(
      (t) =>
        `| ${t.minScore === e.threshold ? `**${t.minScore}**` : t.minScore} | ${t.candidates} | ${t.truePairs} of ${e.planted} | ${f3(t.precision)} | ${f3(t.recall)} | ${t.plantedCandidates} | ${f3(t.plantedPrecision)} |`,
    ),
    '',
    `Per planted kind at ${e.threshold}:`,
    '',
    `| kind | planted | found | recall | reasons given |`,
    `|---|---:|---:|---:|---|`,
    ...e.byKind.map((k) => `| ${k.kind} | ${k.planted} | ${k.found} | ${f3(k.recall)} | ${k.reasons.join(', ')} |`),
    '',
    `False candidates at ${e.threshold}, by reasons: ${Object.entries(e.falseByReason).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}.`,
    '',
    ...e.falseExamples.map((x) => `- ${x.a} ~ ${x.b}: ${x.score} ${x.reasons.join(', ')}`),
    '',
    e.missed.length ? `Planted pairs not listed at ${e.threshold} (${e.missed.length}):` : `Every planted pair is listed at ${e.threshold}.`,
    '',
    ...e.missed.slice(0, 30).map((m) => `- ${m.kind}: ${m.variant} ~ ${m.original} (${m.originalId}): ${m.score ?? 'not a candidate'} ${m.reasons.join(', ')}`),
  ];
  return lines.join('\n');
}
