import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config';
import { openDatabase, type DatabaseOptions } from '../graph';
import { checkJudgementsFile, exportJudgements, formatProblem, importJudgements, type JudgementsFile } from '../ingest';
import type { Config } from '../config';

export const JUDGEMENTS_USAGE = `  kg judgements export > file.json              print every merge and distinct judgement (with undone ones)
  kg judgements import <file.json>               record them again, making the merges in force: articles plus
                                                 judgements rebuild the graph (load the articles first)`;

/** `kg judgements export|import`: the editors' judgements, the part of a graph that articles do not hold. */
export async function judgementsCommand(args: string[], env: NodeJS.ProcessEnv, options: (config: Config) => DatabaseOptions): Promise<number> {
  const [action, path, ...extra] = args;
  if (!((action === 'export' && path === undefined) || (action === 'import' && path !== undefined && extra.length === 0))) {
    process.stderr.write(`usage:\n${JUDGEMENTS_USAGE}\n`);
    return 2;
  }
  let file: JudgementsFile | undefined;
  if (action === 'import') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(path!, 'utf8'));
    } catch (error) {
      process.stderr.write(`kg: ${path}: cannot read it as JSON: ${(error as Error).message}\n`);
      return 1;
    }
    const problems = checkJudgementsFile(parsed);
    if (problems.length > 0) {
      for (const p of problems) process.stderr.write(`kg: ${path}: ${formatProblem(p)}\n`);
      return 1;
    }
    file = parsed as JudgementsFile;
  }
  const db = await openDatabase(options(loadConfig(env)));
  try {
    if (!file) {
      process.stdout.write(`${JSON.stringify(await exportJudgements(db.driver, db.database), null, 2)}\n`);
      return 0;
    }
    const done = await importJudgements(db.driver, file, db.database);
    process.stdout.write(
      `imported ${done.imported} judgements, ${done.present} already present` +
        (done.notApplied.length > 0 ? `; merges not made (their kept entity is not in the graph): ${done.notApplied.join(', ')}` : '') +
        '\n',
    );
    return done.notApplied.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}
