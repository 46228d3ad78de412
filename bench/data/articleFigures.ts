import type { FigureQualifier } from '../../src/model/domain';
import type { ArticleMembers } from './articleMembers';
import * as N from './names';
import type { Random } from './random';

type Doc = Record<string, any>;

/** How a hedged number is written, by qualifier; undefined entries are exact numbers. */
const HEDGES: ReadonlyArray<{ qualifier: FigureQualifier; before: string; after: string } | undefined> = [
  { qualifier: 'estimate', before: '预计', after: '' },
  { qualifier: 'approx', before: '近', after: '' },
  { qualifier: 'atLeast', before: '', after: '以上' },
  undefined,
  undefined,
  undefined,
];

/** Half of the articles state one or two figures, of their organisations where they name any. */
export function articleFigures(r: Random, members: ArticleMembers, publishedOn: string): Doc[] {
  const figures: Doc[] = [];
  const orgs = members.ofType('Organization');
  if (r.chance(0.5)) {
    const subjects = orgs.length ? orgs : members.list;
    const nFig = r.chance(0.5) ? 1 : 2;
    for (let k = 0; k < nFig; k++) {
      const s = r.pick(subjects);
      const m = r.pick(N.METRICS);
      const value = Math.round((m.min + r.next() * (m.max - m.min)) * 100) / 100;
      // about a third of the numbers hedged, as newsletters do (预计 …, 近 …, … 以上); chosen from the value, not
      // drawn, so that the archive's other draws stay as they were
      const hedge = HEDGES[Math.round(value * 100) % 6];
      const stated = hedge ? `${hedge.before}${value}${m.unit}${hedge.after}` : `${value}${m.unit}`;
      figures.push({
        subject: s.key,
        metric: m.metric,
        value,
        unit: m.unit,
        period: r.chance(0.5) ? publishedOn.slice(0, 4) : `${publishedOn.slice(0, 4)}-H1`,
        change: Math.round((r.next() * 0.6 - 0.1) * 1000) / 1000,
        ...(hedge ? { qualifier: hedge.qualifier } : {}),
        stated,
        evidence: `${s.e.name}${m.metric}${stated}`,
      });
    }
  }
  return figures;
}
