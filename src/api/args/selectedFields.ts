import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields the client selected on this field's result (through fragments too, whatever their
 * type condition): lets a resolver skip work nobody asked for, such as counting every match of a filter for a
 * `totalCount` that is not in the query. `@skip`/`@include` are ignored: a field that may be skipped counts
 * as selected, which only costs the work, never a wrong answer.
 */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Set<string> {
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

/** Which of a Partner's reasons (events, relations) were asked for. */
export function partnerParts(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): { events: boolean; relations: boolean } {
  const fields = selectedFields(info);
  return { events: fields.has('events'), relations: fields.has('relations') };
}

/** Whether a connection's `totalCount` was asked for (directly or through a fragment). */
export function wantsTotal(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): boolean {
  return selectedFields(info).has('totalCount');
}

/**
 * Whether `sources` was asked for on this field's rows (each participant, position, relation or event
 * participation of a list): their queries compute claim keys only then (claimKeyEntry, cypher/fragments.ts).
 */
export function wantsSources(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): boolean {
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
