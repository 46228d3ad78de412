/**
 * Name search in the three arms (see mixQuery.ts): the product's `search` over entities, and the raw and library arms
 * running its statement (src/api/cypher/searchPage.ts; the library as a @cypher field, libraryTypeDefs.ts). Two
 * rows: names as written (whole names, two-character parts, Latin words: the full-text row), and the forms a
 * Chinese reader types for them (pinyin, initials, traditional characters, one character), which reach the
 * search keys' tiers rather than the full-text index.
 */
import { checkSearchText } from '../../src/api/args/search.args';
import { searchParameters, searchStatement } from '../../src/api/cypher/searchPage';
import { enumName } from '../../src/model';
import type { MixQuery, Params } from './mixQuery';

type Json = any;
export const SEARCH_FIRST = 20;
const ENTITY_TYPES = ['Person', 'Organization', 'Village', 'Place', 'Project'];
const SEARCH_FILTER = { types: ENTITY_TYPES, eventTypes: null, from: null, to: null };

/** The product's search parameters for a probe's text (the raw and library arms run its statement). */
const searchParams = (text: unknown, take: number): Params => ({
  ...searchParameters(checkSearchText(String(text), 'query'), SEARCH_FILTER, 0, take),
  // plain numbers: the raw arm's server sends integral numbers to Neo4j as integers
  skip: 0,
  take,
});

const searchShape = (total: number, hits: Array<{ id: string; score: number }>) => ({
  total,
  // beyond one page, ties in score may be cut differently; the complete hit set is compared when it fits
  ids: total <= SEARCH_FIRST ? hits.map((h) => h.id).sort() : null,
  topScore: hits.length ? Math.round(hits[0].score * 1e4) / 1e4 : null,
});

/** A search row: the same question in every arm, asked with the probes of `name` (probes.ts). */
function searchRow(name: string, title: string): MixQuery {
  return {
    name,
    title,
    shape: 'search',
    product: (p) => ({
      query: `query Search($q: String!) { search(query: $q, types: [${ENTITY_TYPES.map(enumName).join(', ')}], first: ${SEARCH_FIRST}) {
        totalCount edges { score node { ... on Entity { id name } } } } }`,
      variables: { q: p.q },
    }),
    library: (p) => {
      const { index, q, qShort, lucene } = searchParams(p.q, SEARCH_FIRST) as Record<string, string>;
      return {
        query: `query Search($index: String!, $q: String!, $qShort: String!, $lucene: String!) {
          searchNames(index: $index, q: $q, qShort: $qShort, lucene: $lucene, skip: 0, take: ${SEARCH_FIRST}) }`,
        variables: { index, q, qShort, lucene },
      };
    },
    // the product's statement (cypher/searchPage.ts), as it is, in the shape the product picks for the query
    rawCypher: (p) => searchStatement(SEARCH_FILTER, { fuzzy: true, withTotal: true, short: p.qShort !== p.q }, { entity: [], event: [] }),
    rawParams: (p) => searchParams(p.q, SEARCH_FIRST),
    normalize: {
      product: (d) => searchShape(d.search.totalCount, d.search.edges.map((x: Json) => ({ id: x.node.id, score: x.score }))),
      library: (d) => {
        const [total, ...hits]: string[] = d.searchNames;
        return searchShape(Number(total), hits.map((h) => ({ id: h.slice(0, h.lastIndexOf('|')), score: Number(h.slice(h.lastIndexOf('|') + 1)) })));
      },
      raw: (d) => searchShape(d[0].total, d[0].rows.map((r: Json) => ({ id: r.node.id, score: r.score }))),
    },
  };
}

export const SEARCH_MIX: MixQuery[] = [
  searchRow('fullTextSearch', `full-text search (entities, first ${SEARCH_FIRST} + total)`),
  searchRow('searchForms', `search in typed forms: pinyin, initials, traditional, one character (entities, first ${SEARCH_FIRST} + total)`),
];
