/**
 * Entity derivation from grouped mentions (what Cypher sends back: one row per distinct mention content,
 * with count and first/last article id) gives exactly what the per-mention definition gives, on randomised
 * mention lists full of ties and repeated values; and the database's grouping agrees with it too.
 */
import { applySchema } from '../src/graph';
import { ingestAll, ingestDocument } from '../src/ingest';
import { type DerivationRow, deriveEntities, deriveEntity, deriveFromGroups, derivationsWith, readDerivations, type Mention, type MentionGroup } from '../src/ingest/deriveEntities';
import { LOOKUP_IDENTITIES } from '../src/ingest/lookupIdentitiesStatement';
import type { EntityType } from '../src/model';
import { testDatabase, useTestDatabase } from './support/db';
import { articleDoc } from './support/documents';
import { sharedDocs } from './reliability.helpers';
import { NOTHING_STALE, staleDerivations } from './support/staleDerivations';

interface ProfileNode {
  dbHits: number;
  children: ProfileNode[];
}
const dbHits = (p: ProfileNode): number => p.dbHits + p.children.reduce((n, c) => n + dbHits(c), 0);

/** mulberry32: a small seeded generator, so that a failure is reproducible from its seed */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Groups mentions the way readDerivations' Cypher does: by (name, aliases, kind, attributes). */
function group(mentions: Mention[]): MentionGroup[] {
  const groups = new Map<string, MentionGroup>();
  for (const m of mentions) {
    const key = JSON.stringify([m.name, m.aliases, m.kind, m.attributes]);
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { name: m.name, aliases: m.aliases, kind: m.kind, attributes: m.attributes, count: 1, firstArticle: m.article, lastArticle: m.article });
    } else {
      g.count += 1;
      if (m.article < g.firstArticle) g.firstArticle = m.article;
      if (m.article > g.lastArticle) g.lastArticle = m.article;
    }
  }
  return [...groups.values()];
}

function randomMentions(random: () => number): Mention[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  // few distinct values, so that counts tie and contents repeat
  const names = ['王伟', '王 伟', 'Wang Wei', 'WANG WEI', '王伟同志'].slice(0, 1 + Math.floor(random() * 5));
  const aliasPool = ['小王', '王工', 'Wei', '王伟', 'Wang Wei'];
  const kinds = [null, null, 'Company', 'University', 'Other'];
  const attributePool = ['{}', '{"a":1}', '{"a":2}', '{"b":"x"}', '{"a":1,"b":"y"}', '{"c":[1,2]}', '{"a":null}'];
  const articles = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => `art-${String(i).padStart(3, '0')}`);
  const n = 1 + Math.floor(random() * 40);
  return Array.from({ length: n }, () => ({
    // repeated article ids too (only a merge of two entities makes them; the order must still be total)
    article: pick(articles),
    name: pick(names),
    aliases: Array.from({ length: Math.floor(random() * 3) }, () => pick(aliasPool)),
    kind: pick(kinds),
    attributes: pick(attributePool),
  }));
}

