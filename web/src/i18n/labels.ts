import type { Lang } from './lang';

/** Code → label tables in both languages (GLOSSARY.md): kinds, holder types, events, cases. */
export type Labels = Record<Lang, Record<string, string>>;

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

/** Case types (GLOSSARY.md). */
export const CASE_TYPE_LABELS = {
  zh: {
    pre_examination: '专利快速预审',
    rights_protection: '快速维权',
    mediation: '纠纷调解',
    ecommerce_takedown: '电商平台侵权投诉',
    overseas_guidance: '海外纠纷应对指导',
    consultation: '咨询',
  },
  en: {
    pre_examination: 'fast-track pre-examination',
    rights_protection: 'rights protection',
    mediation: 'dispute mediation',
    ecommerce_takedown: 'e-commerce takedown request',
    overseas_guidance: 'overseas dispute guidance',
    consultation: 'consultation',
  },
} satisfies Labels;

/** The states of the six case types' state machines (src/cases/workflows.ts). */
export const CASE_STATE_LABELS = {
  zh: {
    submitted: '已提交',
    accepted: '已受理',
    rejected_at_intake: '不予受理',
    under_examination: '预审中',
    awaiting_applicant: '待申请人补正',
    passed: '预审合格',
    failed: '预审不合格',
    filed_with_cnipa: '已向国家知识产权局提交',
    granted: '已授权',
    investigating: '调查中',
    decided: '已作出处理决定',
    mediated: '已调解结案',
    scheduled: '已安排调解',
    mediating: '调解中',
    agreement: '达成调解协议',
    no_agreement: '未达成协议',
    reviewing: '审查中',
    rejected_at_review: '审查未通过',
    forwarded_to_platform: '已转平台处理',
    taken_down: '已下架',
    refused: '平台拒绝',
    advising: '指导中',
    guidance_given: '已出具指导意见',
    in_progress: '办理中',
    answered: '已答复',
    referred: '已转办',
    closed: '已结案',
    withdrawn: '已撤回',
  },
  en: {
    submitted: 'submitted',
    accepted: 'accepted',
    rejected_at_intake: 'rejected at intake',
    under_examination: 'under examination',
    awaiting_applicant: 'waiting for the applicant',
    passed: 'passed',
    failed: 'failed',
    filed_with_cnipa: 'filed with CNIPA',
    granted: 'granted',
    investigating: 'investigating',
    decided: 'decided',
    mediated: 'settled',
    scheduled: 'mediation scheduled',
    mediating: 'mediating',
    agreement: 'agreement reached',
    no_agreement: 'no agreement',
    reviewing: 'reviewing',
    rejected_at_review: 'rejected at review',
    forwarded_to_platform: 'forwarded to the platform',
    taken_down: 'taken down',
    refused: 'refused by the platform',
    advising: 'advising',
    guidance_given: 'guidance given',
    in_progress: 'in progress',
    answered: 'answered',
    referred: 'referred',
    closed: 'closed',
    withdrawn: 'withdrawn',
  },
} satisfies Labels;

/** The actions of the state machines, as buttons. */
export const CASE_ACTION_LABELS = {
  zh: {
    accept: '受理',
    reject: '不予受理',
    start_examination: '开始预审',
    request_supplement: '要求补正',
    reply: '提交补正',
    abandon: '视为放弃',
    pass: '预审合格',
    fail: '预审不合格',
    record_filing: '登记已向国家知识产权局提交',
    lapse: '逾期未提交',
    record_grant: '登记授权',
    record_refusal: '登记驳回/拒绝',
    withdraw: '撤回申请',
    start_investigation: '开始调查',
    decide: '作出处理决定',
    settle: '调解结案',
    dismiss: '驳回投诉',
    schedule: '安排调解',
    reschedule: '改期',
    begin: '开始调解',
    adjourn: '休会',
    record_agreement: '登记调解协议',
    record_no_agreement: '登记未达成协议',
    start_review: '开始审查',
    forward: '转平台处理',
    record_takedown: '登记已下架',
    give_guidance: '出具指导意见',
    take: '开始办理',
    answer: '答复',
    refer: '转办',
    submit: '提交申请',
    assign: '分配承办人',
    extend: '延长期限',
    edit: '修改',
  },
  en: {
    accept: 'accept',
    reject: 'reject',
    start_examination: 'start the examination',
    request_supplement: 'ask for a supplement',
    reply: 'reply with the supplement',
    abandon: 'close for want of a reply',
    pass: 'pass',
    fail: 'fail',
    record_filing: 'record the filing with CNIPA',
    lapse: 'close: not filed in time',
    record_grant: 'record the grant',
    record_refusal: 'record the refusal',
    withdraw: 'withdraw',
    start_investigation: 'start the investigation',
    decide: 'decide',
    settle: 'record a settlement',
    dismiss: 'dismiss',
    schedule: 'schedule mediation',
    reschedule: 'reschedule',
    begin: 'begin mediation',
    adjourn: 'adjourn',
    record_agreement: 'record the agreement',
    record_no_agreement: 'record no agreement',
    start_review: 'start the review',
    forward: 'forward to the platform',
    record_takedown: 'record the takedown',
    give_guidance: 'give guidance',
    take: 'take up',
    answer: 'answer',
    refer: 'refer',
    submit: 'filed',
    assign: 'assign an officer',
    extend: 'extend a deadline',
    edit: 'edit',
  },
} satisfies Labels;

