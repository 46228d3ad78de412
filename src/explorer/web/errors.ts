/** Failed requests shown to the analyst: the GraphQL message and code; a missing key opens the key dialog. */
import { ApiError, isAbort, type GraphQLErrorItem } from './api';
import { KEY_REQUIRED, openKeyDialog } from './keyDialog';
import { toast } from './toast';
import { t } from './i18n';

export function errorParts(e: unknown): { message: string; code: string; errors: GraphQLErrorItem[] } {
  if (e instanceof ApiError) return { message: e.message, code: e.code, errors: e.errors };
  return { message: (e as Error)?.message ?? String(e), code: 'CLIENT_ERROR', errors: [] };
}

/** Opens the key dialog when the code says a key is needed. */
export function askForKeyIf(code: string): void {
  if (code === 'UNAUTHENTICATED') openKeyDialog(KEY_REQUIRED);
}

export function showError(what: string, e: unknown): void {
  if (isAbort(e)) return;
  const { message, code } = errorParts(e);
  toast('error', what, message, code);
  askForKeyIf(code);
}

/** Errors that came back alongside data (a partial result). */
export function showPartialErrors(what: string, errors: GraphQLErrorItem[]): void {
  for (const err of errors.slice(0, 2)) toast('warn', t('req.partly', { what }), err.message, String(err.extensions?.code ?? 'ERROR'));
}
