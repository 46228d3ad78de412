import type { EventType, ParticipantRole } from './domain';

/** What each event type means, for readers of the API's schema. */
export const EVENT_TYPE_DESCRIPTIONS: Record<EventType, string> = {
  Signing: 'One agreement signed; its signatories are the parties to it.',
  Inspection: 'An official inspection or survey of a place, company or project.',
  Fair: 'A fair, expo or recruitment event.',
  Meeting: 'A meeting, conference or forum.',
  Visit: 'A visit by a delegation or official.',
  Ceremony: 'A ceremony: an opening, a ground-breaking, an award.',
  Training: 'A training course or session.',
  Campaign: 'A campaign or drive over some time.',
  Other: 'Any other event.',
};

/** What part each participant role names. */
export const PARTICIPANT_ROLE_DESCRIPTIONS: Record<ParticipantRole, string> = {
  host: 'Hosted the event.',
  organizer: 'Organised it.',
  signatory: 'A party to the agreement signed (Signing events).',
  attendee: 'Was present.',
  speaker: 'Spoke at it.',
  inspector: 'Carried out the inspection.',
  inspected: 'Was inspected.',
  visitor: 'Made the visit.',
  visited: 'Was visited.',
  subject: 'What the event was about.',
};

/** What each entity kind means (kinds are shared between types: `Other`). */
export const ENTITY_KIND_DESCRIPTIONS: Record<string, string> = {
  Company: 'An organisation: a company.',
  University: 'An organisation: a university or college.',
  School: 'An organisation: a school (vocational, secondary, primary).',
  GovernmentAgency: 'An organisation: a government body or its office.',
  PartyCommittee: 'An organisation: a party committee or its working body.',
  Association: 'An organisation: an association, chamber or federation.',
  DevelopmentZone: 'An organisation: a development zone or its management committee.',
  Institute: 'An organisation: a research institute.',
  Other: 'Of an organisation, place or project: none of its other kinds.',
  Village: 'A village.',
  Community: 'An urban community (社区).',
  Country: 'A place: a country.',
  Province: 'A place: a province or region.',
  City: 'A place: a city.',
  County: 'A place: a county or county-level city.',
  District: 'A place: a district, town or street.',
  Manufacturing: 'A project: manufacturing.',
  Services: 'A project: services.',
  Infrastructure: 'A project: infrastructure.',
};
