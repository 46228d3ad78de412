import { join } from 'node:path';
import { applySchema } from '../src/graph';
import { ingestAll, readDocuments } from '../src/ingest';
import { testDatabase, useTestDatabase, wipe } from './support/db';
import { countsByLabel, graphDump } from './support/graphDump';

const SEED = join(__dirname, '..', 'seed');
const EVENT = (key: string): string => `gaoyou-edz-newsletter-2023-06#${key}`;

describe('the seed article, loaded into an empty graph', () => {
  const driver = useTestDatabase({ wipeBeforeEach: false });
  const q = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await driver().executeQuery(cypher, params, { database: testDatabase() })).records.map((r) => r.toObject());

  beforeAll(async () => {
    await wipe();
    await applySchema(driver(), testDatabase());
    const { totals, reports } = await ingestAll(driver(), readDocuments([SEED]), { database: testDatabase() });
    expect(reports.flatMap((r) => r.problems)).toEqual([]);
    expect(totals.created).toBe(1);
  });

  it('has the people, organisations, villages, places and projects of the article', async () => {
    const counts = await countsByLabel(driver(), testDatabase());
    expect(counts).toMatchObject({ Article: 1, Person: 19, Organization: 39, Village: 7, Place: 15, Project: 12, Event: 28, Figure: 50 });
    expect(counts.Entity).toBe(19 + 39 + 7 + 15 + 12);
  });

  it('knows who attended the 6-26 对接会 and who hosted it', async () => {
    const rows = await q(
      `MATCH (p:Person)-[r:PARTICIPATED_IN]->(e:Event {id: $id}) RETURN p.name AS name, r.role AS role ORDER BY role, name`,
      { id: EVENT('ev-0626-meeting') },
    );
    const attendees = rows.filter((r) => r.role === 'attendee').map((r) => r.name).sort();
    expect(attendees).toEqual(['刘玉峰', '尹凯', '李深红', '袁刚', '雍达明', '高日平'].sort());
    expect(rows.filter((r) => r.role === 'host').map((r) => r.name)).toEqual(['金锋']);
  });

  it('knows which organisations signed with the zone', async () => {
    const rows = await q(
      `MATCH (zone:Entity {id: 'org:gaoyou-edz'})-[:PARTICIPATED_IN {role: 'signatory'}]->(e:Event {type: 'Signing'})
             <-[:PARTICIPATED_IN {role: 'signatory'}]-(o:Organization)
       WHERE o <> zone
       RETURN DISTINCT o.name AS name ORDER BY name`,
    );
    expect(rows.map((r) => r.name).sort()).toEqual(
      ['江南大学生命科学与健康工程学院', '扬州市职业大学', '扬州工业职业技术学院', '高邮中等专业学校'].sort(),
    );
  });

  it('gives 金锋 both his positions and keeps the college part of its university', async () => {
    const positions = await q(
      `MATCH (:Person {id: 'person:jin-feng'})-[r:HOLDS_POSITION]->(o) RETURN r.key AS title, o.name AS org ORDER BY title`,
    );
    expect(positions.map((p) => p.title)).toEqual(expect.arrayContaining(['党工委副书记', '管委会主任']));
    const parent = await q(
      `MATCH (:Entity {id: 'org:jiangnan-university-life-sciences-college'})-[:PART_OF]->(u) RETURN u.name AS name`,
    );
    expect(parent).toEqual([{ name: '江南大学' }]);
  });

  it('keeps the two 科协 of Yangzhou and Gaoyou apart, and the people with similar names', async () => {
    const cast = await q(`MATCH (o:Organization) WHERE o.name CONTAINS '科协' RETURN o.id AS id ORDER BY id`);
    expect(cast.map((c) => c.id)).toEqual(['org:gaoyou-cast', 'org:yangzhou-cast']);
    const people = await q(`MATCH (p:Person) WHERE p.name IN ['尹健', '尹凯', '史志洪', '史美山'] RETURN count(DISTINCT p) AS n`);
    expect(people[0].n).toBe(4);
  });

  it('dates the events of 2023-06-21 and keeps the figures with their change', async () => {
    const onTheDay = await q(`MATCH (e:Event {date: '2023-06-21'}) RETURN e.id AS id ORDER BY id`);
    expect(onTheDay.map((e) => e.id)).toEqual(
      ['ev-0621-cast-inspection', 'ev-0621-civility-launch', 'ev-0621-npc-inspection', 'ev-0621-signing'].map(EVENT),
    );
    // an event dated only by its month (6月中旬 → 2023-06) covers every day of June
    const covering = await q(`MATCH (e:Event) WHERE e.dateStart <= date('2023-06-21') <= e.dateEnd RETURN e.id AS id ORDER BY id`);
    expect(covering.map((e) => e.id)).toEqual([...onTheDay.map((e) => e.id), EVENT('ev-2306-courtyard-meeting')]);
    const output = await q(`MATCH (f:Figure {metric: '规模以上工业产值'})-[:ABOUT]->(z {id: 'org:gaoyou-edz'}) RETURN f.value AS v, f.change AS c, f.unit AS u`);
    expect(output).toEqual([{ v: 295, c: 0.132, u: '亿元' }]);
  });

  it('remembers the article and the evidence sentence of every fact', async () => {
    const [missing] = await q(
      `MATCH (a:Article)
       RETURN size([(a)-[m:MENTIONS]->() WHERE m.evidence IS NULL | m]) AS mentions,
              size([(a)-[r:REPORTS]->() WHERE r.evidence IS NULL | r]) AS reports,
              size([(:Entity)-[r]->(:Entity) WHERE size(r.sourceArticles) <> 1 OR r.sourceEvidence[0] = '' | r]) AS relations`,
    );
    expect(missing).toEqual({ mentions: 0, reports: 0, relations: 0 });
    const [signing] = await q(`MATCH (a:Article)-[r:REPORTS]->(:Event {id: $id}) RETURN a.id AS article, r.evidence AS evidence`, {
      id: EVENT('ev-0621-signing'),
    });
    expect(signing.article).toBe('gaoyou-edz-newsletter-2023-06');
    expect(signing.evidence).toContain('江南大学生命科学与健康工程学院');
  });

  it('changes nothing when the seed is loaded again', async () => {
    const before = await graphDump(driver(), testDatabase());
    const { totals } = await ingestAll(driver(), readDocuments([SEED]), { database: testDatabase() });
    expect(totals).toEqual({ created: 0, updated: 0, unchanged: 1, rejected: 0 });
    expect(await graphDump(driver(), testDatabase())).toBe(before);
  });
});
