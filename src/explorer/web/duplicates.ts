/**
 * The duplicates queue (`#duplicates`, opened from the top bar; issue 25 §2, 26 §7): the candidate pairs to review
 * (`duplicates(status: OPEN)`), best first, each with both names, its type, score and reasons, and Merge / Not the
 * same; the merged pairs with Split… and Undo; the pairs marked not the same with Undo. The judgements need an editor
 * key, entered as for Add article: a refused request opens the key dialog and is sent again once a key is saved. The
 * view's state is in `#duplicates[data-state]`: idle, loading, ready, saving, failed.
 */
import { clear, h } from './dom';
import {
  type DuplicatePair,
  type DuplicatesData,
  type DuplicateStatus,
  duplicatesPage,
  type EntityArticles,
  type PairEntity,
  entityArticles,
  markDistinct,
  mergePair,
  splitEntity,
  undoJudgement,
} from './duplicateQueries';
import { type EditorKeyRetry, needsEditorKey, retryWhenKeySaved } from './editorKey';
import { errorParts } from './errors';
import { t, tn, type StringKey } from './i18n';
import { EN } from './strings.en';
import { onChange } from './state';

type ViewState = 'idle' | 'loading' | 'ready' | 'saving' | 'failed';
type What = 'dup.whatList' | 'dup.whatMerge' | 'dup.whatDistinct' | 'dup.whatUndo' | 'dup.whatSplit' | 'dup.whatArticles';

const TABS: Array<[DuplicateStatus, StringKey]> = [
  ['OPEN', 'dup.tabOpen'],
  ['MERGED', 'dup.tabMerged'],
  ['DISTINCT', 'dup.tabDistinct'],
];
const MIN_SCORES = [0.5, 0.7, 0.8, 0.9];

let root: HTMLElement;
let statusLine: HTMLElement;
let listBox: HTMLElement;
let reasonInput: HTMLInputElement;
let scoreSelect: HTMLSelectElement;
let tabs: HTMLElement;

let status: DuplicateStatus = 'OPEN';
let minScore = 0.8;
/** the cursor the page shown was asked with (null: the first page) */
let after: string | null = null;
let page: DuplicatesData['duplicates'] | null = null;
/** what the status line says, again in the new language after a switch */
let lastSaid: (() => void) | null = null;
/** sends a judgement refused for want of an editor key again when a key is saved */
let keyRetry: EditorKeyRetry;

function setState(s: ViewState): void {
  root.dataset.state = s;
}

function say(kind: 'info' | 'error', message: () => string, code?: string): void {
  lastSaid = () => {
    clear(statusLine);
    statusLine.dataset.kind = kind;
    statusLine.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    statusLine.append(h('span', { text: message() }), code ? h('span', { class: 'toast-code', text: code }) : '');
  };
  lastSaid();
}

function fail(what: What, e: unknown, retry: () => Promise<void>): void {
  const { message, code } = errorParts(e);
  setState('failed');
  if (needsEditorKey(code)) {
    say('error', () => t('dup.needsKey', { what: t(what), message }), code);
    keyRetry.waitForKey(retry, t('dup.keyNeeded'));
    return;
  }
  say('error', () => t('dup.failed', { what: t(what), message }), code);
}

async function load(cursor: string | null = after): Promise<void> {
  setState('loading');
  try {
    page = (await duplicatesPage(status, minScore, cursor)).data.duplicates;
    after = cursor;
    setState('ready');
    render();
  } catch (e) {
    fail('dup.whatList', e, () => load(cursor));
  }
}

/** Runs a judgement, says what it did, and shows the queue as it is after it. */
async function judge(what: What, run: () => Promise<unknown>, done: () => string): Promise<void> {
  setState('saving');
  try {
    await run();
    say('info', done);
    await load();
  } catch (e) {
    fail(what, e, () => judge(what, run, done));
  }
}

const reason = (): string | null => reasonInput.value.trim() || null;
/** An entity type as the API names it (`GOVERNMENT_AGENCY`) in the `__typename` form the strings use (`GovernmentAgency`). */
const typeName = (type: string): string => type.toLowerCase().replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
const typeWord = (typename: string): string => t(`type.${typename}` as StringKey);
const reasonWord = (r: string): string => (`dup.reason.${r}` in EN ? t(`dup.reason.${r}` as StringKey) : r);

function button(action: string, label: StringKey, title: string, onClick: () => void, primary = false): HTMLButtonElement {
  return h('button', { class: `btn btn-sm${primary ? ' btn-primary' : ''}`, attrs: { type: 'button', 'data-action': action }, title, text: t(label), on: { click: onClick } });
}

