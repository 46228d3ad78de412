/**
 * An event's `partOf` is a relationship of the graph that the API follows both ways and by global id; a figure's
 * hedge (`qualifier`) and wording (`stated`) are kept and can be filtered on. Both go with their article.
 */
import { ingestDocument } from '../src/ingest';
import { closeTestDriver, testDatabase, testDriver } from './support/db';
import { articleDoc } from './support/documents';
import { graphDump } from './support/graphDump';
import { loadOnly, ok } from './api.harness';

afterAll(() => closeTestDriver());

function occasionDoc(id: string): Record<string, any> {
  const doc = articleDoc(id);
  doc.events.push(
    { key: 'meet', type: 'Meeting', name: '用工要素对接会', date: '2023-06-26', participants: [{ entity: 'zone', role: 'organizer' }] },
    { key: 'sign2', type: 'Signing', name: '合作签约', date: '2023-06-26', partOf: 'meet', participants: [{ entity: 'zone', role: 'signatory' }] },
  );
  doc.events[0].partOf = 'meet';
  doc.figures.push(
    { subject: 'zone', metric: '资金', value: 2, unit: '亿元', period: '2023-H1', qualifier: 'approx', stated: '近2亿元', evidence: '解决资金近2亿元' },
    { subject: 'zone', metric: '规模以上工业产值', value: 295, unit: '亿元', period: '2023-H2', qualifier: 'estimate', stated: '295亿元' },
  );
  return doc;
}

const EVENT = `{ id name partOf { id name } parts { edges { node { id name } } } }`;

describe('when an article says two signings took place during a meeting', () => {
  beforeAll(() => loadOnly([{ source: 'a1', document: occasionDoc('a1') }]), 60_000);

  it('then each signing leads to the meeting, and the meeting to both, by global id', async () => {
    const sign = await ok(`{ node(id: "a1#sign2") { ... on Event ${EVENT} } }`);
    expect(sign.node.partOf).toEqual({ id: 'a1#meet', name: '用工要素对接会' });
    const meeting = await ok(`query($id: ID!) { node(id: $id) { ... on Event ${EVENT} } }`, { id: sign.node.partOf.id });
    expect(meeting.node.partOf).toBeNull();
    expect(meeting.node.parts.edges.map((p: { node: { id: string } }) => p.node.id).sort()).toEqual(['a1#sign', 'a1#sign2']);
  });

  it('then the figures say how they are hedged and as what they were written, and filter on it', async () => {
    const all = await ok(`{ figures(subject: "zone-unknown") { id } }`);
    expect(all.figures).toEqual([]);
    const q = async (args: string) => {
      const data = await ok(`{ entity(id: "organization:高邮经济开发区") { figures${args ? `(${args})` : ''} { edges { node { metric value qualifier stated } } } } }`);
      return data.entity && { figures: data.entity.figures.edges.map((e: any) => e.node) };
    };
    const everything = await q('');
    expect(everything).not.toBeNull();
    expect(everything.figures).toEqual([
      { metric: '规模以上工业产值', value: 295, qualifier: null, stated: null },
      { metric: '规模以上工业产值', value: 295, qualifier: 'ESTIMATE', stated: '295亿元' },
      { metric: '资金', value: 2, qualifier: 'APPROX', stated: '近2亿元' },
    ]);
    expect((await q('qualifiers: [APPROX]')).figures.map((f: any) => f.metric)).toEqual(['资金']);
    expect((await q('hedged: false')).figures.map((f: any) => f.qualifier)).toEqual([null]);
    const root = await ok(`{ figures(qualifiers: [ESTIMATE, AT_LEAST]) { value qualifier subject { name } } }`);
    expect(root.figures).toEqual([{ value: 295, qualifier: 'ESTIMATE', subject: { name: '高邮经济开发区' } }]);
  });

  it('then re-loading the article without the meeting removes the link and the hedged figures with it', async () => {
    const doc = articleDoc('a1');
    doc.article.title = 'without the meeting';
    const report = await ingestDocument(testDriver(), doc, 'reload', { database: testDatabase() });
    expect(report.status).toBe('updated');
    const rels = await testDriver().executeQuery(`MATCH ()-[r:PART_OF_EVENT]->() RETURN count(r) AS n`, {}, { database: testDatabase() });
    expect(Number(rels.records[0].get('n'))).toBe(0);
    const sign = await ok(`{ node(id: "a1#sign") { ... on Event ${EVENT} } }`);
    expect(sign.node).toEqual({ id: 'a1#sign', name: '共建签约仪式', partOf: null, parts: { edges: [] } });
    const figures = await ok(`{ figures(hedged: true) { id } }`);
    expect(figures.figures).toEqual([]);
  });

  it('then a document whose partOf makes a cycle is rejected at its paths and writes nothing', async () => {
    const before = await graphDump(testDriver(), testDatabase());
    const doc = occasionDoc('a2');
    doc.events[1].partOf = 'sign2';
    const report = await ingestDocument(testDriver(), doc, 'cycle', { database: testDatabase() });
    expect(report.status).toBe('rejected');
    expect(report.problems.map((p) => p.path).sort()).toEqual(['events[1].partOf', 'events[2].partOf']);
    expect(await graphDump(testDriver(), testDatabase())).toBe(before);
  });
});
