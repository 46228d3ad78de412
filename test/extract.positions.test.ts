/**
 * Rules of the genre found on the held-out misses, each from an invented sentence (not from the eval articles): the
 * positions of a township's and a county's officials, titles written after names, agencies whose names hold 和, and
 * the roles people and bodies take in events.
 */
import { extractArticle, Gazetteer } from '../src/extract';
import type { ArticleDocument } from '../src/ingest';
import { validateDocument } from '../src/ingest';

const town = { publishedOn: '2025-05-31', publisher: '清水镇人民政府' };

function positions(doc: ArticleDocument): string[] {
  const byKey = new Map(doc.entities.map((e) => [e.key, e]));
  return (doc.relations ?? [])
    .filter((r) => r.type === 'HOLDS_POSITION')
    .map((r) => `${byKey.get(r.from)?.name} ${String(r.attributes?.title)} @ ${byKey.get(r.to)?.name}`);
}

function roles(doc: ArticleDocument, type: string): string[] {
  const byKey = new Map(doc.entities.map((e) => [e.key, e]));
  return (doc.events ?? []).filter((e) => e.type === type).flatMap((e) => (e.participants ?? []).map((p) => `${byKey.get(p.entity)?.name} ${p.role}`));
}

describe('kg extract: a township’s and a county’s officials', () => {
  test('when a township’s news names its officials by 镇 titles, then they hold positions in its party committee, government and congress', () => {
    const doc = extractArticle(
      '5月6日，镇党委书记韩立新，镇党委副书记、镇长高文斌，镇人大主席邵红梅等到白沙村调研。副镇长许志远主持会议。',
      town,
    ).document;
    expect(validateDocument(doc)).toMatchObject({ ok: true });
    expect(positions(doc)).toEqual(expect.arrayContaining([
      '韩立新 党委书记 @ 中共清水镇委员会',
      '高文斌 党委副书记 @ 中共清水镇委员会',
      '高文斌 镇长 @ 清水镇人民政府',
      '邵红梅 主席 @ 清水镇人大',
      '许志远 副镇长 @ 清水镇人民政府',
    ]));
    expect(doc.entities.find((e) => e.name === '中共清水镇委员会')?.aliases).toContain('清水镇党委');
  });

  test('when officials of the county are named by 县委 and 县 titles alone, then the county is the one the text names, not the town', () => {
    const doc = extractArticle(
      '河阳县委书记邓建华到清水镇调研。5月9日，县委常委、宣传部部长罗晓梅，县委常委、常务副县长方国强，县人大常委会副主任胡丽，县政协副主席彭永出席活动。',
      town,
    ).document;
    expect(positions(doc)).toEqual(expect.arrayContaining([
      '邓建华 县委书记 @ 中共河阳县委',
      '罗晓梅 县委常委 @ 中共河阳县委',
      '罗晓梅 宣传部部长 @ 中共河阳县委宣传部',
      '方国强 常务副县长 @ 河阳县人民政府',
      '胡丽 副主任 @ 河阳县人大常委会',
      '彭永 副主席 @ 河阳县政协',
    ]));
  });

  test('when a city’s standing committee member heads its propaganda department, then the department is that city’s, not the article’s', () => {
    const doc = extractArticle('5月10日，江州市委常委、宣传部部长唐文来到清河经济开发区调研。', { publishedOn: '2025-05-31', publisher: '清河经济开发区' }).document;
    expect(positions(doc)).toEqual(expect.arrayContaining(['唐文 宣传部部长 @ 中共江州市委宣传部']));
  });

  test('when the graph knows the zone’s party committee by its short name, then an official titled after it is still found, in it', () => {
    const gazetteer = new Gazetteer([
      { id: 'org:qh-pwc', type: 'Organization', name: '清河经济开发区党工委', kind: 'PartyCommittee', aliases: ['开发区党工委'] },
    ]);
    const doc = extractArticle('5月11日，开发区党工委书记贺连山带队赴上海拜访客商。', { publishedOn: '2025-05-31', publisher: '清河经济开发区' }, { gazetteer }).document;
    expect(positions(doc)).toEqual(['贺连山 党工委书记 @ 清河经济开发区党工委']);
    expect(doc.entities.find((e) => e.name === '清河经济开发区党工委')?.id).toBe('org:qh-pwc');
  });

  test('when a title follows a name (刘明华教授, 韩立新书记), then it ends the name and is not the next person’s title', () => {
    const doc = extractArticle('5月12日，东江大学材料学院院长刘明华教授、副院长苏晴，镇党委书记韩立新等参加签约仪式。韩立新书记要求抓好落实。', town).document;
    const people = doc.entities.filter((e) => e.type === 'Person').map((e) => e.name);
    expect(people).toEqual(expect.arrayContaining(['刘明华', '苏晴', '韩立新']));
    expect(positions(doc)).toEqual(expect.arrayContaining(['刘明华 院长 @ 东江大学材料学院', '苏晴 副院长 @ 东江大学材料学院']));
    expect(positions(doc).filter((p) => p.includes('教授'))).toEqual([]);
  });

  test('when an agency’s name holds 和 (县自然资源和规划局), then the whole name is the agency’s', () => {
    const names = extractArticle('5月13日，县长邓建华带领县住房和城乡建设局、县自然资源和规划局负责人到清水镇调研。', town).document.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['县住房和城乡建设局', '县自然资源和规划局'].map((n) => expect.stringContaining(n))));
    expect(names.filter((n) => n === '规划局' || n === '城乡建设局')).toEqual([]);
  });
});

