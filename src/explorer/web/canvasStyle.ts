/**
 * Filtering and styling what is on the canvas (pure, unit-tested): which nodes stay shown for a filter on
 * type, kind, a property's value and the degree; how big each is (by degree or by the articles mentioning
 * it); which colour it gets (by type, by kind, or by an event's month). styleBox.ts applies it to the canvas.
 */

/** The properties a node on the canvas has, for the value filter. */
export const FILTER_PROPERTIES = ['name', 'kind', 'type', 'date'] as const;
export type FilterProperty = (typeof FILTER_PROPERTIES)[number];
export const SIZE_BY = ['none', 'degree', 'mentions'] as const;
export type SizeBy = (typeof SIZE_BY)[number];
export const COLOUR_BY = ['type', 'kind', 'month'] as const;
export type ColourBy = (typeof COLOUR_BY)[number];

export interface CanvasStyle {
  /** node types shown; null: every type */
  types: string[] | null;
  /** only nodes of this kind (an entity's kind, an event's type); '' for any */
  kind: string;
  /** only nodes whose `property` contains `value` (ignoring case); '' for any */
  property: FilterProperty;
  value: string;
  /** only nodes with at least this many edges on the canvas */
  minDegree: number;
  sizeBy: SizeBy;
  colourBy: ColourBy;
}

export const DEFAULT_STYLE: CanvasStyle = { types: null, kind: '', property: 'name', value: '', minDegree: 0, sizeBy: 'none', colourBy: 'type' };

export interface StyledNode {
  id: string;
  label: string;
  type: string;
  kind: string | null;
  date: string | null;
  degree: number;
  /** articles mentioning it, when known */
  mentions?: number;
}

export function isFiltering(s: CanvasStyle): boolean {
  return s.types !== null || s.kind !== '' || s.value.trim() !== '' || s.minDegree > 0;
}

const valueOf = (n: StyledNode, p: FilterProperty): string => (p === 'name' ? n.label : (n[p] ?? '')) as string;

/** Whether a node passes the filter. */
export function passes(n: StyledNode, s: CanvasStyle): boolean {
  if (s.types && !s.types.includes(n.type)) return false;
  if (s.kind && n.kind !== s.kind) return false;
  const want = s.value.trim().toLowerCase();
  if (want && !valueOf(n, s.property).toLowerCase().includes(want)) return false;
  return n.degree >= s.minDegree;
}

/** Node diameters (px) from 24 to 72 by the chosen measure, on a square-root scale; null: the default size. */
export function sizes(nodes: readonly StyledNode[], by: SizeBy): Map<string, number> | null {
  if (by === 'none') return null;
  const measure = (n: StyledNode) => (by === 'degree' ? n.degree : n.mentions ?? 0);
  const max = Math.max(1, ...nodes.map(measure));
  return new Map(nodes.map((n) => [n.id, Math.round(24 + 48 * Math.sqrt(measure(n) / max))]));
}

/** A palette that stays readable on white, for up to 12 values (more repeat). */
export const PALETTE = ['#2563eb', '#16a34a', '#ea580c', '#9333ea', '#db2777', '#0891b2', '#ca8a04', '#dc2626', '#4f46e5', '#059669', '#7c3aed', '#64748b'];

/** The value a node is coloured by (null: no value, drawn grey). */
export function colourKey(n: StyledNode, by: ColourBy): string | null {
  if (by === 'type') return n.type;
  if (by === 'kind') return n.kind;
  return n.date ? n.date.slice(0, 7) : null;
}

/** Colours for the values present, in sorted order of the values (so a link always colours alike); null for `type` (the theme's). */
export function colours(nodes: readonly StyledNode[], by: ColourBy): Map<string, string> | null {
  if (by === 'type') return null;
  const values = [...new Set(nodes.map((n) => colourKey(n, by)).filter((v): v is string => v !== null))].sort();
  return new Map(values.map((v, i) => [v, PALETTE[i % PALETTE.length]]));
}
