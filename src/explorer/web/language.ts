/** The interface language switch (中文 / English) in the top bar; a switch redraws every part of the page. */
import { el } from './elements';
import { lang, setLang, translatePage } from './i18n';
import { changed } from './state';

export function installLanguage(): void {
  translatePage();
  el.langBtn.addEventListener('click', () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    translatePage();
    changed('lang');
  });
}
