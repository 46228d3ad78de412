import type { Context } from '../context';
import { readQuery } from '../db/run';
import { articleMap, entityMap, eventMap, figureMap } from './fragments';
import { L, R } from './labels';
import { articleRow, entityRow, eventRow, figureRow, type NodeRow } from './rows';

/**
 * Any node with an id (entity, event, article, figure), one index seek per label. An id that was merged
 * resolves to the entity it was merged into; an unknown id is absent from the map.
 */
export async function nodesByIds(ctx: Context, ids: readonly string[]): Promise<Map<string, NodeRow>> {
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
     RETURN id,
       CASE WHEN e IS NOT NULL THEN 'Entity' WHEN ev IS NOT NULL THEN 'Event'
            WHEN a IS NOT NULL THEN 'Article' ELSE 'Figure' END AS label,
       CASE WHEN e IS NOT NULL THEN ${entityMap('e')} WHEN ev IS NOT NULL THEN ${eventMap('ev')}
            WHEN a IS NOT NULL THEN ${articleMap('a')} ELSE ${figureMap('f')} END AS node`,
    { ids: [...ids] },
  );
  const out = new Map<string, NodeRow>();
  for (const r of rows) {
    const m = r.node as Record<string, unknown>;
    const convert = { Entity: entityRow, Event: eventRow, Article: articleRow, Figure: figureRow }[r.label as NodeRow['__label']];
    out.set(r.id as string, convert(m));
  }
  return out;
}
