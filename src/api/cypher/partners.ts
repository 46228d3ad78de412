import type { EventType, ParticipantRole } from '../../model';
import type { Row } from '../db/run';
import { ENTITY_EXTRAS, entityMap, type EntityExtras, EVENT_EXTRAS, eventMap, type EventExtras, relationMap } from './fragments';
import { entityLabel, L, R, relType } from './labels';
import { entityRow, eventRow, relationRow, type PartnerRow } from './rows';

/*
 * Who an organisation's partners are, and how a partner's row is projected, for partnerPages.ts: organisations that
 * signed the same Signing event as signatories, or that hold a PARTNER_OF relation with it in either direction.
 */

export const ORGANIZATION = entityLabel('Organization');
export const PARTNER_OF = relType('PARTNER_OF');
export const SIGNING: EventType = 'Signing';
export const SIGNATORY: ParticipantRole = 'signatory';

/**
 * Organisations `other` that signed a Signing event `ev` with `unit` (the organisation asked about, or one of its
 * units), both as signatories; never the organisation or one of its `units` itself.
 */
export const SIGNED_WITH = `MATCH (unit)-[:${R.PARTICIPATED_IN} {role: $signatory}]->(ev:${L.Event} {type: $signing})
        <-[:${R.PARTICIPATED_IN} {role: $signatory}]-(other:${ORGANIZATION})
      WHERE NOT other IN units`;
/** Organisations `other` holding a PARTNER_OF relation `r` with `unit`, either way. */
export const PARTNERED_WITH = `MATCH (unit)-[r:${PARTNER_OF}]-(other:${ORGANIZATION})
      WHERE NOT other IN units`;
/** `units`: the organisation and, with `includeUnits`, what is PART_OF it, transitively (up to 8 levels). */
export const UNITS = (includeUnits: boolean): string =>
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

/** Whether the rows carry any of a partner's reasons. */
export const wantsReasons = (parts: PartnerParts): boolean => parts.events || parts.relations || parts.via === true;

/**
 * A partner's row, from partner `other` and its reasons `events` (event nodes), `rels` ({r, unit}: a PARTNER_OF
 * relation and the unit holding it) and `via` (units), each there only when asked for. Without reasons the
 * organisation's map is the row: wrapping each of a hub's 10 000 partners in one more map cost ~15% more Node CPU to
 * decode and convert (measured at M, 2 400 partners).
 */
export function partnerMap(parts: PartnerParts): string {
  const organization = entityMap('other', parts.organization ?? ENTITY_EXTRAS);
  if (!wantsReasons(parts)) return organization;
  const events = parts.events ? `, events: [ev IN events | ${eventMap('ev', parts.event ?? EVENT_EXTRAS)}]` : '';
  // a relation's direction is seen from the unit that holds it
  const relations = parts.relations
    ? `, relations: [x IN rels | head([r IN [x.r] | ${relationMap('r', 'x.unit', parts.claims ?? true)}])]`
    : '';
  const via = parts.via ? `, via: [unit IN via | ${entityMap('unit')}]` : '';
  return `{organization: ${organization}${events}${relations}${via}}`;
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A map of `partnerMap` as a row: events and units by id. */
export const partnerRowOf = (parts: PartnerParts) => (r: Row): PartnerRow => {
  const organization = entityRow((wantsReasons(parts) ? r.organization : r) as Row);
  return {
    organization,
    events: ((r.events as Row[] | undefined) ?? []).map(eventRow).sort(byId),
    relations: ((r.relations as Row[] | undefined) ?? []).map((x) => relationRow(x, organization)),
    via: ((r.via as Row[] | undefined) ?? []).map(entityRow).sort(byId),
  };
};
