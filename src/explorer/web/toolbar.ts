/** The buttons that act on the canvas (expand, collapse, remove, layout, fit, clear) and the keyboard. */
import { clearCanvas, collapse, expand, removeNodes } from './canvas';
import { el } from './elements';
import { clearPath } from './pathBox';
import { cy, getPath, onChange, view } from './state';

function refreshButtons(): void {
  const sel = cy.nodes(':selected');
  const path = getPath();
  el.expand.disabled = sel.length !== 1;
  el.collapse.disabled = !(sel.length === 1 && view.isExpanded(sel[0].id()));
  el.remove.disabled = sel.length === 0;
  el.pathBtn.disabled = !(path.from && path.to && path.from !== path.to);
  el.pathClear.disabled = !(path.from || path.to || path.shown || path.avoid.length);
}

function onKey(e: KeyboardEvent): void {
  const t = e.target as HTMLElement | null;
  if (t && (t.closest('input, select, textarea, dialog') || t.isContentEditable)) return;
  if (e.key === 'Delete' || e.key === 'Backspace') {
    const ids = cy.nodes(':selected').map((n) => n.id());
    if (ids.length) {
      e.preventDefault();
      removeNodes(ids);
    }
  } else if (e.key === 'Escape') {
    cy.$(':selected').unselect();
  }
}

export function installToolbar(): void {
  el.expand.addEventListener('click', () => {
    const n = cy.nodes(':selected');
    if (n.length === 1) void expand(n[0].id());
  });
  el.collapse.addEventListener('click', () => {
    const n = cy.nodes(':selected');
    if (n.length === 1) collapse(n[0].id());
  });
  el.remove.addEventListener('click', () => removeNodes(cy.nodes(':selected').map((n) => n.id())));
  el.layout.addEventListener('click', () => void view.layout({ fit: true, full: true }));
  el.fit.addEventListener('click', () => cy.animate({ fit: { eles: cy.elements(), padding: 48 } }, { duration: 250 }));
  el.clearCanvas.addEventListener('click', () => {
    clearCanvas();
    clearPath();
  });
  document.addEventListener('keydown', onKey);
  onChange(['canvas', 'elements', 'selection', 'path'], refreshButtons);
  refreshButtons();
}
