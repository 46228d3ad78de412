import { ENTITY_TYPE_NAMES, isRelationType } from '../../model';
import { nameKeyOf } from '../../ingest';
import { badInput } from '../errors';
import { checkDate, checkId, checkText } from '../args/limits';
import { DOMAIN_RELATIONS, L, R, relType } from '../cypher/labels';
import { partialDateSpan, validAtCondition } from './dates';
import type { EntityWhere, EventWhere, FigureWhere, ParticipantWhere, ParticipationWhere, PositionWhere, RelationWhere } from './inputs';
import { NUMBER_OPERATORS, STRING_OPERATORS, type NumberFilterValue, type StringFilterValue } from './operators';

/** A compiled `where`: one Cypher condition over a variable, and the parameters it reads. */
export interface Compiled {
  cypher: string;
  params: Record<string, unknown>;
}

/** Steps `within` follows upwards (LOCATED_IN, PART_OF): deeper than any real place hierarchy, never unbounded. */
export const WITHIN_HOPS = 8;
const UPWARDS = [relType('LOCATED_IN'), relType('PART_OF')].join('|');

/**
 * Names of parameters and pattern variables for one statement. Every value goes in as a parameter; pattern
 * variables are numbered, since a subquery sees the variables of the query around it and must not reuse one.
 */
export class Scope {
  readonly params: Record<string, unknown> = {};
  private n = 0;
  constructor(private readonly prefix = 'w') {}
  param(value: unknown): string {
    const name = `${this.prefix}${this.n++}`;
    this.params[name] = value;
    return `$${name}`;
  }
  variable(stem: string): string {
    return `${this.prefix}_${stem}${this.n++}`;
  }
}

export const all = (conditions: string[]): string => (conditions.length === 0 ? 'true' : conditions.map((c) => `(${c})`).join(' AND '));

/** Conditions that are the same on entities, events and figures: AND, OR, NOT over the same kind. */
function logic<W extends { AND?: W[] | null; OR?: W[] | null; NOT?: W | null }>(
  w: W,
  path: string,
  each: (x: W, path: string) => string[],
): string[] {
  const out: string[] = [];
  if (w.AND) out.push(all(w.AND.map((x, i) => `(${all(each(x, `${path}.AND[${i}]`))})`)));
  if (w.OR) out.push(w.OR.length === 0 ? 'false' : w.OR.map((x, i) => `(${all(each(x, `${path}.OR[${i}]`))})`).join(' OR '));
  if (w.NOT) out.push(`NOT (${all(each(w.NOT, `${path}.NOT`))})`);
  return out;
}

function stringConditions(expr: (test: (x: string) => string) => string, f: StringFilterValue, s: Scope, path: string): string[] {
  const out: string[] = [];
  for (const [name, op] of Object.entries(STRING_OPERATORS)) {
    const given = f[name as keyof StringFilterValue];
    if (given == null) continue;
    const values = (Array.isArray(given) ? given : [given]).map((v) => checkText(v, `${path}.${name}`));
    const folded = op.folded ? values.map((v) => v.toLowerCase()) : values;
    out.push(expr((x) => op.cypher(x, s.param(op.list ? folded : folded[0]))));
  }
  return out;
}

/** A string filter on one property. */
function onProperty(property: string, f: StringFilterValue | null | undefined, s: Scope, path: string): string[] {
  if (!f) return [];
  return stringConditions((test) => test(property), f, s, path);
}

/** A number range that nothing can be in (`gt: 10, lt: 5`, `gt: 5, lte: 5`) is bad input, never an empty answer. */
function checkRange(f: NumberFilterValue, path: string): void {
  for (const low of ['gt', 'gte'] as const) {
    for (const high of ['lt', 'lte'] as const) {
      const [l, h] = [f[low], f[high]];
      if (l == null || h == null || !Number.isFinite(l) || !Number.isFinite(h)) continue;
      if (l > h || (l === h && (low === 'gt' || high === 'lt'))) {
        throw badInput(`${path}.${low} (${l}) and ${path}.${high} (${h}) leave no number between them: the range is empty`, `${path}.${low}`);
      }
    }
  }
}

