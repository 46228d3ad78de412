/** Why two entities may be one: the name reasons (the best one counts), then what else they share. */
export type DuplicateReason =
  | 'SAME_NAME'
  | 'SHORT_FORM'
  | 'LEGAL_FORM'
  | 'CITY_ZONE'
  | 'PINYIN_OR_LATIN'
  | 'HOMOPHONE'
  | 'SHARED_EVENT'
  | 'SHARED_POSITION';

/** What each name reason is worth (the best one counts); a shared event or position adds to it. */
const NAME_WEIGHT: Record<string, number> = { SAME_NAME: 1, SHORT_FORM: 0.9, LEGAL_FORM: 0.85, CITY_ZONE: 0.85, PINYIN_OR_LATIN: 0.8, HOMOPHONE: 0.5 };
/** A name part this short is shared by unrelated bodies and people: a bare trade name (华恒集团, 华恒公司), a personal name in pinyin. */
const WEAK = 0.7;
const SHORT_CORE = 4;
const SHORT_PINYIN = 12;
export const CONTEXT_WEIGHT = 0.1;

export interface PairNames {
  /** the blocking keys both have (`<type>|<kind>|<value>`) */
  keys: string[];
  /** both entities' names in their short forms */
  shorts: string[];
  sameName: boolean;
}

export interface PairFacts extends PairNames {
  sharedEvent: boolean;
  sharedPosition: boolean;
}

/** The name reason of a pair and what it is worth, from the keys it shares (null: none counts). */
export function nameReason(r: PairNames): { reason: DuplicateReason; weight: number } | null {
  const shared = r.keys.map((k) => {
    const [, kind, ...value] = k.split('|');
    return { kind, value: value.join('|') };
  });
  const of = (kind: string) => shared.filter((s) => s.kind === kind);
  if (r.sameName) return { reason: 'SAME_NAME', weight: NAME_WEIGHT.SAME_NAME };
  if (of('n').length) return { reason: 'SHORT_FORM', weight: NAME_WEIGHT.SHORT_FORM };
  const cores = of('c');
  if (cores.length) {
    const long = cores.some((c) => [...c.value].length >= SHORT_CORE);
    return { reason: 'LEGAL_FORM', weight: long ? NAME_WEIGHT.LEGAL_FORM : WEAK };
  }
  if (of('z').length) return { reason: 'CITY_ZONE', weight: NAME_WEIGHT.CITY_ZONE };
  // the pinyin key is the core's: it says something of its own only when the characters differ. A Latin name's
  // short form is its own pinyin, so a value among the names is a romanisation; otherwise two Han names sound alike
  const sounds = of('p');
  const latin = sounds.filter((s) => r.shorts.includes(s.value));
  if (latin.length) return { reason: 'PINYIN_OR_LATIN', weight: latin.some((s) => s.value.length >= SHORT_PINYIN) ? NAME_WEIGHT.PINYIN_OR_LATIN : WEAK };
  if (sounds.length) return { reason: 'HOMOPHONE', weight: NAME_WEIGHT.HOMOPHONE };
  return null;
}

/** A pair's score (0 to 1, three decimals) and reasons, best name reason first. */
export function scorePair(r: PairFacts): { score: number; reasons: DuplicateReason[] } {
  const name = nameReason(r);
  const reasons: DuplicateReason[] = name ? [name.reason] : [];
  if (r.sharedEvent) reasons.push('SHARED_EVENT');
  if (r.sharedPosition) reasons.push('SHARED_POSITION');
  const bonus = (r.sharedEvent ? CONTEXT_WEIGHT : 0) + (r.sharedPosition ? CONTEXT_WEIGHT : 0);
  return { score: Math.round(Math.min(1, (name?.weight ?? 0) + bonus) * 1000) / 1000, reasons };
}
