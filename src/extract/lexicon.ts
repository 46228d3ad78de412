/**
 * The genre's vocabulary: what the rules of this folder recognise in government and development-zone
 * newsletters. Only words live here; the types, kinds and roles they map to come from src/model.
 */
import type { EventType, ParticipantRole } from '../model';

/** Position titles, longest first when matched (a title may be preceded by a unit such as 产业规划处). */
export const TITLES = [
  '党工委书记', '党工委副书记', '党委书记', '党委常委', '党委委员', '厅长', '副厅长', '司长', '副司长', '巡视员', '党委副书记', '党组书记', '党组副书记', '党组成员', '党支部书记',
  '党总支书记', '纪工委书记', '工委主任', '市委书记', '市委副书记', '市委常委', '县委书记', '县委副书记', '县委常委', '区委书记',
  '区委副书记', '区委常委', '党工委委员', '总经理助理', '董事长助理', '院长助理', '校长助理',
  '常务副市长', '副市长', '市长', '常务副县长', '副县长', '县长', '常务副区长', '副区长', '区长', '副镇长', '镇长', '副乡长', '乡长',
  '书记', '副书记', '主任', '副主任', '常务副主任', '主席', '副主席', '部长', '副部长', '局长', '副局长', '处长',
  '副处长', '科长', '副科长', '院长', '副院长', '校长', '副校长', '所长', '副所长', '站长', '会长', '副会长',
  '秘书长', '副秘书长', '主任委员', '理事长', '董事长', '副董事长', '总经理', '副总经理', '执行总裁', '总裁',
  '副总裁', '总工程师', '厂长', '经理', '主管', '村支书', '村主任', '社区主任', '教授', '院士', '总监', '首席执行官',
  '负责人',
].sort((a, b) => b.length - a.length);

/** Organisation name endings → kind. Longest ending wins. */
export const ORG_SUFFIXES: Array<[string, string]> = [
  ['股份有限公司', 'Company'], ['有限责任公司', 'Company'], ['有限公司', 'Company'], ['分公司', 'Company'],
  ['集团', 'Company'], ['公司', 'Company'], ['银行', 'Company'], ['支行', 'Company'], ['分行', 'Company'],
  ['职业技术学院', 'University'], ['大学', 'University'], ['学院', 'University'], ['职业大学', 'University'],
  ['中等专业学校', 'School'], ['专业学校', 'School'], ['学校', 'School'], ['中学', 'School'], ['小学', 'School'],
  ['幼儿园', 'School'], ['研究院', 'Institute'], ['研究所', 'Institute'], ['研究中心', 'Institute'],
  ['实验室', 'Institute'], ['科学院', 'Institute'], ['研发中心', 'Institute'], ['技术中心', 'Institute'],
  ['经济技术开发区', 'DevelopmentZone'], ['经济开发区', 'DevelopmentZone'], ['高新技术产业开发区', 'DevelopmentZone'],
  ['高新区', 'DevelopmentZone'], ['经开区', 'DevelopmentZone'], ['开发区', 'DevelopmentZone'], ['产业园区', 'DevelopmentZone'],
  ['工业园区', 'DevelopmentZone'], ['工业园', 'DevelopmentZone'],
  ['党工委', 'PartyCommittee'], ['党委', 'PartyCommittee'], ['市委', 'PartyCommittee'], ['县委', 'PartyCommittee'],
  ['区委', 'PartyCommittee'], ['组织部', 'PartyCommittee'], ['宣传部', 'PartyCommittee'], ['统战部', 'PartyCommittee'],
  ['纪工委', 'PartyCommittee'], ['党组', 'PartyCommittee'],
  ['管理委员会', 'GovernmentAgency'], ['管委会', 'GovernmentAgency'], ['人民政府', 'GovernmentAgency'],
  ['政府', 'GovernmentAgency'], ['人社局', 'GovernmentAgency'], ['局', 'GovernmentAgency'], ['分局', 'GovernmentAgency'],
  ['办公室', 'GovernmentAgency'], ['厅', 'GovernmentAgency'], ['发改委', 'GovernmentAgency'], ['经信委', 'GovernmentAgency'],
  ['卫健委', 'GovernmentAgency'], ['商务委', 'GovernmentAgency'], ['人大常委会', 'GovernmentAgency'], ['政协', 'Other'],
  ['工业集中区', 'DevelopmentZone'], ['党群工作部', 'PartyCommittee'], ['工作部', 'PartyCommittee'], ['安委办', 'GovernmentAgency'], ['委员会', 'GovernmentAgency'], ['人大工委', 'GovernmentAgency'],
  ['科协', 'Association'], ['总工会', 'Association'], ['工会', 'Association'], ['妇联', 'Association'],
  ['团工委', 'Association'], ['团委', 'Association'], ['协会', 'Association'], ['商会', 'Association'],
  ['促进会', 'Association'], ['联合会', 'Association'], ['学会', 'Association'], ['工商联', 'Association'],
  ['医院', 'Other'], ['新时代文明实践所', 'Other'], ['实践所', 'Other'], ['服务中心', 'Other'],
].sort((a, b) => b[0].length - a[0].length) as Array<[string, string]>;

