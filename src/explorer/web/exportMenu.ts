/** Copy link and the exports of the view (PNG, GraphML, JSON). */
import { h } from './dom';
import { el } from './elements';
import { download, toGraphML, toJSON } from './exporters';
import { currentView, cy, view } from './state';
import { toast } from './toast';
import { shareLink, syncHash } from './urlState';

function stamp(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

function requireNodes(): boolean {
  if (cy.nodes().length > 0) return true;
  toast('info', 'Nothing to export', 'Put something on the canvas first.');
  return false;
}

async function copyLink(): Promise<void> {
  syncHash();
  const link = shareLink();
  el.copyLink.dataset.link = link;
  try {
    await navigator.clipboard.writeText(link);
    toast('info', 'Link copied', 'Paste it anywhere to reopen this view.');
  } catch {
    const input = h('input', { attrs: { type: 'text', readonly: true, value: link, 'aria-label': 'Link to this view' } });
    input.style.width = '100%';
    input.style.marginTop = '6px';
    toast('info', 'Copy this link', 'The clipboard is not available; select and copy the link below.', undefined, input);
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
  el.exportGraphml.addEventListener('click', () => {
    if (!requireNodes()) return;
    const xml = toGraphML(view.exportNodes(), view.exportEdges(), `KG explorer view ${shareLink()}`);
    download(new Blob([xml], { type: 'application/graphml+xml' }), `kg-view-${stamp()}.graphml`);
  });
  el.exportJson.addEventListener('click', () => {
    if (!requireNodes()) return;
    const json = toJSON(view.exportNodes(), view.exportEdges(), currentView(), shareLink());
    download(new Blob([json], { type: 'application/json' }), `kg-view-${stamp()}.json`);
  });
  el.copyLink.addEventListener('click', () => void copyLink());
}
