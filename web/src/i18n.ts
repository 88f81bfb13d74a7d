/** Every label on screen, in Simplified Chinese (default) and English, with number and date formats. */
export type Lang = 'zh' | 'en';

const zh = {
  appName: 'ipregion 区域知识产权',
  navDashboard: '统计概览',
  navSearch: '权利检索',
  navReport: '区域报告',
  switchTo: 'English',
  region: '地区',
  date: '统计日期',
  centralRegion: '中部地区',
  loading: '加载中…',
  empty: '暂无数据',
  errorTitle: '出错了',
  notFound: '页面不存在',
  backHome: '返回统计概览',
  kpiInvention: '有效发明专利',
  kpiPer10k: '每万人口发明专利拥有量',
  kpiTrademark: '有效注册商标',
  kpiUtilityModel: '有效实用新型专利',
  kpiDesign: '有效外观设计专利',
  yoy: '同比',
  noYoy: '无上年数据',
  clickToDrill: '点击查看明细',
  mapTitle: '地区分布',
  metric: '指标',
  metricInventions: '有效发明专利',
  metricPer10k: '每万人口发明专利',
  metricTrademarks: '有效注册商标',
  metricYoy: '有效发明专利同比',
  trendTitle: '历年趋势（年末有效量）',
  byKind: '按类型',
  byHolderType: '按权利人类型（有效发明专利）',
  byIndustry: '按产业（有效发明专利）',
  pilotTitle: '知识产权保护示范区城市',
  drillTitle: '明细',
  shown: '已显示',
  of: '共',
  items: '件',
  loadMore: '加载更多',
  exportCsv: '导出 CSV',
  colNumber: '号码',
  colTitle: '名称',
  colHolder: '权利人',
  colHolderType: '权利人类型',
  colRegion: '地区',
  colKind: '类型',
  colFiling: '申请日',
  colGrant: '授权/注册日',
  searchTitle: '权利检索',
  fNumber: '申请号/公开号/授权号',
  fTitle: '名称关键词',
  fHolder: '权利人',
  fIpc: 'IPC 分类号（或前缀）',
  fRegion: '地区代码',
  fKind: '类型',
  fInForceOn: '在该日有效',
  anyKind: '全部类型',
  search: '检索',
  reset: '重置',
  noResults: '没有符合条件的权利',
  rightTitle: '权利详情',
  badRightId: '不是有效的权利编号',
  applicationNumber: '申请号',
  publicationNumber: '公开（公告）号',
  grantNumber: '授权公告号/注册号',
  filingDate: '申请日',
  publicationDate: '公开日',
  grantDate: '授权/注册日',
  termEnd: '期限届满日',
  office: '受理局',
  abstract: '摘要',
  classifications: '分类',
  ipc: 'IPC 国际专利分类',
  locarno: '洛迦诺分类',
  nice: '尼斯分类',
  holders: '权利人',
  holderRegion: '所在地区',
  country: '国家/地区',
  timeline: '法律状态时间线',
  effective: '生效日',
  recorded: '登记日',
  code: '代码',
  newHolders: '新权利人',
  validity: '有效期间',
  status: '状态',
  inForce: '有效',
  notInForce: '无效',
  until: '至今',
  noIntervals: '从未有效',
  reportTitle: '区域知识产权统计报告',
  asOf: '截至',
  knownOn: '以该日登记为准',
  dataVersion: '数据版本',
  generatedAt: '生成时间',
  population: '常住人口',
  per10k: '每万人口',
  openHtml: 'HTML 版',
  openMarkdown: 'Markdown 版',
  print: '打印',
  province: '省份',
  city: '城市',
  share: '占比',
  industry: '产业',
  value: '数量',
};

export type Dict = Record<keyof typeof zh, string>;

