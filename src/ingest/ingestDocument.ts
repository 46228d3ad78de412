import type { Driver } from 'neo4j-driver';
import type { Problem } from './problem';
import { resolveEntities } from './resolveEntities';
import { validateDocument } from './validate';
import { contentHash, type StepHook, type WriteCounts, writeArticle } from './writeArticle';

export type IngestStatus = 'created' | 'updated' | 'unchanged' | 'rejected';

/** What happened to one document: the per-document line of an ingest report. */
export interface DocumentReport {
  /** where the document came from: a file, `file.ndjson:12`, or `request` */
  source: string;
  articleId?: string;
  status: IngestStatus;
  problems: Problem[];
  counts?: WriteCounts;
}

export interface IngestOptions {
  database?: string;
  /** transaction timeout in milliseconds (the server passes its per-request limit) */
  timeoutMs?: number;
  /** test seam: called after each write step inside the transaction */
  afterStep?: StepHook;
}

/**
 * Lock conflicts between concurrent loads (documents naming the same entities) are retried by executeWrite,
 * but only within the driver's maxTransactionRetryTime, kept short (src/graph/driver.ts) so that API requests
 * fail fast while Neo4j is down. Several busy loaders can need longer: a document whose transaction still
 * ends in a deadlock gets up to this many rounds in all, with a growing, jittered pause between them.
 */
const LOCK_CONFLICT_ROUNDS = 8;
const LOCK_CONFLICT_CODES = new Set(['Neo.TransientError.Transaction.DeadlockDetected', 'Neo.TransientError.Transaction.LockClientStopped']);

class Rejected extends Error {
  constructor(readonly problems: Problem[]) {
    super('document rejected');
  }
}

/**
 * Validates one parsed document and, when it is valid, writes it in one write transaction: all of it or
 * none of it. Identity problems found against the graph (ambiguous names, an id of another type) reject
 * the document and roll back. Re-loading identical content is detected by hash and writes nothing.
 */
export async function ingestDocument(
  driver: Driver,
  input: unknown,
  source: string,
  options: IngestOptions = {},
): Promise<DocumentReport> {
  const checked = validateDocument(input);
  const articleId = typeof (input as { article?: { id?: unknown } })?.article?.id === 'string'
    ? ((input as { article: { id: string } }).article.id)
    : undefined;
  if (!checked.ok) return { source, articleId, status: 'rejected', problems: checked.problems };
  const doc = checked.document;
  const hash = contentHash(doc);

  for (let round = 1; ; round += 1) {
    const session = driver.session({ database: options.database });
    try {
      return await session.executeWrite(async (tx): Promise<DocumentReport> => {
        const existing = await tx.run('MATCH (a:Article {id: $id}) RETURN a.contentHash AS hash', { id: doc.article.id });
        const before = existing.records[0]?.get('hash') as string | undefined;
        if (before === hash) return { source, articleId: doc.article.id, status: 'unchanged', problems: [] };
        const resolution = await resolveEntities(tx, doc);
        if (resolution.problems.length > 0) throw new Rejected(resolution.problems);
        const counts = await writeArticle(tx, doc, resolution, hash, before !== undefined, options.afterStep);
        return { source, articleId: doc.article.id, status: before ? 'updated' : 'created', problems: [], counts };
      }, options.timeoutMs ? { timeout: options.timeoutMs } : undefined);
    } catch (error) {
      if (error instanceof Rejected) return { source, articleId: doc.article.id, status: 'rejected', problems: error.problems };
      if (round < LOCK_CONFLICT_ROUNDS && LOCK_CONFLICT_CODES.has((error as { code?: string }).code ?? '')) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * 2 ** round) * (0.5 + Math.random())));
        continue;
      }
      throw error;
    } finally {
      await session.close();
    }
  }
}
