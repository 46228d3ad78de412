/**
 * The Add article view (`#add-article`, opened from the top bar): a pasted or opened text is drafted by
 * `extractArticle`, shown with every recognised span marked and listed by type, corrected by the reviewer
 * (./addArticleDraft.ts), and loaded with `ingestArticle`. Both need an editor key: the page's key dialog
 * asks for one and the request is sent again when it is saved. The view's state is in
 * `#add-article[data-state]`: input, drafting, review, loading, loaded, rejected.
 */
import * as D from './addArticleDraft';
import { buildAddArticle, idFromFileName, type AddArticleParts } from './addArticleForm';
import { draftLists, type ReviewActions } from './addArticleLists';
import { extractDraft, ingestDraft, type ArticleMetaInput, type ExtractNotice, type IngestData } from './addArticleQueries';
import { markedText, problemsBox, problemText } from './addArticleText';
import { byId, clear, h } from './dom';
import { el } from './elements';
import { type EditorKeyRetry, needsEditorKey, retryWhenKeySaved } from './editorKey';
import { errorParts } from './errors';
import { t, tn } from './i18n';
import { onChange } from './state';

type ViewState = 'input' | 'drafting' | 'review' | 'loading' | 'loaded' | 'rejected';

let parts: AddArticleParts;
let doc: D.DraftDoc | null = null;
let history: D.DraftDoc[] = [];
/** problems the server reported for the document as it was then (extract, or a refused load) */
let serverProblems: D.Problem[] = [];
let notices: ExtractNotice[] = [];
/** the last load's report, shown above the draft until the draft changes */
let loaded: IngestData['ingestArticle'] | null = null;
/** sends a request refused for want of an editor key again when a key is saved */
let keyRetry: EditorKeyRetry;

/** what the status line says, kept as a function so that the language switch says it again in the new language */
let lastSaid: (() => void) | null = null;

function setState(s: ViewState): void {
  parts.root.dataset.state = s;
  parts.draft.disabled = s === 'drafting' || s === 'loading';
}

function say(kind: 'info' | 'error', message: string | (() => string), code?: string): void {
  const text = typeof message === 'string' ? () => message : message;
  lastSaid = () => sayNow(kind, text(), code);
  lastSaid();
}

function sayNow(kind: 'info' | 'error', message: string, code?: string): void {
  clear(parts.status);
  parts.status.dataset.kind = kind;
  parts.status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  parts.status.append(h('span', { text: message }), code ? h('span', { class: 'toast-code', text: code }) : '');
}

function fail(what: 'aa.draftFailed' | 'aa.loadFailed', e: unknown, retry: () => Promise<void>, back: ViewState): void {
  const { message, code } = errorParts(e);
  setState(back);
  if (needsEditorKey(code)) {
    say('error', () => t('aa.needsKey', { what: t(what), message }), code);
    keyRetry.waitForKey(retry, t('aa.keyNeeded'));
    return;
  }
  say('error', () => t('aa.failed', { what: t(what), message }), code);
}

function metaInput(): ArticleMetaInput | (() => string) {
  const meta: ArticleMetaInput = {};
  for (const k of ['id', 'title', 'publishedOn', 'publisher'] as const) {
    const v = parts[k].value.trim();
    if (v) meta[k] = v;
  }
  const date = meta.publishedOn;
  if (date && !/^\d{4}-\d{2}(-\d{2})?$/u.test(date)) return () => t('aa.badDate', { value: date });
  if (meta.id && !/^[A-Za-z0-9._:-]{1,200}$/u.test(meta.id)) return () => t('aa.badId');
  return meta;
}

async function draftNow(): Promise<void> {
  const text = parts.text.value;
  if (!text.trim()) {
    say('error', () => t('aa.noText'));
    return;
  }
  const meta = metaInput();
  if (typeof meta === 'function') {
    say('error', meta);
    return;
  }
  setState('drafting');
  say('info', () => t('aa.drafting'));
  try {
    const r = (await extractDraft(text, meta)).data.extractArticle;
    doc = r.document;
    loaded = null;
    history = [];
    serverProblems = r.problems;
    notices = r.notices;
    setState('review');
    const n = (x: unknown[] | undefined) => x?.length ?? 0;
    const counts = { entities: n(doc.entities), events: n(doc.events), relations: n(doc.relations), figures: n(doc.figures), unsure: r.unsure };
    say('info', () => t('aa.drafted', counts));
    render();
  } catch (e) {
    fail('aa.draftFailed', e, draftNow, doc ? 'review' : 'input');
  }
}

const STATUS_WORDS: Record<string, 'aa.stCreated' | 'aa.stUpdated' | 'aa.stUnchanged'> = { created: 'aa.stCreated', updated: 'aa.stUpdated', unchanged: 'aa.stUnchanged' };
const statusWord = (status: string): string => (STATUS_WORDS[status.toLowerCase()] ? t(STATUS_WORDS[status.toLowerCase()]) : status.toLowerCase());

