import { storedText } from '../model';
import { childPath, type Problem, quote } from './problem';

/** Where a string stops being well-formed UTF-16: the index of its first lone surrogate, or -1. */
function loneSurrogateAt(text: string): number {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

function checkString(text: string, path: string, what: string, out: Problem[]): void {
  const at = loneSurrogateAt(text);
  if (at >= 0) {
    out.push({ path, message: `${what} holds a lone surrogate (${hex(text.charCodeAt(at))} at character ${at + 1}): not Unicode text, it could not be stored as given` });
  }
}

/**
 * What would change text between the document and the graph without a word, so it is rejected instead, by
 * JSON path: a lone surrogate in any string or member name (stored as U+FFFD it would merge with a real
 * U+FFFD); a member named `__proto__` (an object property JavaScript does not keep); two member names of one
 * object that are the same once NFC-normalised and trimmed, as names are stored (one value would be lost).
 * Iterative: a document nested 100 000 deep is walked without overflowing the stack.
 */
export function checkText(input: unknown): Problem[] {
  const out: Problem[] = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value: input, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') checkString(value, path, 'text', out);
    else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], path: childPath(path, i) });
    } else if (value !== null && typeof value === 'object') {
      const stored = new Map<string, string>();
      const names = Object.keys(value);
      for (const name of names) {
        const at = childPath(path, name);
        checkString(name, at, 'the member name', out);
        if (name === '__proto__') out.push({ path: at, message: '"__proto__" is not allowed as a member name' });
        const key = storedText(name);
        const first = stored.get(key);
        if (first !== undefined) {
          out.push({ path: at, message: `member name ${quote(name)} is ${quote(key)} once trimmed and NFC-normalised, as is ${quote(first)}: one value would be lost` });
        } else stored.set(key, name);
      }
      for (let i = names.length - 1; i >= 0; i -= 1) stack.push({ value: (value as Record<string, unknown>)[names[i]], path: childPath(path, names[i]) });
    }
  }
  return out;
}
