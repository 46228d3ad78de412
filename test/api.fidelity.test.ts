/**
 * What issue 23 asks of the seeded graph, through the GraphQL API: partners are the parties of one agreement
 * (or of a stated PARTNER_OF), a university's partners through its college only when asked for, the 6/26
 * signings lead to their meeting and back, hedged figures say so, names in traditional characters or full
 * institutional forms find the seed's entities, and bad documents are rejected at their paths, writing nothing.
 */
import { closeTestDriver, testDatabase, testDriver } from './support/db';
import { graphDump } from './support/graphDump';
import { ev, loadOnly, ok, seed } from './api.harness';

afterAll(() => closeTestDriver());

const ZONE = 'org:gaoyou-edz';
const SCHOOLS = {
  jnu: 'org:jiangnan-university-life-sciences-college',
  yzpc: 'org:yangzhou-zhiye-daxue',
  yzpi: 'org:yangzhou-gongye-zhiye-jishu-xueyuan',
  gyvs: 'org:gaoyou-zhongdeng-zhuanye-xuexiao',
};
const PARTNER = 'organization: node { id } via { id } events { edges { node { id } } } relations { type direction }';
/** A partner edge with its events' page as their list. */
const flat = (p: any) => ({ ...p, ...(p.events ? { events: p.events.edges.map((e: any) => e.node) } : {}) });
const INGEST = `mutation($doc: JSON!) { ingestArticle(document: $doc) { status problems { path message } counts { entitiesCreated } } }`;

