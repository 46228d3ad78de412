/** Evidence and article ids for each exported node and edge (pure; the API's answers come from queries.ts). */
import type { ExportEdge, ExportNode } from './exporters';
import type { NodeProvenance } from './provenanceQueries';

interface Src {
  evidence: string | null;
  article: { id: string } | null;
}

function collect(list: readonly Src[]): { evidence: string[]; articles: string[] } {
  return {
    evidence: [...new Set(list.map((s) => s.evidence).filter((e): e is string => !!e))],
    articles: [...new Set(list.map((s) => s.article?.id).filter((a): a is string => !!a))],
  };
}

const eventSources = (p: NodeProvenance | undefined): Src[] => (p && (p.evidence || p.article) ? [{ evidence: p.evidence ?? null, article: p.article ?? null }] : []);

function nodeSources(p: NodeProvenance | undefined): Src[] {
  if (!p) return [];
  return p.__typename === 'Event' ? eventSources(p) : (p.sources ?? []);
}

function edgeSources(e: ExportEdge, prov: Map<string, NodeProvenance>): Src[] {
  if (e.type === 'PARTICIPATED_IN') {
    const ev = prov.get(e.target);
    const own = (ev?.participants ?? []).filter((x) => x.entity.id === e.source && (!e.role || x.role === e.role)).flatMap((x) => x.sources);
    return own.length ? own : eventSources(ev);
  }
  if (e.type === 'OCCURRED_AT') return eventSources(prov.get(e.source));
  const from = prov.get(e.source);
  return (from?.relations ?? []).filter((r) => r.type === e.type && r.other.id === e.target).flatMap((r) => r.sources);
}

export function withProvenance(nodes: readonly ExportNode[], edges: readonly ExportEdge[], prov: Map<string, NodeProvenance>): { nodes: ExportNode[]; edges: ExportEdge[] } {
  return {
    nodes: nodes.map((n) => ({ ...n, ...collect(nodeSources(prov.get(n.id))), ...(prov.get(n.id)?.endDate ? { endDate: prov.get(n.id)!.endDate! } : {}) })),
    edges: edges.map((e) => ({ ...e, ...collect(edgeSources(e, prov)) })),
  };
}
