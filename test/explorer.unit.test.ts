/**
 * The explorer page's pure logic: GraphML/JSON export escaping, the URL state of a view, date ranges,
 * and the graph bookkeeping behind expand/collapse (on a headless cytoscape).
 */
import { filterMembers, groupNeighbours, isClusterId } from '../src/explorer/web/clusters';
import { cleanDate, histogram, inRange, span, typedDate } from '../src/explorer/web/dates';
import { markSentences } from '../src/explorer/web/highlight';
import { csvCell, toCSV, toGEXF, toGraphML, toJSON, xmlEscape, type ExportEdge, type ExportNode } from '../src/explorer/web/exporters';
import { withProvenance } from '../src/explorer/web/provenance';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
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
    avoid: ['org:gaoyou-edz', 'x&y'],
    avoidRelationTypes: ['PART_OF', 'RELATED_TO'],
    avoidEventTypes: ['Meeting'],
    allLengths: true,
    from: '2023-06-01',
    to: '2023-06-30',
    dateMode: 'hide',
    undated: false,
    entityTypes: ['Person', 'Organization'],
    eventTypes: [],
    depth: 2,
    style: { types: ['Person', 'Event'], kind: 'University', property: 'date', value: '2023-06', minDegree: 2, sizeBy: 'mentions', colourBy: 'kind' },
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
    const v = decodeView('#n=a&n=a&from=2023-02-30&to=junk&dm=evil&et=Person,Bogus&d=9&pf=a&ar=PART_OF,DROP_ALL&ae=Bogus', VOCAB);
    expect(v.avoidRelationTypes).toEqual(['PART_OF']);
    expect(v.avoidEventTypes).toEqual([]);
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

describe('grouping a hub’s neighbours into clusters', () => {
  const hub: GNode = { id: 'hub', label: '枢纽', type: 'Organization', kind: 'DevelopmentZone', date: null };
  const person = (i: number): GNode => ({ id: `p${i}`, label: `干部${i}`, type: 'Person', kind: null, date: null });
  const meeting = (i: number): GNode => ({ id: `m${i}`, label: `例会${i}`, type: 'Event', kind: 'Meeting', date: '2023-06-01' });
  const holds = (i: number, title: string): GEdge => ({ id: `h${i}`, source: `p${i}`, target: 'hub', type: 'HOLDS_POSITION', role: null, title });
  const organised = (i: number): GEdge => ({ id: `o${i}`, source: 'hub', target: `m${i}`, type: 'PARTICIPATED_IN', role: 'organizer', title: null });
  const people = Array.from({ length: 40 }, (_, i) => person(i));
  const meetings = Array.from({ length: 30 }, (_, i) => meeting(i));
  const edges = [...people.map((p, i) => holds(i, i % 2 ? '主任' : '科员')), ...meetings.map((_, i) => organised(i))];

  it('when a node has more new neighbours than the threshold, they come as groups by type and relation', () => {
    const g = groupNeighbours('hub', [hub, ...people, ...meetings], edges, (id) => id === 'hub');
    // the largest group first
    expect(g.clusters[0].word).toBe('organizer');
    expect(g.clusters.map((c) => [c.what, c.word, c.members.length]).sort()).toEqual([
      ['Meeting', 'organizer', 30],
      ['Person', '主任', 20],
      ['Person', '科员', 20],
    ]);
    expect(g.single).toEqual([]);
    expect(g.clusters.every((c) => isClusterId(c.id))).toBe(true);
    // each group carries the edges that link its members to the hub
    expect(g.clusters.find((c) => c.word === 'organizer')!.edges.map((e) => e.id).sort()).toEqual(meetings.map((_, i) => `o${i}`).sort());
  });

  it('below the threshold nothing is grouped, unless asked; tiny groups are drawn as their members', () => {
    const few = people.slice(0, 5);
    expect(groupNeighbours('hub', [hub, ...few], edges, (id) => id === 'hub').clusters).toEqual([]);
    const forced = groupNeighbours('hub', [hub, ...people.slice(0, 10), meetings[0]], edges, (id) => id === 'hub', true);
    expect(forced.clusters.map((c) => c.word).sort()).toEqual(['主任', '科员']);
    expect(forced.single.map((n) => n.id)).toEqual(['m0']);
  });

  it('searches within a group by name', () => {
    expect(filterMembers(people, '干部1').map((p) => p.id)).toEqual(['p1', ...people.filter((p) => /^干部1\d/.test(p.label)).map((p) => p.id)]);
    expect(filterMembers(people, '  ')).toHaveLength(40);
  });

  it('on the canvas a cluster counts its members, gives them up when drawn, and goes with its hub', () => {
    const view = new GraphView(null);
    view.addNodes([hub]);
    const g = groupNeighbours('hub', [hub, ...people, ...meetings], edges, (id) => view.hasNode(id));
    for (const c of g.clusters) view.addCluster(c);
    view.markExpanded('hub');
    const meetingsGroup = g.clusters.find((c) => c.what === 'Meeting')!;
    expect(view.cy.getElementById(meetingsGroup.id).data('count')).toBe(30);
    // clusters are not the graph's: not in the ids of the view, not exported
    expect(view.nodeIds()).toEqual(['hub']);
    expect(view.exportEdges()).toEqual([]);
    view.openCluster(meetingsGroup.id, ['m3']);
    expect(view.hasNode('m3')).toBe(true);
    expect(view.cluster(meetingsGroup.id)!.members).toHaveLength(29);
    expect(view.exportEdges().map((e) => e.id)).toEqual(['o3']);
    // a member put on the canvas another way leaves its group too
    view.addNodes([meeting(4)]);
    expect(view.cluster(meetingsGroup.id)!.members).toHaveLength(28);
    view.collapse('hub');
    expect(view.nodeIds().sort()).toEqual(['hub', 'm4']);
    expect(view.clusterIds()).toEqual([]);
  });
});

