/** A text with some parts in <mark> (search matches), built from text nodes only: the text is data. */
import { h } from './dom';

export interface TextRange {
  start: number;
  end: number;
}

/** `text` in a span of class `cls`, each range (UTF-16 offsets, end exclusive) in a <mark>; bad or overlapping ranges are skipped. */
export function markedText(text: string, ranges: readonly TextRange[], cls: string): HTMLElement {
  const out = h('span', { class: cls });
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    if (r.start < at || r.end > text.length || r.end <= r.start) continue;
    if (r.start > at) out.appendChild(document.createTextNode(text.slice(at, r.start)));
    out.appendChild(h('mark', { text: text.slice(r.start, r.end) }));
    at = r.end;
  }
  if (at < text.length) out.appendChild(document.createTextNode(text.slice(at)));
  return out;
}
