import type { WHERE_EN } from './strings.where.en';

/** The strings of "Events where…" in an entity's panel (eventWhereSection.ts) in Chinese: the keys of strings.where.en.ts. */
export const WHERE_ZH: Record<keyof typeof WHERE_EN, string> = {
  'where.title': '按条件展开事件',
  'where.hint': '只画出{name}参与的、满足以下条件的事件（由服务器判断，与画布上已有内容无关）。',
  'where.type': '类型',
  'where.role': '其角色',
  'where.from': '起',
  'where.to': '止',
  'where.min': '参与者至少',
  'where.anyType': '任意类型',
  'where.anyRole': '任意角色',
  'where.draw': '画出符合条件的事件',
  'where.finding': '正在查找事件…',
  'where.linking': '正在连接事件…',
  'where.none': '{name}没有符合这些条件的事件。',
  'where.drew': '符合条件的事件：{n} 个；画布上新增 {added} 个。',
  'where.drewSome': '已画出 {total} 个符合条件的事件中的前 {n} 个；画布上新增 {added} 个。',
  'where.failed': '查找事件失败：',
  'where.badCount': '参与者人数须为整数。',
  'where.badOrder': '“止”早于“起”。',
  'where.badDate': '{field}：日期请写作 YYYY-MM-DD、YYYY-MM 或 YYYY。',
};