describe('kg extract: roles from the verbs', () => {
  test('when one attends and speaks (出席会议并讲话), then both roles are drafted; 宣布开工 and 发言 are speaking', () => {
    const doc = extractArticle(
      '5月20日，清水镇召开二季度项目推进会。镇党委书记韩立新出席会议并讲话，镇长高文斌主持会议。5月22日，江河新材料有限公司年产2万吨涂料项目开工仪式举行，副县长方国强宣布开工，企业代表王海发言。',
      town,
    ).document;
    expect(roles(doc, 'Meeting')).toEqual(expect.arrayContaining(['韩立新 attendee', '韩立新 speaker', '高文斌 host', '清水镇 host']));
    expect(roles(doc, 'Ceremony')).toEqual(expect.arrayContaining(['方国强 speaker']));
  });

  test('when a body joins another to put on an event (A联合B举办), then both organise it', () => {
    const doc = extractArticle('5月15日，镇总工会联合县人社局在镇文化广场举办专场招聘会。', town).document;
    expect(roles(doc, 'Fair')).toEqual(expect.arrayContaining(['清水镇总工会 organizer', expect.stringMatching(/县人社局 organizer$/u)]));
  });

  test('when a party comes (一行) to a talk, then its head attends the meeting, and so does whom the meeting’s clause names', () => {
    const doc = extractArticle('5月16日，江州市工商联副主席顾平一行来到清水镇，与镇党委书记韩立新等进行座谈交流。', town).document;
    expect(roles(doc, 'Meeting')).toEqual(expect.arrayContaining(['顾平 attendee', '韩立新 attendee']));
    expect(roles(doc, 'Meeting').filter((r) => r.endsWith('visitor'))).toEqual([]);
  });

  test('when a ceremony is held at a project’s site, then the project is its subject; those who unveil a base attend', () => {
    const doc = extractArticle('5月26日，河阳县重大项目集中开工活动在江河新材料有限公司年产2万吨涂料项目现场举行。副县长方国强、东江大学副校长曾平共同为基地揭牌。', town).document;
    expect(roles(doc, 'Ceremony')).toEqual(expect.arrayContaining(['江河新材料有限公司年产2万吨涂料项目 subject', '方国强 attendee', '曾平 attendee']));
  });

  test('when an official goes to villages to guide their work (到…指导), then that is an inspection of them', () => {
    const doc = extractArticle('▲5月19日，县农业农村局副局长邹明到白沙村、红旗村指导夏收工作。', town).document;
    expect(doc.events?.map((e) => [e.type, e.date])).toEqual([['Inspection', '2025-05-19']]);
    expect(roles(doc, 'Inspection')).toEqual(expect.arrayContaining(['邹明 inspector', '白沙村 inspected', '红旗村 inspected']));
  });

  test('when numbers count visitors in 万人次, then they are figures with that unit', () => {
    const doc = extractArticle('5月28日，清水镇荷花文化节开幕，吸引游客3.5万人次。', town).document;
    expect(doc.figures).toEqual(expect.arrayContaining([expect.objectContaining({ value: 3.5, unit: '万人次' })]));
  });
});
