/**
 * What the extractor says about a text or a draft, as a stable code with its parameters (for a page to say in its
 * own language) and the English sentence (for the command line and logs).
 */

const ENGLISH = {
  'text.empty': 'the text is empty: the draft has no facts',
  'text.noChinese': 'the text has no Chinese characters: this extractor reads Chinese newsletters, the draft has no facts',
  'text.mostlyNotChinese': 'the text is mostly not Chinese: expect few facts',
  'text.tooLong': 'the text has {length} characters, more than one article (at most {max}): split it; the draft has no facts',
  'date.noYear': 'no year: give --published-on YYYY-MM-DD so that dates like 6月21日 can be dated',
  'draft.invalid': 'draft: {path}: {message}',
  'llm.evidenceMissing': '{where}: dropped, its evidence is missing',
  'llm.evidenceNotInText': '{where}: dropped, its evidence is not in the text verbatim',
  'llm.unknownEntity': '{where}: dropped, it names {key}, which is not a kept entity',
} as const;

export type NoticeCode = keyof typeof ENGLISH;
export const NOTICE_CODES = Object.keys(ENGLISH) as NoticeCode[];

export interface Notice {
  code: NoticeCode;
  /** the notice in English, parameters filled in */
  message: string;
  params: Record<string, string | number>;
}

export function notice(code: NoticeCode, params: Record<string, string | number> = {}): Notice {
  const message = ENGLISH[code].replace(/\{(\w+)\}/gu, (m, name: string) => (name in params ? String(params[name]) : m));
  return { code, message, params };
}
