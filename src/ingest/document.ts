import type { EntityType, EventType, FigureQualifier, ParticipantRole, RelationType } from '../model';
import { canonicalJson, sha256 } from './canonicalJson';

export type AttributeValue = string | number | boolean;
export type Attributes = Record<string, AttributeValue>;

/** A `kg-article/1` document after validation: text NFC-normalised and trimmed, shapes guaranteed. */
export interface ArticleDocument {
  format: 'kg-article/1';
  article: {
    id: string;
    title: string;
    publisher?: string;
    publishedOn?: string;
    url?: string;
    language?: string;
    text?: string;
  };
  entities: EntityInput[];
  events: EventInput[];
  relations: RelationInput[];
  figures: FigureInput[];
}

export interface EntityInput {
  key: string;
  type: EntityType;
  name: string;
  kind?: string;
  id?: string;
  aliases?: string[];
  attributes?: Attributes;
  evidence?: string;
}

export interface EventInput {
  key: string;
  type: EventType;
  name: string;
  date?: string;
  endDate?: string;
  location?: string;
  /** key of the event of this document during which this one took place */
  partOf?: string;
  participants?: Array<{ entity: string; role: ParticipantRole }>;
  attributes?: Attributes;
  evidence?: string;
}

export interface RelationInput {
  type: RelationType;
  from: string;
  to: string;
  since?: string;
  until?: string;
  attributes?: Attributes;
  evidence?: string;
}

export interface FigureInput {
  subject: string;
  metric: string;
  value: number;
  unit?: string;
  period?: string;
  change?: number;
  /** how the article hedges the number; absent = stated as exact */
  qualifier?: FigureQualifier;
  /** the number as the article writes it (`近2亿元`) */
  stated?: string;
  evidence?: string;
}

/** The document's content hash: equal documents hash equally whatever their key order (`canonicalJson`). */
export function contentHash(doc: ArticleDocument): string {
  return sha256(canonicalJson(doc));
}
