/**
 * Scores a draft against a hand extraction: precision and recall per kind of fact. Names match when a name or
 * alias of one equals a name or alias of the other (normalised as the ingester does, 中共 prefix aside); titles
 * match when one ends with the other (副书记 / 党工委副书记: the organisation carries the rest).
 */
import type { ArticleDocument, EntityInput } from '../../src/ingest';
import { nameKey } from '../../src/model';

export interface Score {
  kind: string;
  gold: number;
  predicted: number;
  matched: number;
}

function keys(e: EntityInput): Set<string> {
  return new Set([e.name, ...(e.aliases ?? [])].map((n) => nameKey(n).replace(/^中共/u, '')));
}

function sameName(a: EntityInput | undefined, b: EntityInput | undefined): boolean {
  if (!a || !b) return false;
  const kb = keys(b);
  return [...keys(a)].some((k) => kb.has(k));
}

function sameTitle(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  return a === b || a.endsWith(b) || b.endsWith(a);
}

/** Greedy one-to-one matching: how many predicted items find a gold item not matched yet. */
function matchCount<P, G>(predicted: P[], gold: G[], same: (p: P, g: G) => boolean): Array<[P, G]> {
  const used = new Set<number>();
  const pairs: Array<[P, G]> = [];
  for (const p of predicted) {
    const i = gold.findIndex((g, j) => !used.has(j) && same(p, g));
    if (i >= 0) {
      used.add(i);
      pairs.push([p, gold[i]]);
    }
  }
  return pairs;
}

function close(a: number | undefined, b: number | undefined, eps: number): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.abs(a - b) <= eps;
}

export function scoreDraft(pred: ArticleDocument, gold: ArticleDocument): Score[] {
  const pe = new Map(pred.entities.map((e) => [e.key, e]));
  const ge = new Map(gold.entities.map((e) => [e.key, e]));
  const scores: Score[] = [];
  const add = <P, G>(kind: string, p: P[], g: G[], same: (p: P, g: G) => boolean) => {
    const pairs = matchCount(p, g, same);
    scores.push({ kind, gold: g.length, predicted: p.length, matched: pairs.length });
    return pairs;
  };

  const positions = (d: ArticleDocument) => (d.relations ?? []).filter((r) => r.type === 'HOLDS_POSITION');
  add('people with title and organisation', positions(pred), positions(gold), (p, g) =>
    sameName(pe.get(p.from), ge.get(g.from)) && sameTitle(p.attributes?.title, g.attributes?.title) && sameName(pe.get(p.to), ge.get(g.to)));

  const ofType = (d: ArticleDocument, t: string) => d.entities.filter((e) => e.type === t);
  add('people (names)', ofType(pred, 'Person'), ofType(gold, 'Person'), sameName);
  add('organisations with kind', ofType(pred, 'Organization'), ofType(gold, 'Organization'), (p, g) => sameName(p, g) && p.kind === g.kind);
  add('villages with kind', ofType(pred, 'Village'), ofType(gold, 'Village'), (p, g) => sameName(p, g) && p.kind === g.kind);
  add('projects', ofType(pred, 'Project'), ofType(gold, 'Project'), sameName);

  const eventPairs = add('events with date and type', pred.events ?? [], gold.events ?? [], (p, g) => p.type === g.type && p.date === g.date);
  let pTotal = 0;
  let gTotal = 0;
  let matched = 0;
  for (const e of pred.events ?? []) pTotal += e.participants?.length ?? 0;
  for (const e of gold.events ?? []) gTotal += e.participants?.length ?? 0;
  for (const [p, g] of eventPairs) {
    matched += matchCount(p.participants ?? [], g.participants ?? [], (a, b) => a.role === b.role && sameName(pe.get(a.entity), ge.get(b.entity))).length;
  }
  scores.push({ kind: 'participants with role', gold: gTotal, predicted: pTotal, matched });

  add('figures (value, unit, change)', pred.figures ?? [], gold.figures ?? [], (p, g) =>
    close(p.value, g.value, 1e-9) && (p.unit ?? '') === (g.unit ?? '') && close(p.change, g.change, 1e-6));
  return scores;
}

export function ratio(n: number, d: number): string {
  return d === 0 ? '–' : (n / d).toFixed(2);
}
