import { applySchema } from '../src/graph';
import { ingestDocument, validateDocument } from '../src/ingest';
import { testDatabase, useTestDatabase, wipe } from './support/db';
import { articleDoc } from './support/documents';
import { graphDump } from './support/graphDump';

/** Each case breaks one rule of the spec in an otherwise valid document. */
const cases: Array<[string, (d: Record<string, any>) => void, string, RegExp]> = [
  ['the format tag is wrong', (d) => (d.format = 'kg-article/2'), 'format', /must be "kg-article\/1"/],
  ['the format tag is missing', (d) => delete d.format, 'format', /required field is missing/],
  ['the article has no id', (d) => delete d.article.id, 'article.id', /required/],
  ['the article id has a space', (d) => (d.article.id = 'a b'), 'article.id', /A-Z a-z 0-9/],
  ['the article id is 201 characters', (d) => (d.article.id = 'x'.repeat(201)), 'article.id', /at most 200/],
  ['the article has no title', (d) => delete d.article.title, 'article.title', /required/],
  ['publishedOn is not a date', (d) => (d.article.publishedOn = '30/06/2023'), 'article.publishedOn', /YYYY-MM-DD or YYYY-MM/],
  ['publishedOn is not a real day', (d) => (d.article.publishedOn = '2023-02-29'), 'article.publishedOn', /not a real calendar date/],
  ['the language is not a BCP 47 tag', (d) => (d.article.language = 'zh CN'), 'article.language', /BCP 47/],
  ['entities is missing', (d) => delete d.entities, 'entities', /required/],
  ['an entity has no key', (d) => delete d.entities[1].key, 'entities[1].key', /required/],
  ['an entity type is misspelt', (d) => (d.entities[1].type = 'Persn'), 'entities[1].type', /unknown type "Persn"/],
  ['an entity has no name', (d) => delete d.entities[1].name, 'entities[1].name', /required/],
  ['an entity name is blank', (d) => (d.entities[1].name = '   '), 'entities[1].name', /must not be empty/],
  ['an entity name is 301 characters', (d) => (d.entities[1].name = '名'.repeat(301)), 'entities[1].name', /at most 300/],
  ['a kind does not belong to the type', (d) => (d.entities[3].kind = 'University'), 'entities[3].kind', /unknown kind "University" \(kinds of Place/],
  ['a person has a kind', (d) => (d.entities[1].kind = 'Official'), 'entities[1].kind', /Person/],
  ['aliases is not a list', (d) => (d.entities[0].aliases = '开发区'), 'entities[0].aliases', /expected array/],
  ['an attribute is an object', (d) => (d.entities[0].attributes = { a: { b: 1 } }), 'entities[0].attributes.a', /expected string or number or boolean/],
  ['an entity has an unknown field', (d) => (d.entities[0].evidense = 'x'), 'entities[0].evidense', /unknown field/],
  ['two entities share a key', (d) => (d.entities[2].key = 'jin'), 'entities[2].key', /duplicate key "jin" \(already defined at entities\[1\]\)/],
  ['an event reuses an entity key', (d) => (d.events[0].key = 'zone'), 'events[0].key', /duplicate key "zone"/],
  ['two entities share an id', (d) => { d.entities[0].id = 'x'; d.entities[2].id = 'x'; }, 'entities[2].id', /duplicate id "x"/],
  ['an event type is unknown', (d) => (d.events[0].type = 'Party'), 'events[0].type', /unknown type "Party"/],
  ['an event date is not real', (d) => (d.events[0].date = '2023-06-31'), 'events[0].date', /not a real calendar date/],
  ['an event month is 13', (d) => (d.events[0].date = '2023-13'), 'events[0].date', /YYYY-MM-DD or YYYY-MM/],
  ['an endDate is before the date', (d) => (d.events[0].endDate = '2023-06-20'), 'events[0].endDate', /before date "2023-06-21"/],
  ['an endDate has no date', (d) => { delete d.events[0].date; d.events[0].endDate = '2023-06-20'; }, 'events[0].endDate', /needs a date/],
  ['a location names no key', (d) => (d.events[0].location = 'nowhere'), 'events[0].location', /unknown key "nowhere"/],
  ['a location is a person', (d) => (d.events[0].location = 'jin'), 'events[0].location', /is a Person; expected Place or Village or Organization or Project/],
  ['a participant names an unknown key', (d) => (d.events[0].participants[0].entity = 'ghost'), 'events[0].participants[0].entity', /unknown key "ghost"/],
  ['a participant is an event', (d) => (d.events[0].participants[0].entity = 'sign'), 'events[0].participants[0].entity', /is an event/],
  ['a participant role is unknown', (d) => (d.events[0].participants[0].role = 'guest'), 'events[0].participants[0].role', /unknown role "guest"/],
  ['a relation type is unknown', (d) => (d.relations[1].type = 'FRIEND_OF'), 'relations[1].type', /unknown type "FRIEND_OF"/],
  ['a relation names an unknown key', (d) => (d.relations[1].to = 'ghost'), 'relations[1].to', /unknown key "ghost"/],
  ['HOLDS_POSITION starts at an organisation', (d) => (d.relations[0].from = 'uni'), 'relations[0].from', /is a Organization; expected Person/],
  ['HOLDS_POSITION has no title', (d) => delete d.relations[0].attributes, 'relations[0].attributes.title', /needs a non-empty string attribute "title"/],
  ['PART_OF starts at a person', (d) => d.relations.push({ type: 'PART_OF', from: 'jin', to: 'zone' }), 'relations[3].from', /expected Organization or Village or Place/],
  ['a relation links an entity to itself', (d) => (d.relations[1].to = 'zone'), 'relations[1].to', /itself/],
  ['until is before since', (d) => (d.relations[1].until = '2023-05'), 'relations[1].until', /before since "2023-06-21"/],
  ['a figure subject is unknown', (d) => (d.figures[0].subject = 'ghost'), 'figures[0].subject', /unknown key "ghost"/],
  ['a figure value is text', (d) => (d.figures[0].value = '295'), 'figures[0].value', /expected number, got string/],
  ['a figure has no metric', (d) => delete d.figures[0].metric, 'figures[0].metric', /required/],
  ['a figure qualifier is unknown', (d) => (d.figures[0].qualifier = 'roughly'), 'figures[0].qualifier', /unknown qualifier "roughly" \(expected one of: estimate, approx, atLeast, atMost\)/],
  ['a figure states its number as a number', (d) => (d.figures[0].stated = 295), 'figures[0].stated', /expected string, got number/],
  ['an event is part of a missing event', (d) => (d.events[0].partOf = 'ghost'), 'events[0].partOf', /unknown event key "ghost"/],
  ['an event is part of an entity', (d) => (d.events[0].partOf = 'zone'), 'events[0].partOf', /"zone" is an entity; an event key is needed here/],
  ['an event is part of itself', (d) => (d.events[0].partOf = 'sign'), 'events[0].partOf', /cannot be part of itself/],
  [
    'two events are part of each other',
    (d) => {
      d.events[0].partOf = 'meet';
      d.events.push({ key: 'meet', type: 'Meeting', name: '对接会', partOf: 'fair' }, { key: 'fair', type: 'Fair', name: '节', partOf: 'sign' });
    },
    'events[2].partOf',
    /partOf cycle: "meet" → "fair" → "sign" → "meet"|partOf cycle: "sign" → "meet" → "fair" → "sign"/,
  ],
  ['the evidence is 5 MB', (d) => (d.entities[0].evidence = 'x'.repeat(5 * 1024 * 1024)), 'entities[0].evidence', /at most 10000/],
];

describe('validation: when a document breaks a rule of kg-article/1', () => {
  const driver = useTestDatabase({ wipeBeforeEach: false });
  let before: string;

  beforeAll(async () => {
    await wipe();
    await applySchema(driver(), testDatabase());
    const seeded = await ingestDocument(driver(), articleDoc('existing'), 'fixture', { database: testDatabase() });
    expect(seeded.status).toBe('created');
    before = await graphDump(driver(), testDatabase());
  });

  it('accepts the unbroken document', () => {
    expect(validateDocument(articleDoc('ok'))).toMatchObject({ ok: true });
  });

  it.each(cases)('when %s, it is rejected at its path and the graph is unchanged', async (_name, breakIt, path, message) => {
    const doc = articleDoc('existing');
    doc.article.title = 'a new version that must not be written';
    breakIt(doc);
    const report = await ingestDocument(driver(), doc, 'case', { database: testDatabase() });
    expect(report.status).toBe('rejected');
    const problem = report.problems.find((p) => p.path === path);
    expect(problem).toBeDefined();
    expect(problem!.message).toMatch(message);
    expect(await graphDump(driver(), testDatabase())).toBe(before);
  });

  it('lists every problem of a document at once, not only the first', () => {
    const doc = articleDoc('many');
    doc.entities[1].type = 'Persn';
    doc.events[0].date = '2023-02-30';
    doc.relations[1].to = 'ghost';
    const result = validateDocument(doc);
    expect(result.ok).toBe(false);
    const paths = (result as { problems: Array<{ path: string }> }).problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['entities[1].type', 'events[0].date', 'relations[1].to']));
  });

  it('reports every event of a partOf cycle, and accepts a chain that ends', () => {
    const doc = articleDoc('cycle');
    doc.events[0].partOf = 'meet';
    doc.events.push({ key: 'meet', type: 'Meeting', name: '对接会', partOf: 'sign' });
    const result = validateDocument(doc);
    const problems = (result as { problems: Array<{ path: string; message: string }> }).problems;
    expect(problems).toEqual([
      { path: 'events[0].partOf', message: 'partOf cycle: "sign" → "meet" → "sign"' },
      { path: 'events[1].partOf', message: 'partOf cycle: "sign" → "meet" → "sign"' },
    ]);
    delete doc.events[1].partOf;
    doc.events.push({ key: 'ceremony', type: 'Ceremony', name: '仪式', partOf: 'sign' });
    expect(validateDocument(doc)).toMatchObject({ ok: true });
  });

  it('accepts hedged figures with the number as written', () => {
    const doc = articleDoc('hedged');
    doc.figures.push({ subject: 'zone', metric: '资金', value: 2, unit: '亿元', qualifier: 'approx', stated: '近2亿元' });
    expect(validateDocument(doc)).toMatchObject({ ok: true });
  });

  it('rejects what is not an object at all, saying so', () => {
    for (const input of [null, 42, 'text', []]) {
      const result = validateDocument(input);
      expect(result.ok).toBe(false);
      expect((result as { problems: Array<{ message: string }> }).problems[0].message).toMatch(/expected object/);
    }
  });

  it('rejects deeply nested junk with a path instead of crashing', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5000; i++) deep = [deep];
    const doc = articleDoc('deep');
    doc.entities[0].attributes = { nested: deep };
    const result = validateDocument(doc);
    expect(result.ok).toBe(false);
    expect((result as { problems: Array<{ path: string }> }).problems[0].path).toBe('entities[0].attributes.nested');
  });
});
