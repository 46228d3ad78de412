import { dateSpan, EVENT_LOCATION_TYPES, isEntityType, isRelationType, RELATION_TYPES, storedText, type EntityType } from '../model';
import { articleJsonSchema } from './articleSchema';
import { checkSchema } from './checkSchema';
import { checkText } from './checkText';
import type { ArticleDocument } from './document';
import { type Problem, quote } from './problem';

export type Validation = { ok: true; document: ArticleDocument } | { ok: false; problems: Problem[] };

const SCHEMA = articleJsonSchema();

/** NFC + trim on every string, keys of attribute objects included; numbers and booleans as they are. */
function normaliseStrings(value: unknown): unknown {
  if (typeof value === 'string') return storedText(value);
  if (Array.isArray(value)) return value.map(normaliseStrings);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[storedText(k)] = normaliseStrings(v);
    return out;
  }
  return value;
}

const objects = (value: unknown): Array<Record<string, unknown>> =>
  Array.isArray(value) ? value.map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {})) : [];
const str = (value: unknown): string | undefined => (typeof value === 'string' ? storedText(value) : undefined);

/**
 * Each event's `partOf` names another event of the document, and following them never comes back: every
 * event of a cycle is reported once, with the cycle.
 */
function partOfProblems(
  events: Array<Record<string, unknown>>,
  eventKeys: Set<string>,
  entityKeys: Map<string, unknown>,
): Problem[] {
  const problems: Problem[] = [];
  const parent = new Map<string, string>();
  const pathOf = new Map<string, string>();
  events.forEach((e, i) => {
    const key = str(e.key);
    const of = str(e.partOf);
    const path = `events[${i}].partOf`;
    if (of === undefined || key === undefined) return;
    if (of === key) problems.push({ path, message: `an event cannot be part of itself (${quote(of)})` });
    else if (eventKeys.has(of)) {
      if (!parent.has(key)) parent.set(key, of);
      pathOf.set(key, path);
    } else {
      problems.push({
        path,
        message: entityKeys.has(of) ? `${quote(of)} is an entity; an event key is needed here` : `unknown event key ${quote(of)}`,
      });
    }
  });
  const reported = new Set<string>();
  for (const start of parent.keys()) {
    const chain: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && !chain.includes(at) && !reported.has(at)) {
      chain.push(at);
      at = parent.get(at);
    }
    if (at === undefined || reported.has(at)) {
      chain.forEach((k) => reported.add(k));
      continue;
    }
    const cycle = chain.slice(chain.indexOf(at));
    const text = [...cycle, at].map(quote).join(' → ');
    for (const k of cycle) problems.push({ path: pathOf.get(k)!, message: `partOf cycle: ${text}` });
    chain.forEach((k) => reported.add(k));
  }
  return problems;
}

/** The keys a document defines (entities with their types, events), with duplicate keys and ids reported. */
function documentKeys(
  entities: Array<Record<string, unknown>>,
  events: Array<Record<string, unknown>>,
  problems: Problem[],
): { entityTypes: Map<string, EntityType | undefined>; eventKeys: Set<string> } {
  const entityTypes = new Map<string, EntityType | undefined>();
  const eventKeys = new Set<string>();
  const seen = new Map<string, string>();
  const defineKey = (key: string | undefined, path: string): void => {
    if (key === undefined) return;
    const first = seen.get(key);
    if (first) problems.push({ path: `${path}.key`, message: `duplicate key ${quote(key)} (already defined at ${first})` });
    else seen.set(key, path);
  };
  entities.forEach((e, i) => {
    const key = str(e.key);
    defineKey(key, `entities[${i}]`);
    if (key !== undefined && !entityTypes.has(key)) entityTypes.set(key, isEntityType(e.type) ? e.type : undefined);
  });
  events.forEach((e, i) => {
    const key = str(e.key);
    defineKey(key, `events[${i}]`);
    if (key !== undefined) eventKeys.add(key);
  });
  const ids = new Map<string, number>();
  entities.forEach((e, i) => {
    const id = str(e.id);
    if (id === undefined) return;
    const first = ids.get(id);
    if (first !== undefined) {
      problems.push({ path: `entities[${i}].id`, message: `duplicate id ${quote(id)} (also entities[${first}].id)` });
    } else ids.set(id, i);
  });
  return { entityTypes, eventKeys };
}

/** The checks facts share: references to entities (by type), real calendar dates, and date order. */
class FactChecks {
  constructor(
    private readonly keys: ReturnType<typeof documentKeys>,
    readonly problems: Problem[],
  ) {}

