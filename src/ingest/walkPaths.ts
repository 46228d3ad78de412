import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** A file to read, or an entry that cannot be read, with why. */
export type WalkedEntry = { file: string } | { source: string; problem: string };

export const isNdjson = (path: string): boolean => /\.(ndjson|jsonl)$/i.test(path);
export const isDocumentFile = (path: string): boolean => /\.(json|ndjson|jsonl)$/i.test(path);

const within = (real: string, root: string): boolean => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);

function kindOf(entry: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (entry.isFIFO()) return 'a FIFO';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const reason = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or folder';
  return `cannot be read (${code ?? (error as Error).message})`;
};

/** One walk from a root the user named: the real folders it has entered, so a link never makes it read one twice. */
class Walk {
  private readonly entered = new Set<string>();
  private readonly read = new Set<string>();

  constructor(private readonly rootReal: string) {}

  async *folder(path: string, real: string, ancestors: string[]): AsyncGenerator<WalkedEntry> {
    if (this.entered.has(real)) return; // reached again through a link: read once
    this.entered.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch (error) {
      yield { source: path, problem: `folder ${reason(error)}` };
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const inside = [...ancestors, real];
    // links last, so that a file or folder reached both directly and through a link is read under its own name
    const links = entries.filter((e) => e.isSymbolicLink());
    for (const entry of entries) {
      const child = join(path, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) yield* this.folder(child, join(real, entry.name), inside);
      else if (!isDocumentFile(child)) continue;
      else if (entry.isFile()) yield* this.file(child, join(real, entry.name));
      else yield { source: child, problem: `${kindOf(entry)}, not a regular file; only regular files are read` };
    }
    for (const entry of links) yield* this.link(join(path, entry.name), inside);
  }

  private *file(path: string, real: string): Generator<WalkedEntry> {
    if (this.read.has(real)) return; // reached again through a link: read once
    this.read.add(real);
    yield { file: path };
  }

  /**
   * A link inside a folder is followed only to a regular file or a folder inside the same root, and never
   * into a folder it is already in (a loop); anything else that would have been read is reported.
   */
  private async *link(path: string, ancestors: string[]): AsyncGenerator<WalkedEntry> {
    let real: string;
    try {
      real = await realpath(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') yield { source: path, problem: 'symbolic link loop; not followed' };
      else if (code === 'ENOENT') {
        if (isDocumentFile(path)) yield { source: path, problem: 'dangling symbolic link: its target does not exist' };
      } else yield { source: path, problem: `symbolic link ${reason(error)}` };
      return;
    }
    const target = await stat(real).catch(() => undefined);
    if (!target) return; // removed since realpath: nothing to read
    if (!target.isDirectory() && !isDocumentFile(path)) return; // not a document or a folder: ignored as any such file
    if (!within(real, this.rootReal)) {
      yield { source: path, problem: `symbolic link to ${real}, outside ${this.rootReal}; not followed` };
    } else if (target.isDirectory()) {
      if (ancestors.includes(real)) yield { source: path, problem: `symbolic link loop: ${real} contains this link; not followed` };
      else yield* this.folder(path, real, ancestors);
    } else if (target.isFile()) yield* this.file(path, real);
    else yield { source: path, problem: `symbolic link to ${kindOf(target)}, not a regular file; only regular files are read` };
  }
}

/**
 * The files named and, for each folder, every `.json`, `.ndjson` and `.jsonl` regular file under it, in
 * name order. A path named by the user is read whatever it is (a link, a pipe such as /dev/stdin); inside
 * a folder, only regular files are read, links are followed only within the folder and never into a loop,
 * and what cannot be read is yielded as a problem instead of ending the walk.
 */
export async function* walkPaths(paths: string[]): AsyncGenerator<WalkedEntry> {
  for (const root of paths) {
    let real: string;
    let isFolder: boolean;
    try {
      real = await realpath(root);
      isFolder = (await stat(real)).isDirectory();
    } catch (error) {
      yield { source: root, problem: reason(error) };
      continue;
    }
    if (isFolder) yield* new Walk(real).folder(root, real, []);
    else yield { file: root };
  }
}
