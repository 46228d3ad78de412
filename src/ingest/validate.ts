import { dateSpan, EVENT_LOCATION_TYPES, RELATION_TYPES, type EntityType } from '../model';
import { storedText } from '../model';
import { articleJsonSchema } from './articleSchema';
import { checkSchema } from './checkSchema';
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

/**
 * Checks a parsed document against every rule of `kg-article/1` and lists every problem by JSON path.
 * Structure comes from the JSON Schema; the rules below are those JSON Schema cannot express.
 */
export function validateDocument(input: unknown): Validation {
  const problems = checkSchema(SCHEMA, input);
  if (problems.length > 0) return { ok: false, problems };

  const doc = normaliseStrings(input) as ArticleDocument;
  doc.events ??= [];
  doc.relations ??= [];
  doc.figures ??= [];

  const entityTypes = new Map<string, EntityType>();
  const seen = new Map<string, string>();
  const defineKey = (key: string, path: string): void => {
    const first = seen.get(key);
    if (first) problems.push({ path: `${path}.key`, message: `duplicate key ${quote(key)} (already defined at ${first})` });
    else seen.set(key, path);
  };
  doc.entities.forEach((e, i) => {
    defineKey(e.key, `entities[${i}]`);
    if (!entityTypes.has(e.key)) entityTypes.set(e.key, e.type);
  });
  doc.events.forEach((e, i) => defineKey(e.key, `events[${i}]`));

  const ids = new Map<string, number>();
  doc.entities.forEach((e, i) => {
    if (e.id === undefined) return;
    const first = ids.get(e.id);
    if (first !== undefined) {
      problems.push({ path: `entities[${i}].id`, message: `duplicate id ${quote(e.id)} (also entities[${first}].id)` });
    } else ids.set(e.id, i);
  });

  const entityRef = (key: string, path: string, allowed?: readonly EntityType[]): EntityType | undefined => {
    const type = entityTypes.get(key);
    if (type === undefined) {
      const isEvent = doc.events.some((e) => e.key === key);
      problems.push({
        path,
        message: isEvent ? `${quote(key)} is an event; an entity key is needed here` : `unknown key ${quote(key)}`,
      });
      return undefined;
    }
    if (allowed && !allowed.includes(type)) {
      problems.push({ path, message: `${quote(key)} is a ${type}; expected ${allowed.join(' or ')}` });
    }
    return type;
  };

  const checkDate = (value: string | undefined, path: string): void => {
    if (value !== undefined && dateSpan(value) === null) {
      problems.push({ path, message: `${quote(value)} is not a real calendar date` });
    }
  };
  const checkOrder = (start: string | undefined, end: string | undefined, path: string, what: string): void => {
    const a = start && dateSpan(start);
    const b = end && dateSpan(end);
    if (a && b && b.last < a.first) problems.push({ path, message: `${quote(end)} is before ${what} ${quote(start)}` });
  };

  if (doc.article.publishedOn) checkDate(doc.article.publishedOn, 'article.publishedOn');

  doc.events.forEach((e, i) => {
    const path = `events[${i}]`;
    checkDate(e.date, `${path}.date`);
    checkDate(e.endDate, `${path}.endDate`);
    if (e.endDate !== undefined && e.date === undefined) {
      problems.push({ path: `${path}.endDate`, message: 'an endDate needs a date' });
    }
    checkOrder(e.date, e.endDate, `${path}.endDate`, 'date');
    if (e.location !== undefined) entityRef(e.location, `${path}.location`, EVENT_LOCATION_TYPES);
    const roles = new Set<string>();
    (e.participants ?? []).forEach((p, j) => {
      entityRef(p.entity, `${path}.participants[${j}].entity`);
      const pair = `${p.entity}\u0000${p.role}`;
      if (roles.has(pair)) {
        problems.push({ path: `${path}.participants[${j}]`, message: `${quote(p.entity)} is listed twice as ${p.role}` });
      }
      roles.add(pair);
    });
  });

  doc.relations.forEach((r, i) => {
    const path = `relations[${i}]`;
    const decl = RELATION_TYPES[r.type];
    entityRef(r.from, `${path}.from`, decl.from);
    entityRef(r.to, `${path}.to`, decl.to);
    if (r.from === r.to) problems.push({ path: `${path}.to`, message: 'a relation cannot link an entity to itself' });
    for (const name of decl.requiredAttributes) {
      const v = r.attributes?.[name];
      if (typeof v !== 'string' || v === '') {
        problems.push({ path: `${path}.attributes.${name}`, message: `${r.type} needs a non-empty string attribute "${name}"` });
      }
    }
    checkDate(r.since, `${path}.since`);
    checkDate(r.until, `${path}.until`);
    checkOrder(r.since, r.until, `${path}.until`, 'since');
  });

  doc.figures.forEach((f, i) => entityRef(f.subject, `figures[${i}].subject`));

  return problems.length > 0 ? { ok: false, problems } : { ok: true, document: doc };
}
