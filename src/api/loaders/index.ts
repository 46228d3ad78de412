import DataLoader from 'dataloader';
import type { Context } from '../context';
import { articlesByIds, articleTexts } from '../cypher/articles';
import { claimsByKeys } from '../cypher/claims';
import { eventsOfEntities, type EntityEventsOptions } from '../cypher/entityEvents';
import { occasionsOfEvents, partsOfEvents } from '../cypher/eventParts';
import { figuresAbout, type FigureFilter } from '../cypher/figures';
import { articlesMentioning, entitiesMentionedIn, eventsReportedIn, type NestedPage, type PageWindow } from '../cypher/mentions';
import { nodesByIds, nodesWithEvents } from '../cypher/nodesByIds';
import { parentsOf, projectsOf, unitsOf } from '../cypher/organizationLinks';
import { participantsOfEvents, locationsOfEvents, type ParticipantsOptions, type ParticipantsRead } from '../cypher/participants';
import { partnerPagesOf } from '../cypher/partnerPages';
import type { PartnerParts } from '../cypher/partners';
import { officialsOfOrganizations, positionsOfPeople, type PositionsOptions } from '../cypher/positions';
import { relationsOfEntities, type RelationsOptions } from '../cypher/relations';
import type {
  ArticleRow,
  EntityEventRow,
  EntityRow,
  EventRow,
  FigureRow,
  NodeRow,
  ParticipantRow,
  PartnerRow,
  PositionRow,
  RelationRow,
  SourceRow,
} from '../cypher/rows';
import { entitySources, reportSources, type EntitySourcesOptions } from '../cypher/sources';
import { L } from '../cypher/labels';

const EMPTY_PAGE: NestedPage<never> = { rows: [], total: 0, hasMore: false };

type Batch<V> = (ids: readonly string[]) => Promise<Map<string, V>>;

const keysOfOptions = new WeakMap<object, Map<string, string>>();

/**
 * A loader's key: its name and the JSON of its options, made once per options object and name: most options
 * are shared by every row of a selection (args/fieldOptions.ts memoises them), and a page asks its loaders a
 * few hundred times; the same string each time is also hashed only once by the loaders' Map. Options are never
 * changed once made.
 */
function keyOf(name: string, options: object): string {
  let keys = keysOfOptions.get(options);
  if (keys === undefined) keysOfOptions.set(options, (keys = new Map()));
  let key = keys.get(name);
  if (key === undefined) keys.set(name, (key = `${name}:${JSON.stringify(options)}`));
  return key;
}

/**
 * The request's DataLoaders. Every field resolver reads through one of these, so all the keys asked for at
 * one nesting level (every event of a page asking for its participants) become ONE Cypher query: a request
 * costs at most one round trip per nesting level, whatever the page size. Loaders taking arguments are kept
 * per distinct argument values (sibling fields with the same arguments share one batch), including whether
 * the rows carry claim keys: a field selecting `sources` must not be handed a sibling's rows read without them.
 */
