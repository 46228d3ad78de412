import type { WriteTx } from '../graph';
import { GRAPH_LABELS as L } from '../model';
import { refreshCandidates } from '../search';
import { BatchIdentity, decideIdentities } from './decideIdentities';
import { type Derivations, writeDerivations } from './deriveEntities';
import type { ArticleDocument } from './document';
import type { ResolvedDocument, WriteCounts } from './factRows';
import { forgetArticle } from './forgetArticle';
import { absorbEntities, renameEntities } from './identityChanges';
import { type IdentityLookup, lookupIdentities } from './lookupIdentities';
import type { Problem } from './problem';
import { writeFacts } from './writeFacts';

/**
 * Test seam: called after each named step (`forgotten`, `entities`, `events`, `relations`, `figures`,
 * `derived`), inside the transaction, with the ids of the articles being written; throwing there aborts
 * the write. The write steps are one statement (`writeFacts`, or a few for a long run): their hooks are called
 * after it, in order.
 */
export type StepHook = (step: string, articles: string[]) => void | Promise<void>;

/** A validated document and its content hash. */
export interface HashedDocument {
  doc: ArticleDocument;
  hash: string;
}

export type WriteOutcome =
  | { status: 'created' | 'updated'; counts: WriteCounts }
  | { status: 'unchanged' };

/** Identity resolution rejected a document (an id of another type, an ambiguous name): roll back. */
export class Rejected extends Error {
  constructor(
    readonly problems: Problem[],
    /** the position of the document in the list given to `writeDocuments` */
    readonly index: number,
  ) {
    super('document rejected');
  }
}

/**
 * Writes validated documents in the caller's transaction, in order, with the result that loading them one by
 * one (one transaction each) would have: every document sees what the earlier ones wrote. Throws `Rejected`
 * when identity resolution rejects one of them (the caller rolls back).
 *
 * - One statement reads the articles' current content hashes: identical content is `unchanged`, nothing
 *   written. (A single document's hash is read with its identity.)
 * - Consecutive documents whose articles are new (not in the graph, not earlier in the list) form a run:
 *   one statement locks and reads what identity and derivation need for the whole run, identity is decided
 *   document by document in that order (`BatchIdentity`: what the earlier documents of the run created and
 *   named), and one statement writes all of the run's facts and the derivations of the entities they mention
 *   (known from that read and the documents: `writeFacts`; a run longer than `DOCUMENTS_PER_STATEMENT` is
 *   sent as several, without waiting, the derivations with the last): once per run, at its end. A third statement
 *   writes derivations only in the rare case the second finds them different (a concurrent load created an
 *   entity this run meant to create). Deferring derivation to the end of a run is safe because identity of
 *   later documents only depends on the name keys and entities earlier ones add, which `BatchIdentity`
 *   tracks.
 * - A document that replaces an article (already in the graph, or earlier in the list, with other content)
 *   ends the run before it and is written on its own: read identity (with the article's previous
 *   mentions), forget what the article said, write, re-derive, so the documents after it see the forgetting.
 */
export async function writeDocuments(tx: WriteTx, items: HashedDocument[], afterStep: StepHook = () => {}): Promise<WriteOutcome[]> {
  if (items.length === 1) {
    // one document: its article's hash is read with its identity, in the same statement
    const [item] = items;
    const lookup = await lookupIdentities(tx, [item.doc], { id: item.doc.article.id, hash: item.hash });
    if (lookup.before === item.hash) return [{ status: 'unchanged' }];
    if (lookup.before === undefined) return [{ status: 'created', counts: (await writeRun(tx, items, [0], afterStep, lookup))[0] }];
    return [{ status: 'updated', counts: await writeReplacement(tx, item, 0, afterStep, lookup) }];
  }

  const outcomes: WriteOutcome[] = new Array(items.length);
  const found = await tx.run(`UNWIND $q.ids AS id MATCH (a:${L.Article} {id: id}) RETURN a.id AS id, a.contentHash AS hash`, {
    q: { ids: [...new Set(items.map((i) => i.doc.article.id))] },
  });
  /** the content hash of each article as the documents written so far leave it */
  const hashes = new Map(found.records.map((r) => [r.get('id') as string, r.get('hash') as string]));

  let run: number[] = [];
  const flush = async () => {
    if (run.length === 0) return;
    const indices = run;
    run = [];
    const counts = await writeRun(tx, indices.map((i) => items[i]), indices, afterStep);
    indices.forEach((i, k) => (outcomes[i] = { status: 'created', counts: counts[k] }));
  };

  for (let i = 0; i < items.length; i++) {
    const { doc, hash } = items[i];
    const before = hashes.get(doc.article.id);
    if (before === hash) {
      outcomes[i] = { status: 'unchanged' };
    } else if (before === undefined) {
      run.push(i);
    } else {
      await flush();
      outcomes[i] = { status: 'updated', counts: await writeReplacement(tx, items[i], i, afterStep) };
    }
    hashes.set(doc.article.id, hash);
  }
  await flush();
  return outcomes;
}