function loadedSummary(r: IngestData['ingestArticle']): HTMLElement {
  const c = r.counts;
  const what = c
    ? t('aa.loadedCounts', { entities: c.entities, created: c.entitiesCreated, events: c.events, participations: c.participations, relations: c.relations, figures: c.figures })
    : t('aa.nothingChanged');
  const names = (doc?.entities ?? []).filter((e) => e.type !== 'Place').slice(0, 12);
  return h('section', { class: 'aa-loaded card', dataset: { status: r.status } },
    h('h3', { text: t('aa.loadedTitle', { id: r.articleId ?? '', status: statusWord(r.status) }) }),
    h('p', { text: what }),
    h('p', { class: 'muted', text: t('aa.findHint') }),
    h('div', { class: 'aa-find' }, ...names.map((e) => h('button', { class: 'btn btn-sm', attrs: { type: 'button', 'data-action': 'find' }, text: e.name, on: { click: () => findInGraph(e.name) } }))));
}

/** Closes the view and searches the graph for a name (the search box shows the hits). */
function findInGraph(name: string): void {
  closeAddArticle();
  el.search.value = name;
  el.search.dispatchEvent(new Event('input', { bubbles: true }));
  el.search.focus();
}

async function loadNow(): Promise<void> {
  if (!doc) return;
  const local = D.draftProblems(doc);
  if (local.length) {
    say('error', () => tn(local.length, 'aa.localProblem', 'aa.localProblems'));
    render();
    return;
  }
  setState('loading');
  say('info', () => t('aa.loading'));
  try {
    const r = (await ingestDraft(doc)).data.ingestArticle;
    if (r.status.toUpperCase() === 'REJECTED') {
      serverProblems = r.problems;
      setState('rejected');
      say('error', () => tn(r.problems.length, 'aa.refusedOne', 'aa.refusedMany'));
      render();
      return;
    }
    serverProblems = [];
    setState('loaded');
    say('info', () => t('aa.loaded', { status: statusWord(r.status) }));
    loaded = r;
    render();
  } catch (e) {
    fail('aa.loadFailed', e, loadNow, 'review');
  }
}

function apply(next: D.DraftDoc, message?: () => string): void {
  if (doc) history.push(doc);
  doc = next;
  loaded = null;
  // the server's problems were about the document before this change; Load checks again
  serverProblems = [];
  setState('review');
  if (message) say('info', message);
  render();
}

function attempt(f: () => void): void {
  try {
    f();
  } catch (e) {
    say('error', (e as Error).message);
  }
}

function focusMarks(ref: string): void {
  const marks = Array.from(parts.review.querySelectorAll<HTMLElement>('mark.aa-mark'));
  for (const m of marks) m.classList.toggle('focus', m.dataset.ref === ref);
  marks.find((m) => m.dataset.ref === ref)?.scrollIntoView({ block: 'center' });
}

const actions: ReviewActions = {
  changeType: (key, type) => attempt(() => apply(D.changeEntityType(doc!, key, type))),
  changeKind: (key, kind) => attempt(() => apply(D.changeEntityKind(doc!, key, kind))),
  changeEventType: (key, type) => attempt(() => apply(D.changeEventType(doc!, key, type))),
  merge: (keep, merge) => attempt(() => {
    const names = [merge, keep].map((k) => doc!.entities.find((e) => e.key === k)?.name);
    apply(D.mergeEntities(doc!, keep, merge), () => t('aa.merged', { from: names[0] ?? merge, into: names[1] ?? keep }));
  }),
  link: (key, id, name) => attempt(() => apply(D.linkEntity(doc!, key, id), () => (id ? t('aa.linked', { name: name ?? id, id }) : t('aa.unlinked')))),
  dropEntity: (key) => attempt(() => {
    const name = doc!.entities.find((e) => e.key === key)?.name ?? key;
    const r = D.dropEntity(doc!, key);
    apply(r.doc, () => (r.alsoDropped ? tn(r.alsoDropped, 'aa.droppedWithOne', 'aa.droppedWithMany', { name }) : t('aa.dropped', { name })));
  }),
  dropEvent: (key) => attempt(() => apply(D.dropEvent(doc!, key), () => t('aa.droppedEvent'))),
  dropParticipant: (ev, i) => attempt(() => apply(D.dropParticipant(doc!, ev, i))),
  dropRelation: (i) => attempt(() => apply(D.dropRelation(doc!, i), () => t('aa.droppedRelation'))),
  dropFigure: (i) => attempt(() => apply(D.dropFigure(doc!, i), () => t('aa.droppedFigure'))),
  focus: focusMarks,
};

