import * as fs from 'fs';
import * as path from 'path';

/** The repository root: the nearest directory at or above this file holding package.json. */
export function projectRoot(start: string = __dirname): string {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** Where `npm run build:explorer` writes the page: dist/explorer/ (KG_EXPLORER_DIR overrides). */
export function defaultAssetsDir(): string {
  const override = process.env.KG_EXPLORER_DIR;
  return override && override.trim() !== '' ? path.resolve(override) : path.join(projectRoot(), 'dist', 'explorer');
}

/** The page's sources (src/explorer/web), also right when running from dist/src/explorer. */
export function webSourceDir(): string {
  return path.join(projectRoot(), 'src', 'explorer', 'web');
}

/** Files the bundle consists of; the router serves nothing else. */
export const ASSET_FILES = ['index.html', 'app.js', 'app.css'] as const;
