import * as path from 'path';
import { findRepoRoot } from '../config';

/** Where `npm run build:explorer` writes the page: dist/explorer/ (KG_EXPLORER_DIR overrides). */
export function defaultAssetsDir(): string {
  const override = process.env.KG_EXPLORER_DIR;
  return override && override.trim() !== '' ? path.resolve(override) : path.join(findRepoRoot(), 'dist', 'explorer');
}

/** The page's sources (src/explorer/web), also right when running from dist/src/explorer. */
export function webSourceDir(): string {
  return path.join(findRepoRoot(), 'src', 'explorer', 'web');
}

/** Files the bundle consists of; the router serves nothing else. */
export const ASSET_FILES = ['index.html', 'app.js', 'app.css'] as const;
