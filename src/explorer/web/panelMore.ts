/**
 * A list section of the details panel that holds a page of a longer list: its count says "N of M" (the rows loaded,
 * the list's totalCount), and a "more" button reads the next page (panelPages.ts) into the node's details, then
 * draws the section again from them. The details are the cached ones, so the rows read stay when the panel is drawn
 * again (another language, the node selected again).
 */
import { h } from './dom';
import { errorParts } from './errors';
import { t } from './i18n';
import { type ListPage, morePage, PANEL_PAGE, type PagedList } from './panelPages';

interface Paged {
  id: string;
  pages: Partial<Record<PagedList, ListPage>>;
}

/** The section `build` draws from `d`, with its count and "more" button for `list`. */
export function paged<D extends Paged>(d: D, list: PagedList, build: (d: D) => HTMLElement | null): HTMLElement | null {
  const el = build(d);
  const page = d.pages[list];
  const rows = (d as unknown as Partial<Record<PagedList, unknown[]>>)[list];
  if (!el || !page || !rows) return el;
  el.dataset.loaded = String(rows.length);
  el.dataset.total = String(page.total);
  const count = el.querySelector('h3 .count');
  if (count && page.total > rows.length) count.textContent = t('panel.nOfM', { n: rows.length, m: page.total });
  const after = page.endCursor;
  if (!page.hasNextPage || !after) return el;
  const more = h('button', {
    class: 'btn btn-sm btn-more',
    text: t('panel.more', { n: Math.min(PANEL_PAGE, page.total - rows.length) }),
    attrs: { type: 'button', 'data-action': 'more' },
  });
  const failure = h('div', { class: 'panel-error more-error', attrs: { role: 'alert', hidden: true } });
  more.addEventListener('click', async () => {
    more.disabled = true;
    more.textContent = t('panel.moreLoading');
    try {
      const next = await morePage(list, d.id, after);
      rows.push(...next.rows);
      d.pages[list] = next.page;
      const redrawn = paged(d, list, build);
      if (redrawn) el.replaceWith(redrawn);
    } catch (e) {
      const { message } = errorParts(e);
      failure.textContent = `${t('panel.moreError')}${message}`;
      failure.hidden = false;
      more.disabled = false;
      more.textContent = t('panel.more', { n: Math.min(PANEL_PAGE, page.total - rows.length) });
    }
  });
  el.append(more, failure);
  return el;
}
