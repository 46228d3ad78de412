/**
 * Writes through the schema: who may write, ingesting a document, deleting an article (removing only what
 * only it supported) and merging two entities. Each scenario starts from the seed alone.
 */
import { closeTestDriver, testDatabase, testDriver } from './support/db';
import { ARTICLE, codes, exec, ok, seed, sorted } from './api.harness';
import { NOTHING_STALE, staleDerivations } from './support/staleDerivations';

beforeEach(() => seed(), 120_000);
afterAll(() => closeTestDriver());

const SECOND = 'second-article';

/** A small article that shares 金锋, the zone and its management committee with the seed. */
function secondArticle(extra: Partial<{ title: string }> = {}) {
  return {
    format: 'kg-article/1',
    article: { id: SECOND, title: extra.title ?? 'Jin Feng meets a delegation', publishedOn: '2023-07-02', language: 'en' },
    entities: [
      { key: 'jin', type: 'Person', name: '金锋', id: 'person:jin-feng', aliases: ['Jin Feng'], evidence: 'Jin Feng, director' },
      { key: 'mc', type: 'Organization', name: '高邮经济开发区管委会', id: 'org:gaoyou-edz-management-committee', kind: 'GovernmentAgency' },
      { key: 'zone', type: 'Organization', name: '高邮经济开发区', id: 'org:gaoyou-edz', kind: 'DevelopmentZone' },
      { key: 'wang', type: 'Person', name: '王五', id: 'person:wang-wu' },
      { key: 'acme', type: 'Organization', name: 'Acme Robotics', id: 'org:acme-robotics', kind: 'Company' },
    ],
    events: [
      {
        key: 'visit',
        type: 'Visit',
        name: 'Acme delegation visits the zone',
        date: '2023-07-01',
        location: 'zone',
        participants: [
          { entity: 'jin', role: 'host' },
          { entity: 'wang', role: 'visitor' },
          { entity: 'acme', role: 'visitor' },
        ],
        evidence: 'On 1 July Jin Feng received Wang Wu of Acme Robotics.',
      },
    ],
    relations: [
      { type: 'HOLDS_POSITION', from: 'jin', to: 'mc', attributes: { title: '管委会主任' }, since: '2021-01', evidence: 'Jin Feng, director' },
      { type: 'HOLDS_POSITION', from: 'wang', to: 'acme', attributes: { title: 'CEO' }, evidence: 'Wang Wu, CEO of Acme' },
      { type: 'PARTNER_OF', from: 'zone', to: 'acme', evidence: 'a cooperation agreement' },
    ],
    figures: [{ subject: 'acme', metric: 'employees', value: 120, unit: 'people', period: '2023' }],
  };
}

const INGEST = `mutation($doc: JSON!) { ingestArticle(document: $doc) {
  source articleId status problems { path message } counts { entities entitiesCreated events participations relations figures } } }`;

const totals = async () =>
  ok(`{ entities(first: 1) { totalCount } events(first: 1) { totalCount } figures(first: 100) { id } }`).then((d) => ({
    entities: d.entities.totalCount,
    events: d.events.totalCount,
    figures: d.figures.length,
  }));

describe('who may write', () => {
  it.each([
    ['anonymous', 'UNAUTHENTICATED'],
    ['reader', 'FORBIDDEN'],
  ] as const)('a %s caller gets %s and nothing is written', async (role, code) => {
    const before = await totals();
    for (const source of [
      INGEST,
      `mutation { deleteArticle(id: "${ARTICLE}") { deleted } }`,
      `mutation { mergeEntities(keep: "person:jin-feng", merge: "person:xu-jian") { id } }`,
    ]) {
      const result = await exec(source, { doc: secondArticle() }, role);
      expect(codes(result)).toEqual([{ code }]);
      expect(result.ctx.stats.roundTrips).toBe(0);
    }
    expect(await totals()).toEqual(before);
  });
});

