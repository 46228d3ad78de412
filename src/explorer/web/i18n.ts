/**
 * The interface language: every string the page shows comes from one table per language (strings.en.ts,
 * strings.zh.ts). Chinese for a `zh` browser, English otherwise, until the analyst picks one with the
 * switch; the choice is remembered (localStorage). Data (names, evidence) is never translated.
 */
import { EN, type StringKey } from './strings.en';
import { ZH } from './strings.zh';

export type Lang = 'en' | 'zh';
export type { StringKey } from './strings.en';

export const LANG_STORAGE = 'kg-explorer.lang';
const TABLES: Record<Lang, Record<StringKey, string>> = { en: EN, zh: ZH };

function initial(): Lang {
  try {
    const saved = localStorage.getItem(LANG_STORAGE);
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    /* storage unavailable */
  }
  const browser = typeof navigator !== 'undefined' ? navigator.languages?.[0] ?? navigator.language ?? '' : '';
  return /^zh\b/i.test(browser) ? 'zh' : 'en';
}

let current: Lang | null = null;

export function lang(): Lang {
  current ??= initial();
  return current;
}

/** The string for `key` in the interface language, with `{name}` replaced by `params.name`. */
export function t(key: StringKey, params: Record<string, string | number> = {}): string {
  const s = TABLES[lang()][key] ?? EN[key];
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A word of the model's vocabulary (an event type, a role, a kind) in the interface language; other words as they are. */
export function word(w: string): string {
  return `v.${w}` in EN ? t(`v.${w}` as StringKey) : w;
}

/** `one` when n is 1, else `other` (English needs it; Chinese has the same string twice). */
export const tn = (n: number, one: StringKey, other: StringKey, params: Record<string, string | number> = {}): string => t(n === 1 ? one : other, { n, ...params });

/** Sets the language and remembers it; the caller redraws. */
export function setLang(l: Lang): void {
  current = l;
  try {
    localStorage.setItem(LANG_STORAGE, l);
  } catch {
    /* kept for this page only */
  }
}

/**
 * Fills the fixed elements of the page: `data-i18n` (text), `data-i18n-placeholder`, `data-i18n-title`,
 * `data-i18n-aria-label` name keys of the table.
 */
export function translatePage(root: ParentNode = document): void {
  document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
  document.title = t('app.title');
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((e) => (e.textContent = t(e.dataset.i18n as StringKey)));
  const attrs: [string, string][] = [
    ['i18nPlaceholder', 'placeholder'],
    ['i18nTitle', 'title'],
    ['i18nAriaLabel', 'aria-label'],
  ];
  for (const [data, attr] of attrs) {
    root.querySelectorAll<HTMLElement>(`[data-${data.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`).forEach((e) => e.setAttribute(attr, t(e.dataset[data] as StringKey)));
  }
}
