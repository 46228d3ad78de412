/**
 * Splitting an entity (issue 25 §3): two people of one name that loads joined by name are taken apart by the articles
 * whose mentions are the second one, recorded as a SPLIT judgement, respected by later loads and re-loads, undone,
 * and part of the backup. Every scenario runs against the real Neo4j and compares full dumps.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applySchema } from '../src/graph';
import { ingestDocument } from '../src/ingest';
import { codes } from './api.harness';
import { doc, type Doc, exec, ok } from './support/judgementApi';
import { testDatabase, testDriver, useTestDatabase, wipe } from './support/db';
import { graphDump } from './support/graphDump';
import { runKg } from './support/runKg';
import { NOTHING_STALE, staleDerivations } from './support/staleDerivations';

useTestDatabase();
beforeAll(() => applySchema(testDriver(), testDatabase()));
// a split loads articles again, each statement planned afresh: slow on a busy machine, never timed here
jest.setTimeout(600_000);


const person = (extra: Doc = {}): Doc => ({ key: 'p', type: 'Person', name: '王伟', ...extra });

/** The vice mayor 王伟 of 高邮. */
const W1 = doc('w1', [person(), { key: 'gov', type: 'Organization', id: 'org:gov', name: '高邮市人民政府' }], {
  relations: [{ type: 'HOLDS_POSITION', from: 'p', to: 'gov', attributes: { title: '副市长' }, evidence: '副市长王伟' }],
});
/** The professor 王伟 of 扬州大学: another man, whom the load joins to the first by name. */
const W2 = doc('w2', [person({ aliases: ['王伟教授'] }), { key: 'uni', type: 'Organization', id: 'org:uni', name: '扬州大学' }], {
  relations: [{ type: 'HOLDS_POSITION', from: 'p', to: 'uni', attributes: { title: '教授' }, evidence: '扬州大学教授王伟' }],
  figures: [{ subject: 'p', metric: '论文', value: 12, unit: '篇', period: '2023' }],
});
/** The vice mayor again. */
const W4 = doc('w4', [person(), { key: 'gov', type: 'Organization', id: 'org:gov', name: '高邮市人民政府' }]);
const SPLIT_OFF = 'person:王伟~split-2';

const load = async (...docs: Doc[]) => {
  for (const d of docs) {
    const report = await ingestDocument(testDriver(), d, d.article.id, { database: testDatabase() });
    expect({ article: d.article.id, status: report.status, problems: report.problems ?? [] }).toEqual({
      article: d.article.id,
      status: expect.stringMatching(/created|updated/),
      problems: [],
    });
  }
};
const dump = () => graphDump(testDriver(), testDatabase());
/** The graph without the judgements' own records. */
const withoutJudgements = (text: string) => text.split('\n').filter((l) => !l.startsWith('N [["Judgement"]')).join('\n');
/** Nor the articles' nodes (their stored documents differ when a document, not a judgement, gives the id). */
const withoutArticles = (text: string) => withoutJudgements(text).split('\n').filter((l) => !l.startsWith('N [["Article"]')).join('\n');

const SPLIT = `mutation($id: ID!, $articles: [ID!]!, $newId: ID, $reason: String) {
  splitEntity(id: $id, articles: $articles, newId: $newId, reason: $reason) { id kind a b articles reason by inForce } }`;
const UNDO = `mutation($id: ID!) { undoJudgement(id: $id) { id kind inForce } }`;
const DISTINCT = `mutation($a: ID!, $b: ID!) { markDistinct(a: $a, b: $b) { id } }`;
const MERGE = `mutation($keep: ID!, $merge: ID!) { mergeEntities(keep: $keep, merge: $merge) { id } }`;
const MENTIONED = `query($id: ID!) { entity(id: $id) { id name aliases mentionedIn { edges { node { id } } } } }`;
const mentioned = async (id: string) => {
  const e = (await ok(MENTIONED, { id })).entity;
  return e && { id: e.id, aliases: e.aliases, articles: e.mentionedIn.edges.map((x: any) => x.node.id) };
};
const pairs = async () =>
  (await ok(`{ duplicates(minScore: 0, first: 100) { edges { node { a { id } b { id } } } } }`)).duplicates.edges.map((e: any) => [e.node.a.id, e.node.b.id]);

