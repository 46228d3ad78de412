/** Filtering and styling the canvas (src/explorer/web/canvasStyle.ts): which nodes stay, their sizes and colours. */
import { colourKey, colours, DEFAULT_STYLE, isFiltering, passes, sizes, type CanvasStyle, type StyledNode } from '../src/explorer/web/canvasStyle';

const node = (id: string, type: string, kind: string | null, degree: number, extra: Partial<StyledNode> = {}): StyledNode => ({ id, label: id, type, kind, date: null, degree, ...extra });
const NODES: StyledNode[] = [
  node('江南大学', 'Organization', 'University', 3, { mentions: 2 }),
  node('高邮经济开发区', 'Organization', 'DevelopmentZone', 40, { mentions: 9 }),
  node('金锋', 'Person', null, 5, { mentions: 1 }),
  node('6/26 对接会', 'Event', 'Meeting', 12, { date: '2023-06-26' }),
  node('5/20 拜访', 'Event', 'Visit', 1, { date: '2023-05-20' }),
];
const shown = (s: Partial<CanvasStyle>) => NODES.filter((n) => passes(n, { ...DEFAULT_STYLE, ...s })).map((n) => n.id);

describe('filtering the canvas', () => {
  it('when nothing is set, then every node stays and nothing counts as filtering', () => {
    expect(shown({})).toHaveLength(NODES.length);
    expect(isFiltering(DEFAULT_STYLE)).toBe(false);
  });

  it('when types, a kind, a property value or a least degree are set, then only the nodes meeting all of them stay', () => {
    expect(shown({ types: ['Event'] })).toEqual(['6/26 对接会', '5/20 拜访']);
    expect(shown({ types: [] })).toEqual([]);
    expect(shown({ kind: 'University' })).toEqual(['江南大学']);
    expect(shown({ property: 'name', value: '开发区' })).toEqual(['高邮经济开发区']);
    expect(shown({ property: 'date', value: '2023-06' })).toEqual(['6/26 对接会']);
    expect(shown({ property: 'kind', value: 'meet' })).toEqual(['6/26 对接会']);
    expect(shown({ minDegree: 5 })).toEqual(['高邮经济开发区', '金锋', '6/26 对接会']);
    expect(shown({ types: ['Organization'], minDegree: 5 })).toEqual(['高邮经济开发区']);
    expect(isFiltering({ ...DEFAULT_STYLE, minDegree: 1 })).toBe(true);
  });
});

describe('sizes and colours', () => {
  it('when sized by degree or mentions, then the largest measure gets the largest node and none is below the least size', () => {
    const byDegree = sizes(NODES, 'degree')!;
    expect(byDegree.get('高邮经济开发区')).toBe(72);
    expect(byDegree.get('5/20 拜访')).toBeLessThan(byDegree.get('金锋')!);
    const byMentions = sizes(NODES, 'mentions')!;
    expect(byMentions.get('高邮经济开发区')).toBe(72);
    expect(byMentions.get('6/26 对接会')).toBe(24); // not known yet: the least size
    expect(sizes(NODES, 'none')).toBeNull();
  });

  it('when coloured by kind or month, then each value present has its own colour, the same for the same graph', () => {
    const byKind = colours(NODES, 'kind')!;
    expect(byKind.size).toBe(4);
    expect(new Set(byKind.values()).size).toBe(4);
    expect(colourKey(NODES[2], 'kind')).toBeNull();
    expect(colours([...NODES].reverse(), 'kind')).toEqual(byKind);
    const byMonth = colours(NODES, 'month')!;
    expect([...byMonth.keys()]).toEqual(['2023-05', '2023-06']);
    expect(colours(NODES, 'type')).toBeNull();
  });
});
