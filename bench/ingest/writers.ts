/**
 * The three ingest arms, each writing the same facts of the same documents into an empty graph:
 *
 * - `product`: the product's ingester (`ingestAll`: validation, identity resolution, `batchSize` documents
 *   per transaction — 1 is the API's `ingestDocument` — all facts in one UNWIND statement, re-derivation of
 *   the touched entities once per batch).
 * - `raw`: a hand-written baseline, the practical limit: `batchSize` documents per transaction, identity
 *   resolved with one NameKey lookup per batch, then one `UNWIND … MERGE` statement per kind of fact (per
 *   label / relationship type) for the whole batch. It trusts its input (no validation), writes only what a
 *   fresh load needs (no "forget the previous version of this article"), and derives entity names on the fly.
 * - `naive`: one auto-commit statement per fact (`session.run` for each entity, name key, mention, event,
 *   participant, relation and figure), the way a first script would do it.
 *
 * And a diagnostic, `replayWriter`: product(1)'s own statements sent again without its client-side work.
 *
 * All three produce the same nodes and relationships (entities by the same identity rules, mentions,
 * name keys, events, participations, locations, relations with claim lists, figures, and the search keys and
 * duplicate-candidate blocking keys, computed with the product's `searchKeysOf`).
 */
import { createHash } from 'crypto';
import * as path from 'path';
import neo4j, { type Driver } from 'neo4j-driver';
import { COMPILED_SRC } from '../lib/compiledProduct';
import { countingDriver, type StatementCounter } from '../lib/countingDriver';
import { generatedEntityId, nameKeysOf } from '../../src/ingest/nameKeys';
import { type PairFacts, scorePair, searchKeysOf, type SearchKeys } from '../../src/search';
import { canonicalJson } from '../../src/ingest/canonicalJson';
import { storedFacts } from '../../src/ingest/storedDocuments';
import { dateSpan, ENTITY_TYPE_NAMES, RELATION_TYPES, RELATION_TYPE_NAMES, type EntityType, type RelationType } from '../../src/model';

type Doc = Record<string, any>;

/**
 * The product's loader and transaction runner as `npm start` runs them: compiled into dist/ (the bench builds it
 * first, `buildCompiledProduct`), as the query arms load the product, and not through tsx, whose transform adds
 * a `__name` call for every closure created: in a CPU profile of product(100), 8% of Node's time, in validation.
 */
function compiledProduct(): {
  ingestAll: typeof import('../../src/ingest/ingestAll').ingestAll;
  executeWrite: typeof import('../../src/graph/executeWrite').executeWrite;
} {
  return {
    ingestAll: require(path.join(COMPILED_SRC, 'ingest', 'ingestAll')).ingestAll,
    executeWrite: require(path.join(COMPILED_SRC, 'graph', 'executeWrite')).executeWrite,
  };
}

export interface WriterStats {
  /** Cypher statements sent (round trips to Neo4j) */
  statements: number;
  /** product writer: time per statement (first words of the Cypher → count, total ms) */
  timings?: Map<string, { count: number; ms: number }>;
  transactions: number;
  rejected: number;
  /** product writer: batches rolled back and written again one document per transaction */
  retries?: number;
}

export interface IngestWriter {
  name: string;
  /** writes the documents (in order); `batchSize` is how many documents one transaction holds, where it applies */
  write(driver: Driver, docs: Doc[]): Promise<WriterStats>;
}

/**
 * The product's ingester, `batchSize` documents per transaction: `ingestAll`, the loader of `kg ingest` and
 * `npm start` (`ingestBatch` per batch, the next batch validated while one is written; 1 is `ingestDocument`'s
 * one transaction per document, the API's granularity), compiled (`compiledProduct`). Statements counted and
 * timed by wrapping tx.run.
 */
export function productBatchWriter(batchSize: number): IngestWriter {
  return {
    name: batchSize === 1 ? 'product' : `product(batch=${batchSize})`,
    async write(driver, docs) {
      const stats: WriterStats = { statements: 0, transactions: 0, rejected: 0, retries: 0, timings: new Map() };
      const counting = countingDriver(driver, stats);
      const { totals, reports } = await compiledProduct().ingestAll(counting, docs.map((d) => ({ source: d.article.id, document: d })), {
        batch: batchSize,
        onRetry: (sources) => {
          stats.retries! += 1;
          stats.transactions += sources.length; // then one transaction each, after the one rolled back
        },
      });
      stats.transactions += Math.ceil(docs.length / batchSize);
      stats.rejected = totals.rejected;
      for (const report of reports.filter((r) => r.status === 'rejected').slice(0, 3)) {
        process.stderr.write(`[ingest] rejected ${report.articleId}: ${JSON.stringify(report.problems.slice(0, 3))}\n`);
      }
      return stats;
    },
  };
}

