/**
 * The optional second extractor: an OpenAI-compatible chat-completions endpoint asked for the draft's facts in the
 * kg-article/1 JSON Schema. What it returns is not trusted: every fact must quote evidence found verbatim in the
 * text, or it is dropped with a warning (and so is what refers to a dropped entity); the result is validated.
 */
import { articleJsonSchema, validateDocument, type ArticleDocument } from '../ingest';
import { FORMAT_TAG } from '../model';
import type { ArticleMeta, Draft } from './extract';
import { notice, type Notice } from './notices';
import { checkText } from './textCheck';

export interface LlmOptions {
  /** the API's base URL (…/v1) or its chat-completions URL */
  url: string;
  model: string;
  apiKey?: string;
  /** the whole request, connecting to reading the last byte of the answer (default 120 s) */
  timeoutMs?: number;
}

export const DEFAULT_LLM_TIMEOUT_MS = 120_000;

/** The model could not be asked, did not answer in time, or answered with something that is not a draft. */
export class LlmError extends Error {
  constructor(message: string, readonly reason: 'timeout' | 'unreachable' | 'status' | 'answer') {
    super(message);
    this.name = 'LlmError';
  }
}

const INSTRUCTIONS =
  'You extract facts from a Chinese government or development-zone newsletter into JSON that follows the given schema ' +
  '(the entities, events, relations and figures of a kg-article/1 document). Every entity, event, relation and figure ' +
  'must have "evidence": the sentence that supports it, copied exactly from the text. Use only facts the text states.';

type Fact = { evidence?: unknown; key?: unknown; [k: string]: unknown };

function endpoint(url: string): string {
  return /\/chat\/completions\/?$/u.test(url) ? url : `${url.replace(/\/+$/u, '')}/chat/completions`;
}

function factsSchema(): Record<string, unknown> {
  const schema = articleJsonSchema() as { properties: Record<string, unknown> };
  const { entities, events, relations, figures } = schema.properties;
  return { type: 'object', required: ['entities'], properties: { entities, events, relations, figures } };
}

function list(value: unknown): Fact[] {
  return Array.isArray(value) ? value.filter((x): x is Fact => x !== null && typeof x === 'object') : [];
}

/** Keeps the facts whose evidence is in the text; drops the rest, and what names a dropped entity. */
function keepQuoted(raw: Record<string, unknown>, text: string, notices: Notice[]): Omit<ArticleDocument, 'format' | 'article'> {
  const quoted = (f: Fact, where: string): boolean => {
    if (typeof f.evidence === 'string' && f.evidence.length > 0 && text.includes(f.evidence.normalize('NFC'))) return true;
    notices.push(notice(f.evidence === undefined ? 'llm.evidenceMissing' : 'llm.evidenceNotInText', { where }));
    return false;
  };
  const entities = list(raw.entities).filter((e, i) => quoted(e, `entities[${i}] ${String(e.name ?? '')}`));
  const keys = new Set(entities.map((e) => e.key));
  const known = (k: unknown, where: string): boolean => {
    if (keys.has(k)) return true;
    notices.push(notice('llm.unknownEntity', { where, key: JSON.stringify(k) }));
    return false;
  };
  const events = list(raw.events)
    .filter((e, i) => quoted(e, `events[${i}] ${String(e.name ?? '')}`))
    .map((e) => ({ ...e, participants: list(e.participants).filter((p) => keys.has(p.entity)) }));
  const relations = list(raw.relations).filter((r, i) => quoted(r, `relations[${i}]`) && known(r.from, `relations[${i}]`) && known(r.to, `relations[${i}]`));
  const figures = list(raw.figures).filter((f, i) => quoted(f, `figures[${i}] ${String(f.metric ?? '')}`) && known(f.subject, `figures[${i}]`));
  return { entities, events, relations, figures } as unknown as Omit<ArticleDocument, 'format' | 'article'>;
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;

/**
 * One chat-completions request, bounded as a whole: one timer covers connecting, the answer's headers and its body
 * (a server that sends headers and then stalls is cut off too). Every failure is an LlmError saying what and where.
 */
async function askModel(text: string, options: LlmOptions): Promise<Record<string, unknown>> {
  const limit = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limit);
  let body: string;
  try {
    const response = await fetch(endpoint(options.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
      signal: controller.signal,
      body: JSON.stringify({
        model: options.model,
        temperature: 0,
        messages: [{ role: 'system', content: INSTRUCTIONS }, { role: 'user', content: text }],
        response_format: { type: 'json_schema', json_schema: { name: 'kg_article_facts', schema: factsSchema() } },
      }),
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new LlmError(`the model at ${options.url} answered ${response.status} ${response.statusText}`, 'status');
    }
    body = await response.text();
  } catch (error) {
    if (error instanceof LlmError) throw error;
    if (controller.signal.aborted) {
      throw new LlmError(`the model at ${options.url} did not answer within ${seconds(limit)} (the whole request: connecting, waiting, reading the answer); kg extract --llm-timeout SECONDS gives it longer`, 'timeout');
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new LlmError(`could not reach the model at ${options.url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`, 'unreachable');
  } finally {
    clearTimeout(timer);
  }
  let raw: unknown;
  try {
    const content = (JSON.parse(body) as { choices?: Array<{ message?: { content?: unknown } }> }).choices?.[0]?.message?.content;
    raw = typeof content === 'string' ? JSON.parse(content) : content;
  } catch {
    throw new LlmError(`the model at ${options.url} did not answer with JSON`, 'answer');
  }
  if (!raw || typeof raw !== 'object') throw new LlmError(`the model at ${options.url} answered without facts`, 'answer');
  return raw as Record<string, unknown>;
}

/** Asks the model for a draft of `text`; never returns a fact whose evidence is not in the text. */
export async function extractWithLlm(input: string, meta: ArticleMeta, options: LlmOptions): Promise<Draft> {
  const { text, notices } = checkText(input);
  const article = Object.fromEntries(
    Object.entries({ id: meta.id ?? 'llm-draft', title: meta.title ?? (text.split('\n')[0].trim().slice(0, 60) || 'untitled'), publisher: meta.publisher, publishedOn: meta.publishedOn, url: meta.url, language: 'zh', text: text || undefined })
      .filter(([, v]) => v !== undefined),
  ) as ArticleDocument['article'];
  const empty: ArticleDocument = { format: FORMAT_TAG, article, entities: [], events: [], relations: [], figures: [] };
  if (text.length === 0) return { document: empty, notices, warnings: notices.map((n) => n.message), unsure: 0 };
  const raw = await askModel(text, options);
  const document: ArticleDocument = { format: FORMAT_TAG, article, ...keepQuoted(raw, text, notices) };
  const validation = validateDocument(document);
  if (!validation.ok) notices.push(...validation.problems.map((p) => notice('draft.invalid', { path: p.path, message: p.message })));
  const unsure = [...document.entities, ...document.events].filter((x) => typeof x.attributes?.confidence === 'number' && x.attributes.confidence < 0.8).length;
  return { document, notices, warnings: notices.map((n) => n.message), unsure };
}
