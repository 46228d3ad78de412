/** Number cells of the tables: one or two decimals, a dash for what is not a number; a target met or not. */
export const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
export const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
export const mark = (ok: boolean) => (ok ? '✅' : '❌');
