/**
 * A draft kg-article/1 document under review (pure; the Add article view draws it): the corrections a
 * reviewer makes (change a type, merge two mentions, link to a graph entity, drop a fact), each returning
 * a new document, and the problems the document has as it stands, from the domain model.
 */
import { ENTITY_TYPES, EVENT_TYPES, RELATION_TYPES, type EntityType } from '../../model/domain';

export type Attrs = Record<string, string | number | boolean>;

export interface DraftEntity {
  key: string;
  type: string;
  name: string;
  kind?: string;
  id?: string;
  aliases?: string[];
  attributes?: Attrs;
  evidence?: string;
}
export interface DraftParticipant {
  entity: string;
  role: string;
}
export interface DraftEvent {
  key: string;
  type: string;
  name: string;
  date?: string;
  endDate?: string;
  location?: string;
  partOf?: string;
  participants?: DraftParticipant[];
  attributes?: Attrs;
  evidence?: string;
}
export interface DraftRelation {
  type: string;
  from: string;
  to: string;
  since?: string;
  until?: string;
  attributes?: Attrs;
  evidence?: string;
}
export interface DraftFigure {
  subject: string;
  metric: string;
  value: number;
  unit?: string;
  period?: string;
  change?: number;
  qualifier?: string;
  stated?: string;
  attributes?: Attrs;
  evidence?: string;
}
export interface DraftDoc {
  format: string;
  article: { id: string; title: string; publisher?: string; publishedOn?: string; url?: string; language?: string; text?: string };
  entities: DraftEntity[];
  events?: DraftEvent[];
  relations?: DraftRelation[];
  figures?: DraftFigure[];
}

export interface Problem {
  path: string;
  /** in English: what the server says, or the page's own problem */
  message: string;
  /** the page's own problems: a code and its values, said in the interface language (aa.problem.<code>) */
  code?: ProblemCode;
  params?: Record<string, string>;
}

export type ProblemCode = 'unknownType' | 'noSuchKind' | 'unknownEventType' | 'linkedTwice' | 'cannotStart' | 'cannotEnd';

/** Facts below this confidence are the extractor's unsure ones (src/extract's SURE). */
export const SURE = 0.8;

export function confidenceOf(x: { attributes?: Attrs }): number | undefined {
  const c = x.attributes?.confidence;
  return typeof c === 'number' ? c : undefined;
}

export function isUnsure(x: { attributes?: Attrs }): boolean {
  const c = confidenceOf(x);
  return c !== undefined && c < SURE;
}

/** Removes the unsure mark: a reviewer who kept or corrected a fact vouches for it. */
function vouch<T extends { attributes?: Attrs }>(x: T): void {
  if (!x.attributes || !('confidence' in x.attributes)) return;
  const { confidence: _c, ...rest } = x.attributes;
  if (Object.keys(rest).length) x.attributes = rest;
  else delete x.attributes;
}

function copy(doc: DraftDoc): DraftDoc {
  return JSON.parse(JSON.stringify(doc)) as DraftDoc;
}

function entityOf(doc: DraftDoc, key: string): DraftEntity {
  const e = doc.entities.find((x) => x.key === key);
  if (!e) throw new Error(`the draft has no entity ${key}`);
  return e;
}

export function kindsOf(type: string): readonly string[] {
  return (ENTITY_TYPES as Record<string, { kinds: readonly string[] }>)[type]?.kinds ?? [];
}

/** The entity becomes another type; a kind the new type does not have is cleared. */
export function changeEntityType(doc: DraftDoc, key: string, type: EntityType): DraftDoc {
  const out = copy(doc);
  const e = entityOf(out, key);
  e.type = type;
  if (e.kind && !kindsOf(type).includes(e.kind)) delete e.kind;
  vouch(e);
  return out;
}

export function changeEntityKind(doc: DraftDoc, key: string, kind: string | null): DraftDoc {
  const out = copy(doc);
  const e = entityOf(out, key);
  if (kind) e.kind = kind;
  else delete e.kind;
  vouch(e);
  return out;
}

