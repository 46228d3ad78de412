/**
 * The page's state, in one place: what is on the canvas (the GraphView), the expansion and date filters,
 * the path ends and the paths shown, the order of the selection, and the URL bookkeeping. The other
 * modules read it here and change it only through the functions below; each change is announced on a
 * topic, so that a module showing that part of the state redraws itself without the changer knowing it
 * (this is what keeps the modules free of import cycles).
 */
import { ENTITY_TYPE_NAMES, EVENT_TYPES, RELATION_TYPE_NAMES } from '../../model/domain';
import { requestsInFlight } from './api';
import { DEFAULT_STYLE, type CanvasStyle } from './canvasStyle';
import { el } from './elements';
import { GraphView } from './graphView';
import type { FoundPath, NodeDetails } from './queries';
import type { DateMode, ViewState } from './viewState';

export const VOCAB = { entityTypes: ENTITY_TYPE_NAMES as readonly string[], eventTypes: EVENT_TYPES as readonly string[], relationTypes: RELATION_TYPE_NAMES as readonly string[] };

// ---- what is on the canvas

export const view = new GraphView(el.cy);
export const cy = view.cy;

// ---- change topics

/**
 * canvas: nodes were added, removed, expanded or collapsed on purpose (one announcement per action);
 * elements: elements were added or removed (announced once per batch, just after it, in a microtask);
 * selection, path, filters, style (what is shown of the canvas, and how): those parts of the state; access: the API key changed; lang: the interface language.
 */
export type Topic = 'canvas' | 'elements' | 'selection' | 'path' | 'filters' | 'style' | 'access' | 'lang';
const listeners = new Map<Topic, (() => void)[]>();

export function onChange(topics: Topic | Topic[], fn: () => void): void {
  for (const t of Array.isArray(topics) ? topics : [topics]) listeners.set(t, [...(listeners.get(t) ?? []), fn]);
}

export function changed(topic: Topic): void {
  for (const fn of listeners.get(topic) ?? []) fn();
}

// ---- filters: what an expansion asks for, and the date range

export interface Filters {
  depth: number;
  limit: number;
  /** null: every type */
  entityTypes: string[] | null;
  /** null: every type */
  eventTypes: string[] | null;
  /** YYYY-MM-DD or '' (as typed; the range applied is ordered) */
  from: string;
  to: string;
  dateMode: DateMode;
  /** undated events shown */
  undated: boolean;
}

const filters: Filters = { depth: 1, limit: 50, entityTypes: null, eventTypes: null, from: '', to: '', dateMode: 'fade', undated: true };

export function getFilters(): Readonly<Filters> {
  return filters;
}

/** The date range as applied (from ≤ to). */
export function dateRange(): { from: string; to: string } {
  const { from, to } = filters;
  return from && to && from > to ? { from: to, to: from } : { from, to };
}

export function setFilters(patch: Partial<Filters>): void {
  Object.assign(filters, patch);
  view.setDateRange(dateRange(), filters.dateMode, filters.undated);
  changed('filters');
}

// ---- what is shown of the canvas, and how (canvasStyle.ts)

let style: CanvasStyle = { ...DEFAULT_STYLE };

export function getStyle(): Readonly<CanvasStyle> {
  return style;
}

export function setStyle(patch: Partial<CanvasStyle>): void {
  style = { ...style, ...patch };
  changed('style');
}

// ---- paths

export interface PathState {
  from: string | null;
  to: string | null;
  /** nodes no path may pass through (the hub, say) */
  avoid: string[];
  /** relation types no path follows */
  avoidRelationTypes: string[];
  /** event types no path passes through */
  avoidEventTypes: string[];
  /** not only the shortest paths: several, shortest first, up to the maximum length */
  allLengths: boolean;
  /** the ends of the paths drawn, or null */
  shown: { from: string; to: string } | null;
  found: FoundPath[];
}

const path: PathState = { from: null, to: null, avoid: [], avoidRelationTypes: [], avoidEventTypes: [], allLengths: false, shown: null, found: [] };

export function getPath(): Readonly<PathState> {
  return path;
}

export function setPathEnd(which: 'from' | 'to', id: string | null): void {
  path[which] = id;
  if (id) path.avoid = path.avoid.filter((x) => x !== id);
  changed('path');
}

