/**
 * Sources of relations, positions and participations are read only when a query asks for them (the claim
 * lists of a much-repeated fact are long), in one round trip per nesting level, and never from a
 * relationship other than the one the row came from.
 */
import { claimsByKeys } from '../src/api/cypher/claims';
import { closeTestDriver, testDriver, testDatabase } from './support/db';
import { statementsOf } from './support/recordingDriver';
import { context, exec, ok, seed } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

const readsClaims = (statements: string[]): boolean => statements.some((s) => s.includes('sourceEvidence'));

describe('sources on request', () => {
  it.each([
    ['positions', '{ entity(id: "person:jin-feng") { ... on Person { positions { edges { title %s } } } } }'],
    ['officials', '{ entity(id: "org:gaoyou-edz-management-committee") { ... on Organization { officials { edges { title %s } } } } }'],
    ['participants', '{ events(first: 5) { edges { node { participants { edges { role %s } } } } } }'],
    ['relations', '{ entity(id: "org:gaoyou-edz") { relations { edges { type %s } } } }'],
    ['event participations', '{ entity(id: "person:jin-feng") { events { edges { roles %s } } } }'],
  ])('when %s are asked for without sources, then no claim list is read; with them, it is', async (_what, query) => {
    expect(readsClaims(await statementsOf(query.replace('%s', '')))).toBe(false);
    expect(readsClaims(await statementsOf(query.replace('%s', 'sources { edges { evidence article: node { id } } }')))).toBe(true);
  });

  it('when a page of events asks for the sources of every participation, then they cost one more round trip in all', async () => {
    const without = await exec('{ events(first: 20) { edges { node { participants { edges { role node { id } } } } } } }');
    const withSources = await exec('{ events(first: 20) { edges { node { participants { edges { role node { id } sources { edges { evidence } } } } } } } }');
    expect(without.errors).toBeUndefined();
    expect(withSources.errors).toBeUndefined();
    expect(withSources.ctx.stats.roundTrips).toBe(without.ctx.stats.roundTrips + 1);
    const participations = withSources.data.events.edges.flatMap((e: any) => e.node.participants.edges);
    expect(participations.length).toBeGreaterThan(20);
    for (const p of participations) {
      expect(p.sources.edges).toHaveLength(1); // the seed is one article
    }
  });

  it("when 金锋's positions are asked with sources, then each cites the seed article and its own sentence", async () => {
    const data = await ok('{ entity(id: "person:jin-feng") { ... on Person { positions { edges { title sources { edges { evidence article: node { id } } } } } } } }');
    const positions = data.entity.positions.edges as Array<{ title: string; sources: { edges: Array<{ evidence: string; article: { id: string } }> } }>;
    expect(positions).toHaveLength(2);
    for (const p of positions) {
      expect(p.sources.edges.map((s) => s.article.id)).toEqual(['gaoyou-edz-newsletter-2023-06']);
      expect(p.sources.edges[0].evidence).toContain('金锋');
    }
  });

  it('when a claim key no longer joins the nodes it was read between (the relationship was deleted and its id reused), then it has no sources', async () => {
    const { records } = await testDriver().executeQuery(
      `MATCH (p:Person {id: 'person:jin-feng'})-[h:HOLDS_POSITION]->(o) RETURN elementId(h) AS rel, o.id AS org LIMIT 1`,
      {},
      { database: testDatabase() },
    );
    const [rel, org] = [records[0].get('rel') as string, records[0].get('org') as string];
    const good = `${rel}\nperson:jin-feng\n${org}`;
    const stale = `${rel}\nperson:someone-else\n${org}`;
    const found = await claimsByKeys(context(), [good, stale], null);
    expect(found.get(good)?.rows.length).toBeGreaterThan(0);
    expect(found.has(stale)).toBe(false);
  });
});
