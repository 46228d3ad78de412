import neo4j, { type Driver } from 'neo4j-driver';
import { executeWrite } from '../graph';
import { GRAPH_LABELS as L, NAME_KEY_VERSION } from '../model';
import { refreshCandidates } from '../search';
import { readDerivations, writeDerivations } from './deriveEntities';

/** Entities re-derived per transaction: each reads its mentions, so a page stays a bounded amount of work. */
const PAGE = 500;

export interface Rekeyed {
  /** entities whose derivation (name keys among it) was read again */
  checked: number;
  /** entities that had anything to rewrite (name keys written under older rules) */
  changed: number;
  /** false: the graph's keys were already of this version and nothing was done */
  ran: boolean;
}

const META = `MERGE (m:${L.GraphMeta} {id: 'graph'})`;

/**
 * Brings the name keys of a graph written under older `nameKey` rules (say, before traditional characters
 * were folded) to the current ones: every entity is re-derived from its mentions (`readDerivations`, which
 * also finds the keys that changed), a page of entities per transaction, and the graph then records
 * `NAME_KEY_VERSION`. Idempotent: re-deriving a consistent entity changes nothing, and with `force` false
 * (start-up) a graph already at this version is not read at all. Two entities an older key kept apart and
 * the new one joins are not merged: the key identifies both, and a later load naming it reports an ambiguity.
 */
export async function rekeyNames(driver: Driver, { database, force = false }: { database?: string; force?: boolean } = {}): Promise<Rekeyed> {
  const version = await driver.executeQuery(
    `OPTIONAL MATCH (m:${L.GraphMeta} {id: 'graph'}) RETURN toString(m.nameKeyVersion) AS v, EXISTS { MATCH (:${L.Entity}) } AS any`,
    {},
    { database },
  );
  const stored = version.records[0].get('v');
  const empty = !version.records[0].get('any');
  if (!force && (stored === String(NAME_KEY_VERSION) || empty)) {
    if (empty && stored == null) await markVersion(driver, database);
    return { checked: 0, changed: 0, ran: false };
  }
  let after = '';
  let checked = 0;
  let changed = 0;
  for (;;) {
    const page = await driver.executeQuery(
      `MATCH (e:${L.Entity}) WHERE e.id > $after RETURN e.id AS id ORDER BY id LIMIT $page`,
      { after, page: neo4j.int(PAGE) },
      { database },
    );
    const ids = page.records.map((r) => r.get('id') as string);
    if (ids.length === 0) break;
    changed += await executeWrite(
      driver,
      async (tx) => {
        const derivations = await readDerivations(tx, ids);
        await writeDerivations(tx, derivations);
        await refreshCandidates(tx, derivations.derived.map((d) => d.id));
        return derivations.derived.length + derivations.orphans.length;
      },
      { database },
    );
    checked += ids.length;
    after = ids[ids.length - 1];
  }
  await markVersion(driver, database);
  return { checked, changed, ran: true };
}

async function markVersion(driver: Driver, database?: string): Promise<void> {
  await driver.executeQuery(`${META} SET m.nameKeyVersion = $version`, { version: neo4j.int(NAME_KEY_VERSION) }, { database });
}