/** The product's ingester at its API granularity: one document per transaction. */
export const productWriter: IngestWriter = productBatchWriter(1);

/** The statements one product(1) load sent, by article id, in the order sent (`recordProductStatements`). */
export type StatementRecording = Map<string, NonNullable<StatementCounter['sent']>>;

/**
 * Loads the documents with product(1), in order, and records the statements of each one's transaction. In an
 * empty graph, and with no other writer, a load is deterministic: loading the same documents in the same order
 * into an empty graph sends the same statements with the same parameters, which is what `replayWriter` relies
 * on. Throws when a document took other than one transaction (a retry would have recorded statements twice).
 */
export async function recordProductStatements(driver: Driver, docs: Doc[]): Promise<StatementRecording> {
  const recording: StatementRecording = new Map();
  const counter: StatementCounter = { statements: 0 };
  const recordingDriver = countingDriver(driver, counter);
  for (const doc of docs) {
    counter.sent = [];
    const stats = await productWriter.write(recordingDriver, [doc]);
    if (stats.transactions !== 1 || stats.rejected !== 0) {
      throw new Error(`recording ${doc.article.id}: ${stats.transactions} transaction(s), ${stats.rejected} rejected; expected one transaction that loads it`);
    }
    recording.set(doc.article.id, counter.sent);
  }
  return recording;
}

/**
 * A diagnostic arm, not a writer anyone would use: product(1)'s own statements (`recordProductStatements`),
 * sent again one transaction per document through the product's `executeWrite` (compiled), with none of the product's
 * client-side work (validation, identity decisions, building parameters, deriving). Its rate is what one
 * transaction per document gets with the product's database work alone; product(1) ÷ it is the share of that
 * the product keeps once its Node side runs too. Written into an empty graph in the recorded order, it leaves
 * the graph product(1) leaves.
 */
export function replayWriter(recording: StatementRecording): IngestWriter {
  return {
    name: 'replayed product statements',
    async write(driver, docs) {
      const stats: WriterStats = { statements: 0, transactions: 0, rejected: 0 };
      for (const doc of docs) {
        const statements = recording.get(doc.article.id);
        if (!statements) throw new Error(`no recorded statements for ${doc.article.id}: record the documents first`);
        await compiledProduct().executeWrite(driver, async (tx) => {
          for (const { cypher, parameters } of statements) await tx.run(cypher, parameters);
        });
        stats.statements += statements.length;
        stats.transactions += 1;
      }
      return stats;
    },
  };
}

// ---- shared preparation ------------------------------------------------------------------------

interface PreparedEntity {
  docIndex: number;
  type: EntityType;
  key: string;
  name: string;
  aliases: string[];
  kind: string | null;
  attributes: string;
  evidence: string | null;
  explicitId?: string;
  nameKeys: string[];
  /** what search and the duplicate candidates read (the product derives them from all of an entity's names) */
  search: SearchKeys;
}

function prepareEntities(docs: Doc[]): PreparedEntity[] {
  return docs.flatMap((d, docIndex) =>
    (d.entities as Doc[]).map((e) => ({
      docIndex,
      type: e.type as EntityType,
      key: e.key as string,
      name: e.name as string,
      aliases: (e.aliases as string[] | undefined) ?? [],
      kind: (e.kind as string | undefined) ?? null,
      attributes: canonicalJson(e.attributes ?? {}),
      evidence: (e.evidence as string | undefined) ?? null,
      explicitId: e.id as string | undefined,
      nameKeys: nameKeysOf({ type: e.type, name: e.name, aliases: e.aliases }),
      search: searchKeysOf(e.type, [e.name, ...((e.aliases as string[] | undefined) ?? [])]),
    })),
  );
}

