/** Exports of the current view: GraphML and JSON (pure, unit-tested), and the download helper. */

export interface ExportNode {
  id: string;
  label: string;
  type: string;
  kind: string | null;
  date: string | null;
  x?: number;
  y?: number;
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  role: string | null;
  title: string | null;
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
] as const;
const EDGE_KEYS = [
  ['type', 'string'],
  ['role', 'string'],
  ['title', 'string'],
] as const;

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
      const v = n[name];
      if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) continue;
      const text = typeof v === 'number' ? String(Math.round(v * 100) / 100) : v;
      lines.push(`      <data key="n_${name}">${xmlEscape(text)}</data>`);
    }
    lines.push('    </node>');
  }
  for (const e of edges) {
    lines.push(`    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">`);
    for (const [name] of EDGE_KEYS) {
      const v = e[name];
      if (v === null || v === undefined) continue;
      lines.push(`      <data key="e_${name}">${xmlEscape(v)}</data>`);
    }
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
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
