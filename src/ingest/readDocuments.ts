import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { LIMITS } from './limits';
import { parseDocumentText } from './parseDocumentText';
import type { Problem } from './problem';
import { decodeUtf8, invalidUtf8Message } from './utf8';
import { isNdjson, walkPaths } from './walkPaths';

/** One document read from disk: parsed JSON, or the problems that kept it from being parsed. */
export type SourcedDocument =
  | { source: string; document: unknown }
  | { source: string; problems: Problem[] };

/**
 * A document's bytes: not UTF-8 is a problem naming the byte offset (of the line, and of the file, for an NDJSON
 * line starting at `lineStart`), never a silent U+FFFD.
 */
function parse(bytes: Uint8Array, source: string, lineStart?: number): SourcedDocument {
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) {
    const of = lineStart === undefined ? '' : ` of the line, ${lineStart + decoded.invalidAt} of the file`;
    return { source, problems: [{ path: '', message: `${invalidUtf8Message(decoded, of)}: a document must be UTF-8 text` }] };
  }
  const parsed = parseDocumentText(decoded.text);
  return 'problems' in parsed ? { source, problems: parsed.problems } : { source, document: parsed.document };
}

const unreadable = (source: string, message: string): SourcedDocument => ({ source, problems: [{ path: '', message }] });
const failure = (error: unknown): string => `could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;

/**
 * The lines of a file as bytes (split at LF, a CR before it dropped), each with its line number and the byte
 * offset where it starts: bytes, so that a line that is not UTF-8 can be reported, not decoded into U+FFFD.
 */
async function* byteLines(file: string): AsyncGenerator<{ bytes: Buffer; n: number; start: number }> {
  const withoutCr = (line: Buffer) => (line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, line.length - 1) : line);
  let pending: Buffer[] = [];
  let n = 0;
  let start = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let end = chunk.indexOf(0x0a); end >= 0; end = chunk.indexOf(0x0a, from)) {
      const line = pending.length === 0 ? chunk.subarray(from, end) : Buffer.concat([...pending, chunk.subarray(from, end)]);
      pending = [];
      yield { bytes: withoutCr(line), n: ++n, start };
      start += line.length + 1;
      from = end + 1;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
  if (pending.length > 0) yield { bytes: withoutCr(Buffer.concat(pending)), n: ++n, start };
}

/** White space only (or nothing, or a byte order mark): a line that is skipped. */
function blank(line: Buffer): boolean {
  const first = line.findIndex((b) => b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0b && b !== 0x0c);
  if (first < 0) return true;
  if (line[first] < 0x80) return false;
  return line.toString('utf8').trim() === ''; // U+3000, a BOM …: as String.prototype.trim sees them
}

/** The lines of an NDJSON file, counted (non-blank) without keeping them; a file being read by readDocuments counts as 1. */
async function countLines(file: string): Promise<number> {
  if (!(await stat(file)).isFile()) return 1; // a pipe is read once, by readDocuments
  let total = 0;
  for await (const { bytes } of byteLines(file)) if (!blank(bytes)) total += 1;
  return total;
}

/** How many documents `readDocuments` will yield (NDJSON: non-blank lines; an unreadable entry: 1). */
export async function countDocuments(paths: string[]): Promise<number> {
  let total = 0;
  for await (const entry of walkPaths(paths)) {
    if ('problem' in entry || !isNdjson(entry.file)) total += 1;
    else total += await countLines(entry.file).catch(() => 1);
  }
  return total;
}

async function* readNdjson(file: string): AsyncGenerator<SourcedDocument> {
  let n = 0;
  try {
    for await (const line of byteLines(file)) {
      n = line.n;
      if (blank(line.bytes)) continue;
      yield parse(line.bytes, `${file}:${n}`, line.start);
    }
  } catch (error) {
    yield unreadable(n === 0 ? file : `${file}:${n + 1}`, failure(error));
  }
}

async function readJson(file: string): Promise<SourcedDocument> {
  try {
    const info = await stat(file);
    if (info.size > LIMITS.documentBytes) return unreadable(file, `file is ${info.size} bytes; at most ${LIMITS.documentBytes} allowed`);
    return parse(await readFile(file), file);
  } catch (error) {
    return unreadable(file, failure(error));
  }
}

/**
 * Reads documents from files, folders (recursively: every `.json`, `.ndjson` and `.jsonl` regular file, see
 * `walkPaths`) and NDJSON files (one document per line, read as a stream; a bad line is reported with its
 * number and the other lines still load). Blank NDJSON lines are skipped. An entry that cannot be read is
 * yielded as a rejected input, and the rest are still read.
 */
export async function* readDocuments(paths: string[]): AsyncGenerator<SourcedDocument> {
  for await (const entry of walkPaths(paths)) {
    if ('problem' in entry) yield unreadable(entry.source, entry.problem);
    else if (isNdjson(entry.file)) yield* readNdjson(entry.file);
    else yield await readJson(entry.file);
  }
}