/** Identity, as the spec rules it (explicit id, else an existing entity of the same type and name key, else new). */
function resolve(entities: PreparedEntity[], known: Map<string, string>): string[] {
  return entities.map((e) => {
    let id = e.explicitId;
    if (id === undefined) {
      for (const k of e.nameKeys) {
        const hit = known.get(k);
        if (hit) {
          id = hit;
          break;
        }
      }
    }
    id ??= generatedEntityId(e.type, e.name);
    for (const k of e.nameKeys) if (!known.has(k)) known.set(k, id);
    return id;
  });
}

function relationRows(doc: Doc, idOf: (key: string) => string): Map<RelationType, Doc[]> {
  const out = new Map<RelationType, Doc[]>();
  const seen = new Set<string>();
  for (const r of doc.relations as Doc[]) {
    const type = r.type as RelationType;
    const by = (RELATION_TYPES[type] as { distinguishedBy?: string }).distinguishedBy;
    const key = by ? String(r.attributes?.[by] ?? '') : '';
    const row = { from: idOf(r.from), to: idOf(r.to), key };
    const identity = `${type}|${canonicalJson(row)}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const list = out.get(type) ?? [];
    list.push({ ...row, article: doc.article.id, evidence: r.evidence ?? '', since: r.since ?? '', until: r.until ?? '', attributes: canonicalJson(r.attributes ?? {}) });
    out.set(type, list);
  }
  return out;
}

function eventRows(doc: Doc, idOf: (key: string) => string): Doc[] {
  const aid = doc.article.id;
  return ((doc.events as Doc[]) ?? []).map((e) => {
    const span = e.date ? dateSpan(e.date) : null;
    const endSpan = e.endDate ? dateSpan(e.endDate) : span;
    return {
      article: aid,
      id: `${aid}#${e.key}`,
      type: e.type,
      name: e.name,
      date: e.date ?? null,
      endDate: e.endDate ?? null,
      dateStart: span?.first ?? null,
      dateEnd: endSpan?.last ?? null,
      attributes: canonicalJson(e.attributes ?? {}),
      evidence: e.evidence ?? null,
      location: e.location ? idOf(e.location) : null,
      partOf: e.partOf ? `${aid}#${e.partOf}` : null,
      participants: ((e.participants as Doc[]) ?? []).map((p) => ({ entity: idOf(p.entity), role: p.role })),
    };
  });
}

function figureRows(doc: Doc, idOf: (key: string) => string): Doc[] {
  return ((doc.figures as Doc[]) ?? []).map((f) => {
    const subject = idOf(f.subject);
    const exact = [subject, f.metric, f.period ?? '', f.unit ?? '', f.value, f.change ?? null];
    const identity = canonicalJson(f.qualifier ? [...exact, f.qualifier] : exact);
    return {
      article: doc.article.id,
      id: `figure:${createHash('sha256').update(identity).digest('hex').slice(0, 24)}`,
      subject,
      metric: f.metric,
      value: f.value,
      unit: f.unit ?? null,
      period: f.period ?? null,
      change: f.change ?? null,
      qualifier: f.qualifier ?? null,
      stated: f.stated ?? null,
      evidence: f.evidence ?? null,
    };
  });
}

/** The search keys as the product stores them (from the mention's names here: the product's are from all names). */
const SET_SEARCH_KEYS = `SET e.searchNames = x.searchNames, e.searchShort = x.searchShort, e.searchPinyin = x.searchPinyin,
      e.searchInitials = x.searchInitials, e.searchText = x.searchText, e.searchVersion = x.searchVersion`;

const RAW_RELATION = (type: RelationType) => `
  UNWIND $rows AS x
  MATCH (f:Entity {id: x.from}), (t:Entity {id: x.to})
  MERGE (f)-[r:${type} {key: x.key}]->(t)
  SET r.sourceArticles = coalesce(r.sourceArticles, []) + x.article,
      r.sourceEvidence = coalesce(r.sourceEvidence, []) + x.evidence,
      r.sourceSince = coalesce(r.sourceSince, []) + x.since,
      r.sourceUntil = coalesce(r.sourceUntil, []) + x.until,
      r.sourceAttributes = coalesce(r.sourceAttributes, []) + x.attributes,
      r.since = CASE WHEN x.since <> '' AND (r.since IS NULL OR x.since < r.since) THEN x.since ELSE r.since END,
      r.until = CASE WHEN x.until <> '' AND (r.until IS NULL OR x.until > r.until) THEN x.until ELSE r.until END,
      r.attributes = x.attributes,
      r.evidence = coalesce(r.evidence, []) + CASE WHEN x.evidence <> '' THEN [x.evidence] ELSE [] END`;

