/** The partners of an organisation (`partners(of, includeUnits)`), with why each is one. */
import { gql, type GqlResult } from './api';
import type { Ref, SourceData } from './queries';
import { t } from './i18n';

export interface PartnerData {
  organization: Ref;
  /** the organisation asked about, or those of its units that signed or hold the relation */
  via: Ref[];
  events: { id: string; name: string; date: string | null; eventType: string }[];
  relations: { type: string; direction: 'OUTGOING' | 'INCOMING'; other: Ref; sources: SourceData[] }[];
}

const REF = 'id name type kind';

export const PARTNERS = `query ExplorerPartners($of: ID!, $includeUnits: Boolean!) {
  partners(of: $of, includeUnits: $includeUnits) {
    organization { ${REF} }
    via { ${REF} }
    events { id name date eventType: type }
    relations { type direction other { ${REF} } sources { evidence article { id title publishedOn url } } }
  }
}`;

export function partners(of: string, includeUnits: boolean, signal?: AbortSignal): Promise<GqlResult<{ partners: PartnerData[] }>> {
  return gql<{ partners: PartnerData[] }>(PARTNERS, { of, includeUnits }, { signal, operationName: 'ExplorerPartners', label: t('partners.loading') });
}
