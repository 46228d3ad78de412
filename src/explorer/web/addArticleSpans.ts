/**
 * Where the draft's facts are in the article's text (pure): every occurrence of an entity's name or alias,
 * and each figure's number inside its evidence sentence, longest first and never overlapping, so the view
 * can mark them in the text by type.
 */
import { isUnsure, type DraftDoc } from './addArticleDraft';

export interface MarkSpan {
  start: number;
  end: number;
  /** entity key, or `figure:<index>` */
  ref: string;
  /** the entity's type, or `Figure` */
  type: string;
  unsure: boolean;
}

export interface Segment {
  text: string;
  span?: MarkSpan;
}

function occurrences(text: string, needle: string, from = 0, to = text.length): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let at = text.indexOf(needle, from); at >= 0 && at + needle.length <= to; at = text.indexOf(needle, at + needle.length)) out.push(at);
  return out;
}

/** How a figure's number may be written: as stated, or its value with the unit (1200, 1,200, 1200余). */
function figureForms(f: { value: number; unit?: string; stated?: string }): string[] {
  const v = String(f.value);
  const grouped = f.value.toLocaleString('en-US', { maximumFractionDigits: 10 });
  const unit = f.unit ?? '';
  return [...new Set([f.stated, `${v}${unit}`, `${grouped}${unit}`, v].filter((x): x is string => !!x))];
}

function candidates(text: string, doc: DraftDoc): MarkSpan[] {
  const out: MarkSpan[] = [];
  for (const e of doc.entities) {
    const unsure = isUnsure(e);
    for (const name of new Set([e.name, ...(e.aliases ?? [])])) {
      for (const at of occurrences(text, name)) out.push({ start: at, end: at + name.length, ref: e.key, type: e.type, unsure });
    }
  }
  // two figures written alike in one sentence (项目2个 … 项目2个) are its first and second occurrence
  const used = new Set<number>();
  (doc.figures ?? []).forEach((f, i) => {
    const sentenceAt = f.evidence ? text.indexOf(f.evidence) : -1;
    const [from, to] = sentenceAt >= 0 ? [sentenceAt, sentenceAt + f.evidence!.length] : [0, text.length];
    for (const form of figureForms(f)) {
      // 8亿元 is not the end of 28亿元
      const at = occurrences(text, form, from, to).find((x) => !used.has(x) && !/[\d.]/u.test(text[x - 1] ?? ''));
      if (at === undefined) continue;
      used.add(at);
      out.push({ start: at, end: at + form.length, ref: `figure:${i}`, type: 'Figure', unsure: isUnsure(f) });
      break;
    }
  });
  return out;
}

/** The marks of the draft in `text`: longer ones win where two overlap; in text order. */
export function draftSpans(text: string, doc: DraftDoc): MarkSpan[] {
  const all = candidates(text, doc).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: MarkSpan[] = [];
  for (const s of all) if (!taken.some((t) => s.start < t.end && t.start < s.end)) taken.push(s);
  return taken.sort((a, b) => a.start - b.start);
}

/** The text cut at the marks, for drawing as text nodes and <mark>s. */
export function segments(text: string, spans: readonly MarkSpan[]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const s of spans) {
    if (s.start > pos) out.push({ text: text.slice(pos, s.start) });
    out.push({ text: text.slice(s.start, s.end), span: s });
    pos = s.end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos) });
  return out;
}
