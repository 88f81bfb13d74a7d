import type { CenterInput, Industry } from './centers.js';
import type { CaseType } from './types.js';

/**
 * The demo region's 13 national IP protection centers and 5 rapid IP protection centers (the
 * counts of CNIPA's press conference of 2024-08-21). The nine in `knownCenters` of
 * central-region-2024.json keep their real names, cities and industries (`demo: false`); the
 * IPC subclasses and Locarno classes that stand for those industries are ipregion's reading of
 * them. The other nine are plausible inventions, `demo: true`, spread so that each of the six
 * provinces has at least two. Where a real center's industries are not published (Hefei), the
 * industries given are marked `demo` one by one.
 */

const ALL: CaseType[] = [
  'pre_examination',
  'rights_protection',
  'mediation',
  'ecommerce_takedown',
  'overseas_guidance',
  'consultation',
];
// Rapid centers work on one industry cluster, mostly design patents, and give no overseas guidance.
const RAPID: CaseType[] = [
  'pre_examination',
  'rights_protection',
  'mediation',
  'ecommerce_takedown',
  'consultation',
];

const ind = (zh: string, en: string, ipc: string[], locarno: string[], demo?: true): Industry => ({
  zh,
  en,
  ipc,
  locarno,
  ...(demo ? { demo } : {}),
});

const OPTOELECTRONIC = ind(
  '光电子信息',
  'optoelectronic information',
  ['H01S', 'H01L', 'G02B', 'G02F', 'H04B'],
  ['14', '16'],
);
const SMART_MANUFACTURING = ind(
  '智能制造装备',
  'intelligent manufacturing equipment',
  ['B25J', 'G05B', 'B23Q', 'B23K', 'B21D'],
  ['15'],
);
const EQUIPMENT = ind('装备制造', 'equipment manufacturing', ['B23K', 'B23Q', 'F16H', 'B66C'], ['15']);
const NEW_MATERIALS = ind('新材料', 'new materials', ['C22C', 'C04B', 'C08L', 'B22F'], []);

const PROTECTION: CenterInput[] = [
  {
    id: 'pc-wuhan',
    kind: 'protection_center',
    nameZh: '中国（武汉）知识产权保护中心',
    nameEn: 'China (Wuhan) IP Protection Center',
    city: '420100',
    industries: [OPTOELECTRONIC],
    services: ALL,
  },
  {
    id: 'pc-changsha',
    kind: 'protection_center',
    nameZh: '中国（长沙）知识产权保护中心',
    nameEn: 'China (Changsha) IP Protection Center',
    city: '430100',
    industries: [SMART_MANUFACTURING],
    services: ALL,
  },
  {
    id: 'pc-luoyang',
    kind: 'protection_center',
    nameZh: '中国（洛阳）知识产权保护中心',
    nameEn: 'China (Luoyang) IP Protection Center',
    city: '410300',
    industries: [
      ind('先进装备制造', 'advanced equipment manufacturing', ['F16C', 'B23K', 'B66C', 'B21B'], ['15']),
      NEW_MATERIALS,
    ],
    services: ALL,
  },
  {
    id: 'pc-ganzhou',
    kind: 'protection_center',
    nameZh: '中国（赣州）知识产权保护中心',
    nameEn: 'China (Ganzhou) IP Protection Center',
    city: '360700',
    industries: [
      ind(
        '新型功能材料（稀土）',
        'new functional materials (rare earth)',
        ['C22B', 'C22C', 'H01F', 'C01F', 'C09K'],
        [],
      ),
      EQUIPMENT,
    ],
    services: ALL,
  },
  {
    id: 'pc-jingdezhen',
    kind: 'protection_center',
    nameZh: '景德镇市知识产权保护中心',
    nameEn: 'Jingdezhen IP Protection Center',
    city: '360200',
    industries: [
      ind('陶瓷材料', 'ceramic materials', ['C04B', 'C03C', 'B28B'], ['07', '11']),
      ind('高端装备制造（航空）', 'aviation equipment', ['B64C', 'B64D', 'F02C'], ['12']),
    ],
    services: ALL,
  },
  {
    id: 'pc-hefei',
    kind: 'protection_center',
    nameZh: '合肥市知识产权保护中心',
    nameEn: 'Hefei IP Protection Center',
    city: '340100',
    industries: [
      ind(
        '新一代信息技术',
        'new-generation information technology',
        ['G06F', 'G06N', 'H04L', 'H04W'],
        ['14'],
        true,
      ),
      ind('新能源汽车', 'new energy vehicles', ['B60L', 'H01M', 'B60K'], ['12'], true),
    ],
    services: ALL,
  },
  // The seven below are the demo's: plausible, not published.
  {
    id: 'pc-shanxi',
    kind: 'protection_center',
    nameZh: '中国（山西）知识产权保护中心',
    nameEn: 'China (Shanxi) IP Protection Center',
    city: '140100',
    area: '14',
    industries: [
      ind('煤机装备', 'coal mining equipment', ['E21C', 'E21D', 'E21F', 'B65G'], ['15']),
      ind('特种金属材料', 'special metal materials', ['C22C', 'C21D', 'B21B'], []),
    ],
    services: ALL,
    demo: true,
  },
  {
    id: 'pc-henan',
    kind: 'protection_center',
    nameZh: '中国（河南）知识产权保护中心',
    nameEn: 'China (Henan) IP Protection Center',
    city: '410100',
    area: '41',
    industries: [
      ind('新能源汽车', 'new energy vehicles', ['B60L', 'H01M', 'B60K', 'B62D'], ['12']),
      ind('电子信息', 'electronic information', ['G06F', 'H01L', 'H04L'], ['14']),
    ],
    services: ALL,
    demo: true,
  },
  {
    id: 'pc-xinxiang',
    kind: 'protection_center',
    nameZh: '中国（新乡）知识产权保护中心',
    nameEn: 'China (Xinxiang) IP Protection Center',
    city: '410700',
    industries: [
      ind('电池', 'batteries', ['H01M', 'H02J'], ['13']),
      ind('生物医药', 'biomedicine', ['A61K', 'A61P', 'C12N'], ['24']),
    ],
    services: ALL,
    demo: true,
  },
  {
    id: 'pc-anhui',
    kind: 'protection_center',
    nameZh: '中国（安徽）知识产权保护中心',
    nameEn: 'China (Anhui) IP Protection Center',
    city: '340100',
    area: '34',
    industries: [
      ind('人工智能', 'artificial intelligence', ['G06N', 'G06F', 'G06T', 'G10L'], ['14']),
      ind('节能环保', 'energy saving and environmental protection', ['B01D', 'C02F', 'F23G'], ['23']),
    ],
    services: ALL,
    demo: true,
  },
  {
    id: 'pc-hubei',
    kind: 'protection_center',
    nameZh: '中国（湖北）知识产权保护中心',
    nameEn: 'China (Hubei) IP Protection Center',
    city: '420100',
    area: '42',
    industries: [
      ind('生物医药', 'biomedicine', ['A61K', 'A61P', 'C07D', 'C12N'], ['24']),
      ind('高端装备', 'high-end equipment', ['B23K', 'G01N', 'B25J'], ['10', '15']),
    ],
    services: ALL,
    demo: true,
  },
  {
    id: 'pc-hunan',
    kind: 'protection_center',
    nameZh: '中国（湖南）知识产权保护中心',
    nameEn: 'China (Hunan) IP Protection Center',
    city: '430100',
    area: '43',
    industries: [
      ind('工程机械', 'construction machinery', ['B66C', 'E02F', 'B28C', 'E01C'], ['15', '12']),
      ind('先进轨道交通装备', 'rail transit equipment', ['B61D', 'B61F', 'B60L'], ['12']),
    ],
    services: ALL,
    demo: true,
  },
  {
    id: 'pc-nanchang',
    kind: 'protection_center',
    nameZh: '中国（南昌）知识产权保护中心',
    nameEn: 'China (Nanchang) IP Protection Center',
    city: '360100',
    industries: [
      ind('电子信息（LED）', 'electronic information (LED)', ['H01L', 'H05B', 'F21V', 'G09F'], ['26', '14']),
      ind('航空制造', 'aviation manufacturing', ['B64C', 'B64D', 'B64F'], ['12']),
    ],
    services: ALL,
    demo: true,
  },
];

