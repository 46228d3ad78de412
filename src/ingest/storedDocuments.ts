import type { WriteTx } from '../graph';
import { GRAPH_LABELS as L } from '../model';
import { articleJsonSchema, type JsonSchema } from './articleSchema';
import { canonicalJson } from './canonicalJson';
import { type ArticleDocument, contentHash } from './document';
import type { HashedDocument } from './writeDocuments';

/**
 * An Article node keeps its document: the `article` part as the node's own properties (as given, which the API
 * reads) and the rest (`format`, entities, events, relations, figures) as canonical JSON in `facts`, so that the
 * article's text is stored once. `storedDocuments` puts the document back together, and checks it against the
 * content hash the article was loaded with.
 */
export function storedFacts(doc: ArticleDocument): string {
  const { article: _article, ...rest } = doc;
  return canonicalJson(rest);
}

/** The document's `article` fields (besides `id`), from the schema. */
const ARTICLE_FIELDS = Object.keys((articleJsonSchema().properties!.article as JsonSchema).properties ?? {}).filter((k) => k !== 'id');

/** An article whose document cannot be rebuilt from the graph: loaded before documents were kept, or changed since. */
export class NotStored extends Error {
  constructor(
    readonly articleId: string,
    why = 'was loaded before the graph kept documents',
  ) {
    super(`article ${JSON.stringify(articleId)} ${why}: load it again first`);
    this.name = 'NotStored';
  }
}

/** One stored article as read by `READ_STORED`. */
export interface StoredArticle extends HashedDocument {
  /** when it was loaded (an ISO date-time string; `WRITE_FACTS` sets it) */
  loadedAt: string;
}

/** Parameter `ids`: article ids. */
const READ_STORED = `
  UNWIND $ids AS id
  MATCH (a:${L.Article} {id: id})
  RETURN a.id AS id, properties(a) AS props, toString(a.loadedAt) AS loadedAt`;

/** The stored documents of these articles (in the order given); `NotStored` when one cannot be rebuilt exactly. */
export async function storedDocuments(tx: WriteTx, ids: string[]): Promise<StoredArticle[]> {
  const result = await tx.run(READ_STORED, { ids });
  return result.records.map((r) => {
    const id = r.get('id') as string;
    const props = r.get('props') as Record<string, unknown>;
    if (typeof props.facts !== 'string') throw new NotStored(id);
    const article: Record<string, unknown> = { id };
    for (const field of ARTICLE_FIELDS) if (props[field] !== undefined && props[field] !== null) article[field] = props[field];
    const doc = { ...(JSON.parse(props.facts) as object), article } as ArticleDocument;
    const hash = contentHash(doc);
    if (hash !== props.contentHash) throw new NotStored(id, 'has a stored document that does not give its content hash');
    return { doc, hash, loadedAt: r.get('loadedAt') as string };
  });
}
