import { checkDateWindow } from './events.args';
import {
  articleArg,
  checkFigureFilter,
  type EntityEventsArgs,
  type EntityFiguresArgs,
  type EntitySourcesArgs,
  type PageArgs,
  pageWindow,
  type RelationsArgs,
} from './fields.args';

/*
 * The argument checks of the fields below the root (an entity's events, an event's participants, …): each throws
 * BAD_USER_INPUT naming the argument (a page size out of range, a cursor of another list, a malformed or reversed
 * date) and answers what the field's loader is keyed by. The resolvers run them, and so does the server over the
 * whole operation before executing it (fieldChecks.ts), so that a bad argument of a nested field refuses the
 * request as a whole, as one of a root field does. The second argument of pageWindow names the list whose cursors
 * the field takes (cursor.ts).
 */

export const entitySourcesArgs = (a: EntitySourcesArgs) => ({ ...pageWindow(a, 'sources'), article: articleArg(a.article) });

export const entityEventsArgs = (a: EntityEventsArgs) => {
  const page = pageWindow(a, 'entityEvents');
  return { ...checkDateWindow(a), types: a.types ?? null, roles: a.roles ?? null, ...page };
};

export const relationsArgs = (a: RelationsArgs) => ({
  types: a.types ?? null,
  direction: a.direction ?? null,
  article: articleArg(a.article),
  ...pageWindow(a, 'relations'),
});

export const entityFiguresArgs = (a: EntityFiguresArgs) => ({ page: pageWindow(a, 'entityFigures'), filter: checkFigureFilter(a) });

export const mentionedInPage = (a: PageArgs) => pageWindow(a, 'mentionedIn');
export const articleEntitiesPage = (a: PageArgs) => pageWindow(a, 'articleEntities');
export const articleEventsPage = (a: PageArgs) => pageWindow(a, 'articleEvents');
export const participantsPage = (a: PageArgs) => pageWindow(a, 'participants');
export const partsPage = (a: PageArgs) => pageWindow(a, 'parts');
export const positionsPage = (a: PageArgs) => pageWindow(a, 'positions');
export const officialsPage = (a: PageArgs) => pageWindow(a, 'officials');
export const unitsPage = (a: PageArgs) => pageWindow(a, 'units');
export const projectsPage = (a: PageArgs) => pageWindow(a, 'projects');
export const partnersPage = (a: PageArgs) => pageWindow(a, 'partners');

/* The `sources` of each kind of fact, and the lists of a partner: each field its own cursors. */
export const eventSourcesPage = (a: PageArgs) => pageWindow(a, 'eventSources');
export const figureSourcesPage = (a: PageArgs) => pageWindow(a, 'figureSources');
export const relationSourcesPage = (a: PageArgs) => pageWindow(a, 'relationSources');
export const relationEdgeSourcesPage = (a: PageArgs) => pageWindow(a, 'relationEdgeSources');
export const positionSourcesPage = (a: PageArgs) => pageWindow(a, 'positionSources');
export const officialSourcesPage = (a: PageArgs) => pageWindow(a, 'officialSources');
export const participantSourcesPage = (a: PageArgs) => pageWindow(a, 'participantSources');
export const participationSourcesPage = (a: PageArgs) => pageWindow(a, 'participationSources');
export const stepSourcesPage = (a: PageArgs) => pageWindow(a, 'stepSources');
export const partnerEventsPage = (a: PageArgs) => pageWindow(a, 'partnerEvents');
/** The root `partners(of:)`: the same list as `Organization.partners`, another field, so cursors of its own. */
export const partnersOfPage = (a: PageArgs) => pageWindow(a, 'partnersOf');
export const passageEntitiesPage = (a: PageArgs) => pageWindow(a, 'passageEntities');
export const passageEventsPage = (a: PageArgs) => pageWindow(a, 'passageEvents');
