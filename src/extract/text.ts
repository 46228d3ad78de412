/** Paragraphs and sentences of a plain-text article, each sentence kept verbatim for evidence. */

export interface Sentence {
  index: number;
  paragraph: number;
  /** the sentence exactly as in the text (trimmed): what evidence quotes */
  raw: string;
  /** the sentence with line breaks and spaces between Chinese characters removed: what the rules read */
  clean: string;
  /** a short line without closing punctuation: a headline or caption, not reported prose */
  headline: boolean;
}

const TERMINAL = /[。！？!?…]$/u;
const CLOSERS = '”’」』)）"\'';
// Long blocks that stop mid-sentence are lines broken by the layout (PDF columns): they go on in the next block.
const WRAPPED_MIN = 30;
const MAX_SENTENCE = 1000;

/**
 * Removes what layout put inside a sentence: line breaks, spaces next to Chinese text, and captions (a short
 * line between two parts of a sentence broken across a page: 开发区召开政校企人力资源对接会).
 */
export function cleanText(raw: string): string {
  const parts = raw.split(/\n[ \t\u3000]*\n/u);
  if (parts.length > 2) {
    raw = parts.filter((p, i) => i === 0 || i === parts.length - 1 || endsSentence(p) || p.trim().length >= WRAPPED_MIN).join('\n');
  }
  return raw.replace(/\s*\n\s*/gu, '').replace(/(?<=[\u3000-\u9fff\uff00-\uffef])[ \t\u3000]+|[ \t\u3000]+(?=[\u3000-\u9fff\uff00-\uffef])/gu, '');
}

function endsSentence(block: string): boolean {
  let s = block.trimEnd();
  while (s.length > 0 && CLOSERS.includes(s[s.length - 1])) s = s.slice(0, -1);
  return TERMINAL.test(s);
}

interface Block {
  start: number;
  end: number;
}

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  const re = /\S[\s\S]*?(?=\n[ \t\u3000]*\n|$)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    blocks.push({ start: m.index, end: m.index + m[0].length });
  }
  return blocks;
}

/** Blocks joined into paragraphs: a long block that does not end a sentence continues in the next one. */
function paragraphsOf(text: string): Block[] {
  const paragraphs: Block[] = [];
  let open: Block | null = null;
  for (const b of blocksOf(text)) {
    const body = text.slice(b.start, b.end);
    const short = cleanText(body).length < WRAPPED_MIN;
    // a short line inside a sentence broken across columns is a caption: the sentence goes on after it
    if (open && short && !endsSentence(body)) continue;
    if (open) open.end = b.end;
    else open = { ...b };
    if (endsSentence(body) || short) {
      paragraphs.push(open);
      open = null;
    }
  }
  if (open) paragraphs.push(open);
  return paragraphs;
}

/** Sentences in reading order: split at 。！？ (with any closing quotes), inside paragraphs. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  paragraphsOf(text).forEach((p, paragraph) => {
    const body = text.slice(p.start, p.end);
    const re = /[^。！？!?]*(?:[。！？!?]+[”’」』)）"]*|$)/gu;
    for (let m = re.exec(body); m && m[0].length > 0; m = re.exec(body)) {
      const whole = m[0].trim();
      if (whole.length === 0) continue;
      // text without sentence ends (a dump, a table) is read in pieces: evidence stays a verbatim, bounded slice
      for (let at = 0; at < whole.length; at += MAX_SENTENCE) {
        const raw = whole.slice(at, at + MAX_SENTENCE).trim();
        if (raw.length === 0) continue;
        const clean = cleanText(raw);
        sentences.push({ index: sentences.length, paragraph, raw, clean, headline: !endsSentence(raw) && clean.length < WRAPPED_MIN });
      }
    }
  });
  return sentences;
}
