/** The draft's parts as a `kg-article/1` document: confidences below the sure level go into `attributes`. */
import { articleJsonSchema, type ArticleDocument, type EntityInput, type EventInput, type FigureInput, type RelationInput } from '../ingest';
import { FORMAT_TAG } from '../model';
import type { DraftEvent } from './events';
import type { DraftEntity } from './registry';

/** Facts with a confidence under this are marked unsure in the draft. */
export const SURE = 0.8;

// The contract's newer figure fields (qualifier, stated) go into the draft only when this build's validator knows them.
const FIGURE_FIELDS = new Set(Object.keys((articleJsonSchema().properties?.figures as { items?: { properties?: object } })?.items?.properties ?? {}));

function figureFields(f: FigureInput): FigureInput {
  return Object.fromEntries(Object.entries(f).filter(([k, v]) => v !== undefined && FIGURE_FIELDS.has(k))) as unknown as FigureInput;
}

export interface DraftParts {
  article: ArticleDocument['article'];
  entities: DraftEntity[];
  events: DraftEvent[];
  relations: RelationInput[];
  figures: FigureInput[];
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function toDocument(parts: DraftParts): { document: ArticleDocument; unsure: number } {
  let unsure = 0;
  const entities: EntityInput[] = parts.entities.map(({ confidence, evidenceSentence: _s, ...e }) => {
    if (confidence < SURE) {
      unsure += 1;
      return { ...e, attributes: { ...e.attributes, confidence } };
    }
    return e;
  });
  const events: EventInput[] = parts.events.map(({ confidence, paragraph: _p, sentence: _s, ...e }) => {
    const out: EventInput = { ...e };
    if (!out.participants?.length) delete out.participants;
    if (confidence < SURE) {
      unsure += 1;
      out.attributes = { ...out.attributes, confidence };
    }
    return withoutUndefined(out);
  });
  for (const r of parts.relations) if (typeof r.attributes?.confidence === 'number') unsure += 1;
  const document: ArticleDocument = {
    format: FORMAT_TAG,
    article: withoutUndefined({ ...parts.article }),
    entities,
    events,
    relations: parts.relations,
    figures: parts.figures.map(figureFields),
  };
  return { document, unsure };
}
