import type { WriteTx } from '../graph';
import { GRAPH_LABELS as L, GRAPH_RELATIONSHIPS as R } from '../model';
import { deriveEntities } from './deriveEntities';
import { RELATION_PATTERN } from './relationClaims';
import { forgetArticle } from './forgetArticle';

/** What deleting an article removed from the graph besides the article itself. */
export interface ArticleRemoval {
  articleId: string;
  /** false: there was no such article, nothing changed */
  deleted: boolean;
  /** events it reported (an event belongs to the one article that reports it) */
  events: number;
  /** figures no other article reports */
  figures: number;
  /** entities no other article mentions */
  entities: number;
  /** relations no other article states (relations other articles also state only lose this claim) */
  relations: number;
}

/**
 * Removes an article and what only it supported, inside the caller's write transaction: its events and
 * their participations, its claims on relations (a relation goes when no claim is left), figures nobody
 * else reports, and entities nobody else mentions; entities still mentioned elsewhere are re-derived from
 * their remaining mentions (names, aliases, kind, attributes, name keys).
 *
 * The removal is `forgetArticle`, the first step of every load too, so that loading and deleting can
 * never disagree about what an article supported.
 */
export async function deleteArticle(tx: WriteTx, articleId: string): Promise<ArticleRemoval> {
  const counted = await tx.run(
    `MATCH (a:${L.Article} {id: $aid})
     RETURN a.title AS title,
       COUNT { (a)-[:${R.REPORTS}]->(:${L.Event}) } AS events,
       COUNT { MATCH (a)-[:${R.REPORTS}]->(f:${L.Figure})
               WHERE NOT EXISTS { MATCH (f)<-[:${R.REPORTS}]-(o:${L.Article}) WHERE o <> a } } AS figures,
       COUNT { MATCH (a)-[:${R.MENTIONS}]->(e:${L.Entity})
               WHERE NOT EXISTS { MATCH (e)<-[:${R.MENTIONS}]-(o:${L.Article}) WHERE o <> a }
               RETURN DISTINCT e } AS entities,
       COUNT { MATCH (a)-[:${R.MENTIONS}]->(:${L.Entity})-[r:${RELATION_PATTERN}]->(:${L.Entity})
               WHERE all(x IN r.sourceArticles WHERE x = $aid)
               RETURN DISTINCT r } AS relations`,
    { aid: articleId },
  );
  const row = counted.records[0];
  if (!row) return { articleId, deleted: false, events: 0, figures: 0, entities: 0, relations: 0 };
  const count = (key: string): number => Number(row.get(key));

  const touched = await forgetArticle(tx, articleId);
  await tx.run(`MATCH (a:${L.Article} {id: $aid}) DETACH DELETE a`, { aid: articleId });
  await deriveEntities(tx, [...touched]);

  return {
    articleId,
    deleted: true,
    events: count('events'),
    figures: count('figures'),
    entities: count('entities'),
    relations: count('relations'),
  };
}
