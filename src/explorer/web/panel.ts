/**
 * The details panel. Every value that comes from the API is inserted as text (see dom.ts), including
 * names, aliases, evidence and article titles.
 */
import { clear, h, type Child } from './dom';
import { edgeWord, type GEdge, type GNode } from './graphView';
import type { ArticleRef, EntityDetails, EventDetails, Ref, SourceData } from './queries';
import { lookOf, NODE_TYPES } from './theme';

export interface PanelActions {
  /** put an entity or event on the canvas (if needed) and select it */
  open(ref: Ref | GNode): void;
  expand(id: string): void;
  /** expand into groups by type and relation or role, however many neighbours */
  expandGrouped(id: string): void;
  collapse(id: string): void;
  remove(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  isExpanded(id: string): boolean;
  /** keep a node where it is when the layout runs (a hub out of the layout), or release it */
  togglePin(id: string): void;
  isPinned(id: string): boolean;
  select(id: string): void;
}

/** How a figure's qualifier reads before its value. */
const QUALIFIER_WORDS: Record<string, string> = { estimate: 'est.', approx: '≈', atLeast: '≥', atMost: '≤' };

export function swatch(type: string): HTMLElement {
  const look = lookOf(type);
  const s = h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' }, dataset: { shape: look.shape } });
  s.style.background = look.color;
  return s;
}

function typeBadge(type: string, kind: string | null | undefined): HTMLElement {
  return h(
    'span',
    { class: 'type-badge', dataset: { type } },
    swatch(type),
    h('span', { class: 'type-name', text: type }),
    kind && kind !== type ? h('span', { class: 'kind', text: `· ${kind}` }) : null,
  );
}

function entityLink(ref: Ref | GNode, actions: PanelActions, role?: string): HTMLButtonElement {
  const name = 'name' in ref ? ref.name : ref.label;
  return h(
    'button',
    {
      class: 'entity-link',
      attrs: { type: 'button', title: `Show ${name} on the canvas` },
      dataset: { entityId: ref.id, ...(role ? { role } : {}) },
      on: { click: () => actions.open(ref) },
    },
    swatch(ref.type),
    h('span', { class: 'entity-name', text: name }),
  );
}

function section(name: string, title: string, count: number | null, ...body: Child[]): HTMLElement {
  return h(
    'section',
    { dataset: { section: name } },
    h('h3', null, h('span', { text: title }), count !== null ? h('span', { class: 'count', text: String(count) }) : null),
    ...body,
  );
}

function dateText(date: string | null, endDate?: string | null): string {
  if (!date) return 'undated';
  return endDate && endDate !== date ? `${date} – ${endDate}` : date;
}

/** Opens the article reader (set by details.ts; the panel only renders the buttons). */
export const reading: { open: ((articleId: string, evidence: string | null) => void) | null } = { open: null };

function articleLine(a: ArticleRef | null, evidence: string | null = null): HTMLElement {
  if (!a) return h('div', { class: 'source-article', text: 'Source article unknown' });
  const open = reading.open;
  const title = h('span', { class: 'article-title', text: a.title });
  const url = a.url && /^https?:\/\//i.test(a.url) ? a.url : null;
  return h(
    'div',
    { class: 'source-article', dataset: { articleId: a.id } },
    '— ',
    url ? h('a', { attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } }, title) : title,
    a.publishedOn ? ` (${a.publishedOn})` : null,
    open
      ? h('button', { class: 'btn btn-link btn-read', text: 'Read', attrs: { type: 'button', title: 'Open the article at this sentence', 'data-action': 'read' }, on: { click: () => open(a.id, evidence) } })
      : null,
    h('div', { class: 'id', text: a.id }),
  );
}

function sourcesSection(sources: SourceData[], title = 'Evidence'): HTMLElement | null {
  const list = sources.filter((s) => s.evidence || s.article);
  if (list.length === 0) return section('sources', title, 0, h('p', { class: 'muted', text: 'No evidence recorded.' }));
  return section(
    'sources',
    title,
    list.length,
    ...list.map((s) =>
      h('div', { class: 'source' }, s.evidence ? h('blockquote', { class: 'evidence', text: s.evidence }) : null, articleLine(s.article, s.evidence)),
    ),
  );
}