function actionsOf(p: DuplicatePair, row: HTMLElement): HTMLElement {
  const [a, b] = [p.a, p.b];
  const buttons: HTMLElement[] = [];
  if (p.status === 'OPEN') {
    buttons.push(
      button('merge', 'dup.merge', t('dup.mergeTitle', { a: a.name, b: b.name }), () =>
        void judge('dup.whatMerge', () => mergePair(a.id, b.id, reason()), () => t('dup.merged', { a: a.name, b: b.name })), true),
      // the editor chooses which entity stays: the other way round, the second is kept
      button('merge-keep-b', 'dup.mergeKeepB', t('dup.mergeTitle', { a: b.name, b: a.name }), () =>
        void judge('dup.whatMerge', () => mergePair(b.id, a.id, reason()), () => t('dup.merged', { a: b.name, b: a.name }))),
      button('distinct', 'dup.distinct', t('dup.distinctTitle'), () =>
        void judge('dup.whatDistinct', () => markDistinct(a.id, b.id, reason()), () => t('dup.marked', { a: a.name, b: b.name }))),
    );
  } else if (p.judgement) {
    const id = p.judgement.id;
    if (p.status === 'MERGED') buttons.push(button('split', 'dup.split', t('dup.splitTitle'), () => void showSplit(p, row)));
    buttons.push(button('undo', 'dup.undo', t('dup.undoTitle'), () => void judge('dup.whatUndo', () => undoJudgement(id, reason()), () => t('dup.undone'))));
  }
  return h('div', { class: 'dup-actions' }, ...buttons);
}

/** The articles of a merged entity, to tick those whose mention is the other one, and Split. */
async function showSplit(p: DuplicatePair, row: HTMLElement): Promise<void> {
  const kept = p.judgement?.a ?? p.a.id;
  let articles: EntityArticles['entity'];
  try {
    articles = (await entityArticles(kept)).data.entity;
  } catch (e) {
    fail('dup.whatArticles', e, () => showSplit(p, row));
    return;
  }
  if (!articles) return;
  row.querySelector('.dup-split')?.remove();
  const name = articles.name;
  const boxes = articles.mentionedIn.edges.map(({ node }) =>
    h('label', { class: 'dup-article' },
      h('input', { attrs: { type: 'checkbox', value: node.id } }),
      h('span', { text: [node.title ?? node.id, node.publishedOn ?? ''].filter(Boolean).join(' · ') }),
      h('code', { text: node.id })));
  const panel = h('div', { class: 'dup-split' },
    h('p', { class: 'hint', text: t('dup.splitHint', { name }) }),
    ...boxes,
    h('div', { class: 'row' },
      button('split-now', 'dup.splitNow', t('dup.splitTitle'), () => {
        const chosen = boxes.map((b) => b.querySelector('input')!).filter((i) => i.checked).map((i) => i.value);
        if (chosen.length === 0) {
          say('error', () => t('dup.splitNone'));
          return;
        }
        let made = '';
        void judge('dup.whatSplit', async () => {
          made = (await splitEntity(kept, chosen, reason())).data.splitEntity.b;
        }, () => t('dup.splitDone', { name, id: made }));
      }, true),
      button('split-cancel', 'dup.splitCancel', '', () => panel.remove())));
  row.append(panel);
}

/**
 * The two entities as judged: after a merge the merged id resolves to the kept entity, so a judged pair shows the
 * judgement's ids and the names they had (the entities' names now when it kept none).
 */
function sidesOf(p: DuplicatePair): [PairEntity, PairEntity] {
  const j = p.judgement;
  if (!j) return [p.a, p.b];
  return [
    { ...p.a, id: j.a, name: j.names?.[0] ?? p.a.name },
    { ...p.b, id: j.b, name: j.names?.[1] ?? p.b.name },
  ];
}

function pairRow(p: DuplicatePair): HTMLElement {
  const entity = (e: PairEntity) => h('span', { class: 'dup-entity', dataset: { entityId: e.id } }, h('span', { class: 'dup-name', text: e.name }), h('code', { text: e.id }));
  const [a, b] = sidesOf(p);
  const row = h('li', { class: 'dup-row card', dataset: { a: a.id, b: b.id, status: p.status } },
    h('div', { class: 'dup-pair' },
      entity(a),
      h('span', { class: 'dup-and', text: '⇄' }),
      entity(b)),
    h('div', { class: 'dup-facts' },
      h('span', { class: 'dup-type', text: typeWord(p.a.__typename) }),
      h('span', { class: 'dup-score', dataset: { score: String(p.score) }, text: t('dup.score', { score: p.score.toFixed(2) }) }),
      ...p.reasons.map((r) => h('span', { class: 'dup-reason', dataset: { reason: r }, text: reasonWord(r) })),
      p.judgement?.reason ? h('span', { class: 'dup-judged muted', text: t('dup.judged', { reason: p.judgement.reason }) }) : null));
  row.append(actionsOf(p, row));
  return row;
}

