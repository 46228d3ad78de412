/** Which node labels are drawn on a crowded canvas (src/explorer/web/labelPlacement.ts): the best ranked that fit, none over another. */
import { placeLabels, type LabelBox } from '../src/explorer/web/labelPlacement';

const box = (id: string, x: number, y: number, w = 60, h = 14, forced = false): LabelBox => ({ id, x1: x, y1: y, x2: x + w, y2: y + h, forced });

describe('label placement', () => {
  it('when two labels would overlap, then only the better ranked (first given) is drawn', () => {
    expect([...placeLabels([box('hub', 0, 0), box('member', 30, 5), box('far', 200, 0)])]).toEqual(['hub', 'far']);
  });

  it('when labels only touch within the gap, then they count as overlapping; apart, both are drawn', () => {
    expect(placeLabels([box('a', 0, 0), box('b', 61, 0)], Infinity, 2).has('b')).toBe(false);
    expect(placeLabels([box('a', 0, 0), box('b', 63, 0)], Infinity, 2).has('b')).toBe(true);
  });

  it('when a label is forced (a selected node, a path), then it is drawn and the others give way to it', () => {
    const chosen = placeLabels([box('hub', 0, 0), box('selected', 20, 0, 60, 14, true)]);
    expect([...chosen]).toEqual(['selected']);
  });

  it('when a budget is given, then no more than that many labels that were not forced are drawn', () => {
    const many = Array.from({ length: 50 }, (_, i) => box(`n${i}`, (i % 10) * 100, Math.floor(i / 10) * 40));
    expect(placeLabels(many).size).toBe(50);
    expect(placeLabels(many, 7).size).toBe(7);
    expect([...placeLabels(many, 3)]).toEqual(['n0', 'n1', 'n2']);
  });

  it('when a label spans several cells of the grid, then an overlap in any of them is seen', () => {
    const wide = box('wide', 0, 0, 400, 14);
    expect(placeLabels([wide, box('under', 330, 8)]).has('under')).toBe(false);
    expect(placeLabels([wide, box('below', 330, 40)]).has('below')).toBe(true);
  });
});
