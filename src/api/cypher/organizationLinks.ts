import type { RelationType } from '../../model';
import type { Context } from '../context';
import { readQuery, type Row } from '../db/run';
import { entityMap } from './fragments';
import { byKey } from './group';
import { entityLabel, L, relType } from './labels';
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

/** The units of each entity: what is PART_OF it, by name. */
export async function unitsOf(ctx: Context, ids: readonly string[]): Promise<Map<string, EntityRow[]>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (u:${L.Entity})-[:${PART_OF}]->(:${L.Entity} {id: id})
     WITH DISTINCT id, u ORDER BY u.name, u.id
     RETURN id, collect(${entityMap('u')}) AS rows`,
    { ids: [...ids] },
  );
  return byKey(ids, rows, (r: Row) => entityRow(r));
}

/** Projects each organisation operates, invests in or owns, by name. */
export async function projectsOf(ctx: Context, ids: readonly string[]): Promise<Map<string, EntityRow[]>> {
  const rows = await readQuery(
    ctx,
    `UNWIND $ids AS id
     MATCH (:${ORGANIZATION} {id: id})-[:${PROJECT_LINKS}]->(p:${PROJECT})
     WITH DISTINCT id, p ORDER BY p.name, p.id
     RETURN id, collect(${entityMap('p')}) AS rows`,
    { ids: [...ids] },
  );
  return byKey(ids, rows, (r: Row) => entityRow(r));
}
