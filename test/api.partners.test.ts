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
    ['at the root', (sel: string) => `{ partners(of: "org:gaoyou-edz") { ${sel} } }`, (d: any) => d.partners],
    ['as an Organization field', (sel: string) => `{ entity(id: "org:gaoyou-edz") { ... on Organization { partners { ${sel} } } } }`, (d: any) => d.entity.partners],
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
