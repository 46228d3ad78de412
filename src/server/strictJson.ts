import type { IncomingMessage } from 'http';
import { duplicateMembers } from '../ingest';

/**
 * Why a request body (valid JSON) is refused: a member named twice in one object, which JSON.parse would
 * silently read as the last value (an `ingestArticle` document would lose what the CLI reports by path).
 */
export function duplicateMemberMessage(text: string): string | undefined {
  const first = duplicateMembers(text)[0];
  return first && `the request body names a member twice, at ${first.path}: each member of a JSON object must be named once`;
}

/** `express.json({ verify })`: the same check on the bodies that take the express path (other charsets, compressed). */
export function verifyNoDuplicateMembers(_req: IncomingMessage, _res: unknown, buf: Buffer, encoding: string): void {
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
