/**
 * A query of the mix (mix.ts) and its three arms:
 *
 * - `product`: this product's GraphQL API (schema/schema.graphql);
 * - `library`: the official Neo4j GraphQL Library over the same graph (libraryTypeDefs.ts);
 * - `raw`: one hand-written Cypher statement per query, served by node:http + neo4j-driver (armServer.ts).
 *
 * Each query also says how to reduce each arm's answer to one comparable form (`normalize`), so that the
 * smoke test can check that the three arms answer each question with the same data. Here: the query's type,
 * what an arm is sent for it (`requestBody`, `rawCypherOf`) and how its answer is read (`normalizeAnswer`).
 */
export type ArmName = 'product' | 'library' | 'raw';
export const ARMS: ArmName[] = ['raw', 'product', 'library'];
/**
 * Diagnostic arm: the product's schema (buildApiSchema) served by Apollo Server standalone, like the library
 * arm: no express, no product plugins, and graphql-js's executor (the product's is graphql-jit,
 * src/api/compiledExecutor.ts). Product vs productBare is src/server's HTTP layer plus the compiled execution;
 * productBare vs library compares the schemas and resolvers on the same HTTP stack and executor.
 */
export type DiagnosticArm = 'productBare';
export type AnyArm = ArmName | DiagnosticArm;
const asArm = (arm: AnyArm): ArmName => (arm === 'productBare' ? 'product' : arm);

export type Params = Record<string, unknown>;
type Json = any;

export interface GraphqlRequest {
  query: string;
  variables: Params;
}

export interface MixQuery {
  name: string;
  title: string;
  /** "nested" and "filtered" queries carry the 1.5x-over-the-library target */
  shape: 'lookup' | 'nested' | 'filtered' | 'graph' | 'search' | 'overhead';
  /** the product's GraphQL operation */
  product: (p: Params) => GraphqlRequest;
  library: (p: Params) => GraphqlRequest;
  /** Cypher run by the raw arm (or made from its params); the params are `rawParams(p)`; empty: the raw arm answers without Neo4j */
  rawCypher: string | ((params: Params) => string);
  rawParams?: (p: Params) => Params;
  normalize: Record<ArmName, (data: Json) => Json>;
}

/** The raw arm's Cypher for these (raw) params. */
export const rawCypherOf = (q: MixQuery, params: Params): string => (typeof q.rawCypher === 'function' ? q.rawCypher(params) : q.rawCypher);

/** What an arm is sent over HTTP for one query and probe. */
export function requestBody(anyArm: AnyArm, q: MixQuery, p: Params): string {
  const arm = asArm(anyArm);
  if (arm === 'raw') return JSON.stringify({ query: q.name, params: q.rawParams ? q.rawParams(p) : p });
  return JSON.stringify(arm === 'product' ? q.product(p) : q.library(p));
}

/** The arm's answer as the query's comparable form; throws on GraphQL errors. */
export function normalizeAnswer(anyArm: AnyArm, q: MixQuery, body: Json): Json {
  const arm = asArm(anyArm);
  if (arm !== 'raw' && body.errors?.length) throw new Error(`${arm} ${q.name}: ${JSON.stringify(body.errors).slice(0, 500)}`);
  if (arm === 'raw' && body.error) throw new Error(`raw ${q.name}: ${body.error}`);
  return q.normalize[arm](arm === 'raw' ? body.rows : body.data);
}
