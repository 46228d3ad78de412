/**
 * Which node labels fit (pure, unit-tested): labels are taken in rank order and one is drawn only when its box does
 * not overlap a label already taken, so a crowded canvas shows fewer labels, each readable, instead of a heap of them.
 */

/** A label's box on screen (px), and whether it is drawn whatever overlaps it (a selected node, a path's). */
export interface LabelBox {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  forced?: boolean;
}

const CELL = 64;

/**
 * The ids of the labels to draw: every forced one, then the others in the order given while they fit (no overlap
 * with one taken, `gap` px apart) and fewer than `budget` are taken.
 */
export function placeLabels(boxes: readonly LabelBox[], budget = Infinity, gap = 2): Set<string> {
  const grid = new Map<string, LabelBox[]>();
  const taken = new Set<string>();
  const cells = (b: LabelBox): string[] => {
    const out: string[] = [];
    for (let i = Math.floor(b.x1 / CELL); i <= Math.floor(b.x2 / CELL); i += 1) for (let j = Math.floor(b.y1 / CELL); j <= Math.floor(b.y2 / CELL); j += 1) out.push(`${i},${j}`);
    return out;
  };
  const overlaps = (a: LabelBox, b: LabelBox): boolean => a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
  const take = (b: LabelBox): void => {
    taken.add(b.id);
    for (const c of cells(b)) {
      const list = grid.get(c);
      if (list) list.push(b);
      else grid.set(c, [b]);
    }
  };
  for (const b of boxes) if (b.forced) take(b);
  let free = 0;
  for (const b of boxes) {
    if (b.forced || free >= budget) continue;
    if (cells(b).some((c) => grid.get(c)?.some((o) => overlaps(b, o)))) continue;
    take(b);
    free += 1;
  }
  return taken;
}

/** The label font size (graph px) at each level of detail, and the widest a label is drawn (longer ones end in "…"). */
export const LABEL_FONT = { base: 11, 'fs-m': 15, 'fs-l': 22, 'fs-xl': 32 } as const;
export const LABEL_MAX_WIDTH = { node: 140, nodeXl: 260, cluster: 280, clusterXl: 420 } as const;
