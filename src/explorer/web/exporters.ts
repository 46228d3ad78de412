/**
 * Exports of the current view: GraphML, GEXF (event dates as time intervals), JSON and CSV, each node and
 * edge with its evidence and article ids (pure, unit-tested), and the download helper.
 */
import { span } from './dates';

export interface ExportNode {
  id: string;
  label: string;
  type: string;
  kind: string | null;
  date: string | null;
  /** an event's last day, when it has one */
  endDate?: string | null;
  x?: number;
  y?: number;
  evidence?: string[];
  articles?: string[];
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  role: string | null;
  title: string | null;
  evidence?: string[];
  articles?: string[];
}

/** Characters XML 1.0 does not allow at all (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F). */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an XML attribute value or element content. */
export function xmlEscape(value: string): string {
  return value
    .replace(XML_INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

const NODE_KEYS = [
  ['label', 'string'],
  ['type', 'string'],
  ['kind', 'string'],
  ['date', 'string'],
  ['x', 'double'],
  ['y', 'double'],
  ['evidence', 'string'],
  ['articles', 'string'],
] as const;
const EDGE_KEYS = [
  ['type', 'string'],
  ['role', 'string'],
  ['title', 'string'],
  ['evidence', 'string'],
  ['articles', 'string'],
] as const;

/** A list as one attribute value: evidence sentences one per line, article ids separated by spaces. */
function listValue(name: string, v: string[]): string {
  return v.join(name === 'evidence' ? '\n' : ' ');
}

/** An attribute's text, or null when it has none. */
function attrText(name: string, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.length ? listValue(name, v as string[]) : null;
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 100) / 100) : null;
  return String(v);
}

/** A GraphML document of the view (directed, with node and edge attributes as <data> keys). */
export function toGraphML(nodes: readonly ExportNode[], edges: readonly ExportEdge[], description = 'KG explorer view'): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <desc>${xmlEscape(description)}</desc>`,
  ];
  for (const [name, type] of NODE_KEYS) lines.push(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`);
  for (const [name, type] of EDGE_KEYS) lines.push(`  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`);
  lines.push('  <graph id="G" edgedefault="directed">');
  for (const n of nodes) {
    lines.push(`    <node id="${xmlEscape(n.id)}">`);
    for (const [name] of NODE_KEYS) {
      const text = attrText(name, n[name]);
      if (text !== null) lines.push(`      <data key="n_${name}">${xmlEscape(text)}</data>`);
    }
    lines.push('    </node>');
  }
  for (const e of edges) {
    lines.push(`    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">`);
    for (const [name] of EDGE_KEYS) {
      const text = attrText(name, e[name]);
      if (text !== null) lines.push(`      <data key="e_${name}">${xmlEscape(text)}</data>`);
    }
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

const GEXF_NODE_ATTRS = ['type', 'kind', 'date', 'evidence', 'articles'] as const;
const GEXF_EDGE_ATTRS = ['type', 'role', 'title', 'evidence', 'articles'] as const;

/**
 * A GEXF 1.2 document (Gephi, networkx): dynamic, events carry their dates as a time interval
 * (`start`/`end`, a month as its first and last day) so Gephi's timeline can play them; undated nodes
 * are always there.
 */
export function toGEXF(nodes: readonly ExportNode[], edges: readonly ExportEdge[], description = 'KG explorer view'): string {
  const attrDecl = (cls: string, names: readonly string[]) => [
    `    <attributes class="${cls}">`,
    ...names.map((n, i) => `      <attribute id="${i}" title="${n}" type="string"/>`),
    '    </attributes>',
  ];
  const values = (names: readonly string[], o: Record<string, unknown>) => {
    const vals = names.flatMap((n, i) => {
      const text = attrText(n, o[n]);
      return text === null ? [] : [`          <attvalue for="${i}" value="${xmlEscape(text)}"/>`];
    });
    return vals.length ? ['        <attvalues>', ...vals, '        </attvalues>'] : [];
  };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">',
    `  <meta><description>${xmlEscape(description)}</description></meta>`,
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">',
    ...attrDecl('node', GEXF_NODE_ATTRS),
    ...attrDecl('edge', GEXF_EDGE_ATTRS),
    '    <nodes>',
  ];
  for (const n of nodes) {
    const first = span(n.date);
    const last = span(n.endDate ?? n.date);
    const time = first && last ? ` start="${first.first}" end="${last.last}"` : '';
    lines.push(`      <node id="${xmlEscape(n.id)}" label="${xmlEscape(n.label)}"${time}>`, ...values(GEXF_NODE_ATTRS, n as unknown as Record<string, unknown>), '      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  edges.forEach((e, i) => {
    lines.push(
      `      <edge id="${i}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}" label="${xmlEscape(e.role ?? e.title ?? e.type)}">`,
      ...values(GEXF_EDGE_ATTRS, e as unknown as Record<string, unknown>),
      '      </edge>',
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

/** A CSV cell: quoted when needed; a leading = + - @ (a spreadsheet formula) is made inert with a quote. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('\n') : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return `${[header.join(','), ...rows.map((r) => header.map((k) => csvCell(r[k])).join(','))].join('\r\n')}\r\n`;
}

/** Two CSV tables (RFC 4180, CRLF), nodes and edges, with evidence and article ids. */
export function toCSV(nodes: readonly ExportNode[], edges: readonly ExportEdge[]): { nodes: string; edges: string } {
  return {
    nodes: csv(['id', 'label', 'type', 'kind', 'date', 'endDate', 'evidence', 'articles'], nodes as unknown as Record<string, unknown>[]),
    edges: csv(['id', 'source', 'target', 'type', 'role', 'title', 'evidence', 'articles'], edges as unknown as Record<string, unknown>[]),
  };
}

export function toJSON(nodes: readonly ExportNode[], edges: readonly ExportEdge[], view: unknown, link: string): string {
  return `${JSON.stringify({ format: 'kg-explorer-view/1', exportedAt: new Date().toISOString(), link, view, nodes, edges }, null, 2)}\n`;
}

/** Offers a Blob as a file download. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