describe('the seeded graph', () => {
  beforeAll(() => seed(), 120_000);

  it('when asked for the partners of each school, then the zone alone, through its own agreement with that school', async () => {
    for (const [key, id] of Object.entries(SCHOOLS)) {
      const data = await ok(`query($id: ID!) { partners(of: $id) { edges { ${PARTNER} } } }`, { id });
      expect(data.partners.edges.map((p: any) => p.organization.id)).toEqual([ZONE]);
      const [partner] = data.partners.edges.map(flat);
      expect(partner.via).toEqual([{ id }]);
      expect(partner.events.map((e: any) => e.id)).toContain(ev(`ev-0626-signing-${key}`));
      expect(partner.relations).toEqual([{ type: 'PARTNER_OF', direction: 'INCOMING' }]);
    }
    const zone = await ok(`{ partners(of: "${ZONE}") { edges { organization: node { id } } } }`);
    expect(zone.partners.edges.map((p: any) => p.organization.id).sort()).toEqual(Object.values(SCHOOLS).sort());
  });

  it('when asked for the partners of 江南大学, then none of its own, and the zone through its college with includeUnits', async () => {
    const data = await ok(`{
      own: partners(of: "org:jiangnan-university") { edges { organization: node { id } } }
      units: partners(of: "org:jiangnan-university", includeUnits: true) { edges { ${PARTNER} } }
      field: entity(id: "org:jiangnan-university") { ... on Organization { partners(includeUnits: true) { edges { organization: node { name } via { name } } } } }
    }`);
    expect(data.own.edges).toEqual([]);
    expect(data.units.edges.map(flat)).toEqual([
      {
        organization: { id: ZONE },
        via: [{ id: SCHOOLS.jnu }],
        events: [{ id: ev('ev-0621-signing') }, { id: ev('ev-0626-signing-jnu') }],
        relations: [{ type: 'PARTNER_OF', direction: 'INCOMING' }],
      },
    ]);
    expect(data.field.partners.edges).toEqual([{ organization: { name: '高邮经济开发区' }, via: [{ name: '江南大学生命科学与健康工程学院' }] }]);
  });

  it('when following the 6/26 signings, then each leads to the 对接会 by id, and the 对接会 back to the four and the rules read out', async () => {
    const meeting = ev('ev-0626-meeting');
    for (const key of Object.keys(SCHOOLS)) {
      const data = await ok(`query($id: ID!) { node(id: $id) { ... on Event { partOf { id name } } } }`, { id: ev(`ev-0626-signing-${key}`) });
      expect(data.node.partOf).toEqual({ id: meeting, name: '“聚力政校企 奋楫开发区”用工要素对接会' });
    }
    const back = await ok(`query($id: ID!) { node(id: $id) { ... on Event { parts { edges { node { id type } } } } } }`, { id: meeting });
    expect(back.node.parts.edges.map((e: any) => e.node).map((p: any) => p.id).sort()).toEqual(
      [...Object.keys(SCHOOLS).map((k) => ev(`ev-0626-signing-${k}`)), ev('ev-0626-hr-rules')].sort(),
    );
    const fair = await ok(`{ node(id: "${ev('ev-yanhua-fair')}") { ... on Event { parts { totalCount edges { node { name } } } } } }`);
    expect(fair.node.parts).toEqual({ totalCount: 1, edges: [{ node: { name: '扬州“烟花三月”经贸旅游节重大项目开工仪式' } }] });
  });

  it('when reading the zone\'s figures, then they say which are estimates and which approximate, as the article wrote them', async () => {
    const data = await ok(`{ entity(id: "${ZONE}") { figures(first: 100) { totalCount edges { node { metric value qualifier stated } } } } }
    `);
    const figures = data.entity.figures.edges.map((e: any) => e.node);
    expect(figures).toHaveLength(data.entity.figures.totalCount);
    const by = (q: string | null) => figures.filter((f: any) => f.qualifier === q);
    expect(by('ESTIMATE').map((f: any) => f.metric)).toContain('规模以上工业产值');
    expect(by('ESTIMATE')).toHaveLength(12);
    expect(by('APPROX')).toEqual([{ metric: '通过园区保平台解决资金', value: 2, qualifier: 'APPROX', stated: '近2亿元' }]);
    expect(by(null).find((f: any) => f.metric === '政银企对接会')).toEqual({ metric: '政银企对接会', value: 2, qualifier: null, stated: '两次' });
    const estimates = await ok(`{ figures(subject: "${ZONE}", qualifiers: [ESTIMATE], first: 100) { metric stated } }`);
    expect(estimates.figures.find((f: any) => f.metric === '规模以上工业产值')).toEqual({ metric: '规模以上工业产值', stated: '295亿元' });
    const atLeast = await ok(`{ figures(qualifiers: [AT_LEAST]) { stated subject { name } } }`);
    expect(atLeast.figures.map((f: any) => f.stated).sort()).toEqual(['50余名', '80%以上']);
  });

  it('when a document names 金鋒, 江南大學 or the 管理委员会, then they are the seed\'s entities; a 股份有限公司 is another', async () => {
    const doc = {
      format: 'kg-article/1',
      article: { id: 'hk-follow-up', title: '後續' },
      entities: [
        { key: 'j', type: 'Person', name: '金鋒' },
        { key: 'u', type: 'Organization', kind: 'University', name: '江南大學' },
        { key: 'mc', type: 'Organization', kind: 'GovernmentAgency', name: '高邮经济开发区管理委员会' },
        { key: 'x', type: 'Organization', kind: 'Company', name: '新瑞光电科技股份有限公司' },
      ],
    };
    const report = await ok(INGEST, { doc }, 'editor');
    expect(report.ingestArticle).toEqual({ status: 'CREATED', problems: [], counts: { entitiesCreated: 1 } });
    const data = await ok(`{ node(id: "hk-follow-up") { ... on Article { entities { totalCount edges { node { id name } } } } } }`);
    expect(data.node.entities.totalCount).toBe(4);
    expect(data.node.entities.edges.map((x: any) => x.node).map((e: any) => e.id).sort()).toEqual(
      ['org:gaoyou-edz-management-committee', 'org:jiangnan-university', 'organization:新瑞光电科技股份有限公司', 'person:jin-feng'].sort(),
    );
    const xinrui = await ok(`{ entity(id: "org:xinrui-optoelectronics") { name aliases } }`);
    expect(xinrui.entity).toEqual({ name: '新瑞光电科技有限公司', aliases: ['新瑞光电'] });
  });

  it.each([
    ['an unknown qualifier', (d: any) => (d.figures = [{ subject: 'z', metric: 'm', value: 1, qualifier: 'about' }]), ['figures[0].qualifier']],
    ['a partOf naming a missing key', (d: any) => (d.events[0].partOf = 'nowhere'), ['events[0].partOf']],
    ['a partOf cycle', (d: any) => { d.events[0].partOf = 'b'; d.events[1].partOf = 'a'; }, ['events[0].partOf', 'events[1].partOf']],
  ])('when a document has %s, then it is rejected at its JSON path and nothing is written', async (_what, breakIt, paths) => {
    const before = await graphDump(testDriver(), testDatabase());
    const doc = {
      format: 'kg-article/1',
      article: { id: 'bad-input', title: 'bad' },
      entities: [{ key: 'z', type: 'Organization', name: '高邮经济开发区' }],
      events: [{ key: 'a', type: 'Signing', name: 'a' }, { key: 'b', type: 'Meeting', name: 'b' }],
    };
    breakIt(doc);
    const report = await ok(INGEST, { doc }, 'editor');
    expect(report.ingestArticle.status).toBe('REJECTED');
    expect(report.ingestArticle.problems.map((p: any) => p.path)).toEqual(paths);
    expect(await graphDump(testDriver(), testDatabase())).toBe(before);
  });
});