function render(): void {
  for (const b of Array.from(tabs.querySelectorAll<HTMLButtonElement>('button'))) b.setAttribute('aria-pressed', String(b.dataset.status === status));
  clear(listBox);
  if (!page) return;
  const n = page.totalCount;
  listBox.append(h('p', { class: 'dup-count', dataset: { total: String(n) }, text: tn(n, 'dup.countOne', 'dup.count') }));
  const skipped = page.skippedBlocks;
  if (status === 'OPEN' && skipped.length > 0) {
    const blocks = skipped.map((b) => t('dup.skippedBlock', { value: b.value, type: t(`type.${typeName(b.type)}` as StringKey), n: String(b.entities) })).join(t('dup.listSeparator'));
    listBox.append(h('p', { class: 'hint dup-skipped', dataset: { skipped: String(skipped.length) }, text: t('dup.skipped', { blocks }) }));
  }
  if (page.edges.length === 0) listBox.append(h('p', { class: 'muted', text: t('dup.none') }));
  else listBox.append(h('ul', { class: 'dup-list' }, ...page.edges.map((e) => pairRow(e.node))));
  const nav = h('div', { class: 'row' });
  if (after) nav.append(button('first', 'dup.first', '', () => void load(null)));
  if (page.pageInfo.hasNextPage) nav.append(button('more', 'dup.more', '', () => void load(page!.pageInfo.endCursor)));
  listBox.append(nav);
}

export function openDuplicates(): void {
  root.hidden = false;
  void load();
}

export function closeDuplicates(): void {
  root.hidden = true;
}

function build(): void {
  const close = h('button', { class: 'btn', attrs: { type: 'button', 'aria-label': t('dup.closeAria') }, dataset: { i18n: 'dup.close', i18nAriaLabel: 'dup.closeAria' }, text: t('dup.close'), on: { click: closeDuplicates } });
  tabs = h('div', { class: 'btn-group dup-tabs', attrs: { role: 'group', 'aria-label': t('dup.tabsAria') }, dataset: { i18nAriaLabel: 'dup.tabsAria' } },
    ...TABS.map(([s, key]) => h('button', { class: 'btn', attrs: { type: 'button' }, dataset: { status: s, i18n: key }, text: t(key), on: { click: () => { status = s; after = null; void load(null); } } })));
  scoreSelect = h('select', { attrs: { 'data-role': 'min-score' } }, ...MIN_SCORES.map((s) => h('option', { attrs: { value: String(s), selected: s === minScore }, text: s.toFixed(1) })));
  scoreSelect.addEventListener('change', () => {
    minScore = Number(scoreSelect.value);
    void load(null);
  });
  reasonInput = h('input', { attrs: { type: 'text', 'data-role': 'reason', placeholder: t('dup.reasonPlaceholder'), autocomplete: 'off' }, dataset: { i18nPlaceholder: 'dup.reasonPlaceholder' } });
  statusLine = h('div', { class: 'aa-status dup-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  listBox = h('div', { class: 'dup-body' });
  root.append(
    h('div', { class: 'aa-head' }, h('h2', { attrs: { id: 'dup-title' }, dataset: { i18n: 'dup.heading' }, text: t('dup.heading') }), close),
    h('p', { class: 'hint', dataset: { i18n: 'dup.intro' }, text: t('dup.intro') }),
    h('div', { class: 'dup-controls' },
      tabs,
      h('label', { class: 'aa-field' }, h('span', { dataset: { i18n: 'dup.minScore' }, text: t('dup.minScore') }), scoreSelect),
      h('label', { class: 'aa-field dup-reason-field' }, h('span', { dataset: { i18n: 'dup.reason' }, text: t('dup.reason') }), reasonInput)),
    statusLine,
    listBox,
  );
}

export function installDuplicates(): void {
  root = document.getElementById('duplicates')!;
  build();
  setState('idle');
  document.getElementById('btn-duplicates')!.addEventListener('click', openDuplicates);
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeDuplicates();
  });
  onChange('lang', () => {
    render();
    lastSaid?.();
  });
  keyRetry = retryWhenKeySaved();
}