function numberConditions(expr: string, f: NumberFilterValue | null | undefined, s: Scope, path: string): string[] {
  if (!f) return [];
  checkRange(f, path);
  const out: string[] = [];
  for (const [name, op] of Object.entries(NUMBER_OPERATORS)) {
    const given = f[name as keyof NumberFilterValue];
    if (given == null) continue;
    if (!Number.isFinite(given)) throw badInput(`${path}.${name} must be a finite number`, `${path}.${name}`);
    out.push(`${expr} ${op.symbol} ${s.param(given)}`);
  }
  return out;
}

/** `v` is the entity with this id, or the entity it was merged into. */
function idMatch(v: string, p: string): string {
  return `${v}.id = ${p} OR EXISTS { MATCH (:${L.MergedId} {id: ${p}})-[:${R.MERGED_INTO}]->(${v}) }`;
}

function dayParam(value: string, s: Scope, path: string, end: 'first' | 'last'): string {
  return s.param(checkDate(value, path, end));
}

/** validAt: the day's first day compared with `since` and `until` at their own precision (dates.ts). */
function validAt(r: string, value: string | null | undefined, s: Scope, path: string): string[] {
  if (value == null) return [];
  return [validAtCondition(r, dayParam(value, s, path, 'first'))];
}

function withinCondition(start: string, via: string, id: string, s: Scope, path: string, minHops: 0 | 1): string {
  const w = s.variable('within');
  const p = s.param(checkId(id, path));
  return `EXISTS { MATCH (${start})${via}-[:${UPWARDS}*${minHops}..${WITHIN_HOPS}]->(${w}:${L.Entity}) WHERE ${idMatch(w, p)} }`;
}

export function entityConditions(w: EntityWhere, v: string, s: Scope, path: string): string[] {
  const out = logic(w, path, (x, p) => entityConditions(x, v, s, p));
  if (w.types) out.push(`${v}.type IN ${s.param(w.types)}`);
  if (w.kinds) out.push(`${v}.kind IN ${s.param(w.kinds)}`);
  if (w.ids) {
    const p = s.param(w.ids.map((id) => checkId(id, `${path}.ids`)));
    const m = s.variable('merged');
    out.push(`${v}.id IN ${p} OR EXISTS { MATCH (${m}:${L.MergedId})-[:${R.MERGED_INTO}]->(${v}) WHERE ${m}.id IN ${p} }`);
  }
  if (w.name != null) {
    const name = checkText(w.name, `${path}.name`, { nonEmpty: true });
    const keys = (w.types ?? ENTITY_TYPE_NAMES).map((t) => nameKeyOf(t, name));
    const k = s.variable('key');
    out.push(`EXISTS { MATCH (${k}:${L.NameKey})-[:${R.IDENTIFIES}]->(${v}) WHERE ${k}.key IN ${s.param(keys)} }`);
  }
  if (w.nameContains != null) {
    const p = s.param(checkText(w.nameContains, `${path}.nameContains`, { nonEmpty: true }).trim().toLowerCase());
    out.push(`toLower(${v}.name) CONTAINS ${p} OR any(a IN coalesce(${v}.aliases, []) WHERE toLower(a) CONTAINS ${p})`);
  }
  if (w.anyName) {
    const a = s.variable('alias');
    out.push(...stringConditions((test) => `${test(`${v}.name`)} OR any(${a} IN coalesce(${v}.aliases, []) WHERE ${test(a)})`, w.anyName, s, `${path}.anyName`));
  }
  if (w.within != null) out.push(withinCondition(v, '', w.within, s, `${path}.within`, 1));
  if (w.relation) out.push(relationCondition(w.relation, v, s, `${path}.relation`));
  if (w.position) out.push(positionCondition(w.position, v, s, `${path}.position`));
  if (w.participatedIn) out.push(participationCondition(w.participatedIn, v, s, `${path}.participatedIn`));
  if (w.eventCount) {
    const x = s.variable('event');
    const count = `size(COLLECT { MATCH (${v})-[:${R.PARTICIPATED_IN}]->(${x}:${L.Event}) RETURN DISTINCT ${x} })`;
    out.push(...numberConditions(count, w.eventCount, s, `${path}.eventCount`));
  }
  if (w.mentionCount) {
    out.push(...numberConditions(`COUNT { (:${L.Article})-[:${R.MENTIONS}]->(${v}) }`, w.mentionCount, s, `${path}.mentionCount`));
  }
  return out;
}