const RAPID_CENTERS: CenterInput[] = [
  {
    id: 'rc-jingdezhen-ceramics',
    kind: 'rapid_protection_center',
    nameZh: '中国景德镇（陶瓷）知识产权快速维权中心',
    nameEn: 'China Jingdezhen (Ceramics) IP Rapid Protection Center',
    city: '360200',
    industries: [ind('陶瓷', 'ceramics (design patents)', ['C04B', 'B28B'], ['07', '11', '23'])],
    services: RAPID,
  },
  {
    id: 'rc-wuhan-auto',
    kind: 'rapid_protection_center',
    nameZh: '中国武汉（汽车及零部件）知识产权快速维权中心',
    nameEn: 'China Wuhan (Automobiles and Parts) IP Rapid Protection Center',
    city: '420100',
    industries: [ind('汽车及零部件', 'automobiles and parts', ['B60R', 'B62D', 'F16D', 'B60K'], ['12'])],
    services: RAPID,
  },
  {
    id: 'rc-zhengzhou-creative',
    kind: 'rapid_protection_center',
    nameZh: '郑州（创意产业）知识产权快速维权中心',
    nameEn: 'Zhengzhou (Creative Industries) IP Rapid Protection Center',
    city: '410100',
    industries: [ind('创意产业', 'creative industries', ['A63H', 'B44C', 'G06T'], ['11', '19', '21', '32'])],
    services: RAPID,
  },
  {
    id: 'rc-liuyang-fireworks',
    kind: 'rapid_protection_center',
    nameZh: '中国浏阳（花炮）知识产权快速维权中心',
    nameEn: 'China Liuyang (Fireworks) IP Rapid Protection Center',
    city: '430100',
    industries: [ind('花炮', 'fireworks', ['F42B', 'C06B', 'F42C'], ['22', '09'])],
    services: RAPID,
    demo: true,
  },
  {
    id: 'rc-xuancheng-stationery',
    kind: 'rapid_protection_center',
    nameZh: '中国宣城（文房四宝）知识产权快速维权中心',
    nameEn: 'China Xuancheng (Writing Brushes, Ink, Paper and Inkstones) IP Rapid Protection Center',
    city: '341800',
    industries: [
      ind('文房四宝', 'writing brushes, ink, paper and inkstones', ['B43K', 'D21H', 'B43L'], ['19']),
    ],
    services: RAPID,
    demo: true,
  },
];

/** The 18 centers of the demo region, ready for `createCenters`. */
export function demoCenters(): CenterInput[] {
  return [...PROTECTION, ...RAPID_CENTERS].map((c) => structuredClone(c));
}