/** Bare unit names that stand for a unit of the article's own zone (区综合行政执法局, 团工委). */
export const ZONE_UNITS = ['党工委', '管委会', '管委', '经发局', '总工会', '团工委', '妇联', '安委办', '人大工委', '招商公司',
  '新时代文明实践所', '综合行政执法局', '财政局', '招商局', '建设局', '社会事业局', '纪工委'];

/** Village-level names. */
export const VILLAGE_SUFFIXES: Array<[string, string]> = [['社区', 'Community'], ['村', 'Village']];

/** Endings of project names; the kind from words inside the name. */
export const PROJECT_SUFFIXES = ['项目', '生态产业园', '生态园', '产业园', '创新中心', '公共服务中心', '示范园', '基地', '示范基地',
  '中试基地', '生产基地', '产业基地', '研发基地', '综合体'];
export const MANUFACTURING_WORDS = ['生产', '制造', '电池', '硅片', '光伏', '锂', '芯片', '材料', '装备', '机器人', '汽车',
  '年产', 'GW', '半导体', '集流体', '电子', '设备', '纺织', '服装', '食品', '医药', '化工'];
export const SERVICES_WORDS = ['服务', '物流', '商贸', '酒店', '养老', '文旅', '旅游', '电商', '金融', '公共服务'];
export const INFRASTRUCTURE_WORDS = ['道路', '桥', '管网', '污水', '供水', '电网', '安置', '基础设施', '码头', '高速'];

/** Well-known places (the product's own gazetteer of places; names as written, without 市 when usually so). */
export const PLACES: Array<[string, string]> = [
  ['中国', 'Country'], ['印尼', 'Country'], ['印度尼西亚', 'Country'], ['阿联酋', 'Country'], ['日本', 'Country'],
  ['韩国', 'Country'], ['德国', 'Country'], ['美国', 'Country'], ['新加坡', 'Country'], ['越南', 'Country'],
  ['泰国', 'Country'], ['马来西亚', 'Country'], ['法国', 'Country'], ['英国', 'Country'], ['意大利', 'Country'],
  ['俄罗斯', 'Country'], ['沙特', 'Country'], ['埃及', 'Country'], ['巴西', 'Country'], ['澳大利亚', 'Country'],
  ['江苏', 'Province'], ['浙江', 'Province'], ['安徽', 'Province'], ['山东', 'Province'], ['广东', 'Province'],
  ['江西', 'Province'], ['湖北', 'Province'], ['湖南', 'Province'], ['河南', 'Province'], ['河北', 'Province'],
  ['四川', 'Province'], ['福建', 'Province'], ['陕西', 'Province'], ['山西', 'Province'], ['云南', 'Province'],
  ['贵州', 'Province'], ['辽宁', 'Province'], ['吉林', 'Province'], ['黑龙江', 'Province'], ['甘肃', 'Province'],
  ['江苏省', 'Province'], ['浙江省', 'Province'], ['安徽省', 'Province'], ['山东省', 'Province'], ['广东省', 'Province'],
  ['北京', 'City'], ['上海', 'City'], ['天津', 'City'], ['重庆', 'City'], ['南京', 'City'], ['苏州', 'City'],
  ['无锡', 'City'], ['常州', 'City'], ['镇江', 'City'], ['扬州', 'City'], ['泰州', 'City'], ['南通', 'City'],
  ['盐城', 'City'], ['淮安', 'City'], ['宿迁', 'City'], ['连云港', 'City'], ['徐州', 'City'], ['杭州', 'City'],
  ['宁波', 'City'], ['温州', 'City'], ['嘉兴', 'City'], ['绍兴', 'City'], ['金华', 'City'], ['合肥', 'City'],
  ['芜湖', 'City'], ['青岛', 'City'], ['济南', 'City'], ['烟台', 'City'], ['西安', 'City'], ['成都', 'City'],
  ['广州', 'City'], ['深圳', 'City'], ['东莞', 'City'], ['佛山', 'City'], ['厦门', 'City'], ['福州', 'City'],
  ['武汉', 'City'], ['长沙', 'City'], ['郑州', 'City'], ['南昌', 'City'], ['抚州', 'City'], ['赣州', 'City'],
  ['昆山', 'City'], ['高邮', 'City'], ['江阴', 'City'], ['宜兴', 'City'], ['张家港', 'City'], ['常熟', 'City'],
  ['仪征', 'City'], ['宝应', 'County'], ['兴化', 'City'], ['如皋', 'City'], ['海安', 'City'], ['溧阳', 'City'],
  ['丹阳', 'City'], ['句容', 'City'], ['靖江', 'City'], ['泰兴', 'City'], ['东台', 'City'], ['沭阳', 'County'],
  ['香港', 'City'], ['澳门', 'City'], ['台北', 'City'], ['迪拜', 'City'], ['雅加达', 'City'], ['东京', 'City'],
  ['首尔', 'City'], ['大阪', 'City'], ['慕尼黑', 'City'], ['昆明', 'City'], ['贵阳', 'City'], ['沈阳', 'City'],
  ['大连', 'City'], ['长春', 'City'], ['哈尔滨', 'City'], ['兰州', 'City'], ['太原', 'City'], ['石家庄', 'City'],
];