const RAW_EVENTS = `
  UNWIND $events AS x
  MATCH (a:Article {id: x.article})
  CREATE (ev:Event {id: x.id, type: x.type, name: x.name, date: x.date, endDate: x.endDate,
                    dateStart: date(x.dateStart), dateEnd: date(x.dateEnd), attributes: x.attributes,
                    evidence: x.evidence, article: x.article})
  CREATE (a)-[:REPORTS {evidence: x.evidence}]->(ev)
  WITH ev, x
  CALL (ev, x) {
    MATCH (place:Entity {id: x.location})
    CREATE (ev)-[:OCCURRED_AT]->(place)
  }
  WITH ev, x
  UNWIND x.participants AS p
  MATCH (e:Entity {id: p.entity})
  CREATE (e)-[:PARTICIPATED_IN {role: p.role, sourceArticles: [x.article], sourceEvidence: [coalesce(x.evidence, '')]}]->(ev)`;

/** Events' `partOf`, once all the events of the rows exist. */
const RAW_PART_OF = `
  UNWIND $events AS x
  WITH x WHERE x.partOf IS NOT NULL
  MATCH (ev:Event {id: x.id}), (occasion:Event {id: x.partOf})
  CREATE (ev)-[:PART_OF_EVENT]->(occasion)`;

const RAW_FIGURES = `
  UNWIND $figures AS x
  MATCH (a:Article {id: x.article})
  MATCH (s:Entity {id: x.subject})
  MERGE (f:Figure {id: x.id})
    ON CREATE SET f.metric = x.metric, f.value = x.value, f.unit = x.unit, f.period = x.period, f.change = x.change,
                  f.qualifier = x.qualifier
  MERGE (f)-[:ABOUT]->(s)
  MERGE (a)-[rep:REPORTS]->(f)
  SET rep.evidence = x.evidence, rep.stated = x.stated`;

/** Every pair of these entities with another entity sharing a blocking key, with what the scorer reads. */
const RAW_PAIRS = `
  UNWIND $ids AS id
  MATCH (e:Entity {id: id})<-[:BLOCKS]-(k:BlockingKey)-[:BLOCKS]->(o:Entity) WHERE o <> e
  WITH e, o, collect(k.key) AS keys
  RETURN e.id AS a, o.id AS b, keys, e.searchShort + o.searchShort AS shorts,
         any(x IN e.searchNames WHERE x IN o.searchNames) AS sameName,
         EXISTS { (e)-[:PARTICIPATED_IN]->(:Event)<-[:PARTICIPATED_IN]-(o) } AS sharedEvent,
         EXISTS { (e)-[p:HOLDS_POSITION]->()<-[q:HOLDS_POSITION]-(o) WHERE p.key = q.key } AS sharedPosition`;

const RAW_CANDIDATES = `
  UNWIND $pairs AS p
  MATCH (a:Entity {id: p.a}), (b:Entity {id: p.b})
  MERGE (a)-[d:DUPLICATE_CANDIDATE]->(b)
  SET d.type = a.type, d.score = p.score, d.reasons = p.reasons`;