/** Makes a node one end of the path (and not the other end any more). */
export function choosePathEnd(which: 'from' | 'to', id: string): void {
  const other = which === 'from' ? 'to' : 'from';
  if (path[other] === id) path[other] = null;
  setPathEnd(which, id);
}

/** Avoids a node in paths, or allows it again; an end of the path cannot be avoided. */
export function toggleAvoid(id: string): void {
  if (path.avoid.includes(id)) path.avoid = path.avoid.filter((x) => x !== id);
  else if (id !== path.from && id !== path.to) path.avoid = [...path.avoid, id];
  changed('path');
}

export function setPathSteering(patch: Partial<Pick<PathState, 'avoid' | 'avoidRelationTypes' | 'avoidEventTypes' | 'allLengths'>>): void {
  if (patch.avoid) path.avoid = patch.avoid.filter((x) => x !== path.from && x !== path.to);
  if (patch.avoidRelationTypes) path.avoidRelationTypes = VOCAB.relationTypes.filter((x) => patch.avoidRelationTypes!.includes(x));
  if (patch.avoidEventTypes) path.avoidEventTypes = VOCAB.eventTypes.filter((x) => patch.avoidEventTypes!.includes(x));
  if (patch.allLengths !== undefined) path.allLengths = patch.allLengths;
  changed('path');
}

export function setShownPaths(ends: { from: string; to: string } | null, found: FoundPath[]): void {
  path.shown = ends;
  path.found = found;
  changed('path');
}

/** Forgets the ends, the avoided nodes and the paths, and takes the highlight off the canvas (the length choice and the avoided types stay). */
export function clearPathState(): void {
  view.clearPaths();
  Object.assign(path, { from: null, to: null, avoid: [], shown: null, found: [] });
  changed('path');
}

// ---- selection

/** Nodes in the order they were selected (for "shift-click two nodes"). */
let selectionOrder: string[] = [];

export function noteSelected(id: string): void {
  selectionOrder = [...selectionOrder.filter((x) => x !== id), id];
}

export function noteUnselected(id: string): void {
  selectionOrder = selectionOrder.filter((x) => x !== id);
}

/** The last two of these ids in the order they were selected. */
export function lastSelected(ids: string[], n = 2): string[] {
  return selectionOrder.filter((x) => ids.includes(x)).slice(-n);
}

// ---- details fetched for the panel (a cache of the API's answers)

export const detailsCache = new Map<string, NodeDetails | null>();

// ---- the URL

const url = { restoring: false, lastHash: '', ready: false };

/** While a view is restored from a link the URL is not rewritten. */
export function isRestoring(): boolean {
  return url.restoring;
}
export function setRestoring(on: boolean): void {
  url.restoring = on;
}
export function lastHash(): string {
  return url.lastHash;
}
export function setLastHash(hash: string): void {
  url.lastHash = hash;
}
export function isReady(): boolean {
  return url.ready;
}
export function setReady(): void {
  url.ready = true;
}

export function busy(): boolean {
  return requestsInFlight() > 0 || view.layoutRunning;
}

const isAddedOnly = (id: string): boolean => !cy.getElementById(id).hasClass('pinned');

/** The whole view, as saved in the URL. */
export function currentView(): ViewState {
  const sel = cy.$(':selected');
  return {
    nodes: view.nodeIds().filter((id) => !isAddedOnly(id)),
    added: view.nodeIds().filter((id) => isAddedOnly(id)),
    expanded: view.expandedIds(),
    selected: sel.length === 1 && !sel[0].hasClass('cluster') ? sel[0].id() : null,
    pathFrom: path.shown?.from ?? null,
    pathTo: path.shown?.to ?? null,
    avoid: path.avoid,
    avoidRelationTypes: path.avoidRelationTypes,
    avoidEventTypes: path.avoidEventTypes,
    allLengths: path.allLengths,
    from: filters.from,
    to: filters.to,
    dateMode: filters.dateMode,
    undated: filters.undated,
    entityTypes: filters.entityTypes,
    eventTypes: filters.eventTypes,
    depth: filters.depth,
    style: { ...style },
  };
}
