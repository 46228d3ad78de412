import {
  type FieldNode,
  getArgumentValues,
  type GraphQLField,
  GraphQLError,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  isObjectType,
} from 'graphql';
import { isApiError } from '../errors';
import { checkCountsArgs } from '../resolvers/counts.resolver';
import { checkDuplicatesArgs } from '../resolvers/duplicate.resolver';
import { checkJudgementsArgs } from '../resolvers/judgement.resolver';
import { checkPassagesArgs } from '../resolvers/passage.resolver';
import { checkEntitiesArgs } from './entities.args';
import { checkEventsArgs } from './events.args';
import { checkFiguresArgs } from './figures.args';
import { checkNeighborhoodArgs, checkPathsArgs } from './graph.args';
import { checkId } from './limits';
import * as nested from './nestedChecks';
import { checkSearchArgs } from './search.args';

/** Each check takes its field's arguments as graphql-js coerces them (plain objects, defaults applied). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Check = (args: any) => unknown;

/**
 * The argument checks of every read field that has any, by `Type.field` (an interface's hold for each type
 * implementing it): the very functions the resolvers run before they read anything. The server runs them over the
 * whole operation before executing it (src/server/plugins/argumentBounds.ts), so that a malformed argument (a
 * cursor of another list, a date that is none, a reversed window, an empty range in a `where`) refuses the request
 * as a whole, with no partial data, wherever the field is: at the root or nested under an entity's events.
 */
export const FIELD_CHECKS: Readonly<Record<string, Check>> = {
  'Query.node': (a) => checkId(a.id, 'id'),
  'Query.entity': (a) => checkId(a.id, 'id'),
  'Query.entities': checkEntitiesArgs,
  'Query.events': checkEventsArgs,
  'Query.figures': checkFiguresArgs,
  'Query.search': checkSearchArgs,
  'Query.passages': checkPassagesArgs,
  'Query.duplicates': checkDuplicatesArgs,
  'Query.judgements': checkJudgementsArgs,
  'Query.eventCounts': checkCountsArgs.eventCounts,
  'Query.entityCounts': checkCountsArgs.entityCounts,
  'Query.figureCounts': checkCountsArgs.figureCounts,
  'Query.neighborhood': checkNeighborhoodArgs,
  'Query.paths': checkPathsArgs,
  'Query.partners': (a) => ({ of: checkId(a.of, 'of'), ...nested.partnersOfPage(a) }),
  'Entity.sources': nested.entitySourcesArgs,
  'Entity.events': nested.entityEventsArgs,
  'Entity.relations': nested.relationsArgs,
  'Entity.mentionedIn': nested.mentionedInPage,
  'Entity.figures': nested.entityFiguresArgs,
  'Article.entities': nested.articleEntitiesPage,
  'Article.events': nested.articleEventsPage,
  'Event.participants': nested.participantsPage,
  'Event.parts': nested.partsPage,
  'Person.positions': nested.positionsPage,
  'Organization.officials': nested.officialsPage,
  'Organization.units': nested.unitsPage,
  'Organization.projects': nested.projectsPage,
  'Organization.partners': nested.partnersPage,
  'PartnerEdge.events': nested.partnerEventsPage,
  'Event.sources': nested.eventSourcesPage,
  'Figure.sources': nested.figureSourcesPage,
  'Relation.sources': nested.relationSourcesPage,
  'RelationEdge.sources': nested.relationEdgeSourcesPage,
  'PositionEdge.sources': nested.positionSourcesPage,
  'OfficialEdge.sources': nested.officialSourcesPage,
  'ParticipantEdge.sources': nested.participantSourcesPage,
  'EntityEventEdge.sources': nested.participationSourcesPage,
  'PathStep.sources': nested.stepSourcesPage,
  'Passage.entities': nested.passageEntitiesPage,
  'Passage.events': nested.passageEventsPage,
};

/** The check of `parent.field`, or of the same field of an interface `parent` implements. */
export function fieldCheckOf(parent: GraphQLObjectType | GraphQLInterfaceType, field: string): Check | undefined {
  const own = FIELD_CHECKS[`${parent.name}.${field}`];
  if (own) return own;
  for (const i of isObjectType(parent) ? parent.getInterfaces() : []) {
    const inherited = FIELD_CHECKS[`${i.name}.${field}`];
    if (inherited) return inherited;
  }
  return undefined;
}

/**
 * The error a field's resolver would throw for its arguments in `node`, located at the argument it names and saying
 * which field (`fieldPath`: response keys from the root, `entity.events`), with HTTP 400; undefined when they pass.
 * Arguments graphql-js cannot coerce are left for its own error, as it words them.
 */
export function fieldArgumentsError(
  parent: GraphQLObjectType | GraphQLInterfaceType,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
  fieldPath: readonly string[],
): GraphQLError | undefined {
  const check = fieldCheckOf(parent, field.name);
  if (!check) return undefined;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, variables);
  } catch {
    return undefined;
  }
  try {
    check(args);
    return undefined;
  } catch (error) {
    // anything but the typed errors is for the resolver to meet, and the server to mask and log, as before
    if (!isApiError(error)) return undefined;
    const named = String(error.extensions.argumentName ?? '').split(/[.[]/)[0];
    const argument = node.arguments?.find((a) => a.name.value === named);
    return new GraphQLError(error.message, {
      nodes: [argument ?? node],
      extensions: { ...error.extensions, fieldPath: fieldPath.join('.'), http: { status: 400 } },
    });
  }
}
