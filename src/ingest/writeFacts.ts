import { setImmediate as nextTurn } from 'node:timers/promises';
import type { WriteTx } from '../graph';
import type { EntityType } from '../model';
import { type DerivationRow, type Derivations, derivationsOf, derivationsParameter, derivationsWith, type Mention } from './deriveEntities';
import { addFacts, noFacts, type ResolvedDocument, type WriteCounts } from './factRows';
import { planOnce } from './planOnce';
import { WRITE_FACTS, type WriteFactsParameters } from './writeFactsStatement';

/**
 * How many documents' facts one `WRITE_FACTS` statement carries. A longer run is sent as several statements,
 * each sent as soon as its rows are built and not awaited: Neo4j writes one while Node builds and packs the
 * next, instead of waiting for the whole run's (packing the parameters was 40% of Node's time in a CPU profile
 * of 100-document batches, and Neo4j sat idle meanwhile). Each statement costs Neo4j about a millisecond
 * whatever it holds, so they are not made smaller than this.
 */
export const DOCUMENTS_PER_STATEMENT = 20;

const noDerivations = derivationsParameter({ derived: [], orphans: [], groups: [], renames: [] });

/**
 * Writes what validated, resolved documents say, inside the caller's transaction (`WRITE_FACTS`: one
 * statement per `DOCUMENTS_PER_STATEMENT` documents, the derivations with the last), and returns each
 * document's counts and the derivations still to write (the caller writes them: `writeDerivations`). The
 * articles must have nothing to forget: new, or forgotten first (`forgetArticle`).
 *
 * - With `read` (new articles: what the identity lookup read, after locking them, of the existing entities
 *   the documents could name), the derivation of every entity the documents mention is known before the
 *   write: what `read` says plus the documents' mentions (`derivationsWith`; an entity created here has only
 *   those). The statement writes it, so nothing is usually left to write: one statement fewer per
 *   transaction. What is returned is the correction for surprises (see `WRITE_FACTS`), and the derivation
 *   of any mentioned entity `read` lacks, or that `stale` names (entities identity resolution changed since
 *   `read`: it absorbed others into them).
 * - Without it (a replaced article: forgetting changed the entities' mentions), the statement reads the
 *   mentioned entities and `alsoDerive` after the write, and all their derivations are returned.
 */
export async function writeFacts(
  tx: WriteTx,
  items: ResolvedDocument[],
  { alsoDerive = [], read, stale = new Set() }: { alsoDerive?: Iterable<string>; read?: Map<string, DerivationRow>; stale?: Set<string> } = {},
): Promise<{ counts: WriteCounts[]; derivations: Derivations }> {
  const touched = new Set<string>(alsoDerive);
  /** what each mentioned entity is said to be, by these documents */
  const mentioned = new Map<string, { type: EntityType; nameOnly: boolean; mentions: Mention[] }>();
  const created = new Set<string>();
  const counts: WriteCounts[] = [];
  const articleIds = items.map(({ doc }) => doc.article.id);
  const statement = planOnce(WRITE_FACTS);
  const sent: Array<ReturnType<WriteTx['run']>> = [];
  let rows = noFacts();

  for (const [k, item] of items.entries()) {
    counts.push(addFacts(rows, item, { touched, mentioned, created }));
    if ((k + 1) % DOCUMENTS_PER_STATEMENT === 0 && k + 1 < items.length) {
      const facts: WriteFactsParameters = { ...rows, derived: noDerivations, expectNew: [], articleIds, derive: [] };
      sent.push(tx.run(statement, { facts }));
      rows = noFacts();
      // the driver packs and sends a statement a few promise turns after `run`: let it, before building on
      await nextTurn();
    }
  }

  let known: Derivations = { derived: [], orphans: [], groups: [], renames: [] };
  if (read) {
    const knowable = new Map([...mentioned].filter(([id]) => !stale.has(id) && (read.has(id) || created.has(id))));
    known = derivationsWith(read, knowable);
    for (const id of knowable.keys()) touched.delete(id);
  }
  const facts: WriteFactsParameters = {
    ...rows,
    derived: derivationsParameter(known),
    expectNew: read ? [...created] : [],
    articleIds,
    derive: [...touched].sort(),
  };
  sent.push(tx.run(statement, { facts }));
  // all of them awaited, so that a failure of any is the one thrown, and none is left unhandled
  const results = await Promise.all(sent);
  const derivations = derivationsOf(results[results.length - 1].records[0].get('derivations'));
  // the known derivations were written by the statement, but renaming comes after every derivation
  return { counts, derivations: { ...derivations, renames: [...known.renames, ...derivations.renames] } };
}
