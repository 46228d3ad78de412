/**
 * Name pools for the generator: common Chinese surnames and given-name characters, Latin (pinyin and
 * Western) names, real Chinese provinces, cities and counties, and the word parts of organisation,
 * village and project names as news articles write them. Names are combined, not listed, so pools of
 * a million distinct names are possible; the generator keeps them unique per entity type (by the
 * product's own name key) so that identity resolution is exercised without ambiguity.
 */
import type { Random } from './random';

export const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
export const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '令狐'];
export const GIVEN_CHARS = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红玲峰建国志文斌宇浩凯鹏辉俊晨欣怡佳琪雪梅海波东林云飞鑫锋健新春晓岚丹婷颖慧嘉诚毅博雅思源泽宁安康永福德贵荣昌盛振兴'];

export const LATIN_GIVEN = ['Wei', 'Fang', 'Na', 'Min', 'Jing', 'Li', 'Qiang', 'Lei', 'Jun', 'Yang', 'Yong', 'Yan', 'Jie', 'Tao', 'Ming', 'Chao', 'Xia', 'Ping', 'Gang', 'Hua', 'Feng', 'Bin', 'Hao', 'Kai', 'Peng', 'Hui', 'Xin', 'Yu', 'Ning', 'Anna', 'David', 'Maria', 'Thomas', 'Sophie', 'Lukas', 'Emma', 'Jonas', 'Claire', 'Pierre', 'Marco', 'Elena', 'James', 'Sarah', 'Daniel', 'Laura', 'Hans', 'Ingrid', 'Kenji', 'Yuki', 'Min-jun', 'Seo-yeon'];
export const LATIN_FAMILY = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'Lin', 'Luo', 'Zheng', 'Liang', 'Schmidt', 'Müller', 'Schneider', 'Fischer', 'Weber', 'Dubois', 'Martin', 'Bernard', 'Rossi', 'Bianchi', 'Smith', 'Johnson', 'Brown', 'Taylor', 'Anderson', 'García', 'Fernández', 'Novak', 'Kowalski', 'Tanaka', 'Suzuki', 'Kim', 'Park', 'Nguyen', 'Andersson', 'Jensen', "O'Brien", 'van der Berg', 'De Luca'];