function relationCondition(w: RelationWhere, v: string, s: Scope, path: string): string {
  const types = w.types && w.types.length > 0 ? w.types.filter(isRelationType).join('|') : DOMAIN_RELATIONS;
  const r = s.variable('rel');
  const o = s.variable('other');
  const edge = `-[${r}:${types}]-`;
  const pattern = w.direction === 'OUTGOING' ? `(${v})${edge}>(${o}:${L.Entity})` : w.direction === 'INCOMING' ? `(${v})<${edge}(${o}:${L.Entity})` : `(${v})${edge}(${o}:${L.Entity})`;
  const conditions = [...validAt(r, w.validAt, s, `${path}.validAt`), ...(w.other ? entityConditions(w.other, o, s, `${path}.other`) : [])];
  return `EXISTS { MATCH ${pattern} WHERE ${all(conditions)} }`;
}

function positionCondition(w: PositionWhere, v: string, s: Scope, path: string): string {
  const r = s.variable('pos');
  const o = s.variable('org');
  const conditions = [
    ...onProperty(`${r}.key`, w.title, s, `${path}.title`),
    ...validAt(r, w.validAt, s, `${path}.validAt`),
    ...(w.at ? entityConditions(w.at, o, s, `${path}.at`) : []),
  ];
  return `EXISTS { MATCH (${v})-[${r}:${relType('HOLDS_POSITION')}]->(${o}:${L.Entity}) WHERE ${all(conditions)} }`;
}

function participationCondition(w: ParticipationWhere, v: string, s: Scope, path: string): string {
  const r = s.variable('part');
  const x = s.variable('event');
  const conditions = [
    ...(w.roles ? [`${r}.role IN ${s.param(w.roles)}`] : []),
    ...(w.event ? eventConditions(w.event, x, s, `${path}.event`) : []),
  ];
  return `EXISTS { MATCH (${v})-[${r}:${R.PARTICIPATED_IN}]->(${x}:${L.Event}) WHERE ${all(conditions)} }`;
}

function participantCondition(w: ParticipantWhere, x: string, s: Scope, path: string): string {
  const r = s.variable('part');
  const e = s.variable('participant');
  const conditions = [
    ...(w.roles ? [`${r}.role IN ${s.param(w.roles)}`] : []),
    ...(w.entity ? entityConditions(w.entity, e, s, `${path}.entity`) : []),
  ];
  return `EXISTS { MATCH (${e}:${L.Entity})-[${r}:${R.PARTICIPATED_IN}]->(${x}) WHERE ${all(conditions)} }`;
}