const en: Dict = {
  appName: 'ipregion regional IP',
  navDashboard: 'Dashboard',
  navSearch: 'Registry search',
  navReport: 'Regional report',
  switchTo: '中文',
  region: 'Region',
  date: 'As of',
  centralRegion: 'Central region',
  loading: 'Loading…',
  empty: 'No data',
  errorTitle: 'Something went wrong',
  notFound: 'Page not found',
  backHome: 'Back to the dashboard',
  kpiInvention: 'Valid invention patents',
  kpiPer10k: 'Invention patents per 10,000 population',
  kpiTrademark: 'Valid registered trademarks',
  kpiUtilityModel: 'Valid utility models',
  kpiDesign: 'Valid design patents',
  yoy: 'YoY',
  noYoy: 'no figure a year earlier',
  clickToDrill: 'Click to see the rights',
  mapTitle: 'By area',
  metric: 'Metric',
  metricInventions: 'Valid invention patents',
  metricPer10k: 'Inventions per 10,000 population',
  metricTrademarks: 'Valid registered trademarks',
  metricYoy: 'Valid inventions, YoY',
  trendTitle: 'Trend (valid at year-end)',
  byKind: 'By kind',
  byHolderType: 'By holder type (valid invention patents)',
  byIndustry: 'By industry (valid invention patents)',
  pilotTitle: 'IP protection pilot-zone cities',
  drillTitle: 'Rights behind the figure',
  shown: 'Showing',
  of: 'of',
  items: 'rights',
  loadMore: 'Load more',
  exportCsv: 'Export CSV',
  colNumber: 'Number',
  colTitle: 'Title',
  colHolder: 'Holder',
  colHolderType: 'Holder type',
  colRegion: 'Region',
  colKind: 'Kind',
  colFiling: 'Filed',
  colGrant: 'Granted / registered',
  searchTitle: 'Registry search',
  fNumber: 'Application, publication or grant number',
  fTitle: 'Title words',
  fHolder: 'Holder',
  fIpc: 'IPC code or prefix',
  fRegion: 'Region code',
  fKind: 'Kind',
  fInForceOn: 'In force on',
  anyKind: 'All kinds',
  search: 'Search',
  reset: 'Reset',
  noResults: 'No rights match',
  rightTitle: 'Right',
  badRightId: 'is not the id of a right',
  applicationNumber: 'Application number',
  publicationNumber: 'Publication number',
  grantNumber: 'Grant / registration number',
  filingDate: 'Filing date',
  publicationDate: 'Publication date',
  grantDate: 'Grant / registration date',
  termEnd: 'End of term',
  office: 'Office',
  abstract: 'Abstract',
  classifications: 'Classifications',
  ipc: 'IPC',
  locarno: 'Locarno',
  nice: 'Nice classes',
  holders: 'Holders',
  holderRegion: 'Region',
  country: 'Country',
  timeline: 'Legal-status timeline',
  effective: 'Effective',
  recorded: 'Recorded',
  code: 'Code',
  newHolders: 'New holders',
  validity: 'Validity',
  status: 'Status',
  inForce: 'In force',
  notInForce: 'Not in force',
  until: 'now',
  noIntervals: 'Never in force',
  reportTitle: 'Regional IP statistics report',
  asOf: 'As of',
  knownOn: 'as recorded by',
  dataVersion: 'Data version',
  generatedAt: 'Generated',
  population: 'Resident population',
  per10k: 'Per 10,000',
  openHtml: 'HTML',
  openMarkdown: 'Markdown',
  print: 'Print',
  province: 'Province',
  city: 'City',
  share: 'Share',
  industry: 'Industry',
  value: 'Count',
};

export const DICTS: Record<Lang, Dict> = { zh, en };

type Labels = Record<Lang, Record<string, string>>;

/** Right kinds, holder types and event types (GLOSSARY.md). */
export const KIND_LABELS = {
  zh: { invention: '发明专利', utility_model: '实用新型专利', design: '外观设计专利', trademark: '注册商标' },
  en: {
    invention: 'invention patent',
    utility_model: 'utility model',
    design: 'design patent',
    trademark: 'registered trademark',
  },
} satisfies Labels;

export const HOLDER_TYPE_LABELS = {
  zh: {
    enterprise: '企业',
    university: '大专院校',
    institute: '科研单位',
    organisation: '机关团体',
    individual: '个人',
    unknown: '未知',
  },
  en: {
    enterprise: 'enterprise',
    university: 'university / college',
    institute: 'research institute',
    organisation: 'government body / organisation',
    individual: 'individual',
    unknown: 'unknown',
  },
} satisfies Labels;

export const EVENT_LABELS = {
  zh: {
    filing: '申请',
    publication: '公开',
    examination: '实质审查',
    grant: '授权',
    fee_payment: '缴纳年费',
    lapse: '未缴年费专利权终止',
    expiry: '专利权期限届满',
    invalidation: '宣告无效',
    partial_invalidation: '部分无效',
    surrender: '放弃',
    withdrawal: '撤回',
    refusal: '驳回',
    cessation: '终止',
    restoration: '权利恢复',
    renewal: '续展',
    transfer: '权利转移',
    holder_change: '权利人变更',
    licence: '实施许可合同备案',
    licence_end: '许可合同解除',
    pledge: '质押登记',
    pledge_release: '质押解除',
    term_extension: '期限补偿',
    correction: '更正',
    other: '其他',
  },
  en: {
    filing: 'filing',
    publication: 'publication',
    examination: 'examination',
    grant: 'grant',
    fee_payment: 'fee payment',
    lapse: 'lapse for non-payment',
    expiry: 'expiry of term',
    invalidation: 'declaration of invalidity',
    partial_invalidation: 'partial invalidation',
    surrender: 'surrender',
    withdrawal: 'withdrawal',
    refusal: 'refusal',
    cessation: 'cessation',
    restoration: 'restoration of right',
    renewal: 'renewal',
    transfer: 'transfer of right',
    holder_change: 'change of holder',
    licence: 'licence recorded',
    licence_end: 'licence ended',
    pledge: 'pledge recorded',
    pledge_release: 'pledge released',
    term_extension: 'term extension',
    correction: 'correction',
    other: 'other',
  },
} satisfies Labels;

/** A region's (or any) name in the language, falling back to Chinese. */
export function nameIn(
  lang: Lang,
  name: { zh: string; en: string | null } | null | undefined,
): string | null {
  if (!name) return null;
  return lang === 'en' ? (name.en ?? name.zh) : name.zh;
}

/** A label from one of the tables above, or the code itself when the table does not know it. */
export function labelOf(table: Labels, lang: Lang, code: string | null | undefined): string {
  if (!code) return '';
  return table[lang][code] ?? code;
}

const locales: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };

export function formatNumber(lang: Lang, n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits }).format(n);
}

/** A change as a signed percentage: +12.3%. */
export function formatChange(lang: Lang, ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '–';
  const pct = new Intl.NumberFormat(locales[lang], {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(ratio * 100);
  return `${ratio > 0 ? '+' : ''}${pct}%`;
}

export function formatDate(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-');
  if (!y || !m || !d) return iso;
  return lang === 'zh' ? `${y}年${Number(m)}月${Number(d)}日` : iso.slice(0, 10);
}

export function formatDateTime(lang: Lang, iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(locales[lang]);
}
