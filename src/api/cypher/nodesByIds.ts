import type { Context } from '../context';
import { readQuery } from '../db/run';
import { entityEventsIn, entityEventsSubquery, type EntityEventsOptions } from './entityEvents';
import { articleMap, entityMap, eventMap, figureMap } from './fragments';
import { L, R } from './labels';
import type { NestedPage } from './mentions';
import { articleRow, entityRow, eventRow, figureRow, type EntityEventRow, type NodeRow } from './rows';

/**
 * Any node with an id (entity, event, article, figure), one index seek per label. An id that was merged
 * resolves to the entity it was merged into; an unknown id is absent from the map.
 */
export async function nodesByIds(ctx: Context, ids: readonly string[]): Promise<Map<string, NodeRow>> {
  return (await nodesWithEvents(ctx, ids, null)).nodes;
}

/** Nodes by id, and (when prefetched) the events of the entities among them, keyed by the entity's own id. */
export interface NodesRead {
  nodes: Map<string, NodeRow>;
  events: Map<string, NestedPage<EntityEventRow>> | null;
}

/** Like nodesByIds; with `events`, the same statement reads a page of the entities' events too (their `events` field). */
export async function nodesWithEvents(ctx: Context, ids: readonly string[], events: EntityEventsOptions | null): Promise<NodesRead> {
  const sub = events ? entityEventsSubquery('entityIds', events) : null;
  // with a prefetch the nodes come back as one list, so that the entities' events travel once, not once per row
  const tail = sub
    ? `WITH collect({id: id, label: label, node: node}) AS found, collect(DISTINCT e.id) AS entityIds
       ${sub.cypher}
       UNWIND found AS f
       RETURN f.id AS id, f.label AS label, f.node AS node, eventsByEntity`
    : 'RETURN id, label, node';
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     CALL (id) {
       OPTIONAL MATCH (:${L.MergedId} {id: id})-[:${R.MERGED_INTO}]->(kept:${L.Entity})
       OPTIONAL MATCH (own:${L.Entity} {id: id})
       OPTIONAL MATCH (ev:${L.Event} {id: id})
       OPTIONAL MATCH (a:${L.Article} {id: id})
       OPTIONAL MATCH (f:${L.Figure} {id: id})
       RETURN coalesce(kept, own) AS e, ev, a, f
     }
     WITH id, e, ev, a, f WHERE e IS NOT NULL OR ev IS NOT NULL OR a IS NOT NULL OR f IS NOT NULL
     WITH id, e,
       CASE WHEN e IS NOT NULL THEN 'Entity' WHEN ev IS NOT NULL THEN 'Event'
            WHEN a IS NOT NULL THEN 'Article' ELSE 'Figure' END AS label,
       CASE WHEN e IS NOT NULL THEN ${entityMap('e')} WHEN ev IS NOT NULL THEN ${eventMap('ev')}
            WHEN a IS NOT NULL THEN ${articleMap('a')} ELSE ${figureMap('f')} END AS node
     ${tail}`,
    { ids: [...ids], ...sub?.params },
  );
  const out = new Map<string, NodeRow>();
  for (const r of rows) {
    const m = r.node as Record<string, unknown>;
    const convert = { Entity: entityRow, Event: eventRow, Article: articleRow, Figure: figureRow }[r.label as NodeRow['__label']];
    out.set(r.id as string, convert(m));
  }
  return { nodes: out, events: events ? (rows.length > 0 ? entityEventsIn(rows[0], events) : new Map()) : null };
}
