import type { IncomingMessage } from 'http';
import { decodeUtf8, type DecodedUtf8, duplicateMembers, invalidUtf8Message } from '../ingest';

/** Why a request body is refused when its bytes are not UTF-8 (answered 400 INVALID_UTF8). */
export const invalidUtf8BodyMessage = (d: Exclude<DecodedUtf8, { text: string }>): string =>
  `the request body is ${invalidUtf8Message(d)}: send JSON in UTF-8 (a bad byte is refused, not replaced by U+FFFD)`;

/**
 * Why a request body (valid JSON) is refused: a member named twice in one object, which JSON.parse would
 * silently read as the last value (an `ingestArticle` document would lose what the CLI reports by path).
 */
export function duplicateMemberMessage(text: string): string | undefined {
  const first = duplicateMembers(text)[0];
  return first && `the request body names a member twice, at ${first.path}: each member of a JSON object must be named once`;
}

/**
 * `express.json({ verify })`: the same checks on the bodies that take the express path (other charsets,
 * compressed): a UTF-8 body that is not UTF-8, then a member named twice.
 */
export function verifyNoDuplicateMembers(_req: IncomingMessage, _res: unknown, buf: Buffer, encoding: string): void {
  if (/^utf-?8$/i.test(encoding || 'utf-8')) {
    const decoded = decodeUtf8(buf);
    if (!('text' in decoded)) throw Object.assign(new Error(invalidUtf8BodyMessage(decoded)), { status: 400, type: 'entity.invalid.utf8' });
  }
  let text: string;
  try {
    text = new TextDecoder(encoding || 'utf-8').decode(buf);
    JSON.parse(text);
  } catch {
    return; // body-parser reports what is wrong with it
  }
  const message = duplicateMemberMessage(text);
  if (message) throw Object.assign(new Error(message), { status: 400, type: 'entity.duplicate.member' });
}