/** Time limits, clocks, deadline states, who must act. */
export const LIMIT_LABELS = {
  zh: { intake: '受理审查', handling: '办理', filing: '向国家知识产权局提交申请' },
  en: { intake: 'intake', handling: 'handling', filing: 'filing with CNIPA' },
} satisfies Labels;

export const CLOCK_LABELS = {
  zh: { not_started: '未开始', running: '计时中', paused: '已暂停（等待申请人）', done: '已结束' },
  en: {
    not_started: 'not started',
    running: 'running',
    paused: 'paused (waiting for the applicant)',
    done: 'done',
  },
} satisfies Labels;

export const DEADLINE_STATUS_LABELS = {
  zh: { ok: '正常', due_soon: '即将到期', overdue: '已超期' },
  en: { ok: 'ok', due_soon: 'due soon', overdue: 'overdue' },
} satisfies Labels;

export const PARTY_LABELS = {
  zh: { center: '保护中心', applicant: '申请人' },
  en: { center: 'center', applicant: 'applicant' },
} satisfies Labels;

export const ROLE_LABELS = {
  zh: {
    admin: '系统管理员',
    analyst: '统计分析员',
    officer: '保护中心工作人员',
    enterprise: '企业用户',
    institution: '机构用户',
  },
  en: {
    admin: 'administrator',
    analyst: 'analyst',
    officer: 'center officer',
    enterprise: 'enterprise user',
    institution: 'institution user',
  },
} satisfies Labels;

export const REGISTRATION_STATUS_LABELS = {
  zh: { applied: '待审核', approved: '已通过', refused: '未通过', expired: '已过期' },
  en: { applied: 'applied', approved: 'approved', refused: 'refused', expired: 'expired' },
} satisfies Labels;

export const CENTER_KIND_LABELS = {
  zh: { protection_center: '国家级知识产权保护中心', rapid_protection_center: '知识产权快速维权中心' },
  en: {
    protection_center: 'national IP protection center',
    rapid_protection_center: 'IP rapid protection center',
  },
} satisfies Labels;

export const REPORT_PERIOD_LABELS = {
  zh: { total: '整个期间合计', month: '按月', quarter: '按季度', half: '按半年', year: '按年' },
  en: {
    total: 'whole span',
    month: 'by month',
    quarter: 'by quarter',
    half: 'by half-year',
    year: 'by year',
  },
} satisfies Labels;

/** What an in-app notification is about (src/cases/notify.ts): any change by the other party, a near deadline, a passed one. */
export const NOTIFICATION_KIND_LABELS = {
  zh: { state_changed: '案件动态', deadline_warning: '期限将至', overdue: '期限已过' },
  en: { state_changed: 'case update', deadline_warning: 'deadline near', overdue: 'deadline passed' },
} satisfies Labels;

/** What a case is about (rights protection): a right kind or patent counterfeiting. */
export const MATTER_LABELS = {
  zh: { ...KIND_LABELS.zh, counterfeit: '假冒专利' },
  en: { ...KIND_LABELS.en, counterfeit: 'patent counterfeiting' },
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