/**
 * New articles, in order: one identity read (with the derivation read), one write (with the derivations), then the
 * duplicate candidates of the entities they name (a read, and a write when any has candidates).
 */
async function writeRun(
  tx: WriteTx,
  items: HashedDocument[],
  indices: number[],
  afterStep: StepHook,
  lookup?: IdentityLookup,
): Promise<WriteCounts[]> {
  const articles = items.map((i) => i.doc.article.id);
  lookup ??= await lookupIdentities(tx, items.map((i) => i.doc));
  const batch = new BatchIdentity();
  const view = batch.view(lookup);
  const resolved: ResolvedDocument[] = items.map(({ doc, hash }, k) => {
    const resolution = decideIdentities(doc, view, new Map());
    if (resolution.problems.length > 0) throw new Rejected(resolution.problems, indices[k]);
    batch.record(doc, resolution);
    return { doc, resolution, hash };
  });
  const { items: written, stale } = await applyAbsorptions(tx, resolved, batch);
  await afterStep('forgotten', articles); // new articles: nothing to forget
  const { counts, derivations } = await writeFacts(tx, written, { read: lookup.derivations, stale });
  for (const step of ['entities', 'events', 'relations', 'figures']) await afterStep(step, articles);
  await writeDerivations(tx, derivations);
  await renameEntities(tx, derivations.renames);
  await refreshCandidates(tx, changedEntities(written, derivations, stale));
  await afterStep('derived', articles);
  return counts;
}

/** A new version of an article already in the graph: identity, forget the old version, write, derive. */
async function writeReplacement(
  tx: WriteTx,
  item: HashedDocument,
  index: number,
  afterStep: StepHook,
  lookup?: IdentityLookup,
): Promise<WriteCounts> {
  const { doc, hash } = item;
  const articles = [doc.article.id];
  lookup ??= await lookupIdentities(tx, [doc], { id: doc.article.id, hash });
  const batch = new BatchIdentity();
  const resolution = decideIdentities(doc, batch.view(lookup), lookup.previous);
  if (resolution.problems.length > 0) throw new Rejected(resolution.problems, index);
  batch.record(doc, resolution);
  const { items: written, stale } = await applyAbsorptions(tx, [{ doc, resolution, hash }], batch);
  const forgotten = await forgetArticle(tx, doc.article.id);
  await afterStep('forgotten', articles);
  const { counts, derivations } = await writeFacts(tx, written, { alsoDerive: [...forgotten, ...stale] });
  for (const step of ['entities', 'events', 'relations', 'figures']) await afterStep(step, articles);
  await writeDerivations(tx, derivations);
  await renameEntities(tx, derivations.renames);
  await refreshCandidates(tx, changedEntities(written, derivations, [...forgotten, ...stale]));
  await afterStep('derived', articles);
  return counts[0];
}

/**
 * The entities a write may have changed (their duplicate candidates are refreshed): those its documents name, and
 * those it forgot, absorbed into or re-derived, under their ids after renaming.
 */
function changedEntities(written: ResolvedDocument[], derivations: Derivations, also: Iterable<string>): string[] {
  const ids = new Set<string>(also);
  for (const { resolution } of written) for (const id of resolution.ids.values()) ids.add(id);
  for (const d of derivations.derived) ids.add(d.id);
  for (const r of derivations.renames) ids.add(r.to);
  return [...ids];
}

/**
 * Carries out the absorptions the documents' identity decided (`BatchIdentity.absorptions`): entities already in
 * the graph are moved into the entity they are (`absorbEntities`), and every document's entities are written
 * under the id they have after all absorptions. Returns the documents so remapped (their counts as decided)
 * and the entities whose derivation the absorptions changed (`stale`).
 */
async function applyAbsorptions(
  tx: WriteTx,
  resolved: ResolvedDocument[],
  batch: BatchIdentity,
): Promise<{ items: ResolvedDocument[]; stale: Set<string> }> {
  const absorbed = batch.absorptions();
  if (absorbed.size === 0) return { items: resolved, stale: new Set() };
  const createdHere = new Set(resolved.flatMap((r) => [...r.resolution.created]));
  const inGraph = (id: string) => !createdHere.has(id);
  const stale = new Set(await absorbEntities(tx, new Map([...absorbed].filter(([from]) => inGraph(from))), inGraph));
  const items = resolved.map(({ doc, resolution, hash }) => {
    const ids = new Map([...resolution.ids].map(([key, id]) => [key, batch.current(id)]));
    return {
      doc,
      hash,
      entitiesCreated: resolution.created.size,
      resolution: {
        ...resolution,
        ids,
        created: new Set([...resolution.created].filter((id) => !absorbed.has(id))),
        byName: new Set([...ids.values()].filter((id) => batch.isNameOnly(id))),
      },
    };
  });
  return { items, stale };
}
