/**
 * A document whose transaction keeps ending in a lock conflict (several busy loaders) is written again in later
 * rounds (`writeOne`, src/ingest/writeTransaction.ts, through the one retry helper of src/graph/retry.ts) after
 * executeWrite's own short retry window is used up; the document then loads once, as if nothing had happened.
 */
import { Neo4jError } from 'neo4j-driver';
import { applySchema } from '../src/graph';
import { ingestDocument } from '../src/ingest';
import { testDatabase, useTestDatabase } from './support/db';
import { articleDoc } from './support/documents';

const driver = useTestDatabase();
beforeAll(() => applySchema(driver(), testDatabase()));

const deadlock = () => new Neo4jError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected', 'gql', 'desc');

async function articles(): Promise<string[]> {
  const { records } = await driver().executeQuery('MATCH (a:Article) RETURN a.id AS id ORDER BY id', {}, { database: testDatabase() });
  return records.map((r) => r.get('id') as string);
}

describe('a load that keeps meeting lock conflicts', () => {
  it('when the first four attempts end in a deadlock (more than executeWrite retries within its 5 s), then a later round writes the document, once', async () => {
    let attempts = 0;
    const report = await ingestDocument(driver(), articleDoc('lc1'), 'lc1.json', {
      database: testDatabase(),
      afterStep: (step) => {
        if (step !== 'entities') return;
        attempts += 1;
        if (attempts <= 4) throw deadlock();
      },
    });
    expect(report.status).toBe('created');
    expect(attempts).toBe(5);
    expect(await articles()).toEqual(['lc1']);
    const { records } = await driver().executeQuery('MATCH (p:Person) RETURN p.id AS id', {}, { database: testDatabase() });
    expect(records.map((r) => r.get('id'))).toEqual(['person:金锋']);
  }, 60_000);

  it('when an attempt fails with an error that is no lock conflict, then it is not tried again and nothing is written', async () => {
    let attempts = 0;
    const failure = new Error('a bug in a step');
    const error = await ingestDocument(driver(), articleDoc('lc2'), 'lc2.json', {
      database: testDatabase(),
      afterStep: () => {
        attempts += 1;
        throw failure;
      },
    }).catch((e: unknown) => e);
    expect(error).toBe(failure);
    expect(attempts).toBe(1);
    expect(await articles()).toEqual([]);
  });
});
