import type { AuthChecker } from 'type-graphql';
import type { Context, Role } from './context';
import { forbidden, unauthenticated } from './errors';

const RANK: Record<Role, number> = { anonymous: 0, reader: 1, editor: 2 };

/**
 * `@Authorized('editor')`: the caller's role (decided by the server from the API key) must rank at least as
 * high as one of the roles named. Anonymous callers are told to authenticate (UNAUTHENTICATED); known callers
 * without the role are refused (FORBIDDEN). Reads carry no decorator: whether anonymous reads are allowed
 * is the server's decision.
 */
export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  const needed = roles.length === 0 ? RANK.reader : Math.min(...roles.map((r) => RANK[r as Role] ?? Infinity));
  if (RANK[context.role] >= needed) return true;
  if (context.role === 'anonymous') throw unauthenticated();
  throw forbidden(`this operation needs the ${roles.join(' or ')} role`);
};
