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

const POSITIONS = 'positions { title organization { id type name kind } }';
const pairs = (positions: Array<{ title: string; organization: { name: string } }>): string[][] =>
  positions.map((p) => [p.organization.name, p.title]);

beforeAll(() => loadOnly([{ source: 'officials', document: officialsArticle() }]), 120_000);
afterAll(() => closeTestDriver());

describe('the order of positions', () => {
  it('when people are asked for their positions, then each gets them by organisation name, then title, in one statement', async () => {
    const { data, errors, ctx } = await exec(`{ entities(where: { types: [PERSON] }, first: 10) { edges { node { name ... on Person { ${POSITIONS} } } } } }`);
    expect(errors).toBeUndefined();
    const byName = new Map(data.entities.edges.map((e: any) => [e.node.name, e.node.positions]));
    expect(pairs(byName.get('王敏') as any)).toEqual(WANG);
    expect(pairs(byName.get('李青') as any)).toEqual(LI);
    expect(byName.get('赵安')).toEqual([]);
    // the organisation's type comes from its label (the map leaves it out), its other fields from the node
    expect((byName.get('王敏') as any)[0].organization).toEqual({ id: expect.stringMatching(/^organization:/), type: 'ORGANIZATION', name: 'B Holdings', kind: 'COMPANY' });
    expect(ctx.stats.roundTrips).toBe(2); // the page, then every person's positions
  });

  it('when a page of events reads its participants and their positions ahead, then they come in the same order, and people without positions have none', async () => {
    const { data, errors, ctx } = await exec(`{ events(first: 10) { edges { node { name participants { role entity { name ... on Person { ${POSITIONS} } } } } } } }`);
    expect(errors).toBeUndefined();
    expect(ctx.stats.roundTrips).toBe(1);
    const participants = data.events.edges[0].node.participants;
    // in the model's role order, then by name
    expect(participants.map((p: any) => [p.role, p.entity.name])).toEqual([
      ['HOST', '王敏'],
      ['ORGANIZER', '中集团'],
      ['ATTENDEE', '李青'],
      ['ATTENDEE', '赵安'],
    ]);
    expect(pairs(participants[0].entity.positions)).toEqual(WANG);
    expect(participants[1].entity.positions).toBeUndefined(); // an organisation: no such field
    expect(pairs(participants[2].entity.positions)).toEqual(LI);
    expect(participants[3].entity.positions).toEqual([]);
  });

  it('when an organisation is asked for its officials, then they hold the same positions, seen from the other end', async () => {
    const data = await ok(`{ entities(where: { types: [ORGANIZATION] }, first: 10) { edges { node { name ... on Organization { officials { title person { name } } } } } } }`);
    const byName = new Map(data.entities.edges.map((e: any) => [e.node.name, e.node.officials.map((o: any) => [o.person.name, o.title])]));
    expect(byName.get('Zoning Office')).toEqual([['王敏', '主任'], ['王敏', '副主任']]);
    expect(byName.get('中集团')).toEqual([['李青', '经理'], ['王敏', '董事']]);
  });
});
