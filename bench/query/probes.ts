/**
 * The parameters each query of the mix is asked with, chosen from the loaded graph by Cypher with a stable
 * order (so the same data gives the same probes): a handful per query, rotated request by request so that
 * no arm answers one cached question over and over.
 */
import type { Driver } from 'neo4j-driver';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { Params } from './mixQuery';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const HAN = /^[\u3400-\u9fff]+$/u;

/**
 * What a Chinese reader types for a Han name, in turn: its pinyin (no spaces), its initials, its traditional
 * spelling, its first character.
 */
export function typedForm(name: string, i: number): string {
  const syllables: string[] = pinyin(name, { type: 'array', toneType: 'none' });
  switch (i % 4) {
    case 0:
      return syllables.join('');
    case 1:
      return syllables.map((s) => s[0]).join('');
    case 2:
      return toTraditional(name);
    default:
      return [...name][0];
  }
}

export type Probes = Record<string, Params[]>;

const GRAPH_RELATIONS = 'HOLDS_POSITION|PART_OF|LOCATED_IN|PARTNER_OF|INVESTS_IN|OWNS|OPERATES|SUPERVISES|RELATED_TO|PARTICIPATED_IN|OCCURRED_AT';

async function column(driver: Driver, cypher: string, params: Params = {}): Promise<any[]> {
  const r = await driver.executeQuery(cypher, params);
  return r.records.map((x) => x.get(0));
}

/** `n` items spread evenly over `xs` */
function spread<T>(xs: T[], n: number): T[] {
  if (xs.length <= n) return xs;
  return Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]);
}

export async function chooseProbes(driver: Driver, n = 12): Promise<Probes> {
  const entityCount = (await column(driver, 'MATCH (e:Entity) RETURN count(e)'))[0] as number;
  const step = Math.max(1, Math.floor(entityCount / (n * 4)));
  // every step-th entity by id: all kinds of degree, from the hubs to the tail
  const entities: string[] = await column(
    driver,
    `MATCH (e:Entity) WITH e ORDER BY e.id WITH collect(e.id) AS ids
     UNWIND range(0, size(ids) - 1, $step) AS i RETURN ids[i]`,
    { step },
  );
  const withEvents: string[] = await column(
    driver,
    `UNWIND $ids AS id MATCH (e:Entity {id: id}) WHERE EXISTS { (e)-[:PARTICIPATED_IN]->() } RETURN e.id`,
    { ids: entities },
  );
  // hubs: the entities mentioned by the most articles
  const hubs: string[] = await column(
    driver,
    `MATCH (e:Entity) WITH e, COUNT { (e)<-[:MENTIONS]-() } AS d ORDER BY d DESC, e.id LIMIT 4 RETURN e.id`,
  );
  const orgs: string[] = await column(
    driver,
    `MATCH (o:Organization) WHERE EXISTS { (o)-[:PARTNER_OF]-() } OR EXISTS { (o)-[:PARTICIPATED_IN {role: 'signatory'}]->(:Event {type: 'Signing'}) }
     WITH o ORDER BY o.id RETURN o.id`,
  );
  const partnerOrgs = [hubs.find((h) => h.startsWith('organization:')) ?? orgs[0], ...spread(orgs, n - 1)].filter(Boolean);
  // windows of three months starting at the month of an existing event, with that event's type: never empty
  const filtered: Params[] = spread(
    (
      await driver.executeQuery(
        `MATCH (ev:Event) WHERE ev.dateStart IS NOT NULL AND ev.type IN ['Signing', 'Meeting', 'Inspection', 'Visit']
         WITH ev ORDER BY ev.id
         WITH ev.type AS type, date({year: ev.dateStart.year, month: ev.dateStart.month, day: 1}) AS from
         RETURN type, toString(from) AS from, toString(from + duration({months: 3}) - duration({days: 1})) AS to`,
      )
    ).records.map((r) => ({ type: r.get('type'), from: r.get('from'), to: r.get('to') })),
    n,
  );

  // places where invested projects are located (the 高邮 investors question), and three-month windows of events
  const investedPlaces: string[] = await column(
    driver,
    `MATCH (:Entity)-[:INVESTS_IN]->(:Project)-[:LOCATED_IN]->(pl:Entity)
     WITH DISTINCT pl ORDER BY pl.id RETURN pl.id`,
  );
  const windows: Params[] = spread(
    (
      await driver.executeQuery(
        `MATCH (ev:Event) WHERE ev.dateStart IS NOT NULL
         WITH DISTINCT date({year: ev.dateStart.year, month: ev.dateStart.month, day: 1}) AS from ORDER BY from
         RETURN toString(from) AS from, toString(from + duration({months: 3}) - duration({days: 1})) AS to`,
      )
    ).records.map((r) => ({ from: r.get('from'), to: r.get('to') })),
    n,
  );

  // pairs exactly 3 or 4 steps apart (shortest), not through a hub start
  const starts = spread(withEvents.filter((id) => !hubs.includes(id)), n * 2);
  const pairs: Params[] = [];
  for (const from of starts) {
    if (pairs.length >= n) break;
    const rows = await driver.executeQuery(
      `MATCH (a:Entity {id: $from})-[:${GRAPH_RELATIONS}*3]-(b:Entity)
       WHERE b <> a AND NOT b.id IN $hubs
       WITH DISTINCT b ORDER BY b.id LIMIT 20
       MATCH p = shortestPath((a:Entity {id: $from})-[:${GRAPH_RELATIONS}*..4]-(b))
       WITH b, length(p) AS len WHERE len >= 3
       RETURN b.id AS to, len ORDER BY len DESC, to LIMIT 1`,
      { from, hubs },
    );
    if (rows.records.length) pairs.push({ from, to: rows.records[0].get('to') });
  }

  // search terms: full names, two-character parts of Han names, and Latin words
  const names: string[] = await column(
    driver,
    `UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.name`,
    { ids: spread(entities, n * 2) },
  );
  const terms = names.map((name, i) => {
    if (/^[A-Za-z]/.test(name)) return name.split(/\s+/)[0];
    return i % 2 === 0 ? name : [...name].slice(0, 2).join('');
  });

  return {
    stackOverhead: [{}],
    entityById: spread(entities, n).map((id) => ({ id })),
    entityEvents: spread(withEvents, n).map((id) => ({ id })),
    eventPageNested: [{}],
    eventsFiltered: filtered,
    partners: partnerOrgs.slice(0, n).map((id) => ({ id })),
    hubNeighborhood: hubs.map((id) => ({ id })),
    shortestPath: pairs,
    fullTextSearch: spread(terms, n).map((q) => ({ q })),
    searchForms: spread(names.filter((name) => HAN.test(name)), n).map((name, i) => ({ q: typedForm(name, i) })),
    investorsOfPlace: spread(investedPlaces, n).map((place) => ({ place })),
    eventCountsByTypeMonth: windows,
  };
}
