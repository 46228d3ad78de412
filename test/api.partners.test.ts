/**
 * A partner's reasons (the co-signed events, the PARTNER_OF relations) are built only when asked for; the
 * partners themselves are the same either way, at the root and as an Organization field.
 */
import { closeTestDriver } from './support/db';
import { statementsOf } from './support/recordingDriver';
import { ok, seed } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

const buildsReasons = (statements: string[]): boolean => statements.some((s) => /collect\(DISTINCT (ev|r)\)/.test(s));

describe('partners of the zone', () => {
  it.each([
    ['at the root', (sel: string) => `{ partners(of: "org:gaoyou-edz", first: 100) { edges { ${sel} } } }`, (d: any) => d.partners.edges],
    ['as an Organization field', (sel: string) => `{ entity(id: "org:gaoyou-edz") { ... on Organization { partners(first: 100) { edges { ${sel} } } } } }`, (d: any) => d.entity.partners.edges],
  ])('when asked %s for names only, then no reasons are built and the partners are those found with reasons', async (_where, query, pick) => {
    const bare = query('node { id }');
    const full = query('node { id } events { edges { node { id } } } relations { type }');
    expect(buildsReasons(await statementsOf(bare))).toBe(false);
    expect(buildsReasons(await statementsOf(full))).toBe(true);
    const withReasons = pick(await ok(full)) as Array<{ node: { id: string }; events: { edges: unknown[] }; relations: unknown[] }>;
    const withoutReasons = pick(await ok(bare)) as Array<{ node: { id: string } }>;
    expect(withoutReasons.map((p) => p.node.id)).toEqual(withReasons.map((p) => p.node.id));
    expect(withReasons.length).toBeGreaterThanOrEqual(4);
    for (const p of withReasons) expect(p.events.edges.length + p.relations.length).toBeGreaterThan(0);
  });
});

describe('claim keys of the partners’ relations', () => {
  const computesClaimKeys = (statements: string[]): boolean => statements.some((s) => s.includes('elementId('));
  const RELATIONS = 'organization: node { id } relations { type direction %s }';
  const SOURCES = 'sources { edges { evidence node { id } } }';

  it('when the relations are asked for without their sources, then no claim keys are computed; with them (even in a fragment), they are, and the sources are found', async () => {
    const bare = `{ partners(of: "org:gaoyou-edz") { edges { ${RELATIONS.replace('%s', '')} } } }`;
    const withSources = `{ partners(of: "org:gaoyou-edz") { edges { ${RELATIONS.replace('%s', SOURCES)} } } }`;
    const viaFragment = `{ partners(of: "org:gaoyou-edz") { ...P } } fragment P on PartnerConnection { edges { relations { ...R } } } fragment R on Relation { type ${SOURCES} }`;
    expect(computesClaimKeys(await statementsOf(bare))).toBe(false);
    expect(computesClaimKeys(await statementsOf(withSources))).toBe(true);
    expect(computesClaimKeys(await statementsOf(viaFragment))).toBe(true);

    const strip = (d: any) => d.partners.edges.map((p: any) => ({ id: p.organization.id, relations: p.relations.map((r: any) => ({ type: r.type, direction: r.direction })) }));
    const sourced = await ok(withSources);
    expect(strip(sourced)).toEqual(strip(await ok(bare)));
    const relations = sourced.partners.edges.flatMap((p: any) => p.relations);
    expect(relations.length).toBeGreaterThan(0);
    for (const r of relations) expect(r.sources.edges.length).toBeGreaterThan(0);
  });
});

describe('partners of an organisation, a page at a time', () => {
  it('when the zone\'s partners are read two at a time, then the pages follow each other in the root field\'s order, with one total', async () => {
    const root = (await ok('{ partners(of: "org:gaoyou-edz") { edges { organization: node { id } } } }')).partners.edges.map((p: any) => p.organization.id);
    const page = (after: string | null) =>
      ok(`query($after: String) { entity(id: "org:gaoyou-edz") { ... on Organization {
        partners(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } events { edges { node { id } } } } } } } }`, { after });
    const ids: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const c: any = (await page(after)).entity.partners;
      expect(c.totalCount).toBe(root.length);
      ids.push(...c.edges.map((e: any) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(ids).toEqual(root);
  });
});
