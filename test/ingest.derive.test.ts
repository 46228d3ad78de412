/**
 * Entity derivation from grouped mentions (what Cypher sends back: one row per distinct mention content,
 * with count and first/last article id) gives exactly what the per-mention definition gives, on randomised
 * mention lists full of ties and repeated values; and the database's grouping agrees with it too.
 */
import { applySchema } from '../src/graph';
import { deriveEntity, deriveFromGroups, readDerivations, type Mention, type MentionGroup } from '../src/ingest/deriveEntities';
import type { EntityType } from '../src/model';
import { testDatabase, useTestDatabase } from './support/db';

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

  it('takes each attribute from the latest article that gives it, even when its content repeats an earlier one', () => {
    const m = (article: string, attributes: string): Mention => ({ article, name: 'N', aliases: [], kind: null, attributes });
    // the group {"a":1} spans a1…a4, so its last position is after {"a":2} at a3
    const mentions = [m('a1', '{"a":1}'), m('a2', '{"b":1}'), m('a3', '{"a":2}'), m('a4', '{"a":1}')];
    const d = deriveFromGroups('x', 'Person', group(mentions));
    expect(d).toEqual(deriveEntity('x', 'Person', mentions));
    expect(JSON.parse(d.attributes)).toEqual({ a: 1, b: 1 });
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
