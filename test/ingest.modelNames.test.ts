/**
 * The domain model is declared once (src/model): the ingest's Cypher takes every label and relationship type
 * from it, never writes one by hand. This reads the ingest's sources as text, comments left out, and looks for
 * a model name right after `:` or `|` (a label or a type in a pattern).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_TYPE_NAMES, GRAPH_LABELS, GRAPH_RELATIONSHIPS, RELATION_TYPE_NAMES } from '../src/model';

const folder = join(__dirname, '..', 'src', 'ingest');
const names = [...Object.values(GRAPH_LABELS), ...Object.values(GRAPH_RELATIONSHIPS), ...ENTITY_TYPE_NAMES, ...RELATION_TYPE_NAMES];
const withoutComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** `file: …text…` for each label or relationship type written by hand in `text`. */
function handWrittenNames(file: string, text: string): string[] {
  const code = withoutComments(text);
  return names.flatMap((name) =>
    [...code.matchAll(new RegExp(`[:|]${name}\\b`, 'g'))].map((m) => `${file}: …${code.slice(Math.max(0, m.index! - 20), m.index! + name.length + 1)}…`),
  );
}

describe('labels and relationship types in src/ingest', () => {
  it('when a statement needs a label or a relationship type, then it takes it from the model', () => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((f) => handWrittenNames(f, readFileSync(join(folder, f), 'utf8')))).toEqual([]);
  });

  it('when one is written by hand, then the check names the file and the place', () => {
    const found = handWrittenNames('x.ts', '// (:Entity) in a comment\nconst q = `MATCH (a:Article)-[:MENTIONS]->(e:${L.Entity})`;');
    expect(found).toEqual([expect.stringContaining('x.ts: …'), expect.stringContaining('x.ts: …')]);
    expect(found.join(' ')).toMatch(/:Article/);
    expect(found.join(' ')).toMatch(/:MENTIONS/);
  });
});
