/** The partners of an organisation (`partners(of, includeUnits)`), with why each is one. */
import { gql, type GqlResult } from './api';
import { sourceList, sourcesField, type Page } from './edges';
import type { Ref, SourceData } from './queries';
import { t } from './i18n';

export interface PartnerData {
  organization: Ref;
  /** the organisation asked about, or those of its units that signed or hold the relation */
  via: Ref[];
  events: { id: string; name: string; date: string | null; eventType: string }[];
  relations: { type: string; direction: 'OUTGOING' | 'INCOMING'; other: Ref; sources: SourceData[] }[];
}

/** The partners the panel shows, and how many there are in all. */
export interface PartnersData {
  partners: PartnerData[];
  totalCount: number;
}

const REF = 'id name type kind';

/** How many partners the panel reads (their total says when there are more), and of each partner's signings. */
export const PARTNERS_PAGE = 50;
const PARTNER_EVENTS = 10;

export const PARTNERS = `query ExplorerPartners($of: ID!, $includeUnits: Boolean!) {
  partners(of: $of, includeUnits: $includeUnits, first: ${PARTNERS_PAGE}) {
    totalCount
    edges {
      node { ${REF} }
      via { ${REF} }
      events(first: ${PARTNER_EVENTS}) { edges { node { id name date eventType: type } } }
      relations { type direction other { ${REF} } ${sourcesField('id title publishedOn url', 3)} }
    }
  }
}`;

type RelationSent = Omit<PartnerData['relations'][number], 'sources'> & { sources: Page<SourceData> };
interface PartnersSent {
  partners: { totalCount: number; edges: Array<{ node: Ref; via: Ref[]; events: Page<{ node: PartnerData['events'][number] }>; relations: RelationSent[] }> };
}

/** The partners as the panel reads them: the API's edges and their pages of events and sources as lists. */
export async function partners(of: string, includeUnits: boolean, signal?: AbortSignal): Promise<GqlResult<PartnersData>> {
  const r = await gql<PartnersSent>(PARTNERS, { of, includeUnits }, { signal, operationName: 'ExplorerPartners', label: t('partners.loading') });
  const c = r.data.partners;
  const list = (c?.edges ?? []).map((e) => ({
    organization: e.node,
    via: e.via,
    events: e.events.edges.map((x) => x.node),
    relations: e.relations.map((x) => ({ ...x, sources: sourceList(x.sources) })),
  }));
  return { ...r, data: { partners: list, totalCount: c?.totalCount ?? 0 } };
}
