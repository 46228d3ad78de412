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
  /** The Organization field's edges as the root field's partners: the organisation is the edge's node. */
  const asPartners = (c: { edges: Array<{ node: unknown }> }) => c.edges.map(({ node, ...rest }) => ({ organization: node, ...rest }));
  it.each([
    ['at the root', (sel: string) => `{ partners(of: "org:gaoyou-edz") { ${sel} } }`, (d: any) => d.partners],
    [
      'as an Organization field',
      (sel: string) => `{ entity(id: "org:gaoyou-edz") { ... on Organization { partners(first: 100) { edges { ${sel.replace('organization {', 'node {')} } } } } }`,
      (d: any) => asPartners(d.entity.partners),
    ],
  ])('when asked %s for names only, then no reasons are built and the partners are those found with reasons', async (_where, query, pick) => {
    const bare = query('organization { id }');
    const full = query('organization { id } events { id } relations { type }');
    expect(buildsReasons(await statementsOf(bare))).toBe(false);
    expect(buildsReasons(await statementsOf(full))).toBe(true);
    const withReasons = pick(await ok(full)) as Array<{ organization: { id: string }; events: Array<{ id: string }>; relations: unknown[] }>;
    const withoutReasons = pick(await ok(bare)) as Array<{ organization: { id: string } }>;
    expect(withoutReasons.map((p) => p.organization.id)).toEqual(withReasons.map((p) => p.organization.id));
    expect(withReasons.length).toBeGreaterThanOrEqual(4);
    for (const p of withReasons) expect(p.events.length + p.relations.length).toBeGreaterThan(0);
  });
});

describe('claim keys of the partners’ relations', () => {
  const computesClaimKeys = (statements: string[]): boolean => statements.some((s) => s.includes('elementId('));
  const RELATIONS = 'organization { id } relations { type direction %s }';
  const SOURCES = 'sources { evidence article { id } }';

  it('when the relations are asked for without their sources, then no claim keys are computed; with them (even in a fragment), they are, and the sources are found', async () => {
    const bare = `{ partners(of: "org:gaoyou-edz") { ${RELATIONS.replace('%s', '')} } }`;
    const withSources = `{ partners(of: "org:gaoyou-edz") { ${RELATIONS.replace('%s', SOURCES)} } }`;
    const viaFragment = `{ partners(of: "org:gaoyou-edz") { ...P } } fragment P on Partner { relations { ...R } } fragment R on Relation { type ${SOURCES} }`;
    expect(computesClaimKeys(await statementsOf(bare))).toBe(false);
    expect(computesClaimKeys(await statementsOf(withSources))).toBe(true);
    expect(computesClaimKeys(await statementsOf(viaFragment))).toBe(true);

    const strip = (d: any) => d.partners.map((p: any) => ({ id: p.organization.id, relations: p.relations.map((r: any) => ({ type: r.type, direction: r.direction })) }));
    const sourced = await ok(withSources);
    expect(strip(sourced)).toEqual(strip(await ok(bare)));
    const relations = sourced.partners.flatMap((p: any) => p.relations);
    expect(relations.length).toBeGreaterThan(0);
    for (const r of relations) expect(r.sources.length).toBeGreaterThan(0);
  });
});

describe('partners of an organisation, a page at a time', () => {
  it('when the zone\'s partners are read two at a time, then the pages follow each other in the root field\'s order, with one total', async () => {
    const root = (await ok('{ partners(of: "org:gaoyou-edz") { organization { id } } }')).partners.map((p: any) => p.organization.id);
    const page = (after: string | null) =>
      ok(`query($after: String) { entity(id: "org:gaoyou-edz") { ... on Organization {
        partners(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } events { id } } } } } }`, { after });
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
