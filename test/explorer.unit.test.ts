/**
 * The explorer page's pure logic: GraphML/JSON export escaping, the URL state of a view, date ranges,
 * and the graph bookkeeping behind expand/collapse (on a headless cytoscape).
 */
import { cleanDate, inRange, span } from '../src/explorer/web/dates';
import { toGraphML, toJSON, xmlEscape } from '../src/explorer/web/exporters';
import { drawnEdgeId, edgeWord, GraphView, type GEdge, type GNode } from '../src/explorer/web/graphView';
import { decodeView, encodeView, EMPTY_VIEW, type ViewState } from '../src/explorer/web/viewState';
import { ENTITY_TYPE_NAMES, EVENT_TYPES } from '../src/model';

const VOCAB = { entityTypes: ENTITY_TYPE_NAMES as readonly string[], eventTypes: EVENT_TYPES as readonly string[] };
const HOSTILE = '<img src=x onerror=alert(1)>';

describe('GraphML export', () => {
  it('escapes markup, quotes and ampersands in ids, labels and attributes', () => {
    const xml = toGraphML(
      [{ id: 'a"&<b>', label: HOSTILE, type: 'Person', kind: null, date: null, x: 1.234, y: 5 }],
      [{ id: 'e1', source: 'a"&<b>', target: "c'", type: 'RELATED_TO', role: '</data><x>', title: null }],
    );
    expect(xml).toContain('<node id="a&quot;&amp;&lt;b&gt;">');
    expect(xml).toContain('<data key="n_label">&lt;img src=x onerror=alert(1)&gt;</data>');
    expect(xml).toContain('source="a&quot;&amp;&lt;b&gt;" target="c&apos;"');
    expect(xml).toContain('<data key="e_role">&lt;/data&gt;&lt;x&gt;</data>');
    expect(xml).not.toContain(HOSTILE);
    expect(xml).toContain('<data key="n_x">1.23</data>');
    // well-formed: every element opened is closed (a rough check without an XML parser)
    expect((xml.match(/<node /g) ?? []).length).toBe((xml.match(/<\/node>/g) ?? []).length);
  });

  it('replaces characters XML cannot carry and keeps Chinese text', () => {
    expect(xmlEscape('金锋\u0001\u0008ok\n')).toBe('金锋\uFFFD\uFFFDok&#10;');
    expect(xmlEscape('\uD800x')).toBe('\uFFFDx');
    expect(xmlEscape('😀')).toBe('😀');
  });

  it('JSON export carries the view and the link', () => {
    const j = JSON.parse(toJSON([{ id: 'n', label: HOSTILE, type: 'Person', kind: null, date: null }], [], { nodes: ['n'] }, 'http://x/#n=n'));
    expect(j).toMatchObject({ format: 'kg-explorer-view/1', link: 'http://x/#n=n', nodes: [{ id: 'n', label: HOSTILE }] });
  });
});

describe('view state in the URL fragment', () => {
  const full: ViewState = {
    nodes: ['person:jin-feng', 'gaoyou-edz-newsletter-2023-06#ev-0626-meeting', 'a,b&c=d'],
    added: ['org:x'],
    expanded: ['person:jin-feng'],
    selected: 'gaoyou-edz-newsletter-2023-06#ev-0626-meeting',
    pathFrom: 'person:xu-jian',
    pathTo: 'person:shi-zhihong',
    from: '2023-06-01',
    to: '2023-06-30',
    dateMode: 'hide',
    entityTypes: ['Person', 'Organization'],
    eventTypes: [],
    depth: 2,
  };

  it('round-trips every field, ids with #, commas and & included', () => {
    const hash = encodeView(full);
    expect(hash.startsWith('#')).toBe(true);
    expect(decodeView(hash, VOCAB)).toEqual(full);
  });

  it('an empty view is an empty fragment', () => {
    expect(encodeView(EMPTY_VIEW)).toBe('');
    expect(decodeView('', VOCAB)).toEqual(EMPTY_VIEW);
  });

  it('ignores malformed values instead of failing', () => {
    const v = decodeView('#n=a&n=a&from=2023-02-30&to=junk&dm=evil&et=Person,Bogus&d=9&pf=a', VOCAB);
    expect(v.nodes).toEqual(['a']);
    expect([v.from, v.to, v.dateMode, v.depth]).toEqual(['', '', 'fade', 1]);
    expect(v.entityTypes).toEqual(['Person']);
    expect([v.pathFrom, v.pathTo]).toEqual([null, null]);
  });
});

