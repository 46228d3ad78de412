import { LIMITS } from './limits';
import { childPath, type Problem, quote } from './problem';

export type ParsedText = { document: unknown } | { problems: Problem[] };

interface Frame {
  path: string;
  /** object: its member names so far; array: undefined */
  names?: Set<string>;
  /** array: index of the next element */
  index: number;
  /** object: the name of the member whose value comes next */
  member?: string;
  /** object: the next string is a member name */
  expectName: boolean;
}

/**
 * Every member name given twice in one object of `text`, by JSON path (`entities[0].name`). JSON.parse keeps
 * the last value of a duplicate without a word; this finds them. `text` must be valid JSON (parse it
 * first): only strings and brackets are looked at. Iterative, so a document nested 100 000 deep is fine.
 */
export function duplicateMembers(text: string): Problem[] {
  const problems: Problem[] = [];
  const stack: Frame[] = [];
  const valuePath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    return top.names ? childPath(top.path, top.member ?? '') : childPath(top.path, top.index);
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = i + 1;
      for (;;) {
        end = text.indexOf('"', end);
        if (end < 0) return problems; // not JSON after all: nothing more to find
        let backslashes = 0;
        for (let k = end - 1; text.charCodeAt(k) === 0x5c; k -= 1) backslashes += 1;
        if (backslashes % 2 === 0) break;
        end += 1;
      }
      const top = stack[stack.length - 1];
      if (top?.names && top.expectName) {
        const raw = text.slice(i + 1, end);
        const name = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (top.names.has(name)) problems.push({ path: childPath(top.path, name), message: `duplicate member ${quote(name)}: a JSON object must name each member once` });
        top.names.add(name);
        top.member = name;
        top.expectName = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      stack.push({ path: valuePath(), names: c === 0x7b ? new Set() : undefined, index: 0, expectName: c === 0x7b });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.names) top.expectName = true;
      else if (top) top.index += 1;
    }
  }
  return problems;
}

/**
 * A document's JSON text as the CLI reads a file or NDJSON line and `ingestArticle` takes a string: a UTF-8
 * byte order mark at the start is an encoding mark, not text, and is dropped (as HTTP bodies are read); the
 * size is checked before parsing; a member named twice in one object is a problem, not a silent overwrite.
 */
export function parseDocumentText(input: string): ParsedText {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const bytes = Buffer.byteLength(text);
  if (bytes > LIMITS.documentBytes) {
    return { problems: [{ path: '', message: `document is ${bytes} bytes; at most ${LIMITS.documentBytes} allowed` }] };
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const duplicates = duplicateMembers(text);
  return duplicates.length > 0 ? { problems: duplicates } : { document };
}
