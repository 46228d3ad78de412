/**
 * The timeline under the canvas: a histogram of the events on the canvas by month (by day when they span
 * three months or less); dragging across it sets the date range, which fades or hides the events outside
 * it; undated events have their own toggle.
 */
import { histogram, isActive, type Bucket } from './dates';
import { el } from './elements';
import { dateRange, getFilters, onChange, setFilters, view } from './state';
import { t, tn } from './i18n';

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 56;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

let buckets: Bucket[] = [];
let drag: { from: number; to: number } | null = null;

function bucketAt(x: number): number {
  const w = el.timelineSvg.clientWidth || 1;
  return Math.max(0, Math.min(buckets.length - 1, Math.floor((x / w) * buckets.length)));
}

function render(): void {
  const events = view.nodes().filter((n) => n.type === 'Event');
  const h = histogram(events.map((n) => n.date));
  buckets = h.buckets;
  const s = el.timelineSvg;
  while (s.firstChild) s.removeChild(s.firstChild);
  const width = s.clientWidth || 600;
  s.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
  s.setAttribute('height', String(HEIGHT));
  el.undatedCount.textContent = `(${h.undated})`;
  el.timeline.dataset.unit = h.unit;
  el.timeline.dataset.buckets = String(buckets.length);
  if (buckets.length === 0) {
    el.timelineSummary.textContent = events.length ? t('timeline.noDated') : t('timeline.noEvents');
    return;
  }
  const range = dateRange();
  const active = isActive(range);
  const max = Math.max(...buckets.map((b) => b.count));
  const bw = width / buckets.length;
  const sel = drag ? [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)] : null;
  buckets.forEach((b, i) => {
    const inside = sel ? i >= sel[0] && i <= sel[1] : !active || ((!range.from || b.last >= range.from) && (!range.to || b.first <= range.to));
    const bh = b.count ? Math.max(3, ((HEIGHT - 14) * b.count) / max) : 0;
    const g = svg('g', { class: `bar${inside ? ' in' : ''}`, 'data-key': b.key, 'data-count': b.count });
    const title = svg('title', {});
    title.textContent = tn(b.count, 'timeline.bar.one', 'timeline.bar.other', { key: b.key });
    g.append(title, svg('rect', { x: i * bw, y: 0, width: bw, height: HEIGHT, class: 'slot' }), svg('rect', { x: i * bw + 0.5, y: HEIGHT - 12 - bh, width: Math.max(1, bw - 1), height: bh, class: 'count' }));
    s.appendChild(g);
  });
  // a tick for each year (by month) or each month start (by day)
  buckets.forEach((b, i) => {
    const tick = h.unit === 'month' ? b.key.endsWith('-01') || i === 0 : b.key.endsWith('-01') || i === 0;
    if (!tick) return;
    const t = svg('text', { x: i * bw + 2, y: HEIGHT - 2, class: 'tick' });
    t.textContent = h.unit === 'month' ? b.key.slice(0, 4) : b.key.slice(0, 7);
    s.appendChild(t);
  });
  const rest = active ? t('timeline.showing', { from: range.from || '…', to: range.to || '…' }) : t('timeline.drag');
  el.timelineSummary.textContent = tn(events.length - h.undated, 'timeline.summary.one', 'timeline.summary.other', { unit: t(h.unit === 'month' ? 'timeline.month' : 'timeline.day'), first: buckets[0].key, last: buckets[buckets.length - 1].key, rest });
}

function installBrush(): void {
  const s = el.timelineSvg;
  const x = (e: PointerEvent) => e.clientX - s.getBoundingClientRect().left;
  s.addEventListener('pointerdown', (e) => {
    if (!buckets.length) return;
    s.setPointerCapture(e.pointerId);
    const i = bucketAt(x(e));
    drag = { from: i, to: i };
    render();
  });
  s.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const i = bucketAt(x(e));
    if (i !== drag.to) {
      drag.to = i;
      render();
    }
  });
  const end = () => {
    if (!drag) return;
    const [a, b] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
    drag = null;
    setFilters({ from: buckets[a].first, to: buckets[b].last });
  };
  s.addEventListener('pointerup', end);
  s.addEventListener('pointercancel', end);
}

export function installTimeline(): void {
  installBrush();
  el.undatedToggle.addEventListener('change', () => setFilters({ undated: el.undatedToggle.checked }));
  el.timelineClear.addEventListener('click', () => setFilters({ from: '', to: '' }));
  onChange('filters', () => {
    el.undatedToggle.checked = getFilters().undated;
    render();
  });
  onChange(['canvas', 'elements'], () => requestAnimationFrame(render));
  onChange('lang', render);
  window.addEventListener('resize', () => render());
  render();
}