function shuffled<T>(xs: T[], random: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('derivation from grouped mentions', () => {
  const types: EntityType[] = ['Person', 'Organization', 'Place'];

  it('equals the per-mention derivation on 3000 random mention lists (ties, repeats, same-article pairs)', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const random = rng(seed);
      const mentions = randomMentions(random);
      const type = types[seed % types.length];
      const expected = deriveEntity('x', type, mentions);
      // whatever order the mentions and the groups come in
      expect({ seed, derived: deriveFromGroups('x', type, shuffled(group(shuffled(mentions, random)), random)) }).toEqual({ seed, derived: expected });
      expect(deriveEntity('x', type, shuffled(mentions, random))).toEqual(expected);
    }
  });

  it('breaks a tie in counts by the earliest article, for names and kinds alike', () => {
    const m = (article: string, name: string, kind: string | null = null): Mention => ({ article, name, aliases: [], kind, attributes: '{}' });
    const mentions = [m('b', 'B', 'University'), m('c', 'A', 'Company'), m('a', 'A', 'University'), m('d', 'B', 'Company')];
    const d = deriveFromGroups('x', 'Organization', group(mentions));
    expect(d).toEqual(deriveEntity('x', 'Organization', mentions));
    expect(d.name).toBe('A');
    expect(d.kind).toBe('University');
    expect(d.aliases).toEqual(['B']);
  });

  it('when names tie in counts, then the Chinese and then the longer one is the name (a full name over its abbreviation), whichever article sorts first', () => {
    const m = (article: string, name: string, aliases: string[] = []): Mention => ({ article, name, aliases, kind: null, attributes: '{}' });
    const mentions = [m('a-later', '高邮经开区'), m('b-seed', '高邮经济开发区', ['开发区'])];
    const d = deriveFromGroups('x', 'Organization', group(mentions));
    expect(d).toEqual(deriveEntity('x', 'Organization', mentions));
    expect(d.name).toBe('高邮经济开发区');
    expect(d.aliases).toEqual(['高邮经开区', '开发区']);
    // counts still come first: two articles saying the short form outweigh one saying the full name
    expect(deriveEntity('x', 'Organization', [...mentions, m('c', '高邮经开区')]).name).toBe('高邮经开区');
    // a Chinese name over a Latin one, and a spelling with more spaces or capitals is not a longer name
    expect(deriveEntity('x', 'Organization', [m('a', 'Jiangnan University'), m('b', '江南大学')]).name).toBe('江南大学');
    expect(deriveEntity('x', 'Organization', [m('a', 'Jiangnan University'), m('b', 'JIANGNAN   university')]).name).toBe('Jiangnan University');
  });

  it('takes each attribute from the latest article that gives it, even when its content repeats an earlier one', () => {
    const m = (article: string, attributes: string): Mention => ({ article, name: 'N', aliases: [], kind: null, attributes });
    // the group {"a":1} spans a1…a4, so its last position is after {"a":2} at a3
    const mentions = [m('a1', '{"a":1}'), m('a2', '{"b":1}'), m('a3', '{"a":2}'), m('a4', '{"a":1}')];
    const d = deriveFromGroups('x', 'Person', group(mentions));
    expect(d).toEqual(deriveEntity('x', 'Person', mentions));
    expect(JSON.parse(d.attributes)).toEqual({ a: 1, b: 1 });
  });
});

describe('derivation known before the write (what was read, plus the mentions a load adds)', () => {
  it('equals the derivation from all the mentions, on 1000 random splits into read and added', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const random = rng(seed);
      const mentions = randomMentions(random);
      const cut = Math.floor(random() * (mentions.length + 1));
      const [before, added] = [mentions.slice(0, cut), mentions.slice(cut)];
      const read = new Map<string, DerivationRow>();
      if (before.length > 0) read.set('x', { id: 'x', type: 'Person', groups: group(before), current: {}, keys: [] });
      const { derived, orphans } = derivationsWith(read, new Map([['x', { type: 'Person', mentions: added }]]));
      expect(orphans).toEqual([]);
      expect({ seed, derived }).toEqual({ seed, derived: [deriveEntity('x', 'Person', mentions)] });
    }
  });

  it('when an entity\'s stored groups are not a JSON list, then it says which entity and how to rebuild them', () => {
    const row = (mentionGroups: string): DerivationRow => ({ id: 'org:x', type: 'Organization', groups: null, current: { mentionGroups }, keys: [] });
    const added = new Map([['org:x', { type: 'Organization' as const, mentions: [] }]]);
    for (const text of ['oops', '{"name":"x"}']) {
      expect(() => derivationsWith(new Map([['org:x', row(text)]]), added)).toThrow(
        'entity "org:x": its stored mention groups (mentionGroups) are not a JSON list; remove the property (REMOVE e.mentionGroups)',
      );
    }
  });

  it('leaves out an entity the added mentions do not change', () => {
    const m = (article: string, name: string): Mention => ({ article, name, aliases: [], kind: null, attributes: '{}' });
    const before = [m('a1', '金锋'), m('a2', '金锋'), m('a3', '金锋同志')];
    const now = deriveEntity('p', 'Person', before);
    const read = new Map<string, DerivationRow>([
      ['p', { id: 'p', type: 'Person', groups: group(before), current: { ...now }, keys: now.nameKeys }],
    ]);
    // one more 金锋: the name, aliases and keys stay
    expect(derivationsWith(read, new Map([['p', { type: 'Person', mentions: [m('a4', '金锋')] }]])).derived).toEqual([]);
    // a new alias changes it
    expect(derivationsWith(read, new Map([['p', { type: 'Person', mentions: [m('a4', '金书记')] }]])).derived).toEqual([
      deriveEntity('p', 'Person', [...before, m('a4', '金书记')]),
    ]);
  });
});

