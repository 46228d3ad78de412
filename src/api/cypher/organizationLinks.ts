import type { RelationType } from '../../model';
import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { entityMap } from './fragments';
import { byKey } from './group';
import { entityLabel, L, relType } from './labels';
import { pageParams, pagesByKey, type NestedPage, type PageWindow } from './mentions';
import { entityRow, type EntityRow } from './rows';

const PART_OF = relType('PART_OF');
const PROJECT = entityLabel('Project');
const ORGANIZATION = entityLabel('Organization');
/** What makes a project "an organisation's project". */
const PROJECT_LINKS = (['OPERATES', 'INVESTS_IN', 'OWNS'] as const satisfies readonly RelationType[]).join('|');

/**
 * What each entity is PART_OF. Usually one; when an article names several, organisations come before places,
 * then by name, so `parent` is the first.
 */
export async function parentsOf(ctx: Context, ids: readonly string[]): Promise<Map<string, EntityRow[]>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (:${L.Entity} {id: id})-[:${PART_OF}]->(t:${L.Entity})
     WITH DISTINCT id, t ORDER BY CASE WHEN t:${ORGANIZATION} THEN 0 ELSE 1 END, t.name, t.id
     RETURN id, collect(${entityMap('t')}) AS rows`,
    { ids: [...ids] },
  );
  return byKey(ids, rows, (r: Row) => entityRow(r));
}

/**
 * The pages of a batch whose lists are plain nodes: `match` binds `id` and the list's node `x` (made distinct: an
 * entity reaches another once however many articles link them), ordered by `order`, counted and cut in the
 * statement, only the page projected.
 */
async function nodePages(ctx: Context, ids: readonly string[], w: PageWindow, match: string, order: string): Promise<Map<string, NestedPage<EntityRow>>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     CALL (id) {
       ${match}
       WITH DISTINCT x ORDER BY ${order}
       RETURN collect(x) AS found
     }
     RETURN id, size(found) AS total, [x IN found[$skip..$end] | ${entityMap('x')}] AS rows`,
    { ids: [...ids], ...pageParams(w) },
  );
  return pagesByKey(ids, rows, (r: Row) => entityRow(r), w.first);
}

/** A page of the units of each entity: what is PART_OF it, by name (then id). */
export function unitsOf(ctx: Context, ids: readonly string[], w: PageWindow): Promise<Map<string, NestedPage<EntityRow>>> {
  return nodePages(ctx, ids, w, `MATCH (x:${L.Entity})-[:${PART_OF}]->(:${L.Entity} {id: id})`, 'x.name, x.id');
}

/** A page of the projects each organisation operates, invests in or owns, by name (then id). */
export function projectsOf(ctx: Context, ids: readonly string[], w: PageWindow): Promise<Map<string, NestedPage<EntityRow>>> {
  return nodePages(ctx, ids, w, `MATCH (:${ORGANIZATION} {id: id})-[:${PROJECT_LINKS}]->(x:${PROJECT})`, 'x.name, x.id');
}
