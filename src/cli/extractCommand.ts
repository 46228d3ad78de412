import { readFileSync, statSync } from 'node:fs';
import { loadConfig } from '../config';
import { createDriver, openDatabase } from '../graph';
import { extractArticle, extractWithLlm, Gazetteer, LlmError, loadGazetteer, NotTextError, decodeText, type ArticleMeta, type Draft } from '../extract';
import { ingestDocument } from '../ingest';
import { formatDocumentReport } from './formatReport';

export const EXTRACT_USAGE = `  kg extract <article.txt> [--id ID] [--published-on YYYY-MM-DD] [--title T] [--publisher P] [--ingest]
                                                 draft a kg-article/1 document from a newsletter's plain text
                                                 (stdout); with NEO4J_URI set, names the graph knows are linked;
                                                 --ingest loads the draft instead and says how many facts are unsure;
                                                 --llm URL --model NAME: ask an OpenAI-compatible endpoint instead
                                                 (key in KG_LLM_API_KEY); facts without verbatim evidence are dropped;
                                                 --llm-timeout SECONDS bounds the whole request (default 120)`;

const VALUE_OPTIONS = { '--id': 'id', '--published-on': 'publishedOn', '--title': 'title', '--publisher': 'publisher', '--url': 'url' } as const;
// an article's stored text may have 2 000 000 characters (src/ingest/limits.ts); a file much larger is not one article
const MAX_INPUT_BYTES = 4 * 1024 * 1024;

export class ExtractUsageError extends Error {}

export interface ExtractArgs {
  file: string;
  meta: ArticleMeta;
  ingest: boolean;
  llm?: { url: string; model: string; timeoutMs?: number };
}

export function parseExtractArgs(args: string[]): ExtractArgs {
  const meta: ArticleMeta = {};
  let ingest = false;
  let llmUrl: string | undefined;
  let model: string | undefined;
  let timeout: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--ingest') ingest = true;
    else if (flag === '--llm' || flag === '--model' || flag === '--llm-timeout') {
      const value = inline ?? args[++i];
      if (value === undefined) throw new ExtractUsageError(`${flag} needs a value`);
      if (flag === '--llm') llmUrl = value;
      else if (flag === '--model') model = value;
      else timeout = value;
    }
    else if (flag in VALUE_OPTIONS) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new ExtractUsageError(`${flag} needs a value`);
      meta[VALUE_OPTIONS[flag as keyof typeof VALUE_OPTIONS]] = value;
    } else if (flag.startsWith('--')) throw new ExtractUsageError(`unknown option ${flag} for kg extract`);
    else files.push(a);
  }
  if (files.length !== 1) throw new ExtractUsageError('kg extract takes one text file: kg extract article.txt > draft.json');
  if (meta.publishedOn !== undefined && !/^\d{4}-\d{2}(-\d{2})?$/u.test(meta.publishedOn)) {
    throw new ExtractUsageError(`--published-on must be YYYY-MM-DD or YYYY-MM, not ${JSON.stringify(meta.publishedOn)}`);
  }
  if (meta.id !== undefined && !/^[A-Za-z0-9._:-]{1,200}$/u.test(meta.id)) {
    throw new ExtractUsageError(`--id must be 1-200 characters of A-Z a-z 0-9 . _ : -, not ${JSON.stringify(meta.id)}`);
  }
  if ((llmUrl === undefined) !== (model === undefined)) throw new ExtractUsageError('--llm URL and --model NAME go together');
  if (llmUrl !== undefined && !/^https?:\/\//u.test(llmUrl)) throw new ExtractUsageError(`--llm must be an http(s) URL, not ${JSON.stringify(llmUrl)}`);
  if (timeout !== undefined && llmUrl === undefined) throw new ExtractUsageError('--llm-timeout bounds a request to --llm URL: give that too');
  const seconds = timeout === undefined ? undefined : Number(timeout);
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0 && seconds <= 3600)) {
    throw new ExtractUsageError(`--llm-timeout must be a number of seconds above 0 and at most 3600, not ${JSON.stringify(timeout)}`);
  }
  const llm = llmUrl && model ? { url: llmUrl, model, ...(seconds !== undefined ? { timeoutMs: Math.round(seconds * 1000) } : {}) } : undefined;
  return { file: files[0], meta, ingest, llm };
}

function readArticle(file: string): string {
  const size = statSync(file).size;
  if (size > MAX_INPUT_BYTES) {
    throw new NotTextError(`${file}: ${size} bytes is more than one article (at most ${MAX_INPUT_BYTES} bytes): split it into one file per article`);
  }
  return decodeText(readFileSync(file), file);
}

/** The gazetteer of the graph at NEO4J_URI, or an empty one (offline) when none is configured. */
async function gazetteerFrom(env: NodeJS.ProcessEnv): Promise<Gazetteer> {
  const config = loadConfig(env);
  if (!config.neo4j.uri) return new Gazetteer();
  const driver = createDriver({ ...config.neo4j, uri: config.neo4j.uri });
  try {
    return await loadGazetteer(driver, config.neo4j.database);
  } finally {
    await driver.close();
  }
}

/** `kg extract`: exit 0 with a draft, 1 when the input is not an article's text, 2 for usage errors. */
export async function extractCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  databaseOptions: (config: ReturnType<typeof loadConfig>) => Parameters<typeof openDatabase>[0],
): Promise<number> {
  const { file, meta, ingest, llm } = parseExtractArgs(args);
  // the model not answering (in time) is the input's problem, said like one: status 1, the file and what happened
  const draftOf = async (text: string, gazetteer: Gazetteer): Promise<Draft | null> => {
    if (!llm) return extractArticle(text, meta, { gazetteer });
    try {
      return await extractWithLlm(text, meta, { ...llm, apiKey: env.KG_LLM_API_KEY });
    } catch (error) {
      if (!(error instanceof LlmError)) throw error;
      process.stderr.write(`kg extract: ${file}: ${error.message}\n`);
      return null;
    }
  };
  let text: string;
  try {
    text = readArticle(file);
  } catch (error) {
    if (error instanceof NotTextError) {
      process.stderr.write(`kg extract: ${error.message}\n`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write(`kg extract: ${file}: no such file\n`);
      return 1;
    }
    throw error;
  }
  if (!ingest) {
    const draft = await draftOf(text, llm ? new Gazetteer() : await gazetteerFrom(env));
    if (!draft) return 1;
    for (const w of draft.warnings) process.stderr.write(`kg extract: ${file}: ${w}\n`);
    process.stdout.write(`${JSON.stringify(draft.document, null, 2)}\n`);
    process.stderr.write(`kg extract: ${file}: ${draft.unsure} facts marked unsure (attributes.confidence)\n`);
    return 0;
  }
  const config = loadConfig(env);
  const db = await openDatabase(databaseOptions(config));
  try {
    const gazetteer = await loadGazetteer(db.driver, db.database);
    const draft = await draftOf(text, gazetteer);
    if (!draft) return 1;
    for (const w of draft.warnings) process.stderr.write(`kg extract: ${file}: ${w}\n`);
    const report = await ingestDocument(db.driver, draft.document, file, { database: db.database });
    process.stdout.write(`${formatDocumentReport(report)}\n`);
    process.stdout.write(`${draft.unsure} facts were marked unsure (attributes.confidence < 0.8): review them in the graph\n`);
    return report.status === 'rejected' ? 1 : 0;
  } finally {
    await db.close();
  }
}
