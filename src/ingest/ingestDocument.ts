import type { Driver } from 'neo4j-driver';
import { contentHash } from './document';
import type { DocumentReport, IngestOptions } from './documentReport';
import { validateDocument } from './validate';
import type { HashedDocument } from './writeDocuments';
import { writeOne } from './writeTransaction';

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
  const checked = checkDocument(input, source);
  if ('report' in checked) return checked.report;
  return writeOne(driver, checked, source, options);
}

/** The validated document with its hash, or the report that rejects it. */
export function checkDocument(input: unknown, source: string): HashedDocument | { report: DocumentReport } {
  const checked = validateDocument(input);
  if (!checked.ok) {
    const articleId = typeof (input as { article?: { id?: unknown } })?.article?.id === 'string'
      ? ((input as { article: { id: string } }).article.id)
      : undefined;
    return { report: { source, articleId, status: 'rejected', problems: checked.problems } };
  }
  return { doc: checked.document, hash: contentHash(checked.document) };
}