describe('partners, scenario by scenario', () => {
  const org = (key: string, name: string) => ({ key, type: 'Organization', name });
  const signing = (key: string, ...parties: string[]) => ({
    key,
    type: 'Signing',
    name: key,
    participants: parties.map((entity) => ({ entity, role: 'signatory' })),
  });
  const partnersOf = async (id: string, includeUnits = false): Promise<string[]> =>
    (await ok(`query($id: ID!, $u: Boolean!) { partners(of: $id, includeUnits: $u) { edges { organization: node { name } } } }`, { id, u: includeUnits })).partners.edges
      .map((p: any) => p.organization.name)
      .sort();
  const idOf = (name: string) => `organization:${name}`;

  beforeAll(() =>
    loadOnly([
      {
        source: 'scenarios',
        document: {
          format: 'kg-article/1',
          article: { id: 'scenarios', title: 'scenarios' },
          entities: [org('zone', '园区'), org('a', '甲校'), org('b', '乙校'), org('c', '丙校'), org('d', '丁公司'), org('e', '戊公司'), org('f', '己公司'), org('uni', '某大学'), org('college', '某大学某学院')],
          events: [
            { key: 'meet', type: 'Meeting', name: 'meet' },
            { ...signing('s1', 'zone', 'a'), partOf: 'meet' },
            { ...signing('s2', 'zone', 'b'), partOf: 'meet' },
            { ...signing('s3', 'zone', 'c'), partOf: 'meet' },
            signing('three', 'd', 'e', 'f'),
            signing('unit', 'college', 'zone'),
          ],
          relations: [{ type: 'PART_OF', from: 'college', to: 'uni' }],
        },
      },
    ]),
  120_000);

  it('when one party signs with several separately, then it has each as a partner and each has it alone', async () => {
    expect(await partnersOf(idOf('园区'))).toEqual(['甲校', '乙校', '丙校', '某大学某学院'].sort());
    for (const school of ['甲校', '乙校', '丙校']) expect(await partnersOf(idOf(school))).toEqual(['园区']);
  });

  it('when three parties sign one agreement, then each has the other two as partners', async () => {
    expect(await partnersOf(idOf('丁公司'))).toEqual(['己公司', '戊公司'].sort());
    expect(await partnersOf(idOf('戊公司'))).toEqual(['丁公司', '己公司'].sort());
    expect(await partnersOf(idOf('己公司'))).toEqual(['丁公司', '戊公司'].sort());
  });

  it('when a unit signed, then its parent has the partner only with includeUnits, and the unit itself is never its own partner', async () => {
    expect(await partnersOf(idOf('某大学'))).toEqual([]);
    expect(await partnersOf(idOf('某大学'), true)).toEqual(['园区']);
    expect(await partnersOf(idOf('某大学某学院'), true)).toEqual(['园区']);
  });
});
