/**
 * Size limits of one document. The spec bounds names (1-300) and article ids (1-200); the rest are this
 * project's, chosen far above what an article needs and far below what would hurt the database, so that
 * a runaway extractor gets a clear rejection instead of a multi-megabyte property.
 */
export const LIMITS = {
  articleId: 200,
  name: 300,
  key: 200,
  title: 1000,
  shortText: 1000,
  evidence: 10_000,
  articleText: 2_000_000,
  aliases: 100,
  attributes: 100,
  attributeString: 10_000,
  entities: 100_000,
  events: 100_000,
  relations: 200_000,
  figures: 100_000,
  participants: 10_000,
  /** bytes of one document's JSON, checked before parsing */
  documentBytes: 20 * 1024 * 1024,
} as const;