export const PROVINCES = ['江苏省', '浙江省', '安徽省', '山东省', '广东省', '福建省', '河南省', '湖北省', '湖南省', '四川省', '江西省', '河北省', '陕西省', '辽宁省', '云南省', '广西壮族自治区'];
export const CITIES = ['扬州市', '南京市', '苏州市', '无锡市', '常州市', '南通市', '泰州市', '盐城市', '淮安市', '镇江市', '徐州市', '连云港市', '宿迁市', '杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '合肥市', '芜湖市', '济南市', '青岛市', '烟台市', '潍坊市', '广州市', '深圳市', '佛山市', '东莞市', '福州市', '厦门市', '郑州市', '洛阳市', '武汉市', '长沙市', '成都市', '南昌市', '石家庄市', '西安市', '沈阳市', '大连市', '昆明市', '南宁市'];
export const COUNTY_STEMS = [...'高宝仪江兴泰如海东丰射阜滨响灌沭泗睢邳沛新溧句丹金昆太常吴桐德安长嵊诸义永武浦临淳建宁寿'];
export const PLACE_SUFFIXES = ['县', '区', '市'];
export const FOREIGN_PLACES = ['Germany', 'France', 'Italy', 'Japan', 'Korea', 'Singapore', 'Netherlands', 'Sweden', 'Poland', 'Spain', 'Vietnam', 'Thailand', 'Malaysia', 'Bavaria', 'Lombardy', 'Rotterdam', 'Osaka', 'Busan', 'Penang', 'Lyon'];

export const ORG_STEMS = [...'华恒瑞泰宏远鑫达嘉盛安信通联中天金源新亚东方海创科润德隆永昌广汇九洲星辰绿洲长江蓝天万邦汉博正大同益'];
export const INDUSTRIES = ['新能源', '光伏', '电子', '机械', '化工', '纺织', '医药', '生物', '半导体', '汽车零部件', '智能装备', '新材料', '食品', '物流', '电缆', '照明', '环保', '信息技术', '节能', '储能'];
export const COMPANY_FORMS = ['科技有限公司', '股份有限公司', '集团有限公司', '有限公司', '实业有限公司', '制造有限公司'];
export const LATIN_INDUSTRIES = ['Solar', 'Electronics', 'Machinery', 'Chemicals', 'Textiles', 'Pharma', 'Semiconductor', 'Automotive', 'Materials', 'Logistics', 'Energy', 'Robotics'];
export const LATIN_FORMS = ['Co., Ltd.', 'Group', 'GmbH', 'AG', 'S.p.A.', 'Inc.', 'Technologies', 'Holdings'];
export const AGENCIES = ['发展和改革委员会', '工业和信息化局', '商务局', '科学技术局', '财政局', '自然资源和规划局', '生态环境局', '住房和城乡建设局', '农业农村局', '人力资源和社会保障局', '市场监督管理局', '应急管理局', '招商局'];
export const ZONE_KINDS = ['经济开发区', '高新技术产业开发区', '工业园区', '科技园', '物流园区'];
export const UNIVERSITY_FORMS = ['大学', '理工大学', '科技大学', '职业技术学院', '师范大学'];
export const INSTITUTE_FORMS = ['研究院', '研究所', '技术研究中心', '产业研究院'];
export const ASSOCIATION_FORMS = ['商会', '企业家协会', '行业协会', '青年企业家联合会'];
export const SCHOOL_FORMS = ['中学', '实验小学', '外国语学校', '职业高级中学'];

export const VILLAGE_STEMS = [...'东西南北前后上下大小新老河湖塘桥庄营集店湾沟坝岗林山溪'];
export const VILLAGE_WORDS = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江'];

export const PROJECT_PRODUCTS = ['光伏组件', '锂电池', '动力电池', '储能系统', '汽车零部件', '智能装备', '半导体封装', '高端电缆', '医疗器械', '精密模具', '新型建材', '生物医药', '智能仓储', '冷链物流', 'LED照明', '环保设备'];
export const PROJECT_SCALES = ['年产5GW', '年产10GW', '年产12GW', '年产20万套', '年产50万台', '年产100万件', '年产3万吨', '年产8万吨', '总投资10亿元', '总投资30亿元', '总投资50亿元', '总投资100亿元'];
export const PROJECT_SERVICES = ['数字经济产业园', '科创中心', '人才公寓', '物流中心', '研发中心', '商业综合体', '污水处理厂', '综合管廊', '智慧园区平台', '跨境电商产业园'];

export const TITLES = ['党工委书记', '管委会主任', '副主任', '局长', '副局长', '董事长', '总经理', '副总经理', '院长', '校长', '书记', '主任', '会长', '秘书长', '首席科学家', '村党支部书记', '村委会主任', '区长', '副市长', '市长'];

export const EVENT_TEMPLATES: Record<string, string[]> = {
  Signing: ['项目集中签约仪式', '战略合作协议签约', '校地共建签约仪式', '产学研合作签约', '投资协议签约'],
  Inspection: ['调研重点项目建设', '督查安全生产工作', '检查环保整改情况', '视察企业生产经营', '调研产业发展'],
  Fair: ['人才招聘会', '投资贸易洽谈会', '产品展销会', '科技成果对接会', '招商推介会'],
  Meeting: ['经济运行分析会', '重点项目推进会', '党工委扩大会议', '安全生产工作会议', '招商引资工作会议'],
  Visit: ['考察交流', '来访座谈', '走访企业', '参观学习', '拜访客商'],
  Ceremony: ['开工仪式', '竣工投产仪式', '揭牌仪式', '奠基仪式', '表彰大会'],
  Training: ['专题培训班', '安全生产培训', '干部能力提升培训', '技能培训', '政策解读培训'],
  Campaign: ['“双招双引”攻坚行动', '环境整治专项行动', '服务企业月活动', '安全生产大检查', '文明城市创建行动'],
  Other: ['工作座谈', '主题党日活动', '志愿服务活动', '线上对接活动'],
};

export const METRICS: Array<{ metric: string; unit: string; min: number; max: number }> = [
  { metric: '规模以上工业产值', unit: '亿元', min: 5, max: 800 },
  { metric: '一般公共预算收入', unit: '亿元', min: 1, max: 60 },
  { metric: '固定资产投资', unit: '亿元', min: 2, max: 300 },
  { metric: '实际利用外资', unit: '万美元', min: 100, max: 90000 },
  { metric: '营业收入', unit: '亿元', min: 0.5, max: 500 },
  { metric: '税收', unit: '亿元', min: 0.1, max: 40 },
  { metric: '研发投入占比', unit: '%', min: 0.5, max: 12 },
  { metric: '就业人数', unit: '人', min: 50, max: 20000 },
];

export const PUBLISHERS = ['高邮经济开发区', '扬州日报', '新华日报', '江苏经济报', '人民网', '中国新闻网', 'Xinhua', 'China Daily', '界面新闻', '澎湃新闻'];

export function chineseName(r: Random): string {
  const surname = r.chance(0.02) ? r.pick(COMPOUND_SURNAMES) : r.pick(SURNAMES);
  const given = r.chance(0.35) ? r.pick(GIVEN_CHARS) : r.pick(GIVEN_CHARS) + r.pick(GIVEN_CHARS);
  return surname + given;
}

export function latinName(r: Random): string {
  return r.chance(0.5)
    ? `${r.pick(LATIN_FAMILY)} ${r.pick(LATIN_GIVEN)}${r.chance(0.4) ? r.pick(LATIN_GIVEN).toLowerCase() : ''}`
    : `${r.pick(LATIN_GIVEN)} ${r.chance(0.3) ? `${String.fromCharCode(65 + r.int(0, 25))}. ` : ''}${r.pick(LATIN_FAMILY)}`;
}
