/** The API key button and dialog; a saved or forgotten key is announced on the `access` topic. */
import { getApiKey, setApiKey } from './api';
import { el } from './elements';
import { changed } from './state';
import { toast } from './toast';

export const KEY_REQUIRED = 'This server requires an API key for reads. Paste one to continue.';

function refreshKeyButton(): void {
  const set = getApiKey() !== '';
  el.keyBtn.classList.toggle('btn-key-set', set);
  el.keyBtn.textContent = set ? 'API key set' : 'API key';
}

export function openKeyDialog(reason?: string): void {
  if (el.keyDialog.open) return;
  el.keyReason.textContent = reason ?? 'If this server requires a key for reads, paste it here. It is kept in this tab only (sessionStorage) and sent as “Authorization: Bearer …”.';
  el.keyInput.value = getApiKey();
  el.keyDialog.showModal();
  el.keyInput.focus();
}

export function installKeyDialog(): void {
  el.keyBtn.addEventListener('click', () => openKeyDialog());
  el.keyCancel.addEventListener('click', () => el.keyDialog.close());
  el.keyClear.addEventListener('click', () => {
    setApiKey('');
    el.keyInput.value = '';
    refreshKeyButton();
    el.keyDialog.close();
  });
  el.keyForm.addEventListener('submit', () => {
    setApiKey(el.keyInput.value.trim());
    refreshKeyButton();
    toast('info', getApiKey() ? 'Key saved for this tab' : 'Key cleared');
    changed('access');
  });
  refreshKeyButton();
}
