import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import type { PartnerParts } from '../cypher/partners';
import { ENTITY_EXTRAS, type EntityExtras, EVENT_EXTRAS, type EventExtras } from '../cypher/fragments';

type Selection = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/**
 * The names of the fields the client selected on this field's result (through fragments too, whatever their
 * type condition): lets a resolver skip work nobody asked for, such as counting every match of a filter for a
 * `totalCount` that is not in the query. `@skip`/`@include` are ignored: a field that may be skipped counts
 * as selected, which only costs the work, never a wrong answer.
 */
export function selectedFields(info: Selection): Set<string> {
  const names = new Set<string>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!visited.has(s.name.value)) {
        visited.add(s.name.value);
        walk(info.fragments[s.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes as readonly FieldNode[]) walk(node.selectionSet);
  return names;
}

/** Every node of the child fields `name` selected on the results of `nodes`, under any alias (fragments included). */
function childFields(fragments: Selection['fragments'], nodes: readonly FieldNode[], name: string): FieldNode[] {
  const found: FieldNode[] = [];
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value === name) found.push(s);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!visited.has(s.name.value)) {
        visited.add(s.name.value);
        walk(fragments[s.name.value]?.selectionSet);
      }
    }
  };
  for (const node of nodes) walk(node.selectionSet);
  return found;
}

/**
 * The names of the fields selected at `path` below this field (`['edges', 'node']`), across all aliases: what
 * the rows found there must be able to answer.
 */
export function selectedFieldsAt(info: Selection, path: readonly string[]): Set<string> {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) nodes = childFields(info.fragments, nodes, name);
  return selectedFields({ fieldNodes: nodes, fragments: info.fragments });
}

/** The extras (cypher/fragments.ts) that the entity rows at `path` below this field must carry. */
export function entityExtrasAt(info: Selection, path: readonly string[]): EntityExtras {
  const fields = selectedFieldsAt(info, path);
  return ENTITY_EXTRAS.filter((p) => fields.has(p));
}

/** The extras (cypher/fragments.ts) that the event rows at `path` below this field must carry. */
export function eventExtrasAt(info: Selection, path: readonly string[]): EventExtras {
  const fields = selectedFieldsAt(info, path);
  return EVENT_EXTRAS.filter((p) => fields.has(p));
}

/**
 * Which of a partner's parts were asked for, and what its organisation and event rows must carry, on each edge
 * (`at: ['edges']`, the organisation as its `node`) of the root `partners` and of `Organization.partners`.
 */
export function partnerParts(info: Selection, at: readonly string[]): PartnerParts {
  const fields = selectedFieldsAt(info, at);
  return {
    events: fields.has('events'),
    relations: fields.has('relations'),
    via: fields.has('via'),
    organization: entityExtrasAt(info, [...at, 'node']),
    event: eventExtrasAt(info, [...at, 'events', 'edges', 'node']),
  };
}

/** Whether a connection's `totalCount` was asked for (directly or through a fragment). */
export function wantsTotal(info: Selection): boolean {
  return selectedFields(info).has('totalCount');
}

/**
 * Whether `sources` was asked for on this field's rows (each participant, position, relation or event
 * participation of a list): their queries compute claim keys only then (claimKeyEntry, cypher/fragments.ts).
 */
export function wantsSources(info: Selection): boolean {
  return selectedFields(info).has('sources');
}

/**
 * The nodes of the child field `name` selected on the results of `nodes` (through fragments, whatever their type
 * condition), or null when it is not selected, or selected under more than one response key: aliases may carry
 * different arguments and selections, and a parent prefetching one of them would guess which. Nodes sharing one
 * response key are merged by GraphQL (same arguments, by validation), so they are returned together.
 */
export function soleChildField(
  fragments: GraphQLResolveInfo['fragments'],
  nodes: readonly FieldNode[],
  name: string,
): FieldNode[] | null {
  const found = childFields(fragments, nodes, name);
  const responseKeys = new Set(found.map((f) => f.alias?.value ?? f.name.value));
  return responseKeys.size === 1 ? found : null;
}

/** `soleChildField` along a path of field names (`['edges', 'node', 'participants']`). */
export function soleFieldAt(
  fragments: GraphQLResolveInfo['fragments'],
  nodes: readonly FieldNode[],
  path: readonly string[],
): FieldNode[] | null {
  let at: FieldNode[] | null = [...nodes];
  for (const name of path) {
    if (!at) return null;
    at = soleChildField(fragments, at, name);
  }
  return at;
}