/** Date window conditions on event `x` (OVERLAPS / WITHIN as in cypher/eventDates.ts); a reversed window is bad input. */
function dateWindow(w: EventWhere, x: string, s: Scope, path: string): string[] {
  const from = w.from != null ? partialDateSpan(w.from) : null;
  const to = w.to != null ? partialDateSpan(w.to) : null;
  if (w.from != null && !from) dayParam(w.from, s, `${path}.from`, 'first');
  if (w.to != null && !to) dayParam(w.to, s, `${path}.to`, 'last');
  if (from && to && from.first > to.last) throw badInput(`${path}.from (${w.from}) is after ${path}.to (${w.to}): the window is empty`, `${path}.from`);
  const within = w.dateMatch === 'WITHIN';
  const out: string[] = [];
  if (from) out.push(within ? `${x}.dateStart >= date(${s.param(from.first)})` : `${x}.dateEnd >= date(${s.param(from.first)})`);
  if (to) out.push(within ? `${x}.dateEnd <= date(${s.param(to.last)})` : `${x}.dateStart <= date(${s.param(to.last)})`);
  return out;
}

export function eventConditions(w: EventWhere, x: string, s: Scope, path: string): string[] {
  const out = logic(w, path, (y, p) => eventConditions(y, x, s, p));
  if (w.types) out.push(`${x}.type IN ${s.param(w.types)}`);
  out.push(...onProperty(`${x}.name`, w.name, s, `${path}.name`));
  out.push(...dateWindow(w, x, s, path));
  if (w.article != null) out.push(`${x}.article = ${s.param(checkId(w.article, `${path}.article`))}`);
  if (w.participant != null) {
    const e = s.variable('participant');
    const p = s.param(checkId(w.participant, `${path}.participant`));
    out.push(`EXISTS { MATCH (${e}:${L.Entity})-[:${R.PARTICIPATED_IN}]->(${x}) WHERE ${idMatch(e, p)} }`);
  }
  if (w.someParticipant) out.push(participantCondition(w.someParticipant, x, s, `${path}.someParticipant`));
  if (w.participantCount) {
    const e = s.variable('participant');
    const count = `size(COLLECT { MATCH (${e}:${L.Entity})-[:${R.PARTICIPATED_IN}]->(${x}) RETURN DISTINCT ${e} })`;
    out.push(...numberConditions(count, w.participantCount, s, `${path}.participantCount`));
  }
  if (w.location != null) {
    const l = s.variable('location');
    const p = s.param(checkId(w.location, `${path}.location`));
    out.push(`EXISTS { MATCH (${x})-[:${R.OCCURRED_AT}]->(${l}:${L.Entity}) WHERE ${idMatch(l, p)} }`);
  }
  if (w.within != null) out.push(withinCondition(x, `-[:${R.OCCURRED_AT}]->(:${L.Entity})`, w.within, s, `${path}.within`, 0));
  if (w.partOf) {
    const o = s.variable('occasion');
    out.push(`EXISTS { MATCH (${x})-[:${R.PART_OF_EVENT}]->(${o}:${L.Event}) WHERE ${all(eventConditions(w.partOf, o, s, `${path}.partOf`))} }`);
  }
  return out;
}

export function figureConditions(w: FigureWhere, f: string, s: Scope, path: string): string[] {
  const out = logic(w, path, (y, p) => figureConditions(y, f, s, p));
  out.push(...onProperty(`${f}.metric`, w.metric, s, `${path}.metric`));
  out.push(...onProperty(`${f}.period`, w.period, s, `${path}.period`));
  out.push(...numberConditions(`${f}.value`, w.value, s, `${path}.value`));
  out.push(...numberConditions(`${f}.change`, w.change, s, `${path}.change`));
  if (w.subject) {
    const e = s.variable('subject');
    out.push(`EXISTS { MATCH (${f})-[:${R.ABOUT}]->(${e}:${L.Entity}) WHERE ${all(entityConditions(w.subject, e, s, `${path}.subject`))} }`);
  }
  if (w.within != null) out.push(withinCondition(f, `-[:${R.ABOUT}]->(:${L.Entity})`, w.within, s, `${path}.within`, 0));
  if (w.qualifiers) out.push(`${f}.qualifier IN ${s.param(w.qualifiers)}`);
  if (w.hedged != null) out.push(w.hedged ? `${f}.qualifier IS NOT NULL` : `${f}.qualifier IS NULL`);
  return out;
}