/** Hand-written UNWIND … MERGE batches, `batchSize` documents per transaction. */
export function rawWriter(batchSize: number): IngestWriter {
  return {
    name: `raw(batch=${batchSize})`,
    async write(driver, docs) {
      const stats: WriterStats = { statements: 0, transactions: 0, rejected: 0 };
      const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
      try {
        for (let i = 0; i < docs.length; i += batchSize) {
          const batch = docs.slice(i, i + batchSize);
          await session.executeWrite(async (tx) => {
            const run = (cypher: string, params: Record<string, unknown>) => {
              stats.statements += 1;
              return tx.run(cypher, params);
            };
            const entities = prepareEntities(batch);
            const lookup = [...new Set(entities.filter((e) => e.explicitId === undefined).flatMap((e) => e.nameKeys))];
            const known = new Map<string, string>();
            if (lookup.length) {
              const found = await run(
                'UNWIND $keys AS key MATCH (:NameKey {key: key})-[:IDENTIFIES]->(e:Entity) RETURN key, e.id AS id',
                { keys: lookup },
              );
              for (const r of found.records) known.set(r.get('key'), r.get('id'));
            }
            const ids = resolve(entities, known);
            const idMaps = batch.map(() => new Map<string, string>());
            entities.forEach((e, k) => idMaps[e.docIndex].set(e.key, ids[k]));

            await run('UNWIND $articles AS x MERGE (a:Article {id: x.id}) SET a += x.props, a.loadedAt = datetime()', {
              articles: batch.map((d) => {
                const { id, ...props } = d.article;
                return { id, props: { ...props, facts: storedFacts(d as never) } };
              }),
            });
            for (const type of ENTITY_TYPE_NAMES) {
              const rows = entities.flatMap((e, k) =>
                e.type !== type
                  ? []
                  : [{
                      id: ids[k],
                      article: batch[e.docIndex].article.id,
                      key: e.key,
                      name: e.name,
                      aliases: e.aliases,
                      names: [e.name, ...e.aliases],
                      kind: e.kind,
                      attributes: e.attributes,
                      evidence: e.evidence,
                      nameKeys: e.nameKeys,
                      ...e.search,
                    }],
              );
              if (!rows.length) continue;
              await run(
                `UNWIND $rows AS x
                 MATCH (a:Article {id: x.article})
                 MERGE (e:Entity {id: x.id})
                   ON CREATE SET e.type = $type, e.name = x.name, e.aliases = [], e.kind = x.kind, e.attributes = x.attributes
                 SET e:${type}
                 WITH a, e, x, [n IN x.names WHERE n <> e.name AND NOT n IN e.aliases] AS more
                 SET e.aliases = e.aliases + more,
                     e.aliasText = reduce(s = '', n IN e.aliases + more | CASE s WHEN '' THEN n ELSE s + '\n' + n END)
                 CREATE (a)-[:MENTIONS {key: x.key, name: x.name, aliases: x.aliases, kind: x.kind,
                                        attributes: x.attributes, evidence: x.evidence}]->(e)
                 ${SET_SEARCH_KEYS}
                 WITH e, x
                 CALL (e, x) { UNWIND x.blockingKeys AS key MERGE (b:BlockingKey {key: key}) MERGE (b)-[:BLOCKS]->(e) }
                 WITH e, x
                 UNWIND x.nameKeys AS key
                 MERGE (k:NameKey {key: key})
                 MERGE (k)-[:IDENTIFIES]->(e)`,
                { rows, type },
              );
            }
            const events = batch.flatMap((d, j) => eventRows(d, (key) => idMaps[j].get(key)!));
            if (events.length) await run(RAW_EVENTS, { events });
            if (events.some((e) => e.partOf !== null)) await run(RAW_PART_OF, { events });
            const relations = new Map<RelationType, Doc[]>();
            batch.forEach((d, j) => {
              for (const [type, rows] of relationRows(d, (key) => idMaps[j].get(key)!)) relations.set(type, [...(relations.get(type) ?? []), ...rows]);
            });
            for (const type of RELATION_TYPE_NAMES) {
              const rows = relations.get(type);
              if (rows?.length) await run(RAW_RELATION(type), { rows });
            }
            const figures = batch.flatMap((d, j) => figureRows(d, (key) => idMaps[j].get(key)!));
            if (figures.length) await run(RAW_FIGURES, { figures });
            // duplicate candidates of the batch's entities, scored with the product's scorer, as the product stores them
            const named = [...new Set(idMaps.flatMap((m) => [...m.values()]))];
            const pairs = new Map<string, Doc>();
            for (const r of (await run(RAW_PAIRS, { ids: named })).records) {
              const p = r.toObject() as PairFacts & { a: string; b: string };
              const [a, b] = p.a < p.b ? [p.a, p.b] : [p.b, p.a];
              pairs.set(`${a}\n${b}`, { a, b, ...scorePair(p) });
            }
            if (pairs.size) await run(RAW_CANDIDATES, { pairs: [...pairs.values()] });
          });
          stats.transactions += 1;
        }
      } finally {
        await session.close();
      }
      return stats;
    },
  };
}

