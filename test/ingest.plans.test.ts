/**
 * The ingest's big statements run with `CYPHER replan=skip` (src/ingest/planOnce.ts): they keep the plan they
 * got first, even when that was on an empty graph. That is only safe when the plan does not depend on
 * statistics: every node found by a unique key or by expanding from one, never by scanning. This plans each
 * statement afresh on an empty graph and checks that no operator scans.
 */
import { applySchema } from '../src/graph';
import { READ_DERIVATIONS, WRITE_DERIVATIONS } from '../src/ingest/derivationStatements';
import { LOOKUP_IDENTITIES } from '../src/ingest/lookupIdentitiesStatement';
import { WRITE_FACTS } from '../src/ingest/writeFactsStatement';
import { RELATION_TYPE_NAMES } from '../src/model';
import { testDatabase, useTestDatabase } from './support/db';

interface Plan {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: Plan[];
}

const operators = (plan: Plan): string[] => [plan.operatorType.replace(/@.*$/, ''), ...(plan.children ?? []).flatMap(operators)];

describe('plans of the ingest statements on an empty graph', () => {
  const driver = useTestDatabase();
  beforeAll(() => applySchema(driver(), testDatabase()));

  const explain = async (cypher: string, params: Record<string, unknown>) => {
    const result = await driver().executeQuery(`CYPHER replan=force EXPLAIN ${cypher}`, params, { database: testDatabase() });
    return operators(result.summary.plan as unknown as Plan);
  };
  const row = { id: 'x', article: 'a', type: 'Person', key: 'k', name: 'n', aliases: [], kind: null, attributes: '{}', evidence: null };

  it.each([
    ['identity lookup', LOOKUP_IDENTITIES, { q: { article: 'a', hash: 'h', keys: ['Person|n'], explicit: ['x'], lookups: ['Person|n'], generated: ['person:n'], mentions: ['["a","k"]'] } }],
    [
      'write facts',
      WRITE_FACTS,
      {
        facts: {
          articles: [{ id: 'a', props: { title: 't' }, hash: 'h' }],
          entities: [row],
          events: [{ ...row, date: null, endDate: null, dateStart: null, dateEnd: null, location: 'x', participants: [{ entity: 'x', role: 'host' }] }],
          relations: Object.fromEntries(RELATION_TYPE_NAMES.map((t) => [t, [{ from: 'x', to: 'y', key: '', article: 'a', evidence: '', since: '', until: '', attributes: '{}' }]])),
          figures: [{ article: 'a', id: 'f', subject: 'x', metric: 'm', value: 1, unit: null, period: null, change: null, evidence: null }],
          derived: {
            keep: [{ id: 'x', nameKeys: ['Person|n'] }],
            orphans: [],
            rows: [{ id: 'x', name: 'n', aliases: [], kind: null, attributes: '{}', aliasText: '', nameKeys: ['Person|n'] }],
            groups: [{ id: 'x', groups: '[]' }],
          },
          expectNew: ['x'],
          articleIds: ['a'],
          derive: ['y'],
        },
      },
    ],
    ['derivation read', `${READ_DERIVATIONS('$q.ids')} RETURN derivations`, { q: { ids: ['x'] } }],
    ['derivation read from stored groups', `${READ_DERIVATIONS('$q.ids', '', { stored: true })} RETURN derivations`, { q: { ids: ['x'] } }],
    [
      'derivation write',
      WRITE_DERIVATIONS,
      {
        d: {
          keep: [{ id: 'x', nameKeys: ['Person|n'] }],
          orphans: ['y'],
          rows: [{ id: 'x', name: 'n', aliases: [], kind: null, attributes: '{}', aliasText: '', nameKeys: ['Person|n'] }],
          groups: [{ id: 'x', groups: '[]' }],
        },
      },
    ],
  ])('%s: seeks and expands, never scans', async (_name, cypher, params) => {
    const ops = await explain(cypher as string, params as Record<string, unknown>);
    expect(ops.length).toBeGreaterThan(3);
    expect(ops.filter((op) => /Scan/.test(op))).toEqual([]);
    expect(ops.some((op) => /IndexSeek/.test(op))).toBe(true);
  });
});