describe('what a load writes is what re-deriving from the mentions gives', () => {
  const driver = useTestDatabase();
  beforeAll(() => applySchema(driver(), testDatabase()));
  const q = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await driver().executeQuery(cypher, params, { database: testDatabase() })).records.map((r) => r.toObject());

  it.each([1, 7])('when 40 articles that keep naming the same entities are loaded %i per transaction, then nothing is left to re-derive', async (batch) => {
    const summary = await ingestAll(driver(), sharedDocs(40).map((document, i) => ({ source: `doc ${i}`, document })), { database: testDatabase(), batch });
    expect(summary.totals.created).toBe(40);
    expect((await q('MATCH (e:Entity) RETURN count(e) AS n'))[0].n).toBeGreaterThan(10);
    // derived properties, name keys and stored mention groups all agree with the mentions
    expect(await staleDerivations(driver(), testDatabase())).toEqual(NOTHING_STALE);
  });

  it('when entities have no stored mention groups (a graph written before they existed), then a new article naming them derives them from their mentions and stores them', async () => {
    const docs = sharedDocs(6);
    await ingestAll(driver(), docs.slice(0, 5).map((document, i) => ({ source: `doc ${i}`, document })), { database: testDatabase() });
    const before = await q('MATCH (e:Entity) RETURN e.id AS id, e.mentionGroups AS groups ORDER BY id');
    expect(before.every((e) => typeof e.groups === 'string' && JSON.parse(e.groups).length > 0)).toBe(true);
    await q('MATCH (e:Entity) REMOVE e.mentionGroups');

    expect(await ingestDocument(driver(), docs[5], 'test', { database: testDatabase() })).toMatchObject({ status: 'created' });
    const named = new Set((await q(`MATCH (:Article {id: $id})-[:MENTIONS]->(e) RETURN e.id AS id`, { id: docs[5].article.id })).map((r) => r.id));
    const after = await q('MATCH (e:Entity) RETURN e.id AS id, e.mentionGroups AS groups ORDER BY id');
    // the ones it names have theirs again, counting its mentions; the others are left without until touched
    expect(after.filter((e) => e.groups !== null).map((e) => e.id)).toEqual([...named].sort());
    await q('MATCH (e:Entity) WHERE e.mentionGroups IS NULL SET e.mentionGroups = $none', { none: 'stale on purpose' });
    const stale = await staleDerivations(driver(), testDatabase());
    expect(stale.derived).toEqual([]);
    expect(stale.groups.map((g) => g.id)).toEqual(after.filter((e) => e.groups === null).map((e) => e.id));
  });

  it('when a new article names an entity, then the identity lookup reads its stored groups: its cost does not grow with the entity\'s mentions', async () => {
    // two organisations, mentioned by 60 and by 600 articles, derived (which stores their groups)
    await q(
      `UNWIND [['org:small', 60], ['org:big', 600]] AS x
       CREATE (e:Entity:Organization {id: x[0], type: 'Organization', name: 'tmp'})
       WITH e, x
       UNWIND range(1, x[1]) AS i
       CREATE (:Article {id: x[0] + '-' + i})-[:MENTIONS {key: 'k', name: x[0], aliases: [], kind: null, attributes: '{}'}]->(e)`,
    );
    const session = driver().session({ database: testDatabase() });
    try {
      await session.executeWrite((tx) => deriveEntities(tx, ['org:small', 'org:big']));
    } finally {
      await session.close();
    }
    const lookupHits = async (id: string, from: 'stored' | 'mentions'): Promise<number> => {
      const s = driver().session({ database: testDatabase() });
      const tx = await s.beginTransaction();
      try {
        const params = { q: { article: 'new-article', hash: 'h', keys: [], explicit: [id], lookups: [], generated: [], mentions: [] } };
        const result = await tx.run(`PROFILE ${LOOKUP_IDENTITIES}`, params);
        const [row, ...more] = result.records[0].get('derivations') as DerivationRow[];
        expect(more).toEqual([]);
        // the groups come from where they should, and count every mention either way
        expect(row.groups === null ? 'stored' : 'mentions').toBe(from);
        const [group] = row.groups ?? JSON.parse(row.current.mentionGroups!);
        expect([row.id, Number(group.count)]).toEqual([id, id === 'org:big' ? 600 : 60]);
        return dbHits(result.summary.profile as unknown as ProfileNode);
      } finally {
        await tx.rollback();
        await s.close();
      }
    };
    const stored = { small: await lookupHits('org:small', 'stored'), big: await lookupHits('org:big', 'stored') };
    // without stored groups, the lookup reads the mentions instead: the same statement, 540 mentions more
    await q('MATCH (e:Entity) REMOVE e.mentionGroups');
    const read = { small: await lookupHits('org:small', 'mentions'), big: await lookupHits('org:big', 'mentions') };
    expect(read.big - read.small).toBeGreaterThan(540 * 2);
    expect(stored.big - stored.small).toBeLessThan(20);
    expect(stored.big).toBeLessThan(read.small);
  });

  it('when a concurrent load creates the entity a load meant to create, then the entity is derived from both', async () => {
    const doc = (id: string, entity: Record<string, unknown>) => ({ ...articleDoc(id, { events: [], relations: [], figures: [] }), entities: [{ key: 'p', type: 'Person', ...entity }] });
    const load = (d: unknown, afterStep?: (step: string) => Promise<void>) => ingestDocument(driver(), d, 'test', { database: testDatabase(), afterStep });
    // person:甲 exists but is named 丙: the name 甲 identifies nothing, and a new 甲 gets the id person:甲~2
    expect(await load(doc('a0', { id: 'person:甲', name: '丙' }))).toMatchObject({ status: 'created' });
    // The identity lookup locks every id it asks about, so only such a "~2" id, which it does not ask about, can be
    // created by another load between the lookup and the write. Here, b does that, with an explicit id and another
    // name (no name key of a's to wait for), and commits while a is between its lookup and its write.
    let concurrent: Promise<unknown> | undefined;
    const a = await load(doc('a1', { name: '甲' }), async (step) => {
      if (step !== 'forgotten' || concurrent) return;
      concurrent = load(doc('b1', { id: 'person:甲~2', name: '乙' }));
      expect(await concurrent).toMatchObject({ status: 'created', counts: { entitiesCreated: 1 } });
    });
    // a meant to create person:甲~2 and found b's
    expect(a).toMatchObject({ status: 'created', counts: { entitiesCreated: 1 } });
    const rows = (
      await driver().executeQuery(
        `MATCH (p:Person {id: 'person:甲~2'})
         RETURN p.name AS name, p.aliases AS aliases, COLLECT { MATCH (k:NameKey)-[:IDENTIFIES]->(p) RETURN k.key ORDER BY k.key } AS keys,
                COLLECT { MATCH (art:Article)-[:MENTIONS]->(p) RETURN art.id ORDER BY art.id } AS articles`,
        {},
        { database: testDatabase() },
      )
    ).records.map((r) => r.toObject());
    // one mention each: the tie goes to the smaller article id (a1); b1's name is an alias, and both names identify it
    expect(rows).toEqual([{ name: '甲', aliases: ['乙'], keys: ['Person|乙', 'Person|甲'], articles: ['a1', 'b1'] }]);
    expect(await staleDerivations(driver(), testDatabase())).toEqual(NOTHING_STALE);
  });
});

