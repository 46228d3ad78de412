/**
 * The analyst's questions of issue 24 in the three arms (see mixQuery.ts): a nested relationship filter (the 高邮
 * investors shape: organisations investing in a project located in a given place) and grouped counts (events by
 * type and month of their start, in a three-month window). The library arm uses what it generates: a nested
 * `some` relationship filter, and one `aggregate { count }` per type and month (it has no group-by).
 */
import { EVENT_TYPES } from '../../src/model';
import type { MixQuery, Params } from './mixQuery';

type Json = any;
const PAGE = 50;

/** The first and last day of each month from `from` (a first day) to `to` (a last day). */
function monthsOf(from: string, to: string): Array<{ month: string; first: string; last: string }> {
  const out: Array<{ month: string; first: string; last: string }> = [];
  let [y, m] = from.split('-').map(Number);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (`${month}-01` > to) break;
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    out.push({ month, first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

const countsShape = (pairs: Array<[string, string, number]>) =>
  pairs.filter(([, , n]) => n > 0).map(([t, month, n]) => `${t}|${month}:${n}`).sort();

const investorsShape = (total: number, rows: Array<{ id: string; name: string }>) => ({ total, rows: rows.map((r) => ({ id: r.id, name: r.name })) });

export const ANALYST_MIX: MixQuery[] = [
  {
    name: 'investorsOfPlace',
    title: `investors in projects located in a place (nested relationship filter, page of ${PAGE} + total)`,
    shape: 'filtered',
    product: (p) => ({
      query: `query InvestorsOfPlace($place: ID!) {
        entities(first: ${PAGE}, orderBy: NAME_ASC, where: { relation: { types: [INVESTS_IN], direction: OUTGOING,
          other: { types: [PROJECT], relation: { types: [LOCATED_IN], direction: OUTGOING, other: { ids: [$place] } } } } }) {
          totalCount edges { node { id name } } } }`,
      variables: { place: p.place },
    }),
    library: (p) => ({
      query: `query InvestorsOfPlace($place: ID!) {
        entitiesConnection(first: ${PAGE}, sort: [{ name: ASC }, { id: ASC }],
          where: { investsIn: { some: { type: { eq: "Project" }, locatedIn: { some: { id: { eq: $place } } } } } }) {
          totalCount edges { node { id name } } } }`,
      variables: { place: p.place },
    }),
    rawCypher: `
      MATCH (:Entity {id: $place})<-[:LOCATED_IN]-(:Project)<-[:INVESTS_IN]-(i:Entity)
      WITH DISTINCT i ORDER BY i.name, i.id
      WITH collect(i {.id, .name}) AS hits
      RETURN size(hits) AS total, hits[0..${PAGE}] AS rows`,
    normalize: {
      product: (d) => investorsShape(d.entities.totalCount, d.entities.edges.map((x: Json) => x.node)),
      library: (d) => investorsShape(d.entitiesConnection.totalCount, d.entitiesConnection.edges.map((x: Json) => x.node)),
      raw: (d) => investorsShape(d[0].total, d[0].rows),
    },
  },
  {
    name: 'eventCountsByTypeMonth',
    title: 'events by type and month in a three-month window (grouped counts)',
    shape: 'filtered',
    product: (p) => ({
      query: `query EventCounts($from: PartialDate!, $to: PartialDate!) {
        eventCounts(by: TYPE, then: MONTH, where: { from: $from, to: $to, dateMatch: WITHIN }) { key count subgroups { key count } } }`,
      variables: { from: p.from, to: p.to },
    }),
    library: (p: Params) => {
      const months = monthsOf(String(p.from), String(p.to));
      const fields = EVENT_TYPES.flatMap((t) =>
        months.map(
          (m) => `${t}_${m.month.replace('-', '_')}: eventsConnection(where: { type: { eq: "${t}" }, dateStart: { gte: "${m.first}", lte: "${m.last}" }, dateEnd: { lte: $to } }) {
            aggregate { count { nodes } } }`,
        ),
      );
      return { query: `query EventCounts($to: Date!) { ${fields.join('\n')} }`, variables: { to: p.to } };
    },
    rawCypher: `
      MATCH (ev:Event) WHERE ev.dateStart >= date($from) AND ev.dateEnd <= date($to)
      WITH ev.type AS type, substring(toString(ev.dateStart), 0, 7) AS month, count(*) AS n
      RETURN collect([type, month, n]) AS groups`,
    normalize: {
      product: (d) => countsShape(d.eventCounts.flatMap((g: Json) => g.subgroups.map((s: Json) => [g.key, s.key, s.count]))),
      library: (d) =>
        countsShape(
          Object.entries(d).map(([alias, v]: [string, Json]) => {
            const [type, year, month] = alias.split('_');
            return [type, `${year}-${month}`, v.aggregate.count.nodes] as [string, string, number];
          }),
        ),
      raw: (d) => countsShape(d[0].groups),
    },
  },
];
