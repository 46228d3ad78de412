import { execFileSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/**
 * The product as `npm start` runs it: compiled by tsc (tsconfig.build.json) into dist/. The query arms load it
 * from there rather than the TypeScript sources through tsx, whose transform adds work of its own (a `__name`
 * call for every closure created, among others: 2-5% of the nested page's CPU per request in an A/B).
 */
export const COMPILED_SRC = path.join(ROOT, 'dist', 'src');

/** Compiles the product (a few seconds), so that the arms never run a dist/ older than the sources. */
export function buildCompiledProduct(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}
