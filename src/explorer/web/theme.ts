/** Colours, shapes and fonts of the graph, shared by the canvas style, the legend and the panel. */

export const NODE_TYPES = ['Person', 'Organization', 'Village', 'Place', 'Project', 'Event'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface TypeLook {
  /** fill colour */
  color: string;
  /** border colour (darker) */
  border: string;
  /** cytoscape node shape */
  shape: string;
  /** human label for the legend */
  label: string;
  /** Chinese label shown beside it */
  zh: string;
}

export const TYPE_LOOK: Record<NodeType, TypeLook> = {
  Person: { color: '#3b82f6', border: '#1d4ed8', shape: 'ellipse', label: 'Person', zh: '人物' },
  Organization: { color: '#10b981', border: '#047857', shape: 'round-rectangle', label: 'Organization', zh: '机构' },
  Village: { color: '#f59e0b', border: '#b45309', shape: 'round-hexagon', label: 'Village', zh: '村/社区' },
  Place: { color: '#8b5cf6', border: '#6d28d9', shape: 'round-triangle', label: 'Place', zh: '地点' },
  Project: { color: '#ec4899', border: '#be185d', shape: 'round-pentagon', label: 'Project', zh: '项目' },
  Event: { color: '#f97316', border: '#c2410c', shape: 'round-diamond', label: 'Event', zh: '事件' },
};

export const UNKNOWN_LOOK: TypeLook = { color: '#94a3b8', border: '#475569', shape: 'ellipse', label: 'Other', zh: '其他' };

export function lookOf(type: string): TypeLook {
  return (TYPE_LOOK as Record<string, TypeLook>)[type] ?? UNKNOWN_LOOK;
}

/** Latin UI font first, then CJK fonts (Noto Sans CJK on Linux, the system ones elsewhere). */
export const FONT_STACK =
  '"Inter", "Segoe UI", "Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

export const HIGHLIGHT = '#e11d48';
