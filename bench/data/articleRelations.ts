import type { EntityType, RelationType } from '../../src/model/domain';
import type { ArticleEntity, ArticleMembers } from './articleMembers';
import type { PoolEntity } from './buildPool';
import type { Random } from './random';

type Doc = Record<string, any>;

/** Stable facts stated by some of the articles that mention their subject (adding their other ends as members). */
export function articleRelations(r: Random, members: ArticleMembers, pool: Record<EntityType, PoolEntity[]>, publishedOn: string): Doc[] {
  const relations: Doc[] = [];
  const relate = (type: RelationType, from: ArticleEntity, to: ArticleEntity, extra: Doc = {}) =>
    relations.push({ type, from: from.key, to: to.key, ...extra });
  for (const m of [...members.list]) {
    const e = m.e;
    if (e.type === 'Person' && e.positions && r.chance(0.7)) {
      const p = e.positions[r.int(0, e.positions.length - 1)];
      const org = members.add(pool.Organization[p.org]);
      relate('HOLDS_POSITION', m, org, { attributes: { title: p.title }, evidence: `${pool.Organization[p.org].name}${p.title}${e.name}` });
    }
    if ((e.type === 'Organization' || e.type === 'Village') && e.home && r.chance(0.25)) {
      relate('LOCATED_IN', m, members.add(pool[e.home.type][e.home.index]));
    }
    if (e.type === 'Project') {
      if (e.home && r.chance(0.5)) relate('LOCATED_IN', m, members.add(pool[e.home.type][e.home.index]));
      if (e.investor !== undefined && r.chance(0.5)) {
        relate('INVESTS_IN', members.add(pool.Organization[e.investor]), m, { since: publishedOn.slice(0, 7), evidence: `${pool.Organization[e.investor].name}投资建设${e.name}` });
      }
    }
  }
  const orgs = members.ofType('Organization');
  if (orgs.length >= 2 && r.chance(0.3)) {
    const x = r.pick(orgs);
    const y = r.pick(orgs);
    if (x !== y) relate('PARTNER_OF', x, y, { since: publishedOn, evidence: `${x.e.name}与${y.e.name}签署战略合作协议` });
  }
  const people = members.ofType('Person');
  const villages = members.ofType('Village');
  if (people.length && villages.length && r.chance(0.3)) relate('SUPERVISES', r.pick(people), r.pick(villages));
  if (orgs.length >= 2 && r.chance(0.05)) {
    const x = r.pick(orgs);
    const y = r.pick(orgs);
    if (x !== y) relate(r.chance(0.5) ? 'OWNS' : 'RELATED_TO', x, y);
  }
  return relations;
}