describe('ingestArticle', () => {
  it('loads a document as the CLI does, reports it, and the new facts are readable at once', async () => {
    const { data, errors, ctx } = await exec(INGEST, { doc: secondArticle() }, 'editor');
    expect(errors).toBeUndefined();
    expect(ctx.stats.roundTrips).toBe(1);
    expect(data.ingestArticle).toEqual({
      source: 'request',
      articleId: SECOND,
      status: 'CREATED',
      problems: [],
      counts: { entities: 5, entitiesCreated: 2, events: 1, participations: 3, relations: 3, figures: 1 },
    });
    const jin = await ok(`{ entity(id: "person:jin-feng") { aliases mentionedIn { edges { node { id } } } } }`);
    expect(jin.entity).toEqual({ aliases: ['Jin Feng'], mentionedIn: { edges: [{ node: { id: ARTICLE } }, { node: { id: SECOND } }] } });
    const again = await ok(INGEST, { doc: secondArticle() }, 'editor');
    expect(again.ingestArticle).toMatchObject({ status: 'UNCHANGED', counts: null });
    const changed = await ok(INGEST, { doc: secondArticle({ title: 'A new title' }) }, 'editor');
    expect(changed.ingestArticle.status).toBe('UPDATED');
  });

  it('reports a document it rejects, with every problem, and writes nothing', async () => {
    const before = await totals();
    const bad = { ...secondArticle(), entities: [{ key: 'x', type: 'Robot', name: '' }], events: [{ key: 'e', type: 'Visit', name: 'v', participants: [{ entity: 'nobody', role: 'host' }] }] };
    const data = await ok(INGEST, { doc: bad }, 'editor');
    expect(data.ingestArticle.status).toBe('REJECTED');
    expect(data.ingestArticle.counts).toBeNull();
    const paths = data.ingestArticle.problems.map((p: any) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['entities[0].type', 'events[0].participants[0].entity']));
    expect(await totals()).toEqual(before);
    const notAnObject = await ok(INGEST, { doc: 'hello' }, 'editor');
    expect(notAnObject.ingestArticle).toMatchObject({ status: 'REJECTED', articleId: null });
    expect(notAnObject.ingestArticle.problems.length).toBeGreaterThan(0);
  });
});

describe('deleteArticle', () => {
  it('removes what only the deleted article supported and keeps what the seed also says', async () => {
    const seedOnly = await totals();
    await ok(INGEST, { doc: secondArticle() }, 'editor');
    const loaded = await ok(`{
      entity(id: "person:jin-feng") { aliases ... on Person { positions { edges { title since sources { edges { article: node { id } } } } } } events { edges { event: node { id } } } }
      search(query: "Jin Feng") { edges { node { ... on Person { id } } } }
      zone: partners(of: "org:gaoyou-edz") { edges { organization: node { id } } }
    }`);
    expect(loaded.entity.aliases).toEqual(['Jin Feng']);
    expect(loaded.entity.positions.edges.find((p: any) => p.title === '管委会主任')).toEqual({
      title: '管委会主任',
      since: '2021-01',
      sources: { edges: [{ article: { id: ARTICLE } }, { article: { id: SECOND } }] },
    });
    expect(loaded.entity.events.edges).toHaveLength(5);
    expect(loaded.search.edges[0].node.id).toBe('person:jin-feng');
    expect(loaded.zone.edges.map((p: any) => p.organization.id)).toContain('org:acme-robotics');

    const { data, errors, ctx } = await exec(
      `mutation { deleteArticle(id: "${SECOND}") { articleId deleted events figures entities relations } }`,
      undefined,
      'editor',
    );
    expect(errors).toBeUndefined();
    expect(ctx.stats.roundTrips).toBe(1);
    expect(data.deleteArticle).toEqual({ articleId: SECOND, deleted: true, events: 1, figures: 1, entities: 2, relations: 2 });

    const after = await ok(`{
      entity(id: "person:jin-feng") { aliases ... on Person { positions { edges { title since sources { edges { article: node { id } } } } } } events { edges { event: node { id } } } }
      search(query: "Jin Feng") { edges { match { kind text } } }
      wang: entity(id: "person:wang-wu") { id }
      acme: entity(id: "org:acme-robotics") { id }
      article: node(id: "${SECOND}") { id }
      zone: partners(of: "org:gaoyou-edz") { edges { organization: node { id } } }
      mc: entity(id: "org:gaoyou-edz-management-committee") { mentionedIn { edges { node { id } } } }
    }`);
    expect(after.entity.aliases).toEqual([]);
    expect(after.entity.positions.edges.find((p: any) => p.title === '管委会主任')).toEqual({
      title: '管委会主任',
      since: null,
      sources: { edges: [{ article: { id: ARTICLE } }] },
    });
    expect(after.entity.events.edges).toHaveLength(4);
    // the alias is gone: "Jin Feng" now finds 金锋 only as the pinyin of its name
    expect(after.search.edges).toEqual([{ match: { kind: 'PINYIN', text: '金锋' } }]);
    expect([after.wang, after.acme, after.article]).toEqual([null, null, null]);
    expect(sorted(after.zone.edges.map((p: any) => p.organization.id))).not.toContain('org:acme-robotics');
    expect(after.mc.mentionedIn.edges).toEqual([{ node: { id: ARTICLE } }]);
    expect(await totals()).toEqual(seedOnly);
    // no leftovers: every name key and relation belongs to something the seed says
    const { records } = await testDriver().executeQuery(
      `MATCH (k:NameKey) WHERE NOT (k)-[:IDENTIFIES]->() RETURN count(k) AS orphans`,
      {},
      { database: testDatabase() },
    );
    expect(Number(records[0].get('orphans'))).toBe(0);
    // and the entities' stored mention groups no longer count the deleted article's
    expect(await staleDerivations(testDriver(), testDatabase())).toEqual(NOTHING_STALE);
  });

  it('says so when there is no such article', async () => {
    const data = await ok(`mutation { deleteArticle(id: "no-such-article") { deleted entities } }`, undefined, 'editor');
    expect(data.deleteArticle).toEqual({ deleted: false, entities: 0 });
  });

  it('of the seed itself leaves an empty graph', async () => {
    const data = await ok(`mutation { deleteArticle(id: "${ARTICLE}") { deleted events figures entities relations } }`, undefined, 'editor');
    expect(data.deleteArticle).toEqual({ deleted: true, events: 28, figures: 50, entities: 92, relations: 91 });
    const { records } = await testDriver().executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database: testDatabase() });
    expect(Number(records[0].get('n'))).toBe(0);
  });
});