/** Event trigger words → event type. Longest trigger wins; `ambiguous` ones get a lower confidence. */
export const EVENT_TRIGGERS: Array<{ word: string; type: EventType; ambiguous?: boolean }> = ([
  { word: '签约仪式', type: 'Signing' }, { word: '合作签约', type: 'Signing' }, { word: '签约', type: 'Signing' },
  { word: '签订', type: 'Signing' }, { word: '签署', type: 'Signing' },
  { word: '开工仪式', type: 'Ceremony' }, { word: '启动仪式', type: 'Ceremony' }, { word: '揭牌仪式', type: 'Ceremony' },
  { word: '竣工仪式', type: 'Ceremony' }, { word: '投产仪式', type: 'Ceremony' }, { word: '授牌仪式', type: 'Ceremony' },
  { word: '集中开工', type: 'Ceremony' }, { word: '集中签约', type: 'Ceremony' }, { word: '揭牌', type: 'Ceremony' }, { word: '开工', type: 'Ceremony', ambiguous: true },
  { word: '对接会', type: 'Meeting' }, { word: '推进会', type: 'Meeting' }, { word: '座谈会', type: 'Meeting' },
  { word: '恳谈会', type: 'Meeting' }, { word: '洽谈会', type: 'Meeting' }, { word: '交流会', type: 'Meeting' },
  { word: '推介会', type: 'Meeting' }, { word: '联席会', type: 'Meeting' }, { word: '汇报会', type: 'Meeting' },
  { word: '工作会议', type: 'Meeting' }, { word: '分析会', type: 'Meeting' }, { word: '调度会', type: 'Meeting' },
  { word: '部署会', type: 'Meeting' }, { word: '动员会', type: 'Meeting' }, { word: '协调会', type: 'Meeting' },
  { word: '总结会', type: 'Meeting' }, { word: '例会', type: 'Meeting' }, { word: '演练', type: 'Training' },
  { word: '宣讲会', type: 'Meeting' }, { word: '说明会', type: 'Meeting' }, { word: '专题会议', type: 'Meeting' }, { word: '大会', type: 'Meeting' },
  { word: '分享会', type: 'Other' }, { word: '诗会', type: 'Other' },
  { word: '观摩会', type: 'Inspection', ambiguous: true }, { word: '观摩', type: 'Inspection', ambiguous: true },
  { word: '调研', type: 'Inspection' }, { word: '视察', type: 'Inspection' }, { word: '察看', type: 'Inspection' },
  { word: '督导', type: 'Inspection' }, { word: '座谈', type: 'Meeting' },
  { word: '督查', type: 'Inspection' }, { word: '检查', type: 'Inspection', ambiguous: true },
  { word: '招聘会', type: 'Fair' }, { word: '博览会', type: 'Fair' }, { word: '展销会', type: 'Fair' },
  { word: '交易会', type: 'Fair' }, { word: '文化节', type: 'Fair' }, { word: '旅游节', type: 'Fair' }, { word: '节', type: 'Fair', ambiguous: true },
  { word: '培训班', type: 'Training' }, { word: '培训', type: 'Training' }, { word: '讲座', type: 'Training' },
  { word: '拜访', type: 'Visit' }, { word: '回访', type: 'Visit' }, { word: '走访', type: 'Visit' }, { word: '考察', type: 'Visit' },
  { word: '参观', type: 'Visit' },
  { word: '宣传咨询日', type: 'Campaign' }, { word: '专项行动', type: 'Campaign', ambiguous: true }, { word: '宣传月', type: 'Campaign' },
] satisfies Array<{ word: string; type: EventType; ambiguous?: boolean }>).sort((a, b) => b.word.length - a.word.length);