/** One auto-commit statement per fact. */
export const naiveWriter: IngestWriter = {
  name: 'naive',
  async write(driver, docs) {
    const stats: WriterStats = { statements: 0, transactions: 0, rejected: 0 };
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    const run = async (cypher: string, params: Record<string, unknown>) => {
      stats.statements += 1;
      stats.transactions += 1;
      return session.run(cypher, params);
    };
    try {
      for (const doc of docs) {
        const aid = doc.article.id;
        const { id: _id, ...props } = doc.article;
        await run('MERGE (a:Article {id: $id}) SET a += $props, a.loadedAt = datetime()', { id: aid, props: { ...props, facts: storedFacts(doc as never) } });
        const idOf = new Map<string, string>();
        for (const e of prepareEntities([doc])) {
          let id = e.explicitId;
          if (id === undefined) {
            for (const key of e.nameKeys) {
              const r = await run('MATCH (:NameKey {key: $key})-[:IDENTIFIES]->(e:Entity) RETURN e.id AS id', { key });
              if (r.records.length) {
                id = r.records[0].get('id');
                break;
              }
            }
          }
          id ??= generatedEntityId(e.type, e.name);
          idOf.set(e.key, id);
          await run(
            `MERGE (e:Entity {id: $id})
               ON CREATE SET e.type = $type, e.name = $name, e.aliases = [], e.kind = $kind, e.attributes = $attributes
             SET e:${e.type}
             WITH e, [n IN $names WHERE n <> e.name AND NOT n IN e.aliases] AS more
             SET e.aliases = e.aliases + more,
                 e.aliasText = reduce(s = '', n IN e.aliases + more | CASE s WHEN '' THEN n ELSE s + '\n' + n END)`,
            { id, type: e.type, name: e.name, names: [e.name, ...e.aliases], kind: e.kind, attributes: e.attributes },
          );
          await run(
            `MATCH (a:Article {id: $aid}), (e:Entity {id: $id})
             CREATE (a)-[:MENTIONS {key: $key, name: $name, aliases: $aliases, kind: $kind, attributes: $attributes, evidence: $evidence}]->(e)`,
            { aid, id, key: e.key, name: e.name, aliases: e.aliases, kind: e.kind, attributes: e.attributes, evidence: e.evidence },
          );
          for (const key of e.nameKeys) {
            await run('MATCH (e:Entity {id: $id}) MERGE (k:NameKey {key: $key}) MERGE (k)-[:IDENTIFIES]->(e)', { id, key });
          }
          await run(`MATCH (e:Entity {id: $id}) WITH e, $x AS x ${SET_SEARCH_KEYS}`, { id, x: e.search });
          for (const key of e.search.blockingKeys) {
            await run('MATCH (e:Entity {id: $id}) MERGE (b:BlockingKey {key: $key}) MERGE (b)-[:BLOCKS]->(e)', { id, key });
          }
        }
        const docEvents = eventRows(doc, (k) => idOf.get(k)!);
        for (const ev of docEvents) {
          await run(
            `MATCH (a:Article {id: $aid})
             CREATE (ev:Event {id: $x.id, type: $x.type, name: $x.name, date: $x.date, endDate: $x.endDate,
                               dateStart: date($x.dateStart), dateEnd: date($x.dateEnd), attributes: $x.attributes,
                               evidence: $x.evidence, article: $aid})
             CREATE (a)-[:REPORTS {evidence: $x.evidence}]->(ev)`,
            { aid, x: { ...ev, participants: null } },
          );
          if (ev.location) await run('MATCH (ev:Event {id: $ev}), (p:Entity {id: $p}) CREATE (ev)-[:OCCURRED_AT]->(p)', { ev: ev.id, p: ev.location });
          for (const p of ev.participants as Doc[]) {
            await run(
              `MATCH (e:Entity {id: $e}), (ev:Event {id: $ev})
               CREATE (e)-[:PARTICIPATED_IN {role: $role, sourceArticles: [$aid], sourceEvidence: [coalesce($evidence, '')]}]->(ev)`,
              { e: p.entity, ev: ev.id, role: p.role, aid, evidence: ev.evidence },
            );
          }
        }
        for (const ev of docEvents.filter((e) => e.partOf !== null)) {
          await run('MATCH (ev:Event {id: $ev}), (o:Event {id: $o}) CREATE (ev)-[:PART_OF_EVENT]->(o)', { ev: ev.id, o: ev.partOf });
        }
        for (const [type, rows] of relationRows(doc, (k) => idOf.get(k)!)) {
          for (const row of rows) await run(RAW_RELATION(type), { rows: [row] });
        }
        for (const f of figureRows(doc, (k) => idOf.get(k)!)) await run(RAW_FIGURES, { figures: [f] });
      }
    } finally {
      await session.close();
    }
    return stats;
  },
};
