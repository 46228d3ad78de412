/**
 * Standard short forms of Chinese institutional names, long form first (folded text). A name and a query are
 * compared in their short forms too, so `高邮经开区` finds 高邮经济开发区 and `…管理委员会` finds `…管委会`.
 * Longer long forms come first so that `经济技术开发区` is not read as `经济` + `技术开发区`.
 */
export const SHORT_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['经济技术开发区', '经开区'],
  ['高新技术产业开发区', '高新区'],
  ['经济开发区', '经开区'],
  ['党工作委员会', '党工委'],
  ['管理委员会', '管委会'],
  ['人民代表大会', '人大'],
  ['中国共产党', '中共'],
];

/** A folded text with every long form replaced by its short form. */
export function shortForm(folded: string): string {
  let out = folded;
  for (const [long, short] of SHORT_FORMS) if (out.includes(long)) out = out.split(long).join(short);
  return out;
}