describe('marking evidence in an article', () => {
  const text = '第一句。金锋主持会议。第三句<b>。金锋主持会议。';
  it('marks every occurrence of each sentence, the focus apart, and keeps the text whole', () => {
    const { spans, missing } = markSentences(text, ['第三句<b>。'], '金锋主持会议。');
    expect(spans.map((s) => s.text).join('')).toBe(text);
    expect(spans.filter((s) => s.mark).map((s) => [s.text, s.focus])).toEqual([
      ['金锋主持会议。', true],
      ['第三句<b>。', false],
      ['金锋主持会议。', true],
    ]);
    expect(missing).toEqual([]);
  });
  it('merges overlapping sentences and lists those not in the text', () => {
    const { spans, missing } = markSentences(text, ['第一句。金锋', '金锋主持会议。', '不在文中。'], null);
    expect(spans.filter((s) => s.mark).map((s) => s.text)).toEqual(['第一句。金锋主持会议。', '金锋主持会议。']);
    expect(missing).toEqual(['不在文中。']);
  });
});

describe('exports keep provenance, and hostile names stay inert', () => {
  const RTL = '\u202Eevil\u202C';
  const LONG = '长'.repeat(300);
  const nodes: ExportNode[] = [
    { id: 'p1', label: HOSTILE, type: 'Person', kind: null, date: null },
    { id: 'p2', label: `${RTL}<script>alert(1)</script>${LONG}`, type: 'Person', kind: null, date: null },
    { id: 'ev', label: '对接会 & "签约"', type: 'Event', kind: 'Meeting', date: '2023-06' },
  ];
  const edges: ExportEdge[] = [
    { id: 'r1', source: 'p1', target: 'p2', type: 'RELATED_TO', role: null, title: null },
    { id: 'x1', source: 'p1', target: 'ev', type: 'PARTICIPATED_IN', role: 'host', title: null },
  ];
  const prov = new Map<string, any>([
    ['p1', { __typename: 'Person', id: 'p1', sources: [{ evidence: `${HOSTILE}出席。`, article: { id: 'a1' } }], relations: [{ type: 'RELATED_TO', direction: 'OUTGOING', other: { id: 'p2' }, sources: [{ evidence: '两人相识。', article: { id: 'a2' } }] }] }],
    ['p2', { __typename: 'Person', id: 'p2', sources: [], relations: [] }],
    ['ev', { __typename: 'Event', id: 'ev', evidence: '会议于6月举行。', endDate: null, article: { id: 'a1' }, participants: [{ role: 'host', entity: { id: 'p1' }, sources: [{ evidence: '由p1主持。', article: { id: 'a3' } }] }] }],
  ]);
  const g = withProvenance(nodes, edges, prov);

  it('gives each node and edge its evidence and article ids', () => {
    expect(g.nodes[0]).toMatchObject({ evidence: [`${HOSTILE}出席。`], articles: ['a1'] });
    expect(g.nodes[2]).toMatchObject({ evidence: ['会议于6月举行。'], articles: ['a1'] });
    expect(g.edges[0]).toMatchObject({ evidence: ['两人相识。'], articles: ['a2'] });
    // a participation's own sources, not only the event's
    expect(g.edges[1]).toMatchObject({ evidence: ['由p1主持。'], articles: ['a3'] });
    const json = JSON.parse(toJSON(g.nodes, g.edges, EMPTY_VIEW, 'http://x/'));
    expect(json.edges[1].articles).toEqual(['a3']);
  });

  it('CSV quotes what it must and makes formulas inert', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    const t = toCSV(g.nodes, g.edges);
    expect(t.nodes.split('\r\n')[0]).toBe('id,label,type,kind,date,endDate,evidence,articles');
    expect(t.edges).toContain('p1,ev,PARTICIPATED_IN,host,,由p1主持。,a3');
  });

  it('GEXF and GraphML are well-formed: networkx reads them with the names, dates and evidence intact', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-export-'));
    try {
      fs.writeFileSync(path.join(dir, 'v.gexf'), toGEXF(g.nodes, g.edges, `view ${HOSTILE}`));
      fs.writeFileSync(path.join(dir, 'v.graphml'), toGraphML(g.nodes, g.edges, `view ${HOSTILE}`));
      const script = [
        'import json, sys, networkx as nx',
        'x = nx.read_gexf(sys.argv[1] + "/v.gexf")',
        'y = nx.read_graphml(sys.argv[1] + "/v.graphml")',
        'print(json.dumps({"gexf": {n: x.nodes[n] for n in x.nodes}, "gexfEdges": [[u, v, d] for u, v, d in x.edges(data=True)],',
        '  "graphml": {n: y.nodes[n] for n in y.nodes}, "graphmlEdges": [[u, v, d] for u, v, d in y.edges(data=True)]}))',
      ].join('\n');
      const r = spawnSync('python3', ['-c', script, dir], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`python3 with networkx is needed to read the exports back: ${r.stderr}`);
      const out = JSON.parse(r.stdout);
      expect(out.gexf.p1.label).toBe(HOSTILE);
      expect(out.gexf.p2.label).toBe(nodes[1].label);
      expect(out.gexf.ev).toMatchObject({ label: '对接会 & "签约"', start: '2023-06-01', end: '2023-06-30', evidence: '会议于6月举行。', articles: 'a1' });
      expect(out.gexf.p1.start).toBeUndefined();
      expect(out.gexfEdges.find((e: any) => e[1] === 'ev')[2]).toMatchObject({ evidence: '由p1主持。', articles: 'a3', role: 'host' });
      expect(out.graphml.p2.label).toBe(nodes[1].label);
      expect(out.graphml.p1.evidence).toBe(`${HOSTILE}出席。`);
      expect(out.graphmlEdges.find((e: any) => e[1] === 'p2')[2]).toMatchObject({ type: 'RELATED_TO', evidence: '两人相识。', articles: 'a2' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the timeline', () => {
  it('counts events by month, empty months included, and undated apart', () => {
    const h = histogram(['2023-01-15', '2023-04', '2023-04-02', null, '2022-12-01', null]);
    expect(h.unit).toBe('month');
    expect(h.buckets.map((b) => [b.key, b.count])).toEqual([
      ['2022-12', 1],
      ['2023-01', 1],
      ['2023-02', 0],
      ['2023-03', 0],
      ['2023-04', 2],
    ]);
    expect(h.buckets[4]).toMatchObject({ first: '2023-04-01', last: '2023-04-30' });
    expect(h.undated).toBe(2);
  });
  it('counts by day when the events span three months or less', () => {
    const h = histogram(['2023-06-21', '2023-06-26', '2023-06-26', '2023-06']);
    expect(h.unit).toBe('day');
    expect(h.buckets[0]).toEqual({ key: '2023-06-01', first: '2023-06-01', last: '2023-06-01', count: 1 });
    expect(h.buckets.find((b) => b.key === '2023-06-26')!.count).toBe(2);
    expect(h.buckets[h.buckets.length - 1].key).toBe('2023-06-26');
  });
  it('reads typed dates as YYYY-MM-DD, partial dates as their first or last day', () => {
    expect(typedDate('2023-06-21', 'from')).toBe('2023-06-21');
    expect(typedDate('2023-06', 'from')).toBe('2023-06-01');
    expect(typedDate('2023-06', 'to')).toBe('2023-06-30');
    expect(typedDate('2024', 'to')).toBe('2024-12-31');
    expect(typedDate('', 'to')).toBe('');
    expect(typedDate('06/21/2023', 'from')).toBeNull();
    expect(typedDate('2023-13', 'from')).toBeNull();
    expect(typedDate('2023-02-30', 'from')).toBeNull();
  });
  it('undated events fade with their own toggle, with or without a range', () => {
    const v = new GraphView(null);
    v.addNodes([
      { id: 'd', label: 'd', type: 'Event', kind: 'Meeting', date: '2023-06-21' },
      { id: 'u', label: 'u', type: 'Event', kind: 'Meeting', date: null },
    ]);
    v.setDateRange({ from: '', to: '' }, 'fade', false);
    expect(v.outOfRange()).toEqual(['u']);
    v.setDateRange({ from: '2023-06-22', to: '' }, 'fade', true);
    expect(v.outOfRange()).toEqual(['d']);
  });
});