export class Loaders {
  private readonly made = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly ctx: Context) {}

  private loader<V>(key: string, batch: Batch<V>, missing: V): DataLoader<string, V> {
    let loader = this.made.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(async (ids) => {
        const found = await batch(ids);
        return ids.map((id) => (found.has(id) ? found.get(id)! : missing));
      });
      this.made.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  private keyed(name: string, params: object | number): string {
    return typeof params === 'object' ? keyOf(name, params) : `${name}:${params}`;
  }

  /**
   * The sources of relations, positions and participations, by claim key (cypher/claims.ts): a page of each
   * (`w`), or each whole list (null) for a field that merges several before paging.
   */
  claims(w: PageWindow | null): DataLoader<string, NestedPage<SourceRow>> {
    return this.loader(w ? this.keyed('claims', w) : 'claims', (keys) => claimsByKeys(this.ctx, keys, w), EMPTY_PAGE);
  }

  /** Any node by id; merged ids resolve to the kept entity; unknown ids to null. */
  node(): DataLoader<string, NodeRow | null> {
    return this.loader('node', (ids) => nodesByIds(this.ctx, ids), null);
  }

  /**
   * Like node(), reading in the same statement the `events` of the entities found, primed into
   * `entityEvents(events)` (and the nodes into node()): `entity(id) { events { … } }` then costs one statement.
   */
  nodeWithEvents(events: EntityEventsOptions): DataLoader<string, NodeRow | null> {
    return this.loader(this.keyed('nodeWithEvents', events), async (ids) => {
      const read = await nodesWithEvents(this.ctx, ids, events);
      if (read.events) this.prime(this.entityEvents(events), read.events);
      this.prime(this.node(), read.nodes);
      return read.nodes;
    }, null);
  }

  article(): DataLoader<string, ArticleRow | null> {
    return this.loader('article', (ids) => articlesByIds(this.ctx, ids), null);
  }

  articleText(): DataLoader<string, string | null> {
    return this.loader('articleText', (ids) => articleTexts(this.ctx, ids), null);
  }

  entitySources(w: EntitySourcesOptions): DataLoader<string, NestedPage<SourceRow>> {
    return this.loader(this.keyed('entitySources', w), (ids) => entitySources(this.ctx, ids, w), EMPTY_PAGE);
  }

  eventSources(w: PageWindow): DataLoader<string, NestedPage<SourceRow>> {
    return this.loader(this.keyed('eventSources', w), (ids) => reportSources(this.ctx, L.Event, ids, w), EMPTY_PAGE);
  }

  figureSources(w: PageWindow): DataLoader<string, NestedPage<SourceRow>> {
    return this.loader(this.keyed('figureSources', w), (ids) => reportSources(this.ctx, L.Figure, ids, w), EMPTY_PAGE);
  }

  positions(o: PositionsOptions): DataLoader<string, NestedPage<PositionRow>> {
    return this.loader(this.keyed('positions', o), (ids) => positionsOfPeople(this.ctx, ids, o), EMPTY_PAGE);
  }

  officials(o: PositionsOptions): DataLoader<string, NestedPage<PositionRow>> {
    return this.loader(this.keyed('officials', o), (ids) => officialsOfOrganizations(this.ctx, ids, o), EMPTY_PAGE);
  }

  parents(): DataLoader<string, EntityRow[]> {
    return this.loader('parents', (ids) => parentsOf(this.ctx, ids), []);
  }

  units(w: PageWindow): DataLoader<string, NestedPage<EntityRow>> {
    return this.loader(this.keyed('units', w), (ids) => unitsOf(this.ctx, ids, w), EMPTY_PAGE);
  }

  projects(w: PageWindow): DataLoader<string, NestedPage<EntityRow>> {
    return this.loader(this.keyed('projects', w), (ids) => projectsOf(this.ctx, ids, w), EMPTY_PAGE);
  }

  /** A page of each organisation's partners (cypher/partnerPages.ts). */
  partners(kinds: readonly string[] | null, parts: PartnerParts, includeUnits: boolean, w: PageWindow): DataLoader<string, NestedPage<PartnerRow>> {
    return this.loader(
      this.keyed('partners', [kinds, parts, includeUnits, w]),
      (ids) => partnerPagesOf(this.ctx, ids, kinds, parts, includeUnits, w),
      EMPTY_PAGE,
    );
  }

  /**
   * A page of each event's participants (the window is among the options). With `positions`, the same statement
   * also reads a page of the positions of the people shown and primes `positions(positions)` with them, so that
   * their `positions` fields send nothing. The loader stays keyed by its own options only, since its rows are the
   * same with or without the prefetch: the first field to ask decides what comes along, and a sibling whose
   * positions differ just reads them itself.
   */
  participants(o: ParticipantsOptions, positions: PositionsOptions | null = null): DataLoader<string, NestedPage<ParticipantRow>> {
    return this.loader(this.keyed('participants', o), async (ids) => this.primed(o, await participantsOfEvents(this.ctx, ids, o, positions), positions), EMPTY_PAGE);
  }

  /**
   * Rows read by a parent's statement (prefetch), handed to the loaders that the child fields will ask: keyed
   * by the options those fields compute, so a field asking with other options still reads its own rows.
   */
  primed(o: ParticipantsOptions, read: ParticipantsRead, positions: PositionsOptions | null): Map<string, NestedPage<ParticipantRow>> {
    if (read.positions && positions) this.prime(this.positions(positions), read.positions);
    this.prime(this.participants(o), read.participants);
    return read.participants;
  }

  /** What prefetches handed to each loader, so that a field can take it without a promise (`now`). */
  private readonly primedRows = new WeakMap<DataLoader<string, unknown>, Map<string, unknown>>();

  private prime<V>(loader: DataLoader<string, V>, rows: Map<string, V>): void {
    for (const [id, value] of rows) loader.prime(id, value);
    const primed = (this.primedRows.get(loader) ?? new Map<string, V>()) as Map<string, V>;
    for (const [id, value] of rows) if (!primed.has(id)) primed.set(id, value);
    this.primedRows.set(loader, primed);
  }

  /**
   * The rows a parent's statement read ahead for `id`, as they are, or else their load. A value that is not a
   * promise lets graphql-js complete the field, and the object and list around it, synchronously: on a page of
   * 50 events that is some 250 people's positions, each a promise (and more up the tree) otherwise.
   */
  now<V>(loader: DataLoader<string, V>, id: string): V | Promise<V> {
    const primed = this.primedRows.get(loader) as Map<string, V> | undefined;
    return primed?.has(id) ? primed.get(id)! : loader.load(id);
  }

  occasion(): DataLoader<string, EventRow | null> {
    return this.loader('occasion', (ids) => occasionsOfEvents(this.ctx, ids), null);
  }

  parts(w: PageWindow): DataLoader<string, NestedPage<EventRow>> {
    return this.loader(this.keyed('parts', w), (ids) => partsOfEvents(this.ctx, ids, w), EMPTY_PAGE);
  }

  location(): DataLoader<string, EntityRow | null> {
    return this.loader('location', (ids) => locationsOfEvents(this.ctx, ids), null);
  }

  entityEvents(o: EntityEventsOptions): DataLoader<string, NestedPage<EntityEventRow>> {
    return this.loader(this.keyed('entityEvents', o), (ids) => eventsOfEntities(this.ctx, ids, o), EMPTY_PAGE);
  }

  relations(o: RelationsOptions): DataLoader<string, NestedPage<RelationRow>> {
    return this.loader(this.keyed('relations', o), (ids) => relationsOfEntities(this.ctx, ids, o), EMPTY_PAGE);
  }

  mentionedIn(w: PageWindow): DataLoader<string, NestedPage<ArticleRow>> {
    return this.loader(this.keyed('mentionedIn', w), (ids) => articlesMentioning(this.ctx, ids, w), EMPTY_PAGE);
  }

  figures(o: FigureFilter, w: PageWindow): DataLoader<string, NestedPage<FigureRow>> {
    return this.loader(this.keyed('figures', [o, w]), (ids) => figuresAbout(this.ctx, ids, o, w), EMPTY_PAGE);
  }

  articleEntities(w: PageWindow): DataLoader<string, NestedPage<EntityRow>> {
    return this.loader(this.keyed('articleEntities', w), (ids) => entitiesMentionedIn(this.ctx, ids, w), EMPTY_PAGE);
  }

  articleEvents(w: PageWindow): DataLoader<string, NestedPage<EventRow>> {
    return this.loader(this.keyed('articleEvents', w), (ids) => eventsReportedIn(this.ctx, ids, w), EMPTY_PAGE);
  }
}

/** The request's loaders, created on first use. */
export function loaders(ctx: Context): Loaders {
  if (!(ctx.loaders instanceof Loaders)) ctx.loaders = new Loaders(ctx);
  return ctx.loaders as Loaders;
}

/** After a write, what the request loaded before is stale: later fields read afresh. */
export function forgetLoaded(ctx: Context): void {
  ctx.loaders = undefined;
}