describe('the database groups mentions as the definition expects', () => {
  const driver = useTestDatabase();
  beforeAll(() => applySchema(driver(), testDatabase()));

  it('readDerivations derives what deriveEntity derives from every single mention', async () => {
    const random = rng(42);
    const entities = Array.from({ length: 6 }, (_, i) => ({ id: `org:e${i}`, mentions: randomMentions(random) }));
    // one MENTIONS per (article, mention), several per article where the list repeats an article
    await driver().executeQuery(
      `UNWIND $entities AS x
       CREATE (e:Entity:Organization {id: x.id, type: 'Organization', name: 'tmp'})
       WITH e, x
       UNWIND x.mentions AS m
       MERGE (a:Article {id: m.article})
       CREATE (a)-[:MENTIONS {key: 'k', name: m.name, aliases: m.aliases, kind: m.kind, attributes: m.attributes}]->(e)`,
      { entities },
      { database: testDatabase() },
    );
    await driver().executeQuery('CREATE (:Entity:Organization {id: "org:orphan", type: "Organization", name: "nobody"})', {}, { database: testDatabase() });
    const session = driver().session({ database: testDatabase() });
    try {
      const result = await session.executeWrite((tx) => readDerivations(tx, [...entities.map((e) => e.id), 'org:orphan', 'org:missing']));
      expect(result.orphans).toEqual(['org:orphan']);
      expect(result.derived).toEqual(entities.map((e) => deriveEntity(e.id, 'Organization', e.mentions)));
    } finally {
      await session.close();
    }
  });
});
