/**
 * API keys → roles. `Authorization: Bearer <key>`: an editor key gives 'editor', a reader key 'reader',
 * no header 'anonymous'. A header that is present but not a known key is refused (UNAUTHENTICATED), never
 * silently downgraded to anonymous. Keys are compared as SHA-256 digests with `crypto.timingSafeEqual`,
 * against every configured key without stopping early, so neither a key's length nor its position leaks
 * through timing.
 */
import { createHash, timingSafeEqual } from 'crypto';
import { HeaderMap } from '@apollo/server';
import type { Role } from '../api/context';
import { ApiError } from '../api/errors';

const digest = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();
const BEARER = /^Bearer\s+(\S+)$/i;

function authError(message: string): ApiError {
  return new ApiError('UNAUTHENTICATED', message, {
    http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) },
  });
}

export class KeyRing {
  private readonly entries: { digest: Buffer; role: Exclude<Role, 'anonymous'> }[];

  constructor(editorKeys: string[], readerKeys: string[]) {
    this.entries = [
      ...editorKeys.map((k) => ({ digest: digest(k), role: 'editor' as const })),
      ...readerKeys.map((k) => ({ digest: digest(k), role: 'reader' as const })),
    ];
  }

  /** the role of `key`, or undefined when it is not a configured key */
  roleOf(key: string): Exclude<Role, 'anonymous'> | undefined {
    const d = digest(key);
    let found: Exclude<Role, 'anonymous'> | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(d, entry.digest) && found === undefined) found = entry.role;
    }
    return found;
  }

  /**
   * The caller's role from the Authorization header. Throws UNAUTHENTICATED (HTTP 401) for a
   * malformed header, an unknown key, or (when `readsRequireKey`) no key at all.
   */
  roleFromHeader(authorization: string | undefined, readsRequireKey: boolean): Role {
    const header = authorization?.trim();
    if (!header) {
      if (readsRequireKey) throw authError('an API key is required (Authorization: Bearer <key>)');
      return 'anonymous';
    }
    const m = BEARER.exec(header);
    if (!m) throw authError('the Authorization header must be "Bearer <API key>"');
    const role = this.roleOf(m[1]);
    if (!role) throw authError('the API key is not valid');
    return role;
  }
}
