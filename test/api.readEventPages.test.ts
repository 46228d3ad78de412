/**
 * Pages of events on the seed, and what the database does for them: each entity of a page gets its own earliest
 * events, every role kept; fewer events asked for, fewer read; events by type in a date window seek the type index
 * (read in the statements' PROFILE plans).
 */
import { closeTestDriver } from './support/db';
import { dbHitsOf, operators, plansOf } from './support/queryPlans';
import { ev, ok, seed, ZONE } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

describe("an entity's events", () => {
  const EVENT = 'edges { roles event: node { id date } }';

  it('when a page of entities asks for a few events each, then each entity gets its own earliest ones, undated last', async () => {
    const data = await ok(`{ entities(first: 100) { edges { node { id few: events(first: 9) { ${EVENT} } all: events(first: 100) { ${EVENT} } } } } }`);
    const nodes: Array<{ id: string; few: unknown[]; all: unknown[] }> = data.entities.edges.map((e: any) => ({
      id: e.node.id,
      few: e.node.few.edges,
      all: e.node.all.edges,
    }));
    for (const n of nodes) expect(n.few).toEqual(n.all.slice(0, 9));
    const zone = nodes.find((n) => n.id === ZONE)!;
    expect(zone.all).toHaveLength(20);
    expect(zone.all.filter((e: any) => e.event.date === null).map((e: any) => e.event.id)[0]).toBe(ev('ev-bank-matchmaking')); // undated last, by id
    expect(zone.few.map((e: any) => [e.event.id, e.event.date, e.roles])).toEqual([
      [ev('ev-2306-courtyard-meeting'), '2023-06', ['HOST']], // a month starts on its first day
      [ev('ev-0614-training'), '2023-06-14', ['ORGANIZER']],
      [ev('ev-0615-poetry'), '2023-06-15', ['SUBJECT']],
      [ev('ev-0621-cast-inspection'), '2023-06-21', ['INSPECTED']],
      [ev('ev-0621-civility-launch'), '2023-06-21', ['HOST']],
      [ev('ev-0621-signing'), '2023-06-21', ['SIGNATORY']],
      [ev('ev-0625-observation'), '2023-06-25', ['HOST']],
      [ev('ev-0626-hr-rules'), '2023-06-26', ['ORGANIZER']],
      [ev('ev-0626-meeting'), '2023-06-26', ['ORGANIZER']],
    ]);
    expect(nodes.find((n) => n.id === 'person:jin-feng')!.few).toHaveLength(4);
  });

  it('when 金锋 is asked for his first two events, then each keeps every role he had there', async () => {
    const data = await ok(`{ entity(id: "person:jin-feng") { events(first: 2) { edges { roles node { id } } } } }`);
    expect(data.entity.events.edges).toEqual([
      { roles: ['ATTENDEE', 'SPEAKER'], node: { id: ev('ev-0621-cast-inspection') } },
      { roles: ['ATTENDEE', 'SPEAKER'], node: { id: ev('ev-0621-signing') } },
    ]);
  });

  it('when fewer of an entity\'s events are asked for, then the database reads less: only the events kept are projected', async () => {
    const events = (first: number): string => `{ entity(id: "${ZONE}") { events(first: ${first}) { edges { roles node { id name date } } } } }`;
    expect(await dbHitsOf(events(1))).toBeLessThan(await dbHitsOf(events(15)));
  });
});

describe('events by type and date', () => {
  // a date window bounds events on one side per property (dateEnd >= from, dateStart <= to): a date index seek
  // reads about half of all events, a type a fraction; the planner alone picked either (cypher/eventPage.ts)
  it.each([
    ['one type', '[SIGNING]'],
    ['two types', '[SIGNING, FAIR]'],
  ])('when events of %s in a date window are asked for, then the statement seeks the type index, not a date range', async (_what, types) => {
    const [plan] = await plansOf(`{ events(where: { types: ${types}, from: "2023-06-01", to: "2023-06-30" }) { totalCount edges { node { id } } } }`);
    const seeks = operators(plan)
      .filter((op) => op.operatorType.includes('IndexSeek'))
      .map((op) => String(op.arguments.Details));
    expect(seeks).toEqual([expect.stringMatching(/:Event\(type\)/)]);
  });
});
