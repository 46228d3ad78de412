import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { resolveEntity } from './fragments';
import { L, R } from './labels';
import { pageParams, pagesByKey, type NestedPage, type PageWindow } from './mentions';
import {
  ORGANIZATION,
  PARTNER_OF,
  PARTNERED_WITH,
  type PartnerParts,
  partnerMap,
  partnerRowOf,
  SIGNATORY,
  SIGNED_WITH,
  SIGNING,
  UNITS,
  wantsReasons,
} from './partners';
import type { PartnerRow } from './rows';

/**
 * The reasons of each partner `other` shown (`shown`, a page of partner nodes, in order), seen from the partner: its
 * Signing events as a signatory with one of `units`, and its PARTNER_OF relations with one of them. From the
 * partner's side, as a hub organisation's own signings run into the thousands and a partner's are few. Each partner
 * gets one row (an aggregation without grouping keys), in the page's order.
 */
function reasonsOfShown(parts: PartnerParts): string {
  return `CALL (units, shown) {
      UNWIND range(0, size(shown) - 1) AS i
      WITH i, shown[i] AS other, units
      CALL (other, units) {
        CALL (other, units) {
          MATCH (other)-[:${R.PARTICIPATED_IN} {role: $signatory}]->(ev:${L.Event} {type: $signing})
                <-[:${R.PARTICIPATED_IN} {role: $signatory}]-(unit)
          WHERE unit IN units
          RETURN unit, ev, null AS r
          UNION ALL
          MATCH (other)-[r:${PARTNER_OF}]-(unit)
          WHERE unit IN units
          RETURN unit, null AS ev, r
        }
        RETURN collect(DISTINCT ${parts.events ? 'ev' : 'null'}) AS events,
               collect(DISTINCT ${parts.relations ? 'CASE WHEN r IS NULL THEN null ELSE {r: r, unit: unit} END' : 'null'}) AS rels,
               collect(DISTINCT ${parts.via ? 'unit' : 'null'}) AS via
      }
      WITH i, other, events, rels, via ORDER BY i
      RETURN collect(${partnerMap(parts)}) AS rows
    }`;
}

/**
 * A page of the partners of each organisation (partners.ts says who they are), by name then id, and how many there
 * are: the partners are found as distinct organisations (no reasons), ordered, counted and cut in the statement, and
 * only the page's partners get their reasons and maps. A hub's thousands of partners cost their count, not their
 * reasons. `kinds` (null = any) filters the partner's kind. Ids may be merged ids (the root `partners(of:)` passes
 * the client's); results are keyed by the ids given.
 */
export async function partnerPagesOf(
  ctx: Context,
  ids: readonly string[],
  kinds: readonly string[] | null,
  parts: PartnerParts,
  includeUnits: boolean,
  w: PageWindow,
): Promise<Map<string, NestedPage<PartnerRow>>> {
  const page = wantsReasons(parts)
    ? `${reasonsOfShown(parts)} RETURN id, total, rows`
    : `RETURN id, total, [other IN shown | ${partnerMap(parts)}] AS rows`;
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     ${resolveEntity('id', 'o', 'id')}
     WITH id, o WHERE o:${ORGANIZATION}
     WITH id, o, ${UNITS(includeUnits)} AS units
     CALL (units) {
       UNWIND units AS unit
       CALL (unit, units) {
         ${SIGNED_WITH}
         RETURN other
         UNION
         ${PARTNERED_WITH}
         RETURN other
       }
       WITH DISTINCT other
       ${kinds ? 'WHERE other.kind IN $kinds' : ''}
       WITH other ORDER BY other.name, other.id
       RETURN collect(other) AS found
     }
     WITH id, units, size(found) AS total, found[$skip..$end] AS shown
     ${page}`,
    { ids: [...ids], kinds, signing: SIGNING, signatory: SIGNATORY, ...pageParams(w) },
  );
  return pagesByKey(ids, rows as Row[], partnerRowOf(parts), w.first);
}
