/** What the extractor accepts as an article's text, and what it says about the rest. */
import { notice, type Notice } from './notices';

export interface CheckedText {
  text: string;
  notices: Notice[];
}

/** Thrown for input that is not text at all (a binary file): the caller says so instead of drafting noise. */
export class NotTextError extends Error {
  readonly code = 'NOT_TEXT';
}

const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/gu;

/** Bytes read from a file as UTF-8 text, or NotTextError when they are not text. */
export function decodeText(bytes: Uint8Array, source: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new NotTextError(`${source}: not UTF-8 text (a binary file, or another encoding such as GBK: convert it with iconv -f GBK -t UTF-8)`);
  }
  const sample = text.slice(0, 65536);
  const control = sample.match(CONTROL)?.length ?? 0;
  if (sample.includes('\u0000') || control > sample.length * 0.01) {
    throw new NotTextError(`${source}: looks like a binary file (${control} control characters in the first ${sample.length}), not an article's text`);
  }
  return text;
}

/** The text the rules read (NFC, without a byte-order mark), with notices about what they will find in it. */
export function checkText(input: string): CheckedText {
  const notices: Notice[] = [];
  const text = input.replace(/^\ufeff/u, '').normalize('NFC').trim();
  if (text.length === 0) notices.push(notice('text.empty'));
  else if (!/[\u4e00-\u9fff]/u.test(text)) notices.push(notice('text.noChinese'));
  else if ((text.match(/[\u4e00-\u9fff]/gu)?.length ?? 0) < text.length * 0.2) notices.push(notice('text.mostlyNotChinese'));
  return { text, notices };
}
