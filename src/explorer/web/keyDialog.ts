/** The API key button and dialog; a saved or forgotten key is announced on the `access` topic. */
import { getApiKey, setApiKey } from './api';
import { el } from './elements';
import { changed, onChange } from './state';
import { toast } from './toast';
import { t } from './i18n';

/** The reason given when the server asked for a key (resolved when the dialog opens, in the language then). */
export const KEY_REQUIRED = 'keyDialog.required';

function refreshKeyButton(): void {
  const set = getApiKey() !== '';
  el.keyBtn.classList.toggle('btn-key-set', set);
  el.keyBtn.textContent = set ? t('key.buttonSet') : t('key.button');
}

export function openKeyDialog(reason?: string): void {
  if (el.keyDialog.open) return;
  el.keyReason.textContent = reason === KEY_REQUIRED ? t('keyDialog.required') : reason ?? t('keyDialog.reason');
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
    toast('info', getApiKey() ? t('keyDialog.saved') : t('keyDialog.cleared'));
    changed('access');
  });
  refreshKeyButton();
  onChange('lang', refreshKeyButton);
}
