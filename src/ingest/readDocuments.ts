import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { LIMITS } from './limits';
import { parseDocumentText } from './parseDocumentText';
import type { Problem } from './problem';
import { isNdjson, walkPaths } from './walkPaths';

/** One document read from disk: parsed JSON, or the problems that kept it from being parsed. */
export type SourcedDocument =
  | { source: string; document: unknown }
  | { source: string; problems: Problem[] };

function parse(text: string, source: string): SourcedDocument {
  const parsed = parseDocumentText(text);
  return 'problems' in parsed ? { source, problems: parsed.problems } : { source, document: parsed.document };
}

const unreadable = (source: string, message: string): SourcedDocument => ({ source, problems: [{ path: '', message }] });
const failure = (error: unknown): string => `could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;

/** The lines of an NDJSON file, counted (non-blank) without keeping them; a file being read by readDocuments counts as 1. */
async function countLines(file: string): Promise<number> {
  if (!(await stat(file)).isFile()) return 1; // a pipe is read once, by readDocuments
  let total = 0;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') total += 1;
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
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n += 1;
      if (line.trim() === '') continue;
      yield parse(line, `${file}:${n}`);
    }
  } catch (error) {
    yield unreadable(n === 0 ? file : `${file}:${n + 1}`, failure(error));
  }
}

async function readJson(file: string): Promise<SourcedDocument> {
  try {
    const info = await stat(file);
    if (info.size > LIMITS.documentBytes) return unreadable(file, `file is ${info.size} bytes; at most ${LIMITS.documentBytes} allowed`);
    return parse(await readFile(file, 'utf8'), file);
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
