/**
 * `npm run emit`: writes schema/schema.graphql and schema/possibleTypes.json (Apollo Client's) from the code
 * (test/api.schema.test.ts fails while a committed file differs).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApiSchema, schemaSdl } from './buildApiSchema';
import { possibleTypesJson } from './possibleTypes';

export const SCHEMA_FILE = join(__dirname, '..', '..', 'schema', 'schema.graphql');
export const POSSIBLE_TYPES_FILE = join(__dirname, '..', '..', 'schema', 'possibleTypes.json');

if (require.main === module) {
  buildApiSchema()
    .then((schema) => {
      writeFileSync(SCHEMA_FILE, schemaSdl(schema));
      writeFileSync(POSSIBLE_TYPES_FILE, possibleTypesJson(schema));
      process.stdout.write(`wrote ${SCHEMA_FILE} and ${POSSIBLE_TYPES_FILE}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    });
}
