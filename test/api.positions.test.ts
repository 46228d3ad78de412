/**
 * Positions come by organisation name, then title, whichever way they are read: a person's own field (the
 * positions loader, one statement for all the people asked), or read ahead with the participants of a page of
 * events (one statement for the page). The article lists them in another order, and the organisations' ids
 * sort differently from their names, so that an order by document, id or insertion would show.
 */
import { exec, loadOnly, ok } from './api.harness';
import { closeTestDriver } from './support/db';

function officialsArticle(): Record<string, unknown> {
  return {
    format: 'kg-article/1',
    article: { id: 'officials', title: 'Officials', publishedOn: '2024-03-01', language: 'zh' },
    entities: [
      { key: 'zhong', type: 'Organization', kind: 'Company', name: '中集团' },
      { key: 'b', type: 'Organization', kind: 'Company', name: 'B Holdings' },
      { key: 'a', type: 'Organization', kind: 'GovernmentAgency', name: 'Zoning Office', aliases: [] },
      { key: 'wang', type: 'Person', name: '王敏' },
      { key: 'li', type: 'Person', name: '李青' },
      { key: 'zhao', type: 'Person', name: '赵安' },
    ],
    events: [
      {
        key: 'meet', type: 'Meeting', name: '座谈会', date: '2024-03-01',
        participants: [
          { entity: 'zhao', role: 'attendee' },
          { entity: 'wang', role: 'host' },
          { entity: 'li', role: 'attendee' },
          { entity: 'zhong', role: 'organizer' },
        ],
      },
    ],
    relations: [
      { type: 'HOLDS_POSITION', from: 'wang', to: 'zhong', attributes: { title: '董事' } },
      { type: 'HOLDS_POSITION', from: 'wang', to: 'a', attributes: { title: '副主任' } },
      { type: 'HOLDS_POSITION', from: 'wang', to: 'b', attributes: { title: 'CEO' } },
      { type: 'HOLDS_POSITION', from: 'wang', to: 'a', attributes: { title: '主任' } },
      { type: 'HOLDS_POSITION', from: 'li', to: 'zhong', attributes: { title: '经理' } },
    ],
    figures: [],
  };
}

/** 王敏's positions: 'B Holdings' < 'Zoning Office' < '中集团' by code point, and 主 (U+4E3B) < 副 (U+526F). */
const WANG = [
  ['B Holdings', 'CEO'],
  ['Zoning Office', '主任'],
  ['Zoning Office', '副主任'],
  ['中集团', '董事'],
];
const LI = [['中集团', '经理']];

const POSITIONS = 'positions { totalCount edges { title node { id type name kind } } }';
const pairs = (positions: { edges: Array<{ title: string; node: { name: string } }> }): string[][] =>
  positions.edges.map((p) => [p.node.name, p.title]);

beforeAll(() => loadOnly([{ source: 'officials', document: officialsArticle() }]), 120_000);
afterAll(() => closeTestDriver());

describe('the order of positions', () => {
  it('when people are asked for their positions, then each gets them by organisation name, then title, in one statement', async () => {
    const { data, errors, ctx } = await exec(`{ entities(where: { types: [PERSON] }, first: 10) { edges { node { name ... on Person { ${POSITIONS} } } } } }`);
    expect(errors).toBeUndefined();
    const byName = new Map(data.entities.edges.map((e: any) => [e.node.name, e.node.positions]));
    expect(pairs(byName.get('王敏') as any)).toEqual(WANG);
    expect(pairs(byName.get('李青') as any)).toEqual(LI);
    expect((byName.get('赵安') as any).edges).toEqual([]);
    expect((byName.get('王敏') as any).totalCount).toBe(4);
    // the organisation's type comes from its label (the map leaves it out), its other fields from the node
    expect((byName.get('王敏') as any).edges[0].node).toEqual({ id: expect.stringMatching(/^organization:/), type: 'ORGANIZATION', name: 'B Holdings', kind: 'COMPANY' });
    expect(ctx.stats.roundTrips).toBe(2); // the page, then every person's positions
  });

  it('when a page of events reads its participants and their positions ahead, then they come in the same order, and people without positions have none', async () => {
    const { data, errors, ctx } = await exec(`{ events(first: 10) { edges { node { name participants { totalCount edges { role node { name ... on Person { ${POSITIONS} } } } } } } } }`);
    expect(errors).toBeUndefined();
    expect(ctx.stats.roundTrips).toBe(1);
    const participants = data.events.edges[0].node.participants.edges;
    expect(data.events.edges[0].node.participants.totalCount).toBe(4);
    // in the model's role order, then by name
    expect(participants.map((p: any) => [p.role, p.node.name])).toEqual([
      ['HOST', '王敏'],
      ['ORGANIZER', '中集团'],
      ['ATTENDEE', '李青'],
      ['ATTENDEE', '赵安'],
    ]);
    expect(pairs(participants[0].node.positions)).toEqual(WANG);
    expect(participants[1].node.positions).toBeUndefined(); // an organisation: no such field
    expect(pairs(participants[2].node.positions)).toEqual(LI);
    expect(participants[3].node.positions).toEqual({ totalCount: 0, edges: [] });
  });

  it('when an organisation is asked for its officials, then they hold the same positions, seen from the other end', async () => {
    const data = await ok(`{ entities(where: { types: [ORGANIZATION] }, first: 10) { edges { node { name ... on Organization { officials { edges { title node { name } } } } } } } }`);
    const byName = new Map(data.entities.edges.map((e: any) => [e.node.name, e.node.officials.edges.map((o: any) => [o.node.name, o.title])]));
    expect(byName.get('Zoning Office')).toEqual([['王敏', '主任'], ['王敏', '副主任']]);
    expect(byName.get('中集团')).toEqual([['李青', '经理'], ['王敏', '董事']]);
  });

  it('when 王敏\'s positions are read a page of two at a time, then the second page continues the first, in the same order, with one total', async () => {
    const page = (after: string | null) =>
      ok(`query($after: String) { entities(where: { name: "王敏" }, first: 1) { edges { node { ... on Person {
        positions(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor title node { name } } } } } } } }`, { after });
    const first = (await page(null)).entities.edges[0].node.positions;
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await page(first.pageInfo.endCursor)).entities.edges[0].node.positions;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].map((e: any) => [e.node.name, e.title])).toEqual(WANG);
  });

  it('when a cursor of a person\'s positions is given to an organisation\'s officials, then the request is refused as BAD_USER_INPUT naming `after`', async () => {
    const first = await ok(`{ entities(where: { name: "王敏" }, first: 1) { edges { node { ... on Person { positions(first: 1) { pageInfo { endCursor } } } } } } }`);
    const cursor = first.entities.edges[0].node.positions.pageInfo.endCursor;
    const { data, errors } = await exec(
      `query($after: String) { entities(where: { name: "中集团" }, first: 1) { edges { node { ... on Organization { officials(after: $after) { edges { title } } } } } } }`,
      { after: cursor },
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(errors?.[0].message).toMatch(/cursor of `positions`, not of `officials`/);
    expect(data?.entities?.edges?.[0]?.node?.officials ?? null).toBeNull();
  });
});
