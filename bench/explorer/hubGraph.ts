/**
 * The benchmark's graph: a development zone with 2 000 neighbours (800 officials in three posts, 700 meetings
 * it organised, 300 partner companies, 200 projects it operates), in four kg-article/1 documents.
 */
export const HUB_ID = 'org:bench-hub-zone';
export const HUB_NAME = '基准枢纽开发区';
const TITLES = ['科员', '副主任', '主任'];

type Fact = { entity?: Record<string, unknown>; event?: Record<string, unknown>; relation?: Record<string, unknown> };

export function hubDocuments(): Record<string, unknown>[] {
  const kinds: { n: number; make: (i: number) => Fact }[] = [
    { n: 800, make: (i) => ({ entity: { key: `p${i}`, type: 'Person', name: `基准干部${i}号` }, relation: { type: 'HOLDS_POSITION', from: `p${i}`, to: 'hub', attributes: { title: TITLES[i % 3] }, evidence: `基准干部${i}号任${TITLES[i % 3]}。` } }) },
    {
      n: 700,
      make: (i) => ({
        event: { key: `m${i}`, type: 'Meeting', name: `基准第${i}次例会`, date: `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`, participants: [{ entity: 'hub', role: 'organizer' }] },
      }),
    },
    { n: 300, make: (i) => ({ entity: { key: `c${i}`, type: 'Organization', kind: 'Company', name: `基准合作企业${i}有限公司` }, relation: { type: 'PARTNER_OF', from: 'hub', to: `c${i}` } }) },
    { n: 200, make: (i) => ({ entity: { key: `j${i}`, type: 'Project', name: `基准项目${i}` }, relation: { type: 'OPERATES', from: 'hub', to: `j${i}` } }) },
  ];
  const facts = kinds.flatMap((k) => Array.from({ length: k.n }, (_, i) => k.make(i)));
  return Array.from({ length: 4 }, (_, d) => {
    const part = facts.slice(d * 500, (d + 1) * 500);
    return {
      format: 'kg-article/1',
      article: { id: `bench-hub-${d}`, title: `基准枢纽报道${d}`, publishedOn: '2023-12-01', language: 'zh' },
      entities: [{ key: 'hub', type: 'Organization', kind: 'DevelopmentZone', id: HUB_ID, name: HUB_NAME }, ...part.flatMap((f) => (f.entity ? [f.entity] : []))],
      events: part.flatMap((f) => (f.event ? [f.event] : [])),
      relations: part.flatMap((f) => (f.relation ? [f.relation] : [])),
    };
  });
}
