import type * as http from 'http';

export const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON error answer in GraphQL's shape (also written before express has touched the response). */
export function jsonError(res: http.ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.statusCode = status;
  res.setHeader('content-type', JSON_TYPE);
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
