import { applySchema } from '../src/graph';
import { ingestDocument } from '../src/ingest';
import { testDatabase, useTestDatabase } from './support/db';
import { articleDoc } from './support/documents';
import { graphDump } from './support/graphDump';

describe('identity: which graph entity an entity of a new article is', () => {
  const driver = useTestDatabase();
  const ingest = (doc: unknown) => ingestDocument(driver(), doc, 'test', { database: testDatabase() });
  const q = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await driver().executeQuery(cypher, params, { database: testDatabase() })).records.map((r) => r.toObject());

  beforeAll(() => applySchema(driver(), testDatabase()));

  it('when two articles give the same explicit id, then they describe one entity with both as sources', async () => {
    const a = articleDoc('a', { events: [], relations: [], figures: [] });
    a.entities = [{ key: 'p', type: 'Person', name: '金锋', id: 'person:jin-feng' }];
    const b = articleDoc('b', { events: [], relations: [], figures: [] });
    b.entities = [{ key: 'x', type: 'Person', name: '金锋同志', id: 'person:jin-feng' }];
    expect((await ingest(a)).status).toBe('created');
    expect((await ingest(b)).counts?.entitiesCreated).toBe(0);
    const rows = await q(`MATCH (art:Article)-[:MENTIONS]->(p:Person) RETURN p.id AS id, collect(art.id) AS arts`);
    expect(rows).toHaveLength(1);
    expect(rows[0].arts.sort()).toEqual(['a', 'b']);
  });

  it('when names differ only by white space in CJK text or by Latin case, then they are one entity', async () => {
    await ingest(articleDoc('a'));
    const b = articleDoc('b', { events: [], relations: [], figures: [] });
    b.entities = [
      { key: 'j', type: 'Person', name: '金 锋' },
      { key: 'u', type: 'Organization', kind: 'University', name: 'JIANGNAN   university' },
    ];
    const report = await ingest(b);
    expect(report.status).toBe('created');
    expect(report.counts?.entitiesCreated).toBe(0);
    const uni = await q(`MATCH (o:Organization {kind: 'University'}) RETURN o.name AS name, o.aliases AS aliases`);
    expect(uni).toHaveLength(1);
    expect(uni[0].aliases).toEqual(expect.arrayContaining(['江南大学', 'JIANGNAN   university']));
  });

  it('when a new article names an entity by one of its aliases, then it is that entity', async () => {
    await ingest(articleDoc('a'));
    const b = articleDoc('b', { events: [], relations: [], figures: [] });
    b.entities = [{ key: 'u', type: 'Organization', name: '江南大学' }];
    expect((await ingest(b)).counts?.entitiesCreated).toBe(0);
  });

  it('when the same name has another type, then it is another entity', async () => {
    await ingest(articleDoc('a'));
    const b = articleDoc('b', { events: [], relations: [], figures: [] });
    b.entities = [{ key: 'g', type: 'Organization', kind: 'GovernmentAgency', name: '高邮市' }];
    expect((await ingest(b)).counts?.entitiesCreated).toBe(1);
    expect(await q(`MATCH (e:Entity {name: '高邮市'}) RETURN e.type AS t ORDER BY t`)).toEqual([{ t: 'Organization' }, { t: 'Place' }]);
  });

  it('when a name matches two existing entities, then the article is rejected naming both, and nothing is merged', async () => {
    const a = articleDoc('a', { events: [], relations: [], figures: [] });
    a.entities = [
      { key: 'w1', type: 'Person', name: '王伟', id: 'person:wang-wei-1' },
      { key: 'w2', type: 'Person', name: '王伟', id: 'person:wang-wei-2' },
    ];
    expect((await ingest(a)).status).toBe('created');
    const before = await graphDump(driver(), testDatabase());
    const b = articleDoc('b', { events: [], relations: [], figures: [] });
    b.entities = [{ key: 'w', type: 'Person', name: '王伟' }];
    const report = await ingest(b);
    expect(report.status).toBe('rejected');
    expect(report.problems).toEqual([
      expect.objectContaining({ path: 'entities[0].name', message: expect.stringMatching(/ambiguous.*person:wang-wei-1.*person:wang-wei-2/) }),
    ]);
    expect(await graphDump(driver(), testDatabase())).toBe(before);
  });

  it('when an explicit id belongs to an entity of another type, then the article is rejected', async () => {
    await ingest(articleDoc('a', { entities: [{ key: 'x', type: 'Place', name: '高邮', id: 'gaoyou' }], events: [], relations: [], figures: [] }));
    const report = await ingest(
      articleDoc('b', { entities: [{ key: 'x', type: 'Person', name: '高邮', id: 'gaoyou' }], events: [], relations: [], figures: [] }),
    );
    expect(report.problems).toEqual([{ path: 'entities[0].id', message: '"gaoyou" is already a Place, not a Person' }]);
  });

  it('when two entities of one article resolve to the same existing entity, then the article is rejected', async () => {
    await ingest(articleDoc('a'));
    const b = articleDoc('b', { events: [], relations: [], figures: [] });
    b.entities = [
      { key: 'z1', type: 'Organization', name: '开发区' },
      { key: 'z2', type: 'Organization', name: '高邮经济开发区' },
    ];
    const report = await ingest(b);
    expect(report.status).toBe('rejected');
    expect(report.problems[0]).toMatchObject({ path: 'entities[1]', message: expect.stringMatching(/same entity .* as entities\[0\]/) });
  });

  it('when four articles share entities, then each entity exists once however they are loaded', async () => {
    const docs = ['d1', 'd2', 'd3', 'd4'].map((id) => articleDoc(id));
    await Promise.all(docs.map((d) => ingest(d)));
    const rows = await q(`MATCH (e:Entity) RETURN e.type AS type, e.name AS name, count(*) AS n ORDER BY name`);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(rows).toHaveLength(4);
    const [rel] = await q(`MATCH ()-[r:PARTNER_OF]->() RETURN count(r) AS n, r.sourceArticles AS s`);
    expect(rel.n).toBe(1);
    expect([...rel.s].sort()).toEqual(['d1', 'd2', 'd3', 'd4']);
  });
});