describe('date ranges', () => {
  it('spans months and days', () => {
    expect(span('2023-06')).toEqual({ first: '2023-06-01', last: '2023-06-30' });
    expect(span('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(span('2023-06-26')).toEqual({ first: '2023-06-26', last: '2023-06-26' });
    expect(span(null)).toBeNull();
  });

  it('an event is in range when any of its days is', () => {
    const r = { from: '2023-06-25', to: '2023-06-26' };
    expect(inRange('2023-06-26', r)).toBe(true);
    expect(inRange('2023-06-21', r)).toBe(false);
    expect(inRange('2023-06', r)).toBe(true);
    expect(inRange('2023-07', r)).toBe(false);
    expect(inRange(null, r)).toBe(true);
    expect(inRange(null, r, false)).toBe(false);
    expect(inRange('2023-01-01', { from: '', to: '' })).toBe(true);
    expect(inRange('2023-06-27', { from: '2023-06-27', to: '' })).toBe(true);
  });

  it('accepts only real calendar dates from input', () => {
    expect(cleanDate('2023-06-26')).toBe('2023-06-26');
    expect(cleanDate('2023-02-29')).toBe('');
    expect(cleanDate('2023-06')).toBe('');
    expect(cleanDate('<script>')).toBe('');
  });
});

describe('edge labels', () => {
  it('use the role, the title, or the relation type', () => {
    expect(edgeWord({ type: 'PARTICIPATED_IN', role: 'attendee', title: null })).toBe('attendee');
    expect(edgeWord({ type: 'HOLDS_POSITION', role: null, title: '管委会主任' })).toBe('管委会主任');
    expect(edgeWord({ type: 'PART_OF', role: null, title: null })).toBe('part of');
    expect(edgeWord({ type: 'SOMETHING_NEW', role: null, title: null })).toBe('something new');
  });

  it('parallel edges of one type between two nodes are drawn as one', () => {
    const a = { source: 'p', type: 'PARTICIPATED_IN', target: 'e' };
    expect(drawnEdgeId(a)).toBe(drawnEdgeId({ ...a }));
    expect(drawnEdgeId(a)).not.toBe(drawnEdgeId({ ...a, target: 'f' }));
  });
});

describe('canvas bookkeeping (headless cytoscape)', () => {
  const n = (id: string, type = 'Person', date: string | null = null): GNode => ({ id, label: id, type, kind: null, date });
  const e = (source: string, target: string, role = 'attendee'): GEdge => ({ id: `${source}|${role}|${target}`, source, target, type: 'PARTICIPATED_IN', role, title: null });

  it('collapse removes only what the expansion brought in', () => {
    const v = new GraphView(null);
    v.addNodes([n('a'), n('keep')]);
    v.addNodes([n('a'), n('e1', 'Event'), n('e2', 'Event'), n('keep')], 'a', 'a');
    v.addEdges([e('a', 'e1'), e('a', 'e2'), e('keep', 'e1')]);
    v.markExpanded('a');
    // e2 was also brought by expanding keep: it stays when a collapses
    v.addNodes([n('keep'), n('e2', 'Event')], 'keep', 'keep');
    v.markExpanded('keep');
    expect(v.nodeIds().sort()).toEqual(['a', 'e1', 'e2', 'keep']);
    expect(v.collapse('a')).toBe(1);
    expect(v.nodeIds().sort()).toEqual(['a', 'e2', 'keep']);
    expect(v.isExpanded('a')).toBe(false);
    expect(v.collapse('keep')).toBe(1);
    expect(v.nodeIds().sort()).toEqual(['a', 'keep']);
  });

  it('collapse is recursive through nodes that were expanded in turn', () => {
    const v = new GraphView(null);
    v.addNodes([n('root')]);
    v.addNodes([n('child')], 'root', 'root');
    v.markExpanded('root');
    v.addNodes([n('grandchild')], 'child', 'child');
    v.markExpanded('child');
    expect(v.collapse('root')).toBe(2);
    expect(v.nodeIds()).toEqual(['root']);
  });

  it('merges parallel edges and labels them with every role', () => {
    const v = new GraphView(null);
    v.addNodes([n('p'), n('ev', 'Event')]);
    expect(v.addEdges([e('p', 'ev', 'attendee'), e('p', 'ev', 'speaker'), e('p', 'missing')])).toBe(1);
    const drawn = drawnEdgeId({ source: 'p', type: 'PARTICIPATED_IN', target: 'ev' });
    expect(v.edgeParts(drawn).map((x) => x.role)).toEqual(['attendee', 'speaker']);
    expect(v.cy.getElementById(drawn).data('display')).toBe('attendee · speaker');
    expect(v.exportEdges()).toHaveLength(2);
  });

  it('fades or hides events outside the date range', () => {
    const v = new GraphView(null);
    v.addNodes([n('p'), n('in', 'Event', '2023-06-26'), n('out', 'Event', '2023-06-21'), n('undated', 'Event')]);
    v.setDateRange({ from: '2023-06-25', to: '2023-06-26' }, 'fade');
    expect(v.outOfRange()).toEqual(['out']);
    expect(v.cy.getElementById('out').hasClass('out-of-range')).toBe(true);
    v.setDateRange({ from: '2023-06-25', to: '2023-06-26' }, 'hide');
    expect(v.cy.getElementById('out').hasClass('hidden-by-date')).toBe(true);
    v.setDateRange({ from: '', to: '' }, 'hide');
    expect(v.outOfRange()).toEqual([]);
  });

  it('highlights paths and dims the rest', () => {
    const v = new GraphView(null);
    v.addNodes([n('x'), n('other')]);
    const shown = v.showPaths([{ length: 2, nodes: [n('x'), n('ev', 'Event'), n('y')], edges: [e('x', 'ev'), e('y', 'ev')] }]);
    expect(shown.nodes).toEqual(['x', 'ev', 'y']);
    expect(v.highlighted().nodes.sort()).toEqual(['ev', 'x', 'y']);
    expect(v.highlighted().edges).toHaveLength(2);
    expect(v.cy.getElementById('other').hasClass('dimmed')).toBe(true);
    v.clearPaths();
    expect(v.highlighted().nodes).toEqual([]);
  });
});
