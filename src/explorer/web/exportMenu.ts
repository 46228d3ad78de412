/** Copy link and the exports of the view (PNG; GraphML, GEXF, JSON and CSV with each node's and edge's evidence). */
import { h } from './dom';
import { el } from './elements';
import { showError } from './errors';
import { download, toCSV, toGEXF, toGraphML, toJSON, type ExportEdge, type ExportNode } from './exporters';
import { withProvenance } from './provenance';
import { provenance } from './provenanceQueries';
import { currentView, cy, view } from './state';
import { toast } from './toast';
import { shareLink, syncHash } from './urlState';
import { t } from './i18n';

function stamp(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

function requireNodes(): boolean {
  if (cy.nodes().length > 0) return true;
  toast('info', t('export.nothing'), t('export.nothingMsg'));
  return false;
}

async function copyLink(): Promise<void> {
  syncHash();
  const link = shareLink();
  el.copyLink.dataset.link = link;
  try {
    await navigator.clipboard.writeText(link);
    toast('info', t('link.copied'), t('link.copiedMsg'));
  } catch {
    const input = h('input', { attrs: { type: 'text', readonly: true, value: link, 'aria-label': t('link.aria') } });
    input.style.width = '100%';
    input.style.marginTop = '6px';
    toast('info', t('link.copyThis'), t('link.copyThisMsg'), undefined, input);
    input.focus();
    input.select();
  }
}

export function installExportMenu(): void {
  el.exportPng.addEventListener('click', () => {
    if (!requireNodes()) return;
    const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
    download(blob, `kg-view-${stamp()}.png`);
  });
  const exporter = (button: HTMLButtonElement, write: (g: { nodes: ExportNode[]; edges: ExportEdge[] }, name: string) => void) =>
    button.addEventListener('click', async () => {
      if (!requireNodes()) return;
      try {
        const prov = await provenance(view.nodeIds());
        write(withProvenance(view.exportNodes(), view.exportEdges(), prov), `kg-view-${stamp()}`);
      } catch (e) {
        showError(t('export.failed'), e);
      }
    });
  exporter(el.exportGraphml, (g, name) => download(new Blob([toGraphML(g.nodes, g.edges, `KG explorer view ${shareLink()}`)], { type: 'application/graphml+xml' }), `${name}.graphml`));
  exporter(el.exportGexf, (g, name) => download(new Blob([toGEXF(g.nodes, g.edges, `KG explorer view ${shareLink()}`)], { type: 'application/gexf+xml' }), `${name}.gexf`));
  exporter(el.exportJson, (g, name) => download(new Blob([toJSON(g.nodes, g.edges, currentView(), shareLink())], { type: 'application/json' }), `${name}.json`));
  exporter(el.exportCsv, (g, name) => {
    const t = toCSV(g.nodes, g.edges);
    download(new Blob([t.nodes], { type: 'text/csv' }), `${name}-nodes.csv`);
    download(new Blob([t.edges], { type: 'text/csv' }), `${name}-edges.csv`);
  });
  el.copyLink.addEventListener('click', () => void copyLink());
}
