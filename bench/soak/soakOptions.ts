/** The soak's command line (see the comment at the top of bench/soak.ts). */
import * as path from 'path';
import { positiveNumber } from '../lib/positiveNumber';

const ROOT = path.resolve(__dirname, '..', '..');

export interface SoakOptions {
  minutes: number;
  docs: number;
  connections: number;
  probeSeconds: number;
  rate?: number;
  /** names of QUERY_MIX entries to use; default all */
  queries?: string[];
  logLevel: string;
  out: string;
  /** Node flags of the server; default those of `npm start` (package.json) */
  nodeFlags?: string[];
}

export function parseSoakArgs(argv: string[]): SoakOptions {
  const o: SoakOptions = { minutes: 5, docs: 200, connections: 8, probeSeconds: 20, logLevel: 'info', out: path.join(ROOT, 'bench', 'results') };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const num = () => {
      i += 1;
      return positiveNumber(flag, value);
    };
    if (flag === '--minutes') o.minutes = num();
    else if (flag === '--docs') o.docs = Math.round(num());
    else if (flag === '--connections') o.connections = Math.round(num());
    else if (flag === '--probe-seconds') o.probeSeconds = num();
    else if (flag === '--rate') o.rate = num();
    else if (flag === '--log-level') (o.logLevel = value), (i += 1);
    else if (flag === '--queries') (o.queries = value.split(',').map((q) => q.trim())), (i += 1);
    else if (flag === '--out') (o.out = path.resolve(value)), (i += 1);
    else if (flag === '--node-flags') (o.nodeFlags = value.split(' ').filter(Boolean)), (i += 1);
    else throw new Error(`unknown option ${flag} (see the comment at the top of bench/soak.ts)`);
  }
  return o;
}
