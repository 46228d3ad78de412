/**
 * The view as a URL fragment, so that a copied link reopens the same view: node ids on the canvas, the
 * nodes that were expanded, the selection, the path shown, the date range and the expansion filters.
 * Lists are repeated parameters (`n=a&n=b`), so ids may hold any character.
 */
import { COLOUR_BY, DEFAULT_STYLE, FILTER_PROPERTIES, SIZE_BY, type CanvasStyle } from './canvasStyle';
import { RELATION_TYPE_NAMES } from '../../model/domain';
import { cleanDate } from './dates';

export type DateMode = 'fade' | 'hide';

export interface ViewState {
  /** nodes put on the canvas on purpose (search, links, paths) */
  nodes: string[];
  /** nodes that are there only because a node was expanded */
  added: string[];
  expanded: string[];
  selected: string | null;
  pathFrom: string | null;
  pathTo: string | null;
  /** nodes the paths avoid */
  avoid: string[];
  /** relation types the paths do not follow */
  avoidRelationTypes: string[];
  /** event types the paths do not pass through */
  avoidEventTypes: string[];
  /** paths of every length, not only the shortest */
  allLengths: boolean;
  from: string;
  to: string;
  dateMode: DateMode;
  /** undated events shown (they have their own toggle) */
  undated: boolean;
  /** null: every type */
  entityTypes: string[] | null;
  /** null: every type */
  eventTypes: string[] | null;
  depth: number;
  /** what is shown of the canvas, and how */
  style: CanvasStyle;
}

export const EMPTY_VIEW: ViewState = {
  nodes: [],
  added: [],
  expanded: [],
  selected: null,
  pathFrom: null,
  pathTo: null,
  avoid: [],
  avoidRelationTypes: [],
  avoidEventTypes: [],
  allLengths: false,
  from: '',
  to: '',
  dateMode: 'fade',
  undated: true,
  entityTypes: null,
  eventTypes: null,
  depth: 1,
  style: DEFAULT_STYLE,
};

const MAX_IDS = 300;
const MAX_ID_LENGTH = 500;

export function encodeView(v: ViewState): string {
  const p = new URLSearchParams();
  for (const id of v.nodes) p.append('n', id);
  for (const id of v.added) p.append('a', id);
  for (const id of v.expanded) p.append('x', id);
  if (v.selected) p.set('sel', v.selected);
  if (v.pathFrom && v.pathTo) {
    p.set('pf', v.pathFrom);
    p.set('pt', v.pathTo);
  }
  for (const id of v.avoid) p.append('av', id);
  if (v.avoidRelationTypes.length) p.set('ar', v.avoidRelationTypes.join(','));
  if (v.avoidEventTypes.length) p.set('ae', v.avoidEventTypes.join(','));
  if (v.allLengths) p.set('al', '1');
  if (v.from) p.set('from', v.from);
  if (v.to) p.set('to', v.to);
  if (v.dateMode !== 'fade') p.set('dm', v.dateMode);
  if (!v.undated) p.set('ud', '0');
  // an empty list (nothing of that kind) is written as a lone "-" to tell it from "every type"
  if (v.entityTypes) p.set('et', v.entityTypes.length ? v.entityTypes.join(',') : '-');
  if (v.eventTypes) p.set('vt', v.eventTypes.length ? v.eventTypes.join(',') : '-');
  if (v.depth !== 1) p.set('d', String(v.depth));
  encodeStyle(p, v.style);
  const s = p.toString();
  return s ? `#${s}` : '';
}

function typeList(value: string | null, allowed: readonly string[]): string[] | null {
  if (value === null) return null;
  if (value === '-' || value === '') return [];
  return [...new Set(value.split(','))].filter((t) => allowed.includes(t));
}

function encodeStyle(p: URLSearchParams, s: CanvasStyle): void {
  if (s.types) p.set('st', s.types.length ? s.types.join(',') : '-');
  if (s.kind) p.set('sk', s.kind);
  if (s.value.trim()) {
    p.set('sp', s.property);
    p.set('sv', s.value);
  }
  if (s.minDegree > 0) p.set('sd', String(s.minDegree));
  if (s.sizeBy !== 'none') p.set('sz', s.sizeBy);
  if (s.colourBy !== 'type') p.set('sc', s.colourBy);
}

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);

function decodeStyle(p: URLSearchParams, vocab: { entityTypes: readonly string[] }): CanvasStyle {
  const degree = Number(p.get('sd') ?? '0');
  return {
    types: typeList(p.get('st'), [...vocab.entityTypes, 'Event']),
    kind: (p.get('sk') ?? '').slice(0, 100),
    property: oneOf(p.get('sp'), FILTER_PROPERTIES, DEFAULT_STYLE.property),
    value: (p.get('sv') ?? '').slice(0, 200),
    minDegree: Number.isInteger(degree) && degree > 0 && degree < 1000 ? degree : 0,
    sizeBy: oneOf(p.get('sz'), SIZE_BY, 'none'),
    colourBy: oneOf(p.get('sc'), COLOUR_BY, 'type'),
  };
}

const cleanId = (id: string | null): string | null => (id && id.length <= MAX_ID_LENGTH ? id : null);

/** Reads a fragment (with or without the leading '#'); anything malformed falls back to the default. */
export function decodeView(hash: string, vocab: { entityTypes: readonly string[]; eventTypes: readonly string[] }): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const ids = (name: string) => [...new Set(p.getAll(name))].filter((id) => id !== '' && id.length <= MAX_ID_LENGTH).slice(0, MAX_IDS);
  const depth = Number(p.get('d') ?? '1');
  const pf = cleanId(p.get('pf'));
  const pt = cleanId(p.get('pt'));
  return {
    nodes: ids('n'),
    added: ids('a'),
    expanded: ids('x'),
    selected: cleanId(p.get('sel')),
    pathFrom: pf && pt ? pf : null,
    pathTo: pf && pt ? pt : null,
    avoid: ids('av'),
    avoidRelationTypes: typeList(p.get('ar'), RELATION_TYPE_NAMES) ?? [],
    avoidEventTypes: typeList(p.get('ae'), vocab.eventTypes) ?? [],
    allLengths: p.get('al') === '1',
    from: cleanDate(p.get('from')),
    to: cleanDate(p.get('to')),
    dateMode: p.get('dm') === 'hide' ? 'hide' : 'fade',
    undated: p.get('ud') !== '0',
    entityTypes: typeList(p.get('et'), vocab.entityTypes),
    eventTypes: typeList(p.get('vt'), vocab.eventTypes),
    depth: depth === 2 || depth === 3 ? depth : 1,
    style: decodeStyle(p, vocab),
  };
}
