import { INSTITUTION_SHORT_FORMS } from '../model/normalize';

/**
 * Short forms of Chinese institutional names for search, long form first (folded text): those identity uses
 * (`INSTITUTION_SHORT_FORMS`, src/model: `管理委员会` = `管委会` …) and the zone abbreviations that identity keeps
 * apart but a reader types for the full name (`经开区` for `经济开发区`). A name and a query are compared in their
 * short forms too, so `高邮经开区` finds 高邮经济开发区 and `…管理委员会` finds `…管委会`. Longer long forms first.
 */
const ZONES: ReadonlyArray<readonly [string, string]> = [
  ['经济技术开发区', '经开区'],
  ['高新技术产业开发区', '高新区'],
  ['经济开发区', '经开区'],
];
export const SHORT_FORMS: ReadonlyArray<readonly [string, string]> = [...ZONES, ...INSTITUTION_SHORT_FORMS].sort((a, b) => b[0].length - a[0].length);

/** A folded text with every long form replaced by its short form. */
export function shortForm(folded: string): string {
  let out = folded;
  for (const [long, short] of SHORT_FORMS) if (out.includes(long)) out = out.split(long).join(short);
  return out;
}
