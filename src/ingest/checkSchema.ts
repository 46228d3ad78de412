import type { JsonSchema } from './articleSchema';
import { childPath, type Problem, quote } from './problem';

/** white space and the characters Unicode says to draw as nothing (zero-width space and joiners, BOM, soft hyphen, …) */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}]/gu;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeOf(value) === type;
}

function lastSegment(path: string): string {
  const m = /([A-Za-z_$][A-Za-z0-9_$]*)(\[\d+\])*$/.exec(path);
  return m ? m[1] : 'value';
}

/**
 * Checks a value against the JSON Schema subset of `articleSchema.ts`, collecting every problem with its
 * path instead of stopping at the first. The generated JSON Schema file and this checker read the same
 * schema object, so they cannot disagree.
 */
export function checkSchema(schema: JsonSchema, value: unknown, path = '', out: Problem[] = []): Problem[] {
  const report = (message: string): void => {
    out.push({ path, message });
  };

  if (schema.const !== undefined && value !== schema.const) {
    report(`must be ${quote(schema.const)}, got ${quote(value)}`);
    return out;
  }
  if (schema.enum && !schema.enum.includes(value as string)) {
    const what = lastSegment(path);
    report(
      typeof value === 'string'
        ? `unknown ${what} ${quote(value)} (${schema.description ?? 'expected one of'}: ${schema.enum.join(', ') || 'none'})`
        : `expected one of: ${schema.enum.join(', ')}; got ${typeOf(value)}`,
    );
    return out;
  }
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => hasType(value, t))) {
      const got = typeof value === 'number' && !Number.isFinite(value) ? 'a non-finite number' : typeOf(value);
      report(`expected ${types.join(' or ')}, got ${got}`);
      return out;
    }
  }

  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && value.replace(INVISIBLE, '').length < schema.minLength) {
      report(value.trim() === '' ? 'must not be empty' : 'has no visible character (only white space or invisible characters such as U+200B)');
    }
    if (schema.maxLength !== undefined && length > schema.maxLength) {
      report(`is ${length} characters long; at most ${schema.maxLength} allowed`);
    }
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) {
      report(`${quote(value)} is not valid: ${schema.description ?? `must match ${schema.pattern}`}`);
    }
  }

  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      report(`has ${value.length} items; at most ${schema.maxItems} allowed`);
      return out;
    }
    if (schema.items) value.forEach((item, i) => checkSchema(schema.items!, item, childPath(path, i), out));
  }

  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) {
      report(`has ${keys.length} fields; at most ${schema.maxProperties} allowed`);
      return out;
    }
    for (const name of schema.required ?? []) {
      if (!(name in obj)) out.push({ path: childPath(path, name), message: 'required field is missing' });
    }
    for (const name of keys) {
      const sub = schema.properties?.[name];
      if (sub === false) {
        out.push({ path: childPath(path, name), message: `not allowed${schema.description ? ` (${schema.description})` : ''}` });
      } else if (sub) checkSchema(sub, obj[name], childPath(path, name), out);
      else if (schema.additionalProperties === false) {
        const allowed = Object.keys(schema.properties ?? {}).join(', ');
        out.push({ path: childPath(path, name), message: `unknown field (allowed: ${allowed})` });
      } else if (typeof schema.additionalProperties === 'object') {
        checkSchema(schema.additionalProperties, obj[name], childPath(path, name), out);
      }
    }
  }

  for (const part of schema.allOf ?? []) {
    if (part.if && part.then) {
      if (checkSchema(part.if, value, path, []).length === 0) checkSchema(part.then, value, path, out);
    } else {
      checkSchema(part, value, path, out);
    }
  }
  return out;
}
