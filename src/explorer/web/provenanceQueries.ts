/** The evidence and article ids of the nodes and edges on the canvas, for the exports (provenance.ts). */
import { gql } from './api';
import { RESTORE_CHUNK } from './queries';
import { t } from './i18n';

interface SourceIds {
  evidence: string | null;
  article: { id: string } | null;
}

export interface NodeProvenance {
  __typename: string;
  id: string;
  /** entities */
  sources?: SourceIds[];
  relations?: { type: string; direction: 'OUTGOING' | 'INCOMING'; other: { id: string }; sources: SourceIds[] }[];
  /** events */
  evidence?: string | null;
  article?: { id: string } | null;
  endDate?: string | null;
  participants?: { role: string; entity: { id: string }; sources: SourceIds[] }[];
}

/** One aliased `node` field per id with the evidence and article ids of it and of its edges. */
export function provenanceQuery(ids: readonly string[]): string {
  const vars = ids.map((_, i) => `$i${i}: ID!`).join(', ');
  const src = 'evidence article { id }';
  const fields = ids
    .map(
      (_, i) =>
        `n${i}: node(id: $i${i}) { __typename id ... on Entity { sources { ${src} } relations(direction: OUTGOING) { type direction other { id } sources { ${src} } } } ... on Event { evidence endDate article { id } participants { role entity { id } sources { ${src} } } } }`,
    )
    .join('\n  ');
  return `query ExplorerProvenance(${vars}) {\n  ${fields}\n}`;
}

/** Provenance of the nodes with these ids, RESTORE_CHUNK at a time. */
export async function provenance(ids: readonly string[]): Promise<Map<string, NodeProvenance>> {
  const out = new Map<string, NodeProvenance>();
  for (let i = 0; i < ids.length; i += RESTORE_CHUNK) {
    const chunk = ids.slice(i, i + RESTORE_CHUNK);
    const r = await gql<Record<string, NodeProvenance | null>>(provenanceQuery(chunk), Object.fromEntries(chunk.map((id, j) => [`i${j}`, id])), {
      operationName: 'ExplorerProvenance',
      label: t('export.collecting'),
    });
    chunk.forEach((id, j) => {
      const n = r.data[`n${j}`];
      if (n) out.set(id, n);
    });
  }
  return out;
}
