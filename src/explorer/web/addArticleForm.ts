/**
 * The Add article view's fixed parts, built once into `#add-article`: the head with Close, the input form
 * (paste or open a text file; id, title, date, publisher) and the review area the draft is drawn into.
 */
import { h } from './dom';

export interface AddArticleParts {
  root: HTMLElement;
  close: HTMLButtonElement;
  form: HTMLFormElement;
  text: HTMLTextAreaElement;
  file: HTMLInputElement;
  id: HTMLInputElement;
  title: HTMLInputElement;
  publishedOn: HTMLInputElement;
  publisher: HTMLInputElement;
  draft: HTMLButtonElement;
  /** what the view says about the last request (drafting, a failure, the key needed) */
  status: HTMLElement;
  review: HTMLElement;
}

function field(label: string, input: HTMLInputElement): HTMLElement {
  return h('label', { class: 'aa-field' }, h('span', { text: label }), input);
}

const textInput = (name: string, placeholder = '') =>
  h('input', { attrs: { type: 'text', name, placeholder, autocomplete: 'off', spellcheck: 'false' } });

export function buildAddArticle(root: HTMLElement): AddArticleParts {
  const close = h('button', { class: 'btn', attrs: { type: 'button', 'aria-label': 'Close Add article' }, text: 'Close' });
  const text = h('textarea', { attrs: { id: 'aa-text', name: 'text', rows: '14', spellcheck: 'false', placeholder: '粘贴新闻稿全文… Paste the article’s plain text here, or open a .txt file.' } });
  const file = h('input', { attrs: { type: 'file', accept: '.txt,text/plain', 'aria-label': 'Open a text file' } });
  const id = textInput('id', 'from the text when empty');
  const title = textInput('title', 'its first line when empty');
  const publishedOn = textInput('publishedOn', 'YYYY-MM-DD');
  const publisher = textInput('publisher', 'e.g. 高邮经济开发区');
  const draft = h('button', { class: 'btn btn-primary', attrs: { type: 'submit', id: 'aa-draft' }, text: 'Draft' });
  const status = h('div', { class: 'aa-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const form = h(
    'form',
    { class: 'aa-form card', attrs: { novalidate: true } },
    h('h3', { text: 'The article' }),
    h('p', { class: 'hint', text: 'The extractor drafts people, organisations, places, events and figures from the text, each with its sentence; nothing is written until you press Load.' }),
    text,
    h('div', { class: 'aa-file' }, h('span', { class: 'muted', text: 'or open a file: ' }), file),
    h('div', { class: 'aa-meta' }, field('Article id', id), field('Title', title), field('Published on', publishedOn), field('Publisher', publisher)),
    h('div', { class: 'row end' }, draft),
  );
  const review = h('div', { class: 'aa-review', attrs: { id: 'aa-review' } });
  root.append(
    h('header', { class: 'aa-head' },
      h('h2', { attrs: { id: 'add-article-title' }, text: 'Add an article' }),
      h('span', { class: 'muted', text: 'paste → draft → correct → load' }),
      close),
    h('div', { class: 'aa-body' }, form, status, review),
  );
  return { root, close, form, text, file, id, title, publishedOn, publisher, draft, status, review };
}

/** The article id a file name suggests (`Newsletter 2024-10.txt` → `Newsletter-2024-10`). */
export function idFromFileName(name: string): string {
  return name.replace(/\.[^.]*$/u, '').replace(/[^A-Za-z0-9._:-]+/gu, '-').replace(/^-+|-+$/gu, '').slice(0, 200);
}
