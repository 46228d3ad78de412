/**
 * `npm run emit`: writes schema/schema.graphql from the code (test/api.schema.test.ts fails while the
 * committed file differs).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApiSchema, schemaSdl } from './buildApiSchema';

export const SCHEMA_FILE = join(__dirname, '..', '..', 'schema', 'schema.graphql');

if (require.main === module) {
  buildApiSchema()
    .then((schema) => {
      writeFileSync(SCHEMA_FILE, schemaSdl(schema));
      process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    });
}
