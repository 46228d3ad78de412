import * as fs from 'fs';
import * as path from 'path';

/**
 * The Node flags that `npm start` runs the server with (`node <flags> dist/src/main.js` in package.json), so
 * that benchmarks measure the server as it is run, not under Node's defaults.
 */
export function startScriptNodeFlags(root = path.resolve(__dirname, '..', '..')): string[] {
  const start = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start as string;
  const flags = /\bnode((?: --\S+)*) dist\/src\/main\.js/.exec(start);
  if (!flags) throw new Error(`cannot read the node flags of the start script: ${start}`);
  return flags[1].split(' ').filter(Boolean);
}
