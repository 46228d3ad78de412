import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { generatedFiles } from '../src/cli/emitFiles';
import { articleJsonSchema, validateDocument } from '../src/ingest';
import { articleDoc } from './support/documents';

const root = join(__dirname, '..');

describe('generated files', () => {
  it.each(generatedFiles(root).map((f) => [f.path.slice(root.length + 1), f.content]))(
    'when the model or the validator changes, then %s is regenerated (npm run emit)',
    (path, content) => {
      expect(readFileSync(join(root, path), 'utf8')).toBe(content);
    },
  );

  describe('the JSON Schema agrees with the validator', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
    const check = ajv.compile(articleJsonSchema());

    it('accepts the seed article and a small valid document', () => {
      const seed = JSON.parse(readFileSync(join(root, 'seed', 'gaoyou-edz-newsletter-2023-06.json'), 'utf8'));
      expect(check(seed)).toBe(true);
      expect(validateDocument(seed).ok).toBe(true);
      expect(check(articleDoc('x'))).toBe(true);
    });

    it.each([
      ['a wrong format tag', (d: Record<string, any>) => (d.format = 'kg-article/0')],
      ['an unknown entity type', (d: Record<string, any>) => (d.entities[0].type = 'Thing')],
      ['a kind of another type', (d: Record<string, any>) => (d.entities[3].kind = 'Company')],
      ['an unknown role', (d: Record<string, any>) => (d.events[0].participants[0].role = 'guest')],
      ['a malformed date', (d: Record<string, any>) => (d.events[0].date = '21.06.2023')],
      ['an unknown field', (d: Record<string, any>) => (d.extra = true)],
    ])('rejects %s, as the validator does', (_name, breakIt) => {
      const doc = articleDoc('x');
      breakIt(doc);
      expect(check(doc)).toBe(false);
      expect(validateDocument(doc).ok).toBe(false);
    });
  });
});
