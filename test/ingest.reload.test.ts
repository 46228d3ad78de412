import { applySchema } from '../src/graph';
import { ingestDocument } from '../src/ingest';
import { testDatabase, useTestDatabase } from './support/db';
import { articleDoc } from './support/documents';
import { graphDump } from './support/graphDump';
import { NOTHING_STALE, staleDerivations } from './support/staleDerivations';

describe('re-loading, failures and hostile text', () => {
  const driver = useTestDatabase();
  const ingest = (doc: unknown, afterStep?: (step: string) => void) =>
    ingestDocument(driver(), doc, 'test', { database: testDatabase(), afterStep });
  const q = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await driver().executeQuery(cypher, params, { database: testDatabase() })).records.map((r) => r.toObject());

  beforeAll(() => applySchema(driver(), testDatabase()));

  it('when an article is loaded twice, then the second load reports unchanged and changes nothing', async () => {
    expect((await ingest(articleDoc('a'))).status).toBe('created');
    const before = await graphDump(driver(), testDatabase());
    expect((await ingest(articleDoc('a'))).status).toBe('unchanged');
    expect(await graphDump(driver(), testDatabase())).toBe(before);
  });

  it('when an article is re-loaded with less, then what only it said disappears and what others say stays', async () => {
    await ingest(articleDoc('a'));
    const b = articleDoc('b', { events: [], figures: [] });
    b.relations = [{ type: 'PARTNER_OF', from: 'zone', to: 'uni', evidence: 'B says so' }];
    await ingest(b);

    const a2 = articleDoc('a', { events: [], relations: [], figures: [] });
    a2.entities = a2.entities.filter((e: { key: string }) => e.key === 'zone');
    a2.entities[0].aliases = [];
    const report = await ingest(a2);
    expect(report.status).toBe('updated');

    // entities b still names stay, with a's alias gone from what b did not say
    const entities = await q(`MATCH (e:Entity) RETURN e.name AS name ORDER BY name`);
    expect(entities.map((e) => e.name).sort()).toEqual(['Jiangnan University', '金锋', '高邮市', '高邮经济开发区'].sort());
    // b said 开发区 too (its fixture has the alias), so the alias stays
    const [zone] = await q(`MATCH (e:Entity {name: '高邮经济开发区'}) RETURN e.aliases AS aliases`);
    expect(zone.aliases).toEqual(['开发区']);
    // the relation both stated stays, now supported by b alone, with b's evidence and no since from a
    const rels = await q(`MATCH ()-[r:PARTNER_OF]->() RETURN r.sourceArticles AS s, r.evidence AS ev, r.since AS since`);
    expect(rels).toEqual([{ s: ['b'], ev: ['B says so'], since: null }]);
    // a's events and figures are gone; b reported none
    expect(await q(`MATCH (n) WHERE n:Event OR n:Figure RETURN count(n) AS n`)).toEqual([{ n: 0 }]);
    // the entities' stored mention groups no longer count a's: a new article's load will read them
    expect(await staleDerivations(driver(), testDatabase())).toEqual(NOTHING_STALE);
  });

  it('when an article is re-loaded without an entity only it named, then the entity and its name keys are gone', async () => {
    await ingest(articleDoc('a'));
    const a2 = articleDoc('a', { events: [], relations: [], figures: [] });
    a2.entities = a2.entities.filter((e: { key: string }) => e.key !== 'gaoyou');
    await ingest(a2);
    expect(await q(`MATCH (e:Entity {name: '高邮市'}) RETURN e`)).toEqual([]);
    expect(await q(`MATCH (k:NameKey) WHERE k.key CONTAINS '高邮市' RETURN k`)).toEqual([]);
    expect(await q(`MATCH (k:NameKey) WHERE NOT (k)-[:IDENTIFIES]->() RETURN k`)).toEqual([]);
    expect(await staleDerivations(driver(), testDatabase())).toEqual(NOTHING_STALE);
  });

  it.each(['forgotten', 'entities', 'events', 'relations', 'figures', 'derived'])(
    'when a write fails after the %s step, then the graph is exactly as it was',
    async (step) => {
      await ingest(articleDoc('a'));
      const before = await graphDump(driver(), testDatabase());
      const a2 = articleDoc('a');
      a2.article.title = 'changed';
      a2.entities.push({ key: 'new', type: 'Person', name: '新人' });
      await expect(
        ingest(a2, (s) => {
          if (s === step) throw new Error(`injected failure after ${s}`);
        }),
      ).rejects.toThrow(`injected failure after ${step}`);
      expect(await graphDump(driver(), testDatabase())).toBe(before);
    },
  );

  it('stores hostile text verbatim and never runs it', async () => {
    const names = [
      '"}) DETACH DELETE n //',
      "'; MATCH (n) DETACH DELETE n; //",
      '<img src=x onerror=alert(1)>',
      '\u202Eevil\u202C right-to-left',
      '𠀀𪚥 astral 😀',
      '$param {x} `backtick`',
    ];
    const doc = articleDoc('hostile', { events: [], relations: [], figures: [] });
    doc.entities = names.map((name, i) => ({ key: `h${i}`, type: 'Person', name, evidence: name }));
    const report = await ingest(doc);
    expect(report.status).toBe('created');
    const stored = await q(`MATCH (a:Article {id: 'hostile'})-[m:MENTIONS]->(p:Person) RETURN p.name AS name, m.evidence AS ev`);
    expect(stored.map((s) => s.name).sort()).toEqual([...names].sort());
    expect(stored.every((s) => s.name === s.ev)).toBe(true);
    expect(await q(`MATCH (a:Article) RETURN count(a) AS n`)).toEqual([{ n: 1 }]);
  });

  it('stores text as NFC, trimmed', async () => {
    const doc = articleDoc('nfc', { events: [], relations: [], figures: [] });
    doc.entities = [{ key: 'c', type: 'Person', name: '  Cafe\u0301 Zhang  ' }];
    await ingest(doc);
    expect(await q(`MATCH (p:Person) RETURN p.name AS name`)).toEqual([{ name: 'Caf\u00e9 Zhang' }]);
  });
});