function attributesSection(attrs: Record<string, unknown>): HTMLElement | null {
  const entries = Object.entries(attrs ?? {});
  if (entries.length === 0) return null;
  return section(
    'attributes',
    'Attributes',
    null,
    h('dl', { class: 'kv' }, ...entries.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: typeof v === 'string' ? v : JSON.stringify(v) })])),
  );
}

function head(node: { id: string; type: string; kind: string | null; name: string; date?: string | null; endDate?: string | null }, actions: PanelActions | null, onCanvas: boolean): HTMLElement {
  const isEvent = node.type === 'Event';
  const el = h(
    'div',
    { class: 'panel-head' },
    typeBadge(node.type, node.kind),
    h('h2', { class: 'title', text: node.name, attrs: { id: 'panel-title' } }),
    h('div', { class: 'id', text: node.id }),
    isEvent ? h('div', { class: 'meta' }, h('span', { class: 'date-tag', text: dateText(node.date ?? null, node.endDate) })) : null,
  );
  if (actions && onCanvas) {
    const expanded = actions.isExpanded(node.id);
    el.appendChild(
      h(
        'div',
        { class: 'panel-actions', attrs: { role: 'group', 'aria-label': 'Actions on this node' } },
        h('button', { class: 'btn btn-sm btn-primary', text: 'Expand', attrs: { type: 'button', 'data-action': 'expand' }, on: { click: () => actions.expand(node.id) } }),
        h('button', {
          class: 'btn btn-sm',
          text: 'By relation',
          attrs: { type: 'button', 'data-action': 'expand-grouped', title: 'Expand into groups by type and relation or role; draw a group when you need it' },
          on: { click: () => actions.expandGrouped(node.id) },
        }),
        expanded
          ? h('button', { class: 'btn btn-sm', text: 'Collapse', attrs: { type: 'button', 'data-action': 'collapse' }, on: { click: () => actions.collapse(node.id) } })
          : null,
        h('button', {
          class: 'btn btn-sm',
          text: actions.isPinned(node.id) ? 'Unpin' : 'Pin',
          attrs: { type: 'button', 'data-action': 'pin', 'aria-pressed': String(actions.isPinned(node.id)), title: 'Keep this node where it is when the layout runs' },
          on: { click: () => actions.togglePin(node.id) },
        }),
        h('button', { class: 'btn btn-sm', text: 'Path from', attrs: { type: 'button', 'data-action': 'path-from' }, on: { click: () => actions.pathFrom(node.id) } }),
        h('button', { class: 'btn btn-sm', text: 'Path to', attrs: { type: 'button', 'data-action': 'path-to' }, on: { click: () => actions.pathTo(node.id) } }),
        h('button', { class: 'btn btn-sm btn-danger-ghost', text: 'Remove', attrs: { type: 'button', 'data-action': 'remove' }, on: { click: () => actions.remove(node.id) } }),
      ),
    );
  }
  return el;
}

// ------------------------------------------------------------------ public renderers

