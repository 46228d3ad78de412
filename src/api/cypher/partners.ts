import type { EventType, ParticipantRole } from '../../model';
import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { ENTITY_EXTRAS, entityMap, type EntityExtras, EVENT_EXTRAS, eventMap, type EventExtras, relationMap, resolveEntity } from './fragments';
import { byKey } from './group';
import { entityLabel, L, R, relType } from './labels';
import { entityRow, eventRow, relationRow, type PartnerRow } from './rows';

const ORGANIZATION = entityLabel('Organization');
const PARTNER_OF = relType('PARTNER_OF');
const SIGNING: EventType = 'Signing';
const SIGNATORY: ParticipantRole = 'signatory';

/**
 * Organisations `other` that signed a Signing event `ev` with `unit` (the organisation asked about, or one of its
 * units), both as signatories; never the organisation or one of its `units` itself.
 */
const SIGNED_WITH = `MATCH (unit)-[:${R.PARTICIPATED_IN} {role: $signatory}]->(ev:${L.Event} {type: $signing})
        <-[:${R.PARTICIPATED_IN} {role: $signatory}]-(other:${ORGANIZATION})
      WHERE NOT other IN units`;
/** Organisations `other` holding a PARTNER_OF relation `r` with `unit`, either way. */
const PARTNERED_WITH = `MATCH (unit)-[r:${PARTNER_OF}]-(other:${ORGANIZATION})
      WHERE NOT other IN units`;
/** `units`: the organisation and, with `includeUnits`, what is PART_OF it, transitively (up to 8 levels). */
const UNITS = (includeUnits: boolean): string =>
  includeUnits
    ? `COLLECT { MATCH (u:${ORGANIZATION})-[:${relType('PART_OF')}*0..8]->(o) RETURN DISTINCT u }`
    : '[o]';

/** Which of a partner's reasons the client asked for: building them for nobody costs more than finding partners. */
export interface PartnerParts {
  events: boolean;
  relations: boolean;
  /** whether the relations carry claim keys (their `sources` were selected); unknown (undefined) keeps them */
  claims?: boolean;
  /** what the partner organisations' and the events' rows carry (all extras when not given) */
  organization?: EntityExtras;
  event?: EventExtras;
  /** whether each partner says through which of the organisation's units it is one (`via`) */
  via?: boolean;
}

/**
 * Partners of each organisation: organisations that signed the same Signing event as signatories, or that
 * hold a PARTNER_OF relation with it in either direction; each with the events and relations that make it
 * one. `kinds` (null = any) filters the partner's kind. Ids may be merged ids (the root field passes the
 * client's); results are keyed by the ids given.
 */
export async function partnersOf(
  ctx: Context,
  ids: readonly string[],
  kinds: readonly string[] | null,
  parts: PartnerParts = { events: true, relations: true },
  includeUnits = false,
): Promise<Map<string, PartnerRow[]>> {
  const organization = entityMap('other', parts.organization ?? ENTITY_EXTRAS);
  const reasons = parts.events || parts.relations || parts.via === true;
  // Without reasons, partners are just distinct organisations (UNION), as a hub's thousands of shared events
  // need no grouping. With them, a reason nobody asked for is collected as `null`, which collect() drops: still
  // one row per partner (the aggregation groups on it), without building the event and relation maps. A reason
  // not asked for is not in the rows at all (a hub has thousands of partners).
  const partners = reasons
    ? `CALL (o, units) {
         UNWIND units AS unit
         CALL (unit, units) {
           ${SIGNED_WITH}
           RETURN other, ev, null AS r
           UNION ALL
           ${PARTNERED_WITH}
           RETURN other, null AS ev, r
         }
         RETURN unit, other, ev, r
       }
       WITH id, o, other, collect(DISTINCT ${parts.events ? 'ev' : 'null'}) AS events,
            collect(DISTINCT ${parts.relations ? 'CASE WHEN r IS NULL THEN null ELSE {r: r, unit: unit} END' : 'null'}) AS rels,
            collect(DISTINCT ${parts.via ? 'unit' : 'null'}) AS via`
    : `CALL (o, units) {
         UNWIND units AS unit
         CALL (unit, units) {
           ${SIGNED_WITH}
           RETURN other
           UNION
           ${PARTNERED_WITH}
           RETURN other
         }
         RETURN DISTINCT other
       }
       WITH id, o, other, null AS events, null AS rels, null AS via`;
  // without reasons, the organisation's map is the row: wrapping each of a hub's 10 000 partners in one more map
  // cost ~15% more Node CPU to decode and convert (measured at M, 2 400 partners)
  const events = parts.events ? `, events: [ev IN events | ${eventMap('ev', parts.event ?? EVENT_EXTRAS)}]` : '';
  // a relation's direction is seen from the unit that holds it
  const relations = parts.relations
    ? `, relations: [x IN rels | head([r IN [x.r] | ${relationMap('r', 'x.unit', parts.claims ?? true)}])]`
    : '';
  const via = parts.via ? `, via: [unit IN via | ${entityMap('unit')}]` : '';
  const row = reasons ? `{organization: ${organization}${events}${relations}${via}}` : organization;
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     ${resolveEntity('id', 'o', 'id')}
     WITH id, o WHERE o:${ORGANIZATION}
     WITH id, o, ${UNITS(includeUnits)} AS units
     ${partners}
     ${kinds ? 'WHERE other.kind IN $kinds' : ''}
     WITH id, o, other, events, rels, via ORDER BY other.name, other.id
     RETURN id, collect(${row}) AS rows`,
    { ids: [...ids], kinds, signing: SIGNING, signatory: SIGNATORY },
  );
  return byKey(ids, rows, (r: Row): PartnerRow => {
    const organization = entityRow((reasons ? r.organization : r) as Row);
    return {
      organization,
      events: ((r.events as Row[] | undefined) ?? []).map(eventRow).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      relations: ((r.relations as Row[] | undefined) ?? []).map((x) => relationRow(x, organization)),
      via: ((r.via as Row[] | undefined) ?? []).map(entityRow).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    };
  });
}
