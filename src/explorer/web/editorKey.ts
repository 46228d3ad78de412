/**
 * A request of a view refused for want of an editor key (Add article, Duplicates): the key dialog opens saying
 * why, and the request is sent again once a key is saved. A view keeps one such request, the last refused.
 */
import { getApiKey } from './api';
import { openKeyDialog } from './keyDialog';
import { onChange } from './state';

/** Whether an error code says the request needs an editor key (none was given, or a reader's). */
export const needsEditorKey = (code: string): boolean => code === 'UNAUTHENTICATED' || code === 'FORBIDDEN';

export interface EditorKeyRetry {
  /** keeps `retry`, to send once a key is saved, and opens the key dialog saying `reason` */
  waitForKey(retry: () => Promise<void>, reason: string): void;
}

/** Called from a view's install…(): from then on a saved key sends the request kept. */
export function retryWhenKeySaved(): EditorKeyRetry {
  let pending: (() => Promise<void>) | null = null;
  onChange('access', () => {
    if (!pending || !getApiKey()) return;
    const retry = pending;
    pending = null;
    void retry();
  });
  return {
    waitForKey(retry, reason) {
      pending = retry;
      openKeyDialog(reason);
    },
  };
}