export function renderOverview(panel: HTMLElement, nodes: GNode[], actions: PanelActions): void {
  clear(panel);
  panel.dataset.kind = 'overview';
  delete panel.dataset.nodeId;
  if (nodes.length === 0) {
    panel.appendChild(
      h(
        'div',
        { class: 'panel-empty' },
        h('h2', { text: 'Nothing selected' }),
        h('p', { text: 'Search for an entity or event and pick it to start. Click a node or an edge to see its details and the evidence behind it.' }),
        h(
          'ul',
          { class: 'list' },
          h('li', null, h('kbd', { text: 'Double-click' }), ' a node to expand its neighbours'),
          h('li', null, h('kbd', { text: 'Shift' }), ' + click two nodes to find the shortest paths between them'),
          h('li', null, h('kbd', { text: 'Delete' }), ' removes the selected nodes'),
        ),
      ),
    );
    return;
  }
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
  panel.appendChild(
    h(
      'div',
      { class: 'panel-head' },
      h('h2', { class: 'title', text: 'On the canvas' }),
      h('div', { class: 'meta', text: `${nodes.length} node${nodes.length === 1 ? '' : 's'}. Select one to see its details.` }),
    ),
  );
  panel.appendChild(
    h(
      'div',
      { class: 'summary-grid' },
      ...NODE_TYPES.filter((t) => counts.has(t)).map((t) =>
        h('div', { class: 'summary-cell' }, h('div', { class: 'n', text: String(counts.get(t)) }), h('div', { class: 't' }, swatch(t), lookOf(t).label)),
      ),
    ),
  );
  const sorted = [...nodes].sort((a, b) => NODE_TYPES.indexOf(a.type as never) - NODE_TYPES.indexOf(b.type as never) || a.label.localeCompare(b.label, 'zh'));
  panel.appendChild(
    section(
      'canvas-nodes',
      'Nodes',
      nodes.length,
      h(
        'ul',
        { class: 'list' },
        ...sorted.map((n) =>
          h(
            'li',
            null,
            h(
              'button',
              { class: 'entity-link', attrs: { type: 'button' }, dataset: { entityId: n.id }, on: { click: () => actions.select(n.id) } },
              swatch(n.type),
              h('span', { text: n.label }),
            ),
            n.date ? h('span', { class: 'date-tag', text: n.date }) : null,
          ),
        ),
      ),
    ),
  );
}

export function renderLoading(panel: HTMLElement, node: GNode, actions: PanelActions): void {
  clear(panel);
  panel.dataset.kind = 'node';
  panel.dataset.nodeId = node.id;
  panel.dataset.state = 'loading';
  panel.appendChild(head({ ...node, name: node.label }, actions, true));
  panel.appendChild(h('div', { class: 'panel-loading' }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), 'Loading details…'));
}

export function renderPanelError(panel: HTMLElement, node: GNode | null, message: string, code: string, actions: PanelActions): void {
  clear(panel);
  panel.dataset.state = 'error';
  if (node) panel.appendChild(head({ ...node, name: node.label }, actions, true));
  panel.appendChild(h('div', { class: 'panel-error', attrs: { role: 'alert' } }, h('strong', { text: 'Could not load the details. ' }), message, h('span', { class: 'toast-code', text: code })));
}

