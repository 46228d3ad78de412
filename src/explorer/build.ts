/**
 * Bundles the explorer page: src/explorer/web/main.ts (+ cytoscape) → app.js, styles.css → app.css,
 * index.html copied, all into dist/explorer/.
 *
 *   npm run build:explorer                 # minified
 *   npx tsx src/explorer/build.ts --dev    # with inline source maps, not minified
 *
 * esbuild is a devDependency: this module is never loaded by the server (src/explorer/index.ts only
 * reads the files it writes).
 */
import * as fs from 'fs';
import * as path from 'path';
import { ASSET_FILES, defaultAssetsDir, webSourceDir } from './paths';

export interface BuildOptions {
  /** default dist/explorer */
  outDir?: string;
  /** default true */
  minify?: boolean;
  sourcemap?: boolean;
  /** print a line per file */
  log?: (line: string) => void;
}

export interface BuildResult {
  outDir: string;
  files: { name: string; bytes: number }[];
}

export async function buildExplorer(opts: BuildOptions = {}): Promise<BuildResult> {
  // required lazily so that merely importing this module does not need esbuild
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const src = webSourceDir();
  const outDir = path.resolve(opts.outDir ?? defaultAssetsDir());
  const minify = opts.minify ?? true;
  fs.mkdirSync(outDir, { recursive: true });
  const common = {
    bundle: true,
    minify,
    sourcemap: opts.sourcemap ? ('inline' as const) : false,
    logLevel: 'warning' as const,
    legalComments: 'eof' as const,
    charset: 'utf8' as const,
  };
  await esbuild.build({
    ...common,
    entryPoints: [path.join(src, 'main.ts')],
    outfile: path.join(outDir, 'app.js'),
    format: 'iife',
    platform: 'browser',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    tsconfig: path.join(src, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  await esbuild.build({
    ...common,
    entryPoints: [path.join(src, 'styles.css')],
    outfile: path.join(outDir, 'app.css'),
    target: ['chrome100', 'firefox100', 'safari15'],
  });
  fs.copyFileSync(path.join(src, 'index.html'), path.join(outDir, 'index.html'));
  const files = ASSET_FILES.map((name) => ({ name, bytes: fs.statSync(path.join(outDir, name)).size }));
  for (const f of files) opts.log?.(`  ${path.relative(process.cwd(), path.join(outDir, f.name))}  ${(f.bytes / 1024).toFixed(1)} KiB`);
  return { outDir, files };
}

if (require.main === module) {
  const dev = process.argv.includes('--dev');
  const started = Date.now();
  buildExplorer({ minify: !dev, sourcemap: dev, log: (l) => process.stdout.write(`${l}\n`) }).then(
    (r) => process.stdout.write(`explorer built into ${path.relative(process.cwd(), r.outDir) || '.'} in ${Date.now() - started} ms\n`),
    (e: unknown) => {
      process.stderr.write(`explorer build failed: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}
