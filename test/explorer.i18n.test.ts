/** The interface's two string tables (src/explorer/web/strings.*.ts): the same keys, the same placeholders. */
import { EN } from '../src/explorer/web/strings.en';
import { ZH } from '../src/explorer/web/strings.zh';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the interface strings', () => {
  it('when a string is in English, then it is in Chinese too, with the same placeholders', () => {
    expect(Object.keys(ZH).sort()).toEqual(Object.keys(EN).sort());
    for (const [key, en] of Object.entries(EN)) expect([key, placeholders(ZH[key as keyof typeof EN])]).toEqual([key, placeholders(en)]);
  });

  it('when a string is shown in Chinese, then it is not left in English (apart from names of keys and codes)', () => {
    const untranslated = Object.entries(EN).filter(([key, en]) => ZH[key as keyof typeof EN] === en && /[a-z]{3}/.test(en));
    expect(untranslated.map(([k]) => k)).toEqual(['panel.tipShift', 'panel.tipDelete']);
  });
});