export function renderEntity(panel: HTMLElement, d: EntityDetails, actions: PanelActions, onCanvas: boolean): void {
  clear(panel);
  panel.dataset.kind = 'node';
  panel.dataset.nodeId = d.id;
  panel.dataset.state = 'ready';
  panel.appendChild(head(d, actions, onCanvas));

  if (d.aliases.length) panel.appendChild(section('aliases', 'Also called', d.aliases.length, h('div', { class: 'tags' }, ...d.aliases.map((a) => h('span', { class: 'alias', text: a })))));

  if (d.positions && d.positions.length) {
    panel.appendChild(
      section(
        'positions',
        'Positions',
        d.positions.length,
        h(
          'ul',
          { class: 'list' },
          ...d.positions.map((p) =>
            h(
              'li',
              { dataset: { title: p.title } },
              h('div', { class: 'ev-line' }, h('strong', { text: p.title }), h('span', { class: 'muted', text: 'at' }), entityLink(p.organization, actions)),
              p.since || p.until ? h('div', { class: 'muted', text: `${p.since ?? '…'} – ${p.until ?? '…'}` }) : null,
            ),
          ),
        ),
      ),
    );
  }
  if (d.officials && d.officials.length) {
    panel.appendChild(
      section(
        'officials',
        'Officials',
        d.officials.length,
        h(
          'ul',
          { class: 'list' },
          ...d.officials.map((p) => h('li', { dataset: { title: p.title } }, h('div', { class: 'ev-line' }, entityLink(p.person, actions), h('span', { class: 'muted', text: p.title })))),
        ),
      ),
    );
  }
  if (d.parent) panel.appendChild(section('parent', 'Part of', null, entityLink(d.parent, actions)));

  if (d.events.length) {
    panel.appendChild(
      section(
        'events',
        'Events',
        d.events.length,
        h(
          'ul',
          { class: 'list' },
          ...d.events.map((e) =>
            h(
              'li',
              { dataset: { eventId: e.event.id } },
              h(
                'div',
                { class: 'ev-line' },
                h('span', { class: 'date-tag', text: e.event.date ?? 'undated' }),
                entityLink({ id: e.event.id, name: e.event.name, type: 'Event', kind: e.event.type }, actions),
              ),
              h('div', { class: 'tags' }, h('span', { class: 'muted', text: e.event.type }), ...e.roles.map((r) => h('span', { class: 'role-tag', text: r }))),
            ),
          ),
        ),
      ),
    );
  }

  const relations = d.relations.filter((r) => r.type !== 'HOLDS_POSITION');
  if (relations.length) {
    panel.appendChild(
      section(
        'relations',
        'Relations',
        relations.length,
        h(
          'ul',
          { class: 'list' },
          ...relations.map((r) => {
            const word = edgeWord({ type: r.type, role: null, title: null });
            return h(
              'li',
              { dataset: { relation: r.type } },
              h(
                'div',
                { class: 'ev-line' },
                r.direction === 'OUTGOING' ? h('span', { class: 'muted', text: word }) : null,
                entityLink(r.other, actions),
                r.direction === 'INCOMING' ? h('span', { class: 'muted', text: `${word} this` }) : null,
              ),
            );
          }),
        ),
      ),
    );
  }

  if (d.figures.length) {
    panel.appendChild(
      section(
        'figures',
        'Figures',
        d.figures.length,
        h(
          'table',
          { class: 'figures' },
          h('thead', null, h('tr', null, h('th', { text: 'Metric' }), h('th', { text: 'Value' }), h('th', { text: 'Period' }), h('th', { text: 'YoY' }))),
          h(
            'tbody',
            null,
            ...d.figures.flatMap((f) => [
              h(
                'tr',
                { dataset: { figureId: f.id } },
                h('td', { text: f.metric }),
                h(
                  'td',
                  { class: 'num', title: f.stated ? `stated as “${f.stated}”` : undefined, dataset: f.qualifier ? { qualifier: f.qualifier } : {} },
                  `${f.qualifier ? `${QUALIFIER_WORDS[f.qualifier] ?? f.qualifier} ` : ''}${formatNumber(f.value)}${f.unit ? ` ${f.unit}` : ''}`,
                ),
                h('td', { text: f.period ?? '' }),
                h('td', { class: `num ${f.change === null ? '' : f.change >= 0 ? 'up' : 'down'}`, text: f.change === null ? '' : `${f.change >= 0 ? '+' : ''}${formatNumber(f.change * 100)}%` }),
              ),
              ...(f.sources ?? []).filter((s) => s.evidence || s.article).map((s) =>
                h('tr', { class: 'figure-source' }, h('td', { attrs: { colspan: 4 } }, s.evidence ? h('blockquote', { class: 'evidence', text: s.evidence }) : null, articleLine(s.article, s.evidence))),
              ),
            ]),
          ),
        ),
      ),
    );
  }
  const attrs = attributesSection(d.attributes);
  if (attrs) panel.appendChild(attrs);
  const src = sourcesSection(d.sources);
  if (src) panel.appendChild(src);
}

