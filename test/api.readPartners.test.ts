/**
 * The zone's partners and its signings on the seed, through the schema: who signed with whom (and who attended),
 * partners by kind and seen from either side. Expected values are the seed article's
 * (seed/gaoyou-edz-newsletter-2023-06.json).
 */
import { closeTestDriver } from './support/db';
import { ARTICLE, ev, ok, seed, sorted, ZONE } from './api.harness';

beforeAll(() => seed(), 120_000);
afterAll(() => closeTestDriver());

const ZONE_PARTNERS = ['江南大学生命科学与健康工程学院', '扬州市职业大学', '扬州工业职业技术学院', '高邮中等专业学校'];

describe('partners', () => {
  it('are the schools and universities the zone signed with or partners', async () => {
    const data = await ok(`{ partners(of: "${ZONE}") { edges { organization: node { name kind } events { edges { node { id } } } relations { type direction since sources { edges { article: node { id } } } } } } }`);
    const partners = data.partners.edges.map((p: any) => ({ ...p, events: p.events.edges.map((e: any) => e.node) }));
    expect(sorted(partners.map((p: any) => p.organization.name))).toEqual(sorted(ZONE_PARTNERS));
    const jnu = partners.find((p: any) => p.organization.name === '江南大学生命科学与健康工程学院');
    expect(jnu.events.map((e: any) => e.id)).toEqual([ev('ev-0621-signing'), ev('ev-0626-signing-jnu')]);
    expect(jnu.relations).toEqual([{ type: 'PARTNER_OF', direction: 'OUTGOING', since: '2023-06-21', sources: { edges: [{ article: { id: ARTICLE } }] } }]);
    const school = partners.find((p: any) => p.organization.name === '高邮中等专业学校');
    expect(school.events.map((e: any) => e.id)).toEqual([ev('ev-0626-signing-gyvs')]);
    expect(school.relations[0].since).toBe('2023-06-26');
  });

  it('filter by kind, are seen from either side, and are empty for an unknown or non-organisation id', async () => {
    const data = await ok(`{
      schools: partners(of: "${ZONE}", kinds: [SCHOOL]) { edges { organization: node { name } } }
      companies: partners(of: "${ZONE}", kinds: [COMPANY]) { edges { organization: node { name } } }
      reverse: partners(of: "org:yangzhou-zhiye-daxue") { edges { organization: node { id } relations { direction } } }
      unknown: partners(of: "org:nobody") { edges { organization: node { id } } }
      person: partners(of: "person:jin-feng") { edges { organization: node { id } } }
      field: entity(id: "${ZONE}") { ... on Organization { partners(kinds: [UNIVERSITY]) { edges { node { name } } } } }
    }`);
    expect(data.schools.edges).toEqual([{ organization: { name: '高邮中等专业学校' } }]);
    expect(data.companies.edges).toEqual([]);
    // the zone signed with each school separately: a school's only partner is the zone, not the other schools
    expect(data.reverse.edges).toEqual([{ organization: { id: ZONE }, relations: [{ direction: 'INCOMING' }] }]);
    expect(data.unknown.edges).toEqual([]);
    expect(data.person.edges).toEqual([]);
    expect(sorted(data.field.partners.edges.map((p: any) => p.node.name))).toEqual(
      sorted(ZONE_PARTNERS.filter((n) => n !== '高邮中等专业学校')),
    );
  });
});

describe('signings', () => {
  it('name who signed and who attended each', async () => {
    const data = await ok(`{ events(where: { types: [SIGNING] }) { edges { node { id participants { edges { role node { id } } } } } } }`);
    const byEvent = Object.fromEntries(
      data.events.edges.map((e: any) => [
        e.node.id,
        Object.fromEntries(
          ['signatory', 'attendee', 'speaker', 'subject'].map((role) => [
            role,
            sorted(e.node.participants.edges.filter((p: any) => p.role === role.toUpperCase()).map((p: any) => p.node.id)),
          ]),
        ),
      ]),
    );
    expect(byEvent).toEqual({
      [ev('ev-0621-signing')]: {
        signatory: [ZONE, 'org:jiangnan-university-life-sciences-college'],
        attendee: ['person:jin-feng', 'person:shi-zhihong', 'person:xu-hui', 'person:yin-jian'],
        speaker: ['person:jin-feng', 'person:shi-zhihong', 'person:xu-hui', 'person:yin-jian'],
        subject: ['project:gaoyou-edz-life-health-public-service-center'],
      },
      ...Object.fromEntries(
        [
          ['jnu', 'org:jiangnan-university-life-sciences-college'],
          ['yzpc', 'org:yangzhou-zhiye-daxue'],
          ['yzpi', 'org:yangzhou-gongye-zhiye-jishu-xueyuan'],
          ['gyvs', 'org:gaoyou-zhongdeng-zhuanye-xuexiao'],
        ].map(([key, school]) => [ev(`ev-0626-signing-${key}`), { signatory: sorted([ZONE, school]), attendee: [], speaker: [], subject: [] }]),
      ),
    });
  });
});
