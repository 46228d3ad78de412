import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaCypherFile } from '../graph/schemaStatements';
import { articleJsonSchema } from '../ingest';

/** Files generated from the code and committed; a test fails when one is stale. */
export function generatedFiles(repoRoot: string): Array<{ path: string; content: string }> {
  return [
    { path: join(repoRoot, 'schema', 'kg-article-1.schema.json'), content: `${JSON.stringify(articleJsonSchema(), null, 2)}\n` },
    { path: join(repoRoot, 'cypher', 'schema.cypher'), content: schemaCypherFile() },
  ];
}

export function emitGeneratedFiles(repoRoot: string): string[] {
  const written: string[] = [];
  for (const file of generatedFiles(repoRoot)) {
    let current: string | undefined;
    try {
      current = readFileSync(file.path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== file.content) {
      writeFileSync(file.path, file.content);
      written.push(file.path);
    }
  }
  return written;
}
