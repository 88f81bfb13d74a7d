import { readFileSync } from 'node:fs';
import type { EventType, St27Category } from '../core/index.js';
import { ST27_CATEGORIES } from '../core/index.js';

/**
 * Legal-event codes of the offices, from EPO's INPADOC code table (week 2024/17), each mapped to its
 * WIPO ST.27 category and to ipregion's finer event type (which decides validity).
 * Source: `data/legal-event-codes-epo-2024w17.tsv`, copied from EPO's published table.
 */
export interface EventCodeInfo {
  office: string;
  code: string;
  category: St27Category | null;
  influence: '+' | '-' | null;
  description: string;
  type: EventType;
}

const TABLE_FILE = new URL('./data/legal-event-codes-epo-2024w17.tsv', import.meta.url);

/** CNIPA's codes whose meaning matters to validity, read off the table's descriptions. */
const CN_TYPES: Record<string, EventType> = {
  GR01: 'grant',
  GR03: 'grant',
  GRSP: 'grant',
  C14: 'grant',
  FG1K: 'grant',
  FG4A: 'grant',
  CF01: 'lapse',
  C19: 'lapse',
  MM1K: 'lapse',
  MM4A: 'lapse',
  CX01: 'expiry',
  MK1K: 'expiry',
  MK4A: 'expiry',
  IW01: 'invalidation',
  RW01: 'invalidation',
  C28: 'invalidation',
  IP01: 'partial_invalidation',
  RP01: 'partial_invalidation',
  C26: 'partial_invalidation',
  C32: 'partial_invalidation',
  C35: 'partial_invalidation',
  AV01: 'surrender',
  AR01: 'surrender',
  AD01: 'surrender',
  C20: 'surrender',
  C25: 'surrender',
  RGAV: 'surrender',
  MA1K: 'surrender',
  AV02: 'other',
  RR01: 'restoration',
  RA01: 'restoration',
  C49: 'restoration',
  TR01: 'transfer',
  TA01: 'transfer',
  C41: 'transfer',
  ASS: 'transfer',
  C44: 'transfer',
  C45: 'transfer',
  C47: 'transfer',
  CP01: 'holder_change',
  CP02: 'holder_change',
  CP03: 'holder_change',
  CB02: 'holder_change',
  C56: 'holder_change',
  EE01: 'licence',
  LIC: 'licence',
  EC01: 'licence_end',
  PE01: 'pledge',
  PC01: 'pledge_release',
  TG01: 'term_extension',
  TP01: 'term_extension',
  PB01: 'publication',
  C06: 'publication',
  SE01: 'examination',
  C10: 'examination',
};

/** Description keywords for the other offices' codes, tried in order within a category. */
const RULES: Array<{ category: St27Category | '*'; pattern: RegExp; type: EventType }> = [
  // A lapse "in a contracting state" or "in a designated state" is national, not the whole right.
  {
    category: '*',
    pattern: /\b(IN|FOR) (A|ONE OR MORE|THE) (CONTRACTING|DESIGNATED|MEMBER) STATE/,
    type: 'other',
  },
  { category: 'H', pattern: /NON[- ]?PAYMENT|UNPAYMENT|FAILURE TO PAY|FEE NOT PAID|NOT PAID/, type: 'lapse' },
  { category: 'H', pattern: /EXPIR|TERM|END OF (PROTECTION|LIFE)/, type: 'expiry' },
  { category: 'H', pattern: /PARTIAL/, type: 'partial_invalidation' },
  { category: 'H', pattern: /INVALID|NULLI|REVOK|REVOC|DECLARED VOID/, type: 'invalidation' },
  { category: 'H', pattern: /SURRENDER|RENOUNC|RENUNCIAT|ABANDON|WITHDRAWN|DISCLAIM/, type: 'surrender' },
  { category: 'H', pattern: /./, type: 'cessation' },
  { category: 'K', pattern: /./, type: 'restoration' },
  { category: 'C', pattern: /./, type: 'restoration' },
  { category: 'F', pattern: /./, type: 'grant' },
  { category: 'B', pattern: /REFUS|REJECT/, type: 'refusal' },
  { category: 'B', pattern: /./, type: 'withdrawal' },
  { category: 'G', pattern: /./, type: 'term_extension' },
  { category: 'R', pattern: /TRANSFER|ASSIGN|SUCCESSION|CHANGE OF (OWNER|PROPRIETOR)/, type: 'transfer' },
  { category: 'R', pattern: /OWNER|PROPRIETOR|APPLICANT|PATENTEE|HOLDER/, type: 'holder_change' },
  { category: 'S', pattern: /PLEDGE|SECURITY|MORTGAGE|IN REM/, type: 'pledge' },
  { category: 'S', pattern: /CANCEL.*LICEN|LICEN.*CANCEL/, type: 'licence_end' },
  { category: 'S', pattern: /LICEN/, type: 'licence' },
  { category: 'U', pattern: /RENEW/, type: 'renewal' },
  { category: 'U', pattern: /./, type: 'fee_payment' },
  { category: 'M', pattern: /RENEW/, type: 'renewal' },
  { category: 'M', pattern: /FEE|PAYMENT|PAID/, type: 'fee_payment' },
  { category: 'M', pattern: /PARTIAL|AMENDED|LIMITED/, type: 'partial_invalidation' },
  { category: 'A', pattern: /./, type: 'filing' },
  { category: 'Q', pattern: /./, type: 'publication' },
  { category: 'P', pattern: /./, type: 'correction' },
  { category: 'Y', pattern: /./, type: 'correction' },
  { category: 'D', pattern: /./, type: 'examination' },
];

