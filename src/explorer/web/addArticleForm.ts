/**
 * The Add article view's fixed parts, built once into `#add-article`: the head with Close, the input form
 * (paste or open a text file; id, title, date, publisher) and the review area the draft is drawn into.
 */
import { h } from './dom';
import { t, type StringKey } from './i18n';

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

/** Fixed words carry their string key (`data-i18n…`): the language switch translates them with the rest of the page. */
function field(label: StringKey, input: HTMLInputElement): HTMLElement {
  return h('label', { class: 'aa-field' }, h('span', { text: t(label), dataset: { i18n: label } }), input);
}

const textInput = (name: string, placeholder?: StringKey) =>
  h('input', {
    attrs: { type: 'text', name, placeholder: placeholder ? t(placeholder) : '', autocomplete: 'off', spellcheck: 'false' },
    dataset: placeholder ? { i18nPlaceholder: placeholder } : {},
  });

export function buildAddArticle(root: HTMLElement): AddArticleParts {
  const close = h('button', { class: 'btn', attrs: { type: 'button', 'aria-label': t('aa.closeAria') }, dataset: { i18n: 'aa.close', i18nAriaLabel: 'aa.closeAria' }, text: t('aa.close') });
  const text = h('textarea', {
    attrs: { id: 'aa-text', name: 'text', rows: '14', spellcheck: 'false', placeholder: t('aa.textPlaceholder') },
    dataset: { i18nPlaceholder: 'aa.textPlaceholder' },
  });
  const file = h('input', { attrs: { type: 'file', accept: '.txt,text/plain', 'aria-label': t('aa.openFileAria') }, dataset: { i18nAriaLabel: 'aa.openFileAria' } });
  const id = textInput('id', 'aa.idPlaceholder');
  const title = textInput('title', 'aa.titlePlaceholder');
  const publishedOn = textInput('publishedOn');
  publishedOn.placeholder = 'YYYY-MM-DD';
  const publisher = textInput('publisher', 'aa.publisherPlaceholder');
  const draft = h('button', { class: 'btn btn-primary', attrs: { type: 'submit', id: 'aa-draft' }, dataset: { i18n: 'aa.draft' }, text: t('aa.draft') });
  const status = h('div', { class: 'aa-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const form = h(
    'form',
    { class: 'aa-form card', attrs: { novalidate: true } },
    h('h3', { text: t('aa.formTitle'), dataset: { i18n: 'aa.formTitle' } }),
    h('p', { class: 'hint', text: t('aa.formHint'), dataset: { i18n: 'aa.formHint' } }),
    text,
    h('div', { class: 'aa-file' }, h('span', { class: 'muted', text: t('aa.orOpen'), dataset: { i18n: 'aa.orOpen' } }), file),
    h('div', { class: 'aa-meta' }, field('aa.fieldId', id), field('aa.fieldTitle', title), field('aa.fieldPublished', publishedOn), field('aa.fieldPublisher', publisher)),
    h('div', { class: 'row end' }, draft),
  );
  const review = h('div', { class: 'aa-review', attrs: { id: 'aa-review' } });
  root.append(
    h('header', { class: 'aa-head' },
      h('h2', { attrs: { id: 'add-article-title' }, text: t('aa.heading'), dataset: { i18n: 'aa.heading' } }),
      h('span', { class: 'muted', text: t('aa.steps'), dataset: { i18n: 'aa.steps' } }),
      close),
    h('div', { class: 'aa-body' }, form, status, review),
  );
  return { root, close, form, text, file, id, title, publishedOn, publisher, draft, status, review };
}

/** The article id a file name suggests (`Newsletter 2024-10.txt` → `Newsletter-2024-10`). */
export function idFromFileName(name: string): string {
  return name.replace(/\.[^.]*$/u, '').replace(/[^A-Za-z0-9._:-]+/gu, '-').replace(/^-+|-+$/gu, '').slice(0, 200);
}
