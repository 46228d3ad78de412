/**
 * The duplicates evaluation (bench/search/duplicates.ts) at size tiny against the test database: the planted
 * overlay leaves the ordinary archive as it was, its documents validate and load, and every planted variant is
 * listed as a candidate of its original with the reason of its kind. Numbers are reported, the targets are not
 * asserted at tiny (a handful of pairs).
 */
import { plantDuplicates, PLANT_KINDS } from '../bench/data/duplicates';
import { generateArchive, SIZES } from '../bench/data/generate';
import { rawWriter } from '../bench/ingest/rawWriter';
import { rederiveCandidates } from '../bench/search/copyBenchGraph';
import { runDuplicates, runOverlayOnly } from '../bench/search/duplicates';
import { THRESHOLDS } from '../bench/search/duplicatesEval';
import { validateDocument } from '../src/ingest/validate';
import { closeTestDriver, testDriver, wipe } from './support/db';
import { NO_STALE_CANDIDATES, staleCandidates } from './support/staleCandidates';

jest.setTimeout(300_000);

afterAll(async () => {
  await wipe();
  await closeTestDriver();
});

/** The reason each kind of variant should be listed with. */
const REASON = { traditional: 'SAME_NAME', legalForm: 'LEGAL_FORM', abbreviation: 'SHORT_FORM', cityZone: 'CITY_ZONE', pinyin: 'PINYIN_OR_LATIN' };

describe('planted duplicates', () => {
  test('when the overlay is drawn, then the ordinary archive is the same documents as without it, and the overlay is the same every time', () => {
    const plain = JSON.stringify([...generateArchive('tiny').documents()]);
    const archive = generateArchive('tiny');
    const overlay = plantDuplicates(archive);
    expect(JSON.stringify([...archive.documents()])).toBe(plain);
    expect(JSON.stringify(plantDuplicates(generateArchive('tiny')).documents)).toBe(JSON.stringify(overlay.documents));
    for (const d of overlay.documents) {
      const v = validateDocument(d);
      if (!v.ok) throw new Error(`${d.article.id}: ${JSON.stringify(v.problems)}`);
    }
  });

  test('when the overlay of size S is drawn, then about 2 % of the pool is planted, every kind, each original once, no variant twice', () => {
    const archive = generateArchive('S');
    for (const _ of archive.documents()); // the ids of entities named by name come from their first mention
    const truth = plantDuplicates(archive).truth();
    expect(truth.length).toBeGreaterThanOrEqual(0.015 * SIZES.S.entities);
    expect(truth.length).toBeLessThanOrEqual(0.025 * SIZES.S.entities);
    for (const kind of PLANT_KINDS) expect({ kind, planted: truth.some((t) => t.kind === kind) }).toEqual({ kind, planted: true });
    expect(new Set(truth.map((t) => t.originalId)).size).toBe(truth.length);
    expect(new Set(truth.map((t) => `${t.type}|${t.variant}`)).size).toBe(truth.length);
    for (const t of truth) expect(t.variant).not.toBe(t.original);
  });

  test('when the overlay of size M is drawn, then every kind is planted (abbreviations leave half of the zones to bare city zones)', () => {
    const truth = plantDuplicates(generateArchive('M')).truth();
    const count = (kind: string) => truth.filter((t) => t.kind === kind).length;
    for (const kind of PLANT_KINDS) expect({ kind, planted: count(kind) > 0 }).toEqual({ kind, planted: true });
    expect(new Set(truth.map((t) => t.originalId)).size).toBe(truth.length);
  });

  test('when the tiny archive and its overlay are loaded, then every planted variant is a candidate of its original, with the reason of its kind', async () => {
    const run = await runDuplicates(testDriver(), 'tiny');
    expect(run.rejected).toBe(0);
    expect(run.missingIds).toEqual([]);
    expect(run.planted).toBeGreaterThanOrEqual(8);
    // at the lowest threshold every planted pair is listed, whatever its context
    expect(run.thresholds[0]).toMatchObject({ minScore: THRESHOLDS[0], truePairs: run.planted });
    for (const k of run.byKind.filter((x) => x.found > 0)) expect(k.reasons).toContain(REASON[k.kind as keyof typeof REASON]);
    // fewer candidates as the threshold rises; precision and recall are shares
    const counts = run.thresholds.map((t) => t.candidates);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const t of run.thresholds) for (const x of [t.precision, t.recall, t.plantedPrecision]) expect(x >= 0 && x <= 1).toBe(true);
    expect(run.listingMs.all.length).toBeGreaterThan(0);
  });

  test('when the archive was written by the raw baseline and only the overlay is loaded by the product (the way M is measured), then the candidates are those of a load by the product', async () => {
    const loaded = await runDuplicates(testDriver(), 'tiny');
    await wipe();
    const archive = generateArchive('tiny');
    expect((await rawWriter(100).write(testDriver(), [...archive.documents()])).rejected).toBe(0);
    // the raw writer stores keys of each mention's names and no candidate: the product derives them again
    expect(await rederiveCandidates(testDriver(), () => {})).toBe(SIZES.tiny.entities);
    const overlaid = await runOverlayOnly(testDriver(), 'tiny', archive.seed, loaded.threshold, { archiveSource: 'raw', prepareSeconds: 1 });
    expect(overlaid.rejected).toBe(0);
    expect(overlaid.missingIds).toEqual([]);
    const numbers = (r: typeof loaded) => ({ planted: r.planted, thresholds: r.thresholds, byKind: r.byKind, falseByReason: r.falseByReason, missed: r.missed });
    expect(numbers(overlaid)).toEqual(numbers(loaded));
    expect(await staleCandidates(testDriver())).toEqual(NO_STALE_CANDIDATES);
  });
});