/** ipregion's event type for an office code, from its category and description. */
export function eventTypeFor(
  office: string,
  code: string,
  category: St27Category | null,
  description: string,
): EventType {
  if (office === 'CN') {
    const cn = CN_TYPES[code];
    if (cn) return cn;
  }
  const text = description.toUpperCase();
  for (const rule of RULES) {
    if (rule.category !== '*' && rule.category !== category) continue;
    if (rule.pattern.test(text)) return rule.type;
  }
  return 'other';
}

function isCategory(s: string): s is St27Category {
  return Object.hasOwn(ST27_CATEGORIES, s);
}

let table: Map<string, EventCodeInfo> | null = null;

function load(): Map<string, EventCodeInfo> {
  const out = new Map<string, EventCodeInfo>();
  const lines = readFileSync(TABLE_FILE, 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const cols = line.split('\t');
    const office = (cols[0] ?? '').trim();
    const code = (cols[1] ?? '').trim();
    const influence = (cols[3] ?? '').trim();
    const description = (cols[4] ?? '').trim().replace(/^"|"$/g, '').replace(/""/g, '"');
    const letter = (cols[8] ?? '').trim();
    const category = isCategory(letter) ? letter : null;
    out.set(`${office}\t${code}`, {
      office,
      code,
      category,
      influence: influence === '+' || influence === '-' ? influence : null,
      description,
      type: eventTypeFor(office, code, category, description),
    });
  }
  return out;
}

/** The table entry for an office's code, or null when the table does not know the code. */
export function lookupEventCode(office: string, code: string): EventCodeInfo | null {
  table ??= load();
  return table.get(`${office.trim().toUpperCase()}\t${code.trim()}`) ?? null;
}

/** Every code of the table (for reference endpoints and tests). */
export function allEventCodes(): EventCodeInfo[] {
  table ??= load();
  return [...table.values()];
}

/**
 * The CNIPA Trademark Office publishes no INPADOC codes: ipregion names the trademark gazette's
 * announcements with codes of its own (office `CN`, prefix `TM`) so that they read like the rest.
 */
const CN_TRADEMARK_CODES: ReadonlyArray<Omit<EventCodeInfo, 'office'>> = [
  {
    code: 'TMAP',
    category: 'A',
    influence: null,
    description: 'APPLICATION FILED (商标注册申请)',
    type: 'filing',
  },
  {
    code: 'TMPP',
    category: 'Q',
    influence: null,
    description: 'PRELIMINARY APPROVAL PUBLISHED (初步审定公告)',
    type: 'publication',
  },
  { code: 'TMRG', category: 'F', influence: '+', description: 'REGISTRATION (注册公告)', type: 'grant' },
  {
    code: 'TMRN',
    category: 'M',
    influence: '+',
    description: 'RENEWAL OF REGISTRATION (续展注册)',
    type: 'renewal',
  },
  {
    code: 'TMTR',
    category: 'R',
    influence: null,
    description: 'TRANSFER OF REGISTRATION (转让)',
    type: 'transfer',
  },
  {
    code: 'TMNC',
    category: 'R',
    influence: null,
    description: 'CHANGE OF NAME OR ADDRESS OF REGISTRANT (变更)',
    type: 'holder_change',
  },
  {
    code: 'TMLC',
    category: 'S',
    influence: null,
    description: 'LICENCE RECORDED (许可备案)',
    type: 'licence',
  },
  { code: 'TMPL', category: 'S', influence: null, description: 'PLEDGE RECORDED (质权登记)', type: 'pledge' },
  {
    code: 'TMCN',
    category: 'H',
    influence: '-',
    description: 'REGISTRATION CANCELLED ON REQUEST (注销)',
    type: 'surrender',
  },
  {
    code: 'TMRV',
    category: 'H',
    influence: '-',
    description: 'REGISTRATION REVOKED (撤销)',
    type: 'cessation',
  },
  {
    code: 'TMEX',
    category: 'H',
    influence: '-',
    description: 'REGISTRATION EXPIRED WITHOUT RENEWAL (期满未续展注销)',
    type: 'expiry',
  },
  {
    code: 'TMIV',
    category: 'H',
    influence: '-',
    description: 'REGISTRATION DECLARED INVALID (宣告无效)',
    type: 'invalidation',
  },
];

/** ipregion's code for a Chinese trademark gazette announcement (`TMRG`, `TMRN` …), or null. */
export function lookupTrademarkEventCode(code: string): EventCodeInfo | null {
  const entry = CN_TRADEMARK_CODES.find((c) => c.code === code.trim());
  return entry ? { office: 'CN', ...entry } : null;
}

/** The trademark codes, for the reference endpoints and the demo generator. */
export function trademarkEventCodes(): EventCodeInfo[] {
  return CN_TRADEMARK_CODES.map((c) => ({ office: 'CN', ...c }));
}
