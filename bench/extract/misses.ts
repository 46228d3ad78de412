/**
 * `npx tsx bench/extract/misses.ts <article-id> [kind…]`: what the extractor missed and what it drafted that the hand
 * extraction does not have, for one article of the set (a development aid; the scores are eval.ts's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../src/extract';
import type { ArticleDocument, EntityInput } from '../../src/ingest';
import { nameKey } from '../../src/model';

const ROOT = join(__dirname, '..', '..');

function load(id: string): { text: string; gold: ArticleDocument } {
  if (id.startsWith('gaoyou')) {
    const gold = JSON.parse(readFileSync(join(ROOT, 'seed', 'gaoyou-edz-newsletter-2023-06.json'), 'utf8')) as ArticleDocument;
    return { text: gold.article.text ?? '', gold };
  }
  for (const base of [__dirname, join(__dirname, 'heldout')]) {
    if (readdirSync(join(base, 'gold')).includes(`${id}.json`)) {
      return { text: readFileSync(join(base, 'articles', `${id}.txt`), 'utf8'), gold: JSON.parse(readFileSync(join(base, 'gold', `${id}.json`), 'utf8')) };
    }
  }
  throw new Error(`no article ${id}`);
}

const keys = (e?: EntityInput) => new Set(e ? [e.name, ...(e.aliases ?? [])].map((n) => nameKey(n).replace(/^中共/u, '')) : []);
const same = (a?: EntityInput, b?: EntityInput) => [...keys(a)].some((k) => keys(b).has(k));

function diff<P, G>(label: string, p: P[], g: G[], eq: (p: P, g: G) => boolean, show: (x: P | G) => string): void {
  const used = new Set<number>();
  const extra: P[] = [];
  for (const x of p) {
    const i = g.findIndex((y, j) => !used.has(j) && eq(x, y));
    if (i >= 0) used.add(i);
    else extra.push(x);
  }
  const missed = g.filter((_, j) => !used.has(j));
  if (!missed.length && !extra.length) return;
  console.log(`== ${label}`);
  for (const m of missed) console.log(`  missed  ${show(m)}`);
  for (const x of extra) console.log(`  extra   ${show(x)}`);
}

const [id, ...kinds] = process.argv.slice(2);
const { text, gold } = load(id);
const a = gold.article;
const pred = extractArticle(text, { id: a.id, title: a.title, publisher: a.publisher, publishedOn: a.publishedOn }).document;
const pe = new Map(pred.entities.map((e) => [e.key, e]));
const ge = new Map(gold.entities.map((e) => [e.key, e]));
const want = (k: string) => kinds.length === 0 || kinds.includes(k);
const nm = (m: Map<string, EntityInput>, k: string) => m.get(k)?.name ?? k;
const ent = (e: EntityInput) => `${e.type}/${e.kind ?? ''} ${e.name}${e.aliases?.length ? ` (${e.aliases.join(',')})` : ''}`;
if (want('people')) {
  const pos = (d: ArticleDocument) => (d.relations ?? []).filter((r) => r.type === 'HOLDS_POSITION');
  diff('positions', pos(pred), pos(gold),
    (p, g) => same(pe.get(p.from), ge.get(g.from)) && same(pe.get(p.to), ge.get(g.to)) && (String(p.attributes?.title).endsWith(String(g.attributes?.title)) || String(g.attributes?.title).endsWith(String(p.attributes?.title))),
    (r) => { const m = pred.relations?.includes(r as never) ? pe : ge; return `${nm(m, r.from)} —${String(r.attributes?.title)}→ ${nm(m, r.to)}`; });
}
for (const t of ['Person', 'Organization', 'Village', 'Project']) {
  if (!want(t.toLowerCase())) continue;
  diff(t, pred.entities.filter((e) => e.type === t), gold.entities.filter((e) => e.type === t), (p, g) => same(p, g) && (t === 'Person' || t === 'Project' || p.kind === g.kind), ent);
}
if (want('events')) diff('events', pred.events ?? [], gold.events ?? [], (p, g) => p.type === g.type && p.date === g.date, (e) => `${e.type} ${e.date ?? '-'} ${e.name}`);
if (want('figures')) diff('figures', pred.figures ?? [], gold.figures ?? [], (p, g) => p.value === g.value && (p.unit ?? '') === (g.unit ?? '') && Math.abs((p.change ?? 0) - (g.change ?? 0)) < 1e-6 && (p.change === undefined) === (g.change === undefined), (f) => `${f.metric} ${f.value}${f.unit ?? ''} ${f.change ?? ''}`);