describe('mergeEntities', () => {
  /** The same person under a second id and a variant name, in another article. */
  const duplicate = {
    format: 'kg-article/1',
    article: { id: 'report-2023-07', title: 'Another report' },
    entities: [
      { key: 'jin2', type: 'Person', name: '金峰', id: 'person:jin-feng-2' },
      { key: 'mc', type: 'Organization', name: '高邮经济开发区管委会', id: 'org:gaoyou-edz-management-committee', kind: 'GovernmentAgency' },
      { key: 'zone', type: 'Organization', name: '高邮经济开发区', id: 'org:gaoyou-edz', kind: 'DevelopmentZone' },
    ],
    events: [{ key: 'talk', type: 'Meeting', name: 'A talk', date: '2023-07-05', participants: [{ entity: 'jin2', role: 'speaker' }, { entity: 'zone', role: 'host' }] }],
    relations: [{ type: 'HOLDS_POSITION', from: 'jin2', to: 'mc', attributes: { title: '管委会主任' }, evidence: 'director 金峰' }],
    figures: [],
  };

  it('moves everything to the kept entity; the merged id then resolves to it', async () => {
    expect((await ok(INGEST, { doc: duplicate }, 'editor')).ingestArticle.status).toBe('CREATED');
    const { data, errors } = await exec(
      `mutation { mergeEntities(keep: "person:jin-feng", merge: "person:jin-feng-2") { id name aliases
         ... on Person { positions { edges { title sources { edges { article: node { id } evidence } } } } } events { edges { event: node { id } roles } } mentionedIn { edges { node { id } } } } }`,
      undefined,
      'editor',
    );
    expect(errors).toBeUndefined();
    const kept = data.mergeEntities;
    expect(kept.id).toBe('person:jin-feng');
    // names are re-derived from all mentions: the most common name, ties going to the smallest article id
    expect(kept.name).toBe('金锋');
    expect(kept.aliases).toEqual(['金峰']);
    // the duplicate HOLDS_POSITION became one relation with both claims
    expect(kept.positions.edges.map((p: any) => p.title)).toEqual(['党工委副书记', '管委会主任']);
    expect(kept.positions.edges[1].sources.edges.map((s: any) => s.article.id)).toEqual([ARTICLE, 'report-2023-07']);
    expect(kept.events.edges.map((e: any) => e.event.id)).toContain('report-2023-07#talk');
    expect(kept.events.edges).toHaveLength(5);
    expect(kept.mentionedIn.edges).toEqual([{ node: { id: ARTICLE } }, { node: { id: 'report-2023-07' } }]);
    // the kept entity's stored mention groups count the merged one's mentions too
    expect(await staleDerivations(testDriver(), testDatabase())).toEqual(NOTHING_STALE);

    const after = await ok(`{
      merged: entity(id: "person:jin-feng-2") { id name }
      node: node(id: "person:jin-feng-2") { id }
      byName: entities(where: { name: "金峰" }) { edges { node { id } } }
      talk: node(id: "report-2023-07#talk") { ... on Event { participants { edges { role entity: node { id } } } } }
      mc: entity(id: "org:gaoyou-edz-management-committee") { ... on Organization { officials { edges { person: node { id } title } } } }
      events: events(where: { participant: "person:jin-feng-2" }) { totalCount }
    }`);
    expect(after.merged).toEqual({ id: 'person:jin-feng', name: '金锋' });
    expect(after.node).toEqual({ id: 'person:jin-feng' });
    expect(after.byName.edges).toEqual([{ node: { id: 'person:jin-feng' } }]);
    expect(after.talk.participants.edges).toContainEqual({ role: 'SPEAKER', entity: { id: 'person:jin-feng' } });
    expect(after.mc.officials.edges).toEqual([{ person: { id: 'person:jin-feng' }, title: '管委会主任' }]);
    expect(after.events.totalCount).toBe(5);

    // the merged id keeps resolving when its article is loaded again, and deleting that article undoes its part
    expect((await ok(INGEST, { doc: { ...duplicate, article: { ...duplicate.article, title: 'Revised' } } }, 'editor')).ingestArticle.status).toBe('UPDATED');
    expect((await ok(`{ entity(id: "person:jin-feng-2") { id aliases } }`)).entity).toEqual({ id: 'person:jin-feng', aliases: ['金峰'] });
    await ok(`mutation { deleteArticle(id: "report-2023-07") { deleted } }`, undefined, 'editor');
    const undone = await ok(`{ entity(id: "person:jin-feng") { aliases events { edges { event: node { id } } } ... on Person { positions { edges { sources { edges { article: node { id } } } } } } } }`);
    expect(undone.entity.aliases).toEqual([]);
    expect(undone.entity.events.edges).toHaveLength(4);
    expect(undone.entity.positions.edges.flatMap((p: any) => p.sources.edges.map((s: any) => s.article.id))).toEqual([ARTICLE, ARTICLE]);
    expect(await staleDerivations(testDriver(), testDatabase())).toEqual(NOTHING_STALE);
  });

  it('re-points ids merged earlier, so a chain of merges still resolves', async () => {
    await ok(INGEST, { doc: duplicate }, 'editor');
    // 徐健 absorbs the duplicate first, then 金锋 absorbs 徐健 (a test of mechanics, not of history)
    await ok(`mutation { mergeEntities(keep: "person:xu-jian", merge: "person:jin-feng-2") { id } }`, undefined, 'editor');
    await ok(`mutation { mergeEntities(keep: "person:jin-feng", merge: "person:xu-jian") { id } }`, undefined, 'editor');
    const data = await ok(`{ a: entity(id: "person:jin-feng-2") { id } b: entity(id: "person:xu-jian") { id name aliases } }`);
    expect(data.a).toEqual({ id: 'person:jin-feng' });
    expect(data.b.id).toBe('person:jin-feng');
    expect(sorted([data.b.name, ...data.b.aliases])).toEqual(sorted(['金锋', '徐健', '金峰']));
    const { records } = await testDriver().executeQuery(
      `MATCH (m:MergedId)-[:MERGED_INTO]->(e) RETURN m.id AS id, e.id AS kept ORDER BY id`,
      {},
      { database: testDatabase() },
    );
    expect(records.map((r) => [r.get('id'), r.get('kept')])).toEqual([
      ['person:jin-feng-2', 'person:jin-feng'],
      ['person:xu-jian', 'person:jin-feng'],
    ]);
  });

  it.each([
    ['entities of different types', 'person:jin-feng', 'org:gaoyou-edz', 'BAD_USER_INPUT'],
    ['the same entity twice', 'person:jin-feng', 'person:jin-feng', 'BAD_USER_INPUT'],
    ['an unknown id', 'person:jin-feng', 'person:nobody', 'NOT_FOUND'],
  ])('refuses %s and changes nothing', async (_label, keep, merge, code) => {
    const before = await totals();
    const result = await exec(`mutation($k: ID!, $m: ID!) { mergeEntities(keep: $k, merge: $m) { id } }`, { k: keep, m: merge }, 'editor');
    expect(codes(result).map((c) => c.code)).toEqual([code]);
    expect(await totals()).toEqual(before);
  });
});