function articleFields(d: D.DraftDoc): HTMLElement {
  const input = (labelKey: 'aa.metaId' | 'aa.metaTitle' | 'aa.metaPublished', key: 'id' | 'title' | 'publishedOn') => {
    const label = t(labelKey);
    const i = h('input', { attrs: { type: 'text', 'aria-label': t('aa.metaAria', { label }), 'data-field': key, spellcheck: 'false' } });
    i.value = d.article[key] ?? '';
    // change fires on blur, often on the way to pressing Load: the document changes, the page is not redrawn under the click
    i.addEventListener('change', () => {
      if (!doc) return;
      const next = JSON.parse(JSON.stringify(doc)) as D.DraftDoc;
      if (i.value.trim()) next.article[key] = i.value.trim();
      else if (key === 'publishedOn') delete next.article.publishedOn;
      history.push(doc);
      doc = next;
      serverProblems = [];
      setState('review');
      redrawProblems();
    });
    return h('label', { class: 'aa-field' }, h('span', { text: label }), i);
  };
  return h('div', { class: 'aa-meta' }, input('aa.metaId', 'id'), input('aa.metaTitle', 'title'), input('aa.metaPublished', 'publishedOn'));
}

function toolbar(d: D.DraftDoc): HTMLElement {
  const unsure = D.unsureCount(d);
  return h('div', { class: 'aa-toolbar' },
    h('span', { class: 'aa-summary', text: t('aa.summary', { entities: d.entities.length, events: d.events?.length ?? 0, relations: d.relations?.length ?? 0, figures: d.figures?.length ?? 0, unsure }) }),
    h('button', { class: 'btn', attrs: { type: 'button', 'data-action': 'undo' }, text: t('aa.undo'), on: { click: undo } }),
    h('button', { class: 'btn', attrs: { type: 'button', 'data-action': 'restart' }, text: t('aa.restart'), on: { click: restart } }),
    h('button', { class: 'btn btn-primary', attrs: { type: 'button', id: 'aa-load' }, text: t('aa.load'), on: { click: () => void loadNow() } }));
}

function problemsNow(): D.Problem[] {
  return doc ? [...D.draftProblems(doc), ...serverProblems] : [];
}

/** Redraws only the problems box (and Undo), leaving the rest of the view as it is. */
function redrawProblems(): void {
  const box = problemsBox(problemsNow(), notices, parts.review);
  const old = parts.review.querySelector('.aa-problems');
  if (old && box) old.replaceWith(box);
  else if (old) old.remove();
  else if (box) parts.review.querySelector('.aa-meta')?.after(box);
  const undoButton = parts.review.querySelector<HTMLButtonElement>('[data-action="undo"]');
  if (undoButton) undoButton.disabled = history.length === 0;
}

function render(): void {
  const lists = parts.review.querySelector('.aa-lists');
  const scroll = lists?.scrollTop ?? 0;
  clear(parts.review);
  if (!doc) return;
  const problems = problemsNow();
  const problemsAt = (list: string, i: number) => problems.filter((p) => {
    const t = D.problemTarget(p.path);
    return t?.list === list && t.index === i;
  }).map(problemText);
  const undoButton = () => parts.review.querySelector<HTMLButtonElement>('[data-action="undo"]');
  parts.review.append(
    toolbar(doc),
    articleFields(doc),
    problemsBox(problems, notices, parts.review) ?? '',
    h('div', { class: 'aa-columns' }, markedText(doc.article.text ?? parts.text.value, doc, parts.review), draftLists(doc, problemsAt, actions)),
  );
  const b = undoButton();
  if (b) b.disabled = history.length === 0;
  if (loaded) parts.review.prepend(loadedSummary(loaded));
  const after = parts.review.querySelector('.aa-lists');
  if (after) after.scrollTop = scroll;
}

function undo(): void {
  const prev = history.pop();
  if (!prev) return;
  doc = prev;
  serverProblems = [];
  setState('review');
  loaded = null;
  say('info', () => t('aa.undone'));
  render();
}

function restart(): void {
  doc = null;
  loaded = null;
  history = [];
  serverProblems = [];
  notices = [];
  setState('input');
  say('info', '');
  render();
}

export function openAddArticle(): void {
  parts.root.hidden = false;
  (doc ? parts.review.querySelector<HTMLElement>('#aa-load') : parts.text)?.focus();
}

export function closeAddArticle(): void {
  parts.root.hidden = true;
}

async function readFile(): Promise<void> {
  const f = parts.file.files?.[0];
  if (!f) return;
  const bytes = new Uint8Array(await f.arrayBuffer());
  try {
    parts.text.value = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    say('error', () => t('aa.notUtf8', { file: f.name }));
    return;
  }
  if (!parts.id.value.trim()) parts.id.value = idFromFileName(f.name);
  const n = parts.text.value.length;
  say('info', () => t('aa.opened', { file: f.name, n }));
}

export function installAddArticle(): void {
  parts = buildAddArticle(byId('add-article'));
  setState('input');
  byId('btn-add-article').addEventListener('click', openAddArticle);
  parts.close.addEventListener('click', closeAddArticle);
  parts.root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !(e.target as HTMLElement).closest('.aa-link-area')) closeAddArticle();
  });
  parts.form.addEventListener('submit', (e) => {
    e.preventDefault();
    void draftNow();
  });
  parts.file.addEventListener('change', () => void readFile());
  // the fixed words are translated by translatePage (data-i18n); what was drawn from the draft is drawn again
  onChange('lang', () => {
    render();
    lastSaid?.();
  });
  keyRetry = retryWhenKeySaved();
}

