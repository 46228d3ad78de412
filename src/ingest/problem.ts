/** One thing wrong with a document, at a JSON path such as `entities[3].type`. */
export interface Problem {
  path: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

/**
 * A value quoted for a message: JSON-escaped (so control characters and markup stay inert) and cut short.
 * Arrays and objects are only described (`an array of 1 item`): a hostile document may nest them 100 000
 * levels deep, and JSON.stringify or String() of that overflows the stack.
 */
export function quote(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value !== null && typeof value === 'object') return 'an object';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const safe = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (safe.startsWith('[')) return `${parent}${safe}`;
  return parent ? `${parent}.${safe}` : safe;
}
