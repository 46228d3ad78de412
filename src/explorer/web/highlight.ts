/** Marking evidence sentences in an article's text (pure; the reader draws the spans as text). */

export interface Span {
  text: string;
  /** an evidence sentence of a fact on the canvas */
  mark: boolean;
  /** the sentence the reader was opened at */
  focus: boolean;
}

/**
 * Splits `text` into spans, marking every occurrence of each sentence (overlaps merged); `missing` are
 * the sentences not found verbatim in the text (an extractor may have trimmed or joined them).
 */
export function markSentences(text: string, sentences: readonly string[], focus: string | null): { spans: Span[]; missing: string[] } {
  const ranges: { start: number; end: number; focus: boolean }[] = [];
  const missing: string[] = [];
  const all = [...new Set([...sentences, ...(focus ? [focus] : [])].map((s) => s.trim()).filter((s) => s.length > 0))];
  const focused = focus?.trim() ?? null;
  for (const s of all) {
    let at = text.indexOf(s);
    if (at < 0) {
      missing.push(s);
      continue;
    }
    while (at >= 0) {
      ranges.push({ start: at, end: at + s.length, focus: s === focused });
      at = text.indexOf(s, at + s.length);
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof ranges = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      last.focus = last.focus || r.focus;
    } else merged.push({ ...r });
  }
  const spans: Span[] = [];
  let pos = 0;
  for (const r of merged) {
    if (r.start > pos) spans.push({ text: text.slice(pos, r.start), mark: false, focus: false });
    spans.push({ text: text.slice(r.start, r.end), mark: true, focus: r.focus });
    pos = r.end;
  }
  if (pos < text.length) spans.push({ text: text.slice(pos), mark: false, focus: false });
  return { spans, missing };
}
