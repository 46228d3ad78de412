/** The progress indicator over the canvas: requests in flight (with the latest one's label) and layouts. */
import { onActivity } from './api';
import { el } from './elements';
import { busy, view } from './state';

let labels: string[] = [];

function refresh(): void {
  const b = busy();
  el.stage.dataset.busy = String(b);
  el.stage.setAttribute('aria-busy', String(b));
  if (labels.length) {
    el.statusText.textContent = labels[labels.length - 1];
    el.status.hidden = false;
  } else {
    el.status.hidden = true;
  }
}

export function installProgress(): void {
  onActivity((_n, now) => {
    labels = now;
    refresh();
  });
  view.onLayout = () => refresh();
}
