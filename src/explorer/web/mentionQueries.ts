/** How many articles mention each node (entities) or report it (events), for sizing nodes by mentions. */
import { gql } from './api';
import { t } from './i18n';
import { RESTORE_CHUNK } from './queries';

/** One aliased `node` field per id: the articles that mention the entity, or that report the event. */
export function mentionsQuery(ids: readonly string[]): string {
  const vars = ids.map((_, i) => `$i${i}: ID!`).join(', ');
  const fields = ids.map((_, i) => `n${i}: node(id: $i${i}) { __typename ... on Entity { mentionedIn(first: 1) { totalCount } } ... on Event { sources(first: 100) { edges { node { id } } } } }`).join('\n  ');
  return `query ExplorerMentions(${vars}) {\n  ${fields}\n}`;
}

type Answer = { __typename: string; mentionedIn?: { totalCount: number }; sources?: { edges: { node: { id: string } | null }[] } } | null;

/** Distinct articles per id, RESTORE_CHUNK ids a request. */
export async function mentionCounts(ids: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i += RESTORE_CHUNK) {
    const chunk = ids.slice(i, i + RESTORE_CHUNK);
    const r = await gql<Record<string, Answer>>(mentionsQuery(chunk), Object.fromEntries(chunk.map((id, j) => [`i${j}`, id])), { operationName: 'ExplorerMentions', label: t('style.counting') });
    chunk.forEach((id, j) => {
      const n = r.data[`n${j}`];
      if (!n) return;
      // an entity's mentions are a connection: its total is the number of distinct articles
      if (n.mentionedIn) out.set(id, n.mentionedIn.totalCount);
      else out.set(id, new Set((n.sources?.edges ?? []).map((s) => s.node?.id ?? '').filter(Boolean)).size);
    });
  }
  return out;
}
