import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { LIMITS } from './limits';
import type { Problem } from './problem';

/** One document read from disk: parsed JSON, or the problems that kept it from being parsed. */
export type SourcedDocument =
  | { source: string; document: unknown }
  | { source: string; problems: Problem[] };

const isNdjson = (path: string): boolean => /\.(ndjson|jsonl)$/i.test(path);
const isJson = (path: string): boolean => /\.json$/i.test(path);

function parse(text: string, source: string): SourcedDocument {
  const bytes = Buffer.byteLength(text);
  if (bytes > LIMITS.documentBytes) {
    return { source, problems: [{ path: '', message: `document is ${bytes} bytes; at most ${LIMITS.documentBytes} allowed` }] };
  }
  try {
    return { source, document: JSON.parse(text) };
  } catch (error) {
    return { source, problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
}

async function* expand(path: string): AsyncGenerator<string> {
  const info = await stat(path);
  if (!info.isDirectory()) {
    yield path;
    return;
  }
  const names = (await readdir(path)).sort();
  for (const name of names) {
    const child = join(path, name);
    const childInfo = await stat(child);
    if (childInfo.isDirectory() || isJson(child) || isNdjson(child)) yield* expand(child);
  }
}

/** The files `readDocuments` would read, with how many documents each holds (NDJSON: non-blank lines). */
export async function countDocuments(paths: string[]): Promise<number> {
  let total = 0;
  for (const root of paths) {
    try {
      for await (const file of expand(root)) {
        if (!isNdjson(file)) total += 1;
        else {
          const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
          for await (const line of lines) if (line.trim() !== '') total += 1;
        }
      }
    } catch {
      total += 1; // reported as missing by readDocuments
    }
  }
  return total;
}

/**
 * Reads documents from files, folders (recursively: every `.json`, `.ndjson` and `.jsonl`) and NDJSON
 * files (one document per line, read as a stream; a bad line is reported with its number and the other
 * lines still load). Blank NDJSON lines are skipped.
 */
export async function* readDocuments(paths: string[]): AsyncGenerator<SourcedDocument> {
  for (const root of paths) {
    let files: AsyncGenerator<string>;
    try {
      await stat(root);
      files = expand(root);
    } catch {
      yield { source: root, problems: [{ path: '', message: 'no such file or folder' }] };
      continue;
    }
    for await (const file of files) {
      if (isNdjson(file)) {
        const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
        let n = 0;
        for await (const line of lines) {
          n += 1;
          if (line.trim() === '') continue;
          yield parse(line, `${file}:${n}`);
        }
      } else {
        const info = await stat(file);
        if (info.size > LIMITS.documentBytes) {
          yield { source: file, problems: [{ path: '', message: `file is ${info.size} bytes; at most ${LIMITS.documentBytes} allowed` }] };
          continue;
        }
        yield parse(await readFile(file, 'utf8'), file);
      }
    }
  }
}