export function renderEvent(panel: HTMLElement, d: EventDetails, actions: PanelActions, onCanvas: boolean): void {
  clear(panel);
  panel.dataset.kind = 'node';
  panel.dataset.nodeId = d.id;
  panel.dataset.state = 'ready';
  panel.appendChild(head({ id: d.id, type: 'Event', kind: d.eventType, name: d.name, date: d.date, endDate: d.endDate }, actions, onCanvas));
  if (d.location) panel.appendChild(section('location', 'Where', null, entityLink(d.location, actions)));

  const groups = new Map<string, Ref[]>();
  for (const p of d.participants) {
    let g = groups.get(p.role);
    if (!g) groups.set(p.role, (g = []));
    if (!g.some((r) => r.id === p.entity.id)) g.push(p.entity);
  }
  panel.appendChild(
    section(
      'participants',
      'Participants',
      new Set(d.participants.map((p) => p.entity.id)).size,
      groups.size === 0
        ? h('p', { class: 'muted', text: 'No participants recorded.' })
        : h(
            'ul',
            { class: 'list' },
            ...[...groups].map(([role, refs]) =>
              h(
                'li',
                { class: 'role-group', dataset: { role } },
                h('span', { class: 'role-name', text: role }),
                h('div', { class: 'names' }, ...refs.map((r) => entityLink(r, actions, role))),
              ),
            ),
          ),
    ),
  );
  const attrs = attributesSection(d.attributes);
  if (attrs) panel.appendChild(attrs);
  panel.appendChild(
    section(
      'sources',
      'Evidence',
      d.evidence ? 1 : 0,
      d.evidence ? h('div', { class: 'source' }, h('blockquote', { class: 'evidence', text: d.evidence }), articleLine(d.article, d.evidence)) : h('div', null, h('p', { class: 'muted', text: 'No evidence sentence recorded.' }), articleLine(d.article)),
    ),
  );
}

export function renderOther(panel: HTMLElement, node: GNode, typename: string, actions: PanelActions): void {
  clear(panel);
  panel.dataset.state = 'ready';
  panel.appendChild(head({ ...node, name: node.label }, actions, true));
  panel.appendChild(h('p', { class: 'muted', text: `This ${typename} has no further details.` }));
}

export interface EdgeEnds {
  source: GNode | null;
  target: GNode | null;
}

export function renderEdge(panel: HTMLElement, drawnId: string, parts: GEdge[], ends: EdgeEnds, actions: PanelActions): HTMLElement {
  clear(panel);
  panel.dataset.kind = 'edge';
  panel.dataset.edgeId = drawnId;
  panel.dataset.state = 'loading';
  delete panel.dataset.nodeId;
  const first = parts[0];
  const kind = first.type === 'PARTICIPATED_IN' ? 'Participation' : first.type === 'OCCURRED_AT' ? 'Location' : 'Relation';
  const endLink = (n: GNode | null, id: string) => (n ? entityLink(n, actions) : h('span', { class: 'id', text: id }));
  panel.appendChild(
    h(
      'div',
      { class: 'panel-head' },
      h('span', { class: 'type-badge' }, h('span', { text: kind }), h('span', { class: 'kind', text: `· ${first.type}` })),
      h('h2', { class: 'title', text: [...new Set(parts.map(edgeWord))].join(' · ') }),
      h('div', { class: 'ev-line' }, endLink(ends.source, first.source), h('span', { class: 'muted', text: '→' }), endLink(ends.target, first.target)),
    ),
  );
  const body = h('div', { class: 'edge-evidence' }, h('div', { class: 'panel-loading' }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), 'Loading evidence…'));
  panel.appendChild(body);
  return body;
}

export function fillEdgeEvidence(panel: HTMLElement, body: HTMLElement, sources: SourceData[], extra: { since?: string | null; until?: string | null; attributes?: Record<string, unknown> } = {}): void {
  clear(body);
  panel.dataset.state = 'ready';
  if (extra.since || extra.until) body.appendChild(section('period', 'Period', null, h('div', { text: `${extra.since ?? '…'} – ${extra.until ?? '…'}` })));
  const attrs = extra.attributes ? attributesSection(extra.attributes) : null;
  if (attrs) body.appendChild(attrs);
  const src = sourcesSection(sources);
  if (src) body.appendChild(src);
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