/** Verbs that give a participant's role, and whether the role's holder is the subject before the verb. */
export const ROLE_VERBS: Array<{ word: string; role: ParticipantRole }> = [
  { word: '出席', role: 'attendee' }, { word: '参加', role: 'attendee' }, { word: '陪同', role: 'attendee' },
  { word: '见证', role: 'attendee' }, { word: '致辞', role: 'speaker' }, { word: '讲话', role: 'speaker' },
  { word: '表示', role: 'speaker' }, { word: '指出', role: 'speaker' }, { word: '强调', role: 'speaker' },
  { word: '要求', role: 'speaker' }, { word: '介绍', role: 'speaker' }, { word: '主持', role: 'host' },
  { word: '带队', role: 'visitor' }, { word: '率队', role: 'visitor' }, { word: '一行', role: 'visitor' },
  { word: '带领', role: 'visitor' }, { word: '率领', role: 'visitor' },
  { word: '宣布', role: 'speaker' }, { word: '发言', role: 'speaker' }, { word: '通报', role: 'speaker' },
  { word: '揭牌', role: 'attendee' }, { word: '剪彩', role: 'attendee' },
  // 孙海涛与马骏签订协议, 林志敏、季红梅代表双方签约: who signs in person attends the signing
  { word: '签约', role: 'attendee' }, { word: '签订', role: 'attendee' }, { word: '签署', role: 'attendee' },
];

/** Words never part of an organisation, project or village name: walking left from a suffix stops here. */
export const NAME_STOPS = ['与', '和', '及', '在', '到', '赴', '对', '向', '由', '为', '是', '的', '了', '等', '将', '把',
  '从', '于', '以', '被', '让', '给', '由', '其中', '包括', '分别', '召开', '举行', '举办', '组织', '联合', '出席', '参加',
  '调研', '观摩', '参观', '视察', '率', '带队', '主持', '表示', '签约', '开展', '进行', '走访', '拜访', '回访', '会见',
  '陪同', '考察', '听取', '介绍', '来到', '深入', '前往', '实现', '完成', '推进', '推动', '共建', '助力', '落户', '成立',
  '新开工', '开工', '投产', '达效', '力促', '我市', '我区', '全市', '全区', '今年', '上半年', '下半年', '目前', '当日', '同时',
  '一批', '此外', '随后', '期间', '先后', '还', '也', '都', '已', '并', '又', '上午', '下午', '当天', '会上', '作', '据',
  '企业', '母公司', '子公司', '希望', '感谢', '欢迎', '支持', '帮助', '依托', '携手', '邀请', '指导', '服务好', '对接', '一行', '察看', '带领', '率领', '签订', '签署', '拜访', '回访', '走访', '来自', '其中', '及其'];

/** The short forms a zone's own text uses for it, from its full name's ending. */
export const ZONE_SHORT_FORMS: Array<[RegExp, string[]]> = [
  [/经济技术开发区$/u, ['经开区', '开发区']],
  [/高新技术产业开发区$|高新区$/u, ['高新区']],
  [/经济开发区$|开发区$/u, ['开发区']],
  [/经开区$/u, ['经开区', '开发区']],
  [/园区$/u, ['园区']],
];

/** What a university's own text calls it (the article's institution when a university publishes it). */
export const UNIVERSITY_SHORT_FORMS = ['我校', '本校', '学校'];

/** Units of a university named without it (船舶与海洋工程学院, 科学技术研究院): its own, in its own newsletter. */
export const UNIVERSITY_UNIT = /(?:学院|研究院|研究生院|处|部|办公室)$/u;

/** List bullets that start a short item of a newsletter (●9月6日，…). */
export const BULLETS = /^[●◆■▲★☆◇□•▪◎]/u;

export const SENTENCE_END = /[。！？!?；;]/u;