  entityRef(value: unknown, path: string, allowed?: readonly EntityType[]): void {
    const key = str(value);
    if (key === undefined) return; // the schema has reported it
    if (!this.keys.entityTypes.has(key)) {
      const message = this.keys.eventKeys.has(key) ? `${quote(key)} is an event; an entity key is needed here` : `unknown key ${quote(key)}`;
      this.problems.push({ path, message });
      return;
    }
    const type = this.keys.entityTypes.get(key);
    if (type && allowed && !allowed.includes(type)) {
      this.problems.push({ path, message: `${quote(key)} is a ${type}; expected ${allowed.join(' or ')}` });
    }
  }

  date(value: unknown, path: string): void {
    if (typeof value === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(value) && dateSpan(value) === null) {
      this.problems.push({ path, message: `${quote(value)} is not a real calendar date` });
    }
  }

  order(start: unknown, end: unknown, path: string, what: string): void {
    const a = typeof start === 'string' ? dateSpan(start) : null;
    const b = typeof end === 'string' ? dateSpan(end) : null;
    if (a && b && b.last < a.first) this.problems.push({ path, message: `${quote(end)} is before ${what} ${quote(start)}` });
  }
}

function checkEvents(events: Array<Record<string, unknown>>, check: FactChecks): void {
  events.forEach((e, i) => {
    const path = `events[${i}]`;
    check.date(e.date, `${path}.date`);
    check.date(e.endDate, `${path}.endDate`);
    if (e.endDate !== undefined && e.date === undefined) {
      check.problems.push({ path: `${path}.endDate`, message: 'an endDate needs a date' });
    }
    check.order(e.date, e.endDate, `${path}.endDate`, 'date');
    if (e.location !== undefined) check.entityRef(e.location, `${path}.location`, EVENT_LOCATION_TYPES);
    const roles = new Set<string>();
    objects(e.participants).forEach((p, j) => {
      check.entityRef(p.entity, `${path}.participants[${j}].entity`);
      // the role is a string once the schema has passed; quote() keeps a hostile one (say, an array nested
      // 100 000 deep) from overflowing the stack, as String() would
      const role = typeof p.role === 'string' ? p.role : quote(p.role);
      const pair = `${str(p.entity)}\u0000${role}`;
      if (roles.has(pair)) {
        check.problems.push({ path: `${path}.participants[${j}]`, message: `${quote(p.entity)} is listed twice as ${role}` });
      }
      roles.add(pair);
    });
  });
}

function checkRelations(relations: Array<Record<string, unknown>>, check: FactChecks): void {
  relations.forEach((r, i) => {
    const path = `relations[${i}]`;
    const decl = isRelationType(r.type) ? RELATION_TYPES[r.type] : undefined;
    check.entityRef(r.from, `${path}.from`, decl?.from);
    check.entityRef(r.to, `${path}.to`, decl?.to);
    if (str(r.from) !== undefined && str(r.from) === str(r.to)) {
      check.problems.push({ path: `${path}.to`, message: 'a relation cannot link an entity to itself' });
    }
    const attributes = (r.attributes && typeof r.attributes === 'object' ? r.attributes : {}) as Record<string, unknown>;
    for (const name of decl?.requiredAttributes ?? []) {
      const v = attributes[name];
      if (typeof v !== 'string' || v.trim() === '') {
        check.problems.push({ path: `${path}.attributes.${name}`, message: `${String(r.type)} needs a non-empty string attribute "${name}"` });
      }
    }
    check.date(r.since, `${path}.since`);
    check.date(r.until, `${path}.until`);
    check.order(r.since, r.until, `${path}.until`, 'since');
  });
}

/**
 * Checks a parsed document against every rule of `kg-article/1` and lists every problem by JSON path.
 * Structure comes from the JSON Schema; the rules here are those JSON Schema cannot express. They run
 * even when the structure is wrong (reading defensively), so one pass reports everything.
 */
export function validateDocument(input: unknown): Validation {
  const problems = [...checkSchema(SCHEMA, input), ...checkText(input)];
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const events = objects(raw.events);
  const keys = documentKeys(objects(raw.entities), events, problems);
  const check = new FactChecks(keys, problems);
  const article = (raw.article && typeof raw.article === 'object' ? raw.article : {}) as Record<string, unknown>;
  check.date(article.publishedOn, 'article.publishedOn');
  checkEvents(events, check);
  problems.push(...partOfProblems(events, keys.eventKeys, keys.entityTypes));
  checkRelations(objects(raw.relations), check);
  objects(raw.figures).forEach((f, i) => check.entityRef(f.subject, `figures[${i}].subject`));

  if (problems.length > 0) return { ok: false, problems };
  const doc = normaliseStrings(input) as ArticleDocument;
  doc.events ??= [];
  doc.relations ??= [];
  doc.figures ??= [];
  return { ok: true, document: doc };
}
