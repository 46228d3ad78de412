/**
 * The usual /graphql requests (GET, or POST of UTF-8 JSON) skip express: its router, body-parser and
 * res.send cost more than Apollo itself on a small query. This reads their body with the answers express
 * gives (`express.json()` with the same limit and `verify`): 413 over the limit, 400 for a body that is not
 * UTF-8 (INVALID_UTF8), not a JSON object or array, or names a member twice, `{}` for an empty body, a BOM dropped. Every other request
 * goes through express.
 */
import type * as http from 'http';
import { JSON_TYPE, jsonError } from './jsonError';
import { decodeUtf8 } from '../ingest';
import { duplicateMemberMessage, invalidUtf8BodyMessage } from './strictJson';

/** body-parser's json() accepts only an object or an array, after JSON whitespace */
const FIRST_NON_SPACE = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d])/;

/** `application/json`, optionally with charset utf-8: what the lean path reads itself */
const PLAIN_JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * Whether a request to /graphql can take the lean path: GET without a body, or POST with a JSON body in
 * UTF-8 and no content encoding. Everything else (OPTIONS preflights, other content types, charsets or
 * encodings, trailing-slash or differently cased paths) goes through express and body-parser.
 */
export function takesLeanPath(req: http.IncomingMessage): boolean {
  const url = req.url ?? '';
  if (!url.startsWith('/graphql') || (url.length > 8 && url.charCodeAt(8) !== 63 /* ? */)) return false;
  const h = req.headers;
  const hasBody = h['transfer-encoding'] !== undefined || h['content-length'] !== undefined;
  if (req.method === 'GET') return !hasBody;
  if (req.method !== 'POST') return false;
  const encoding = h['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const type = h['content-type'];
  return type !== undefined && (type === JSON_TYPE || type === 'application/json' || PLAIN_JSON_TYPE.test(type));
}

export interface BodyLimit {
  bytes: number;
  /** as configured (e.g. "2mb"), for the 413 message */
  text: string;
}

/**
 * Reads the body of a request `takesLeanPath` accepted and calls `onBody` with it parsed (undefined for a
 * GET, whose operation is in the query string), or answers the error itself.
 */
export function readLeanBody(req: http.IncomingMessage, res: http.ServerResponse, limit: BodyLimit, onBody: (body: unknown) => void): void {
  const h = req.headers;
  if (h['transfer-encoding'] === undefined && h['content-length'] === undefined) {
    onBody(undefined);
    return;
  }
  const declared = h['content-length'] === undefined ? undefined : Number(h['content-length']);
  let tooLarge = declared !== undefined && declared > limit.bytes;
  const chunks: Buffer[] = [];
  let received = 0;
  let failed = false;
  req.on('data', (chunk: Buffer) => {
    if (tooLarge) return; // drained, not kept
    received += chunk.length;
    if (received > limit.bytes) {
      tooLarge = true;
      chunks.length = 0;
    } else {
      chunks.push(chunk);
    }
  });
  req.on('error', () => {
    failed = true;
    jsonError(res, 400, 'BAD_REQUEST', 'the request could not be read');
  });
  req.on('end', () => {
    if (failed) return;
    if (tooLarge) return jsonError(res, 413, 'PAYLOAD_TOO_LARGE', `the request body is larger than the limit of ${limit.text}`);
    if (declared !== undefined && received !== declared) return jsonError(res, 400, 'BAD_REQUEST', 'the request could not be read');
    const decoded = decodeUtf8(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    // a bad byte would otherwise become U+FFFD in what the request stores, without a word
    if (!('text' in decoded)) return jsonError(res, 400, 'INVALID_UTF8', invalidUtf8BodyMessage(decoded));
    const parsed = parseJsonBody(decoded.text);
    if (parsed === INVALID) return jsonError(res, 400, 'BAD_REQUEST', 'the request body is not valid JSON');
    // JSON.parse keeps the last of two members of one name without a word (strictJson.ts)
    const duplicate = parsed.text === undefined ? undefined : duplicateMemberMessage(parsed.text);
    if (duplicate) return jsonError(res, 400, 'BAD_REQUEST', duplicate);
    onBody(parsed.body);
  });
}

const INVALID = Symbol('invalid');

/** A body as express.json() reads it: strict (an object or array), `{}` when empty, a BOM dropped; with its text. */
function parseJsonBody(decoded: string): { body: unknown; text?: string } | typeof INVALID {
  let text = decoded;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // body-parser (iconv-lite) drops a BOM
  if (text.length === 0) return { body: {} };
  const c = text.charCodeAt(0);
  const first = c === 123 || c === 91 ? text[0] : FIRST_NON_SPACE.exec(text)?.[1];
  if (first !== '{' && first !== '[') return INVALID;
  try {
    return { body: JSON.parse(text), text };
  } catch {
    return INVALID;
  }
}
