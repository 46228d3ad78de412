import type { ArticleMembers } from './articleMembers';
import type { PoolEntity } from './buildPool';
import type { Random } from './random';

/**
 * The entities as an article names them: by name or alias, with their id on an entity's first mention and on
 * most later ones. Records the name of each entity's first mention in `firstName` (it decides generated ids).
 */
export function articleEntities(r: Random, members: ArticleMembers, seen: Set<PoolEntity>, firstName: Map<PoolEntity, string>) {
  return members.list.map((m) => {
    const e = m.e;
    const first = !seen.has(e);
    seen.add(e);
    const form = r.next();
    let name = e.name;
    let aliases: string[] | undefined;
    if (e.alias) {
      if (form < 0.3) {
        name = e.alias;
        aliases = [e.name];
      } else if (form < 0.6) aliases = [e.alias];
    }
    if (first && !firstName.has(e)) firstName.set(e, name);
    const withId = e.explicitId !== undefined && (first || r.chance(0.8));
    return {
      key: m.key,
      type: e.type,
      name,
      ...(e.kind && r.chance(0.9) ? { kind: e.kind } : {}),
      ...(withId ? { id: e.explicitId } : {}),
      ...(aliases ? { aliases } : {}),
      ...(e.attributes && r.chance(0.5) ? { attributes: e.attributes } : {}),
      ...(r.chance(0.3) ? { evidence: `${name}${e.type === 'Person' ? '出席活动' : '相关情况'}。` } : {}),
    };
  });
}