describe('splitting an entity that a load joined by name', () => {
  it('when an editor marks two mentions of one entity distinct, then it is refused with the way to split it', async () => {
    await load(W1, W2);
    expect(await mentioned('person:王伟')).toEqual({ id: 'person:王伟', aliases: ['王伟教授'], articles: ['w1', 'w2'] });
    const refused = await exec(DISTINCT, { a: 'person:王伟', b: 'person:王伟' }, 'editor');
    expect(codes(refused)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'b' }]);
    expect(refused.errors![0].message).toMatch(/already the same entity .*split it by the articles .*splitEntity/);
  });

  it('when an editor splits it by article, then each side has its own articles and facts, as if the document had given the id', async () => {
    await load(W1, W2);
    const judged = (await ok(SPLIT, { id: 'person:王伟', articles: ['w2'], reason: '两个人' }, 'editor')).splitEntity;
    expect(judged).toMatchObject({ kind: 'SPLIT', a: 'person:王伟', b: SPLIT_OFF, articles: ['w2'], reason: '两个人', by: 'editor', inForce: true });
    expect(await mentioned('person:王伟')).toEqual({ id: 'person:王伟', aliases: [], articles: ['w1'] });
    expect(await mentioned(SPLIT_OFF)).toEqual({ id: SPLIT_OFF, aliases: ['王伟教授'], articles: ['w2'] });
    const positions = await ok(`{ a: entity(id: "person:王伟") { ... on Person { positions { edges { title node { id } } } } } b: entity(id: "${SPLIT_OFF}") { ... on Person { positions { edges { title node { id } } } } } }`);
    expect(positions).toEqual({
      a: { positions: { edges: [{ title: '副市长', node: { id: 'org:gov' } }] } },
      b: { positions: { edges: [{ title: '教授', node: { id: 'org:uni' } }] } },
    });
    expect(await staleDerivations(testDriver(), testDatabase())).toEqual(NOTHING_STALE);
    const split = await dump();

    // the oracle: each side loaded on its own, the second giving its person the split-off id itself (without a
    // judgement one graph would join them by name); blocking keys are shared (SharedBlock) only in the split graph
    const facts = (text: string) => withoutArticles(text).split('\n').filter((l) => !l.includes('"BlockingKey"'));
    await wipe();
    await load(W1);
    const first = facts(await dump());
    await wipe();
    await load({ ...W2, entities: [person({ aliases: ['王伟教授'], id: SPLIT_OFF }), W2.entities[1]] });
    expect(facts(split).sort()).toEqual([...new Set([...first, ...facts(await dump())])].sort());
    expect(split).toContain('"SPLIT"');
  });

  it('when a later article names the name without an id, then it is rejected as ambiguous; with an id, or re-loaded, it goes where it belongs', async () => {
    await load(W1, W2);
    await ok(SPLIT, { id: 'person:王伟', articles: ['w2'] }, 'editor');
    const report = await ingestDocument(testDriver(), W4, 'w4', { database: testDatabase() });
    expect(report.status).toBe('rejected');
    expect(report.problems).toEqual([
      {
        path: 'entities[0].name',
        message: `ambiguous: "王伟" matches "person:王伟" ("王伟"), "${SPLIT_OFF}" ("王伟"), judged to be distinct Person entities; give this entity the "id" of the one it is`,
      },
    ]);
    await load(doc('w5', [person({ id: SPLIT_OFF })]));
    // both articles of the split loaded again, changed: each mention stays on its side
    await load({ ...W1, article: { ...W1.article, title: 'changed' } }, { ...W2, article: { ...W2.article, title: 'changed' } });
    expect(await mentioned('person:王伟')).toMatchObject({ articles: ['w1'] });
    expect(await mentioned(SPLIT_OFF)).toMatchObject({ articles: ['w2', 'w5'] });
    // kept apart as a distinct pair is: no candidate, no merge
    expect(await pairs()).not.toContainEqual(['person:王伟', SPLIT_OFF]);
    const merge = await exec(MERGE, { keep: 'person:王伟', merge: SPLIT_OFF }, 'editor');
    expect(merge.errors![0].message).toMatch(/marked distinct/);
    expect(await staleDerivations(testDriver(), testDatabase())).toEqual(NOTHING_STALE);
  });

  it('when the split is undone, then the graph is the one loading the articles without it gives', async () => {
    await load(W1, W2);
    const before = await dump();
    const judged = (await ok(SPLIT, { id: 'person:王伟', articles: ['w2'], newId: 'person:wang-wei-prof' }, 'editor')).splitEntity;
    expect(judged.b).toBe('person:wang-wei-prof');
    expect(await mentioned('person:wang-wei-prof')).toMatchObject({ articles: ['w2'] });
    expect((await ok(UNDO, { id: judged.id }, 'editor')).undoJudgement).toEqual({ id: judged.id, kind: 'SPLIT', inForce: false });
    expect(withoutJudgements(await dump())).toEqual(before);
    expect(await mentioned('person:wang-wei-prof')).toBeNull();
    // the name joins them again at the next load, as without the judgement
    await load(W4);
    expect(await mentioned('person:王伟')).toMatchObject({ articles: ['w1', 'w2', 'w4'] });
  });

  it('when the split cannot be made, then it is refused naming why, and the graph is exactly as it was', async () => {
    await load(W1, W2, doc('w6', [person({ id: 'person:wang' })]), doc('w7', [person({ id: 'person:wang', name: '王伟' })]));
    // w6 gave 王伟 an id, so w1 and w2 joined it (the one entity with an id)
    expect(await mentioned('person:wang')).toMatchObject({ articles: ['w1', 'w2', 'w6', 'w7'] });
    const before = await dump();
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ id: 'person:nobody', articles: ['w1'] }, 'NOT_FOUND', /no entity has the id "person:nobody"/],
      [{ id: 'person:wang', articles: ['w9'] }, 'BAD_USER_INPUT', /"w9" do not mention "person:wang"/],
      [{ id: 'person:wang', articles: ['w1', 'w2', 'w6', 'w7'] }, 'BAD_USER_INPUT', /every article that mentions "person:wang" is listed/],
      [{ id: 'person:wang', articles: ['w2', 'w6'] }, 'BAD_USER_INPUT', /article "w6" names "person:wang" by the id "person:wang"/],
      [{ id: 'person:wang', articles: ['w2'], newId: 'org:gov' }, 'BAD_USER_INPUT', /the id "org:gov" is taken/],
      [{ id: 'person:wang', articles: [] }, 'BAD_USER_INPUT', /1 to 100 articles/],
    ];
    for (const [vars, code, message] of cases) {
      const result = await exec(SPLIT, vars, 'editor');
      expect([result.errors?.[0].extensions?.code, result.errors?.[0].message]).toEqual([code, expect.stringMatching(message)]);
    }
    expect(codes(await exec(SPLIT, { id: 'person:wang', articles: ['w2'] }, 'reader'))).toEqual([{ code: 'FORBIDDEN' }]);
    expect(await dump()).toEqual(before);
    // the entity with an id keeps it; the split-off side gets the next free id
    await ok(SPLIT, { id: 'person:wang', articles: ['w2'] }, 'editor');
    expect(await mentioned('person:wang~split-2')).toMatchObject({ articles: ['w2'] });
    expect(await mentioned('person:wang')).toMatchObject({ articles: ['w1', 'w6', 'w7'] });
  });

  it('when the entity has an id that came after its name, then the split keeps its other mentions whatever order they are replayed in', async () => {
    // w2 (the professor) came first, w1 joined it by name, then w6 gave the name an id and claimed both
    await load(W2, W1, doc('w6', [person({ id: 'person:wang' })]));
    expect(await mentioned('person:wang')).toMatchObject({ articles: ['w1', 'w2', 'w6'] });
    const judged = (await ok(`mutation { splitEntity(id: "person:wang", articles: ["w2"]) { id b } }`, {}, 'editor')).splitEntity;
    // replayed in load order, w1's name meets the split-off entity before the id exists: it stays with person:wang
    expect(await mentioned('person:wang')).toMatchObject({ articles: ['w1', 'w6'] });
    expect(await mentioned(judged.b)).toMatchObject({ id: 'person:wang~split-2', articles: ['w2'] });
    // a re-load of w1, changed, stays too; a new article naming the name alone is ambiguous
    await load({ ...W1, article: { ...W1.article, title: 'changed' } });
    expect(await mentioned('person:wang')).toMatchObject({ articles: ['w1', 'w6'] });
    expect((await ingestDocument(testDriver(), W4, 'w4', { database: testDatabase() })).problems?.[0].message).toMatch(/^ambiguous: "王伟" matches "person:wang" .*"person:wang~split-2"/);
    expect(await staleDerivations(testDriver(), testDatabase())).toEqual(NOTHING_STALE);
    // undone: one entity again
    await ok(UNDO, { id: judged.id }, 'editor');
    expect(await mentioned('person:wang')).toMatchObject({ articles: ['w1', 'w2', 'w6'] });
  });

  it('when the articles are loaded again in another order and the exported judgements imported, then the graph is the same', async () => {
    await load(W1, W2);
    await ok(SPLIT, { id: 'person:王伟', articles: ['w2'] }, 'editor');
    const W5 = doc('w5', [person({ id: SPLIT_OFF })]);
    await load(W5);
    const original = await dump();
    const exported = await runKg('judgements', 'export');
    expect(exported.status).toBe(0);
    expect(JSON.parse(exported.out).judgements.map((j: any) => [j.kind, j.a, j.b, j.mentions])).toEqual([['SPLIT', 'person:王伟', SPLIT_OFF, ['["w2","p"]']]]);
    const file = join(mkdtempSync(join(tmpdir(), 'kg-judgements-')), 'judgements.json');
    writeFileSync(file, exported.out);

    await wipe();
    await load(W5, W2, W1);
    // without the judgement the loads joined all three
    expect(await mentioned(SPLIT_OFF)).toMatchObject({ articles: ['w1', 'w2', 'w5'] });
    expect(await runKg('judgements', 'import', file)).toMatchObject({ status: 0, out: 'imported 1 judgements, 0 already present\n' });
    expect(await dump()).toEqual(original);
  });

  it('when a split in a judgements file lists no mentions, then import names the problem by path', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kg-judgements-')), 'bad.json');
    const at = '2026-01-01T00:00:00Z';
    writeFileSync(
      file,
      JSON.stringify({
        format: 'kg-judgements/1',
        judgements: [
          { id: 'j1', kind: 'SPLIT', a: 'person:x', b: 'person:y', at },
          { id: 'j2', kind: 'SPLIT', a: 'person:x', b: 'person:y', at, mentions: ['w1|p'] },
          { id: 'j3', kind: 'MERGE', a: 'person:x', b: 'person:y', at, mentions: ['["w1","p"]'] },
        ],
      }),
    );
    const result = await runKg('judgements', 'import', file);
    expect(result.status).toBe(1);
    expect(result.err.trim().split('\n')).toEqual([
      expect.stringMatching(/judgements\[0\]\.mentions: must be a non-empty array/),
      expect.stringMatching(/judgements\[1\]\.mentions\[0\]: must be a JSON pair of texts/),
      expect.stringMatching(/judgements\[2\]\.mentions: must be null unless the kind is SPLIT/),
    ]);
    expect(await dump()).toBe('');
  });
});
