/**
 * Word lists for names. Chinese firm names are `city + brand (字号) + trade + organisational form`;
 * brands are two characters drawn from the auspicious and technical characters firms favour.
 */
const chars = (s: string): string[] => [...s.replace(/\s+/g, '')];
const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

export const BRAND_FIRST = chars(`
  华中科创新恒盛鑫泰宏达力源远瑞博智天宇金龙凯信合利通和丰安康嘉德诚晟景隆昌兴海江楚湘赣徽晋豫
  东南北明光辉聚众立航正元汇鼎峰晨星云蓝绿青春美佳优精睿思卓越同振永长久万亿联`);
export const BRAND_SECOND = chars(`
  华达盛源泰通信科创力恒宇腾辉阳光明德业诚安康宏远兴隆昌瑞祥丰润成鼎峰海川山林森桥原龙凯
  威特迈捷锐新锋卓越维思睿智博学联合众邦`);

/** Organisational forms with weights. */
export const COMPANY_FORMS: ReadonlyArray<readonly [string, number]> = [
  ['有限公司', 0.74],
  ['股份有限公司', 0.16],
  ['有限责任公司', 0.1],
];

/** The hundred commonest surnames with their approximate shares (per mille, 2020 census). */
export const SURNAMES: ReadonlyArray<readonly [string, number]> = `
  王 71 李 70 张 67 刘 54 陈 45 杨 31 黄 22 赵 20 吴 18 周 17 徐 14 孙 14 马 13 朱 12 胡 12 郭 11
  何 10 林 9 高 9 罗 9 郑 8 梁 8 谢 7 宋 6 唐 6 许 6 韩 6 冯 6 邓 6 曹 5 彭 5 曾 5 肖 5 田 5 董 5
  袁 4 潘 4 于 4 蒋 4 蔡 4 余 4 杜 4 叶 4 程 4 苏 4 魏 4 吕 4 丁 4 任 3 沈 3 姚 3 卢 3 姜 3 崔 3
  钟 3 谭 3 陆 3 汪 3 范 3 金 3 石 3 廖 3 贾 3 夏 3 韦 3 付 3 方 3 白 2 邹 2 孟 2 熊 2 秦 2 邱 2
  江 2 尹 2 薛 2 闫 2 段 2 雷 2 侯 2 龙 2 史 2 陶 2 黎 2 贺 2 顾 2 毛 2 郝 2 龚 2 邵 2 万 2 钱 2
  严 1 覃 1 武 1 戴 1 莫 1 孔 1 向 1 汤 1`
  .trim()
  .split(/\s+/)
  .reduce<Array<readonly [string, number]>>((out, tok, i, all) => {
    if (i % 2 === 0) out.push([tok, Number(all[i + 1])]);
    return out;
  }, []);

export const GIVEN_CHARS = chars(`
  伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉力鹏飞斌宇浩凯俊帅鑫波宁健亮
  红玉兰萍婷雪琳晨阳峰志海东旭林鹤颖琪昊然子轩梓涵欣怡诗雨博文思远嘉豪晓卫新春春荣德永
  佳慧丹凤云松柏宏祥立成磊坤莉燕倩蕾倩彬瑞`);

export const STREETS = words(`
  人民路 解放路 建设路 中山路 长江路 黄河路 文化路 科技大道 创新大道 高新大道 工业园路
  学府路 振兴路 迎宾大道 发展大道 朝阳路 光明路 和平路 幸福路 东风路 经开大道 新华路 湖滨路
  民主路 团结路 红旗路 育才路 兴业路 金融街 产业园大道`);

/** Firm trades for trademark holders, by the Nice class of their first mark. */
export const TRADE_BY_NICE: ReadonlyArray<readonly [classes: readonly number[], trades: readonly string[]]> =
  [
    [[29, 30, 31, 32], words('食品 食品科技 农业开发 饮品 粮油 调味品')],
    [[33], words('酒业 酒类销售 酿酒')],
    [[25, 18, 24, 14, 26], words('服饰 服装 纺织 鞋业 饰品')],
    [[3, 5, 10, 44], words('生物科技 医药 药业 健康科技 医疗器械 美容')],
    [[9, 38, 42], words('科技 信息技术 网络科技 软件 电子科技 智能科技')],
    [[35, 36], words('商贸 供应链管理 贸易 企业管理 电子商务')],
    [[41], words('文化传媒 教育科技 文化发展 体育发展')],
    [[43], words('餐饮管理 酒店管理 餐饮')],
    [[7, 11, 12, 6, 8, 37], words('机械 电器 汽车用品 五金 建设工程 机电设备')],
    [[20, 21, 19, 16, 27], words('家居 日用品 建材 包装 家具')],
  ];
export const TRADE_DEFAULT = words('实业 化工 贸易 物流 发展');

/** Characters of mark names and the endings food and service marks favour. */
export const MARK_CHARS = chars(`
  华韵源味香福禧乐美佳康泰鑫鼎盛龙凤麒麟金玉锦绣楚湘徽赣豫晋中原天山水云月星阳光春秋风雅
  品尚优选臻悦欢喜旺兴和丰谷稻麦茶竹梅兰菊莲雪清心德信诚仁义礼智`);
export const MARK_ENDINGS = chars('坊记源堂家园居轩阁庄号铺');
export const MARK_SYLLABLES = words(
  'hua xin tai long kang jia ming rui sheng yuan tian feng an le mei bo da zhi chen hong yu shan',
);
export const MARK_LATIN = words('SUNNY VISTA NOVA ORIENT SMART TOP GREEN STAR BEST UNION PRIME ELITE');

/** Government bodies and organisations, `{city}` and `{province}` filled in. */
export const ORGANISATIONS = words(`
  {city}人民医院 {city}中心医院 {city}第一人民医院 {city}农业技术推广中心 {city}疾病预防控制中心
  {city}水利局 {city}公路事业发展中心 {province}地质矿产勘查开发局 {province}人民医院 {city}质量技术监督检验测试中心`);
/** Organisations holding marks: associations hold the collective and geographical-indication marks. */
export const MARK_ORGANISATIONS = words(`
  {city}果业协会 {city}茶叶协会 {city}餐饮行业协会 {city}农产品流通协会 {city}特产协会 {city}个体劳动者协会`);