export function changeEventType(doc: DraftDoc, key: string, type: string): DraftDoc {
  const out = copy(doc);
  const ev = (out.events ?? []).find((x) => x.key === key);
  if (!ev) throw new Error(`the draft has no event ${key}`);
  ev.type = type;
  vouch(ev);
  return out;
}

/** The entity is the graph's entity `id` (found with search); null unlinks it. */
export function linkEntity(doc: DraftDoc, key: string, id: string | null): DraftDoc {
  const out = copy(doc);
  const e = entityOf(out, key);
  if (id) {
    e.id = id;
    vouch(e);
  } else delete e.id;
  return out;
}

function dedupe<T>(items: T[], idOf: (x: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = idOf(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const relationId = (r: DraftRelation) => `${r.type}|${r.from}|${r.to}|${String(r.attributes?.title ?? '')}`;

/**
 * Two mentions are one entity: `merge` goes into `keep` (its names become aliases, everything that named
 * it names `keep`). Both must be of one type, and not linked to two different graph entities.
 */
export function mergeEntities(doc: DraftDoc, keepKey: string, mergeKey: string): DraftDoc {
  if (keepKey === mergeKey) throw new Error('an entity cannot be merged into itself');
  const out = copy(doc);
  const keep = entityOf(out, keepKey);
  const gone = entityOf(out, mergeKey);
  if (keep.type !== gone.type) throw new Error(`${gone.name} is a ${gone.type} and ${keep.name} a ${keep.type}: change one type first`);
  if (keep.id && gone.id && keep.id !== gone.id) throw new Error(`${keep.name} and ${gone.name} are linked to two different graph entities (${keep.id}, ${gone.id})`);
  const aliases = [...(keep.aliases ?? []), gone.name, ...(gone.aliases ?? [])].filter((a) => a !== keep.name);
  if (aliases.length) keep.aliases = [...new Set(aliases)];
  keep.id ??= gone.id;
  keep.kind ??= gone.kind;
  keep.evidence ??= gone.evidence;
  if (keep.id === undefined) delete keep.id;
  if (keep.kind === undefined) delete keep.kind;
  if (!isUnsure(keep) || !isUnsure(gone)) vouch(keep);
  const to = (k: string) => (k === mergeKey ? keepKey : k);
  for (const ev of out.events ?? []) {
    if (ev.location) ev.location = to(ev.location);
    if (ev.participants) ev.participants = dedupe(ev.participants.map((p) => ({ ...p, entity: to(p.entity) })), (p) => `${p.entity}|${p.role}`);
  }
  out.relations = dedupe((out.relations ?? []).map((r) => ({ ...r, from: to(r.from), to: to(r.to) })), relationId).filter((r) => r.from !== r.to);
  for (const f of out.figures ?? []) f.subject = to(f.subject);
  out.entities = out.entities.filter((e) => e.key !== mergeKey);
  return out;
}

export interface Dropped {
  doc: DraftDoc;
  /** the other facts that went with it (participations, relations, figures naming a dropped entity) */
  alsoDropped: number;
}

/** Drops an entity and every fact that names it (an event only loses the participant or its location). */
export function dropEntity(doc: DraftDoc, key: string): Dropped {
  const out = copy(doc);
  entityOf(out, key);
  let also = 0;
  for (const ev of out.events ?? []) {
    if (ev.location === key) delete ev.location;
    const before = ev.participants?.length ?? 0;
    if (ev.participants) ev.participants = ev.participants.filter((p) => p.entity !== key);
    also += before - (ev.participants?.length ?? 0);
  }
  const relations = (out.relations ?? []).filter((r) => r.from !== key && r.to !== key);
  const figures = (out.figures ?? []).filter((f) => f.subject !== key);
  also += (out.relations?.length ?? 0) - relations.length + (out.figures?.length ?? 0) - figures.length;
  out.relations = relations;
  out.figures = figures;
  out.entities = out.entities.filter((e) => e.key !== key);
  return { doc: out, alsoDropped: also };
}

export function dropEvent(doc: DraftDoc, key: string): DraftDoc {
  const out = copy(doc);
  out.events = (out.events ?? []).filter((e) => e.key !== key);
  for (const ev of out.events) if (ev.partOf === key) delete ev.partOf;
  return out;
}

export function dropParticipant(doc: DraftDoc, eventKey: string, index: number): DraftDoc {
  const out = copy(doc);
  const ev = (out.events ?? []).find((e) => e.key === eventKey);
  ev?.participants?.splice(index, 1);
  return out;
}

export function dropRelation(doc: DraftDoc, index: number): DraftDoc {
  const out = copy(doc);
  out.relations?.splice(index, 1);
  return out;
}

export function dropFigure(doc: DraftDoc, index: number): DraftDoc {
  const out = copy(doc);
  out.figures?.splice(index, 1);
  return out;
}

function typeProblems(doc: DraftDoc): Problem[] {
  const out: Problem[] = [];
  doc.entities.forEach((e, i) => {
    if (!(e.type in ENTITY_TYPES)) out.push({ path: `entities[${i}].type`, message: `unknown type "${e.type}"`, code: 'unknownType', params: { type: e.type } });
    else if (e.kind && !kindsOf(e.type).includes(e.kind)) {
      out.push({ path: `entities[${i}].kind`, message: `a ${e.type} has no kind "${e.kind}"`, code: 'noSuchKind', params: { type: e.type, kind: e.kind } });
    }
  });
  (doc.events ?? []).forEach((ev, i) => {
    if (!(EVENT_TYPES as readonly string[]).includes(ev.type)) out.push({ path: `events[${i}].type`, message: `unknown event type "${ev.type}"`, code: 'unknownEventType', params: { type: ev.type } });
  });
  return out;
}

/**
 * What the document as corrected so far would be rejected for, found here before asking the server:
 * unknown types and kinds, one graph id on two entities, and relations whose ends no longer have the types the relation allows (a
 * position held by what is now an organisation). The server's validation still has the last word.
 */
export function draftProblems(doc: DraftDoc): Problem[] {
  const out = typeProblems(doc);
  const byKey = new Map(doc.entities.map((e) => [e.key, e]));
  // two mentions linked to one graph entity: they are one entity, merge them
  const firstWithId = new Map<string, number>();
  doc.entities.forEach((e, i) => {
    if (!e.id) return;
    const first = firstWithId.get(e.id);
    if (first === undefined) firstWithId.set(e.id, i);
    else {
      const params = { name: e.name, other: doc.entities[first].name, id: e.id };
      out.push({ path: `entities[${i}].id`, message: `${e.name} and ${params.other} are both linked to ${e.id}: merge them into one`, code: 'linkedTwice', params });
    }
  });
  (doc.relations ?? []).forEach((r, i) => {
    const decl = (RELATION_TYPES as Record<string, { from: readonly string[]; to: readonly string[] }>)[r.type];
    const from = byKey.get(r.from);
    const to = byKey.get(r.to);
    if (!decl || !from || !to) return;
    const end = (side: 'from' | 'to', e: DraftEntity) => {
      const allowed = decl[side];
      if (allowed.includes(e.type)) return;
      const params = { relation: r.type, name: e.name, type: e.type, allowed: allowed.join(', ') };
      const message = `${r.type} cannot ${side === 'from' ? 'start' : 'end'} at ${e.name}, a ${e.type} (allowed: ${params.allowed})`;
      out.push({ path: `relations[${i}].${side}`, message, code: side === 'from' ? 'cannotStart' : 'cannotEnd', params });
    };
    end('from', from);
    end('to', to);
  });
  return out;
}

/** Which listed item a problem's JSON path is about (`entities[3].type` → entities #3). */
export function problemTarget(path: string): { list: 'entities' | 'events' | 'relations' | 'figures'; index: number } | null {
  const m = /^(entities|events|relations|figures)\[(\d+)\]/u.exec(path);
  return m ? { list: m[1] as 'entities' | 'events' | 'relations' | 'figures', index: Number(m[2]) } : null;
}

/** How many facts of the draft are marked unsure. */
export function unsureCount(doc: DraftDoc): number {
  return [...doc.entities, ...(doc.events ?? []), ...(doc.relations ?? []), ...(doc.figures ?? [])].filter(isUnsure).length;
}
