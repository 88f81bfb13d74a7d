import type { HolderType } from '../core/index.js';

/* The word lists below are space-separated so that a table stays a few lines long. */
function words(list: string): Set<string> {
  return new Set(list.split(' '));
}

function tagged(type: HolderType, list: string): Array<readonly [string, HolderType]> {
  return [...words(list)].map((w) => [w, type] as const);
}

/**
 * CNIPA's holder categories read off a holder's name (GLOSSARY: 企业, 大专院校, 科研单位, 机关团体, 个人).
 *
 * A Chinese organisation's name ends with the word that says what it is (合肥工业大学, 国轩高科股份
 * 有限公司, 中国电子科技集团公司第三十八研究所), so the organisational word that ends *last* decides,
 * the longest one when several end at the same place (研究中心 over 中心, 科学院 over 学院). That is why
 * 大学科技园有限公司 and 研究院有限公司 are enterprises.
 *
 * Decisions:
 * - hospitals (医院, 卫生院, Hospital) are organisations: public hospitals are 事业单位 like other
 *   public bodies, neither universities nor research institutes, even when attached to a
 *   university (…大学附属第一医院 files in its own name); a hospital company (…医院有限公司) is an
 *   enterprise by the rule above;
 * - a unit inside a limited company (…有限公司…研究院, …有限公司技术中心) is the company's, an enterprise;
 *   the numbered institutes of state groups (…集团公司第三十八研究所) stay institutes;
 * - schools below higher education (中学, 技工学校) and Party schools are organisations.
 */
const ZH_WORDS: ReadonlyArray<readonly [string, HolderType]> = [
  ...tagged(
    'enterprise',
    '公司 有限 集团 控股 厂 合作社 企业 商行 工作室 经营部 门市部 事务所 株式会社 会社 银行',
  ),
  ...tagged('enterprise', '农场 养殖场 商店 超市 店 有限合伙 宾馆 饭馆 餐厅'),
  ...tagged('university', '大学 学院 专科学校'),
  ...tagged('institute', '研究院 研究所 研究中心 研究室 科学院 实验室 设计院 研究总院'),
  ...tagged('organisation', '局 委员会 管委会 政府 协会 学会 研究会 联合会 商会 基金会 中心 工会'),
  ...tagged('organisation', '医院 卫生院 站 部队 法院 检察院 办公室 厅 馆 处 署 大队 总队 支队 林场'),
  ...tagged('organisation', '学校 中学 小学 幼儿园 党校'),
];

/** A limited company earlier in the name makes a unit after it (研究院, 技术中心, 办事处) the company's. */
const LIMITED_COMPANY = /有限(责任)?公司|股份公司/;

const HAN = /\p{Script=Han}/u;
const HAN_PERSON = /^\p{Script=Han}{2,4}$/u;
/** Names of Uyghur, Tibetan and other citizens are written with a middle dot: 买买提·艾力. */
const HAN_DOTTED_PERSON = /^\p{Script=Han}{1,8}(?:[·•・]\p{Script=Han}{1,8}){1,3}$/u;

function classifyChinese(name: string): HolderType {
  let best: { end: number; length: number; type: HolderType; start: number } | null = null;
  for (const [word, type] of ZH_WORDS) {
    const start = name.lastIndexOf(word);
    if (start < 0) continue;
    const end = start + word.length;
    if (!best || end > best.end || (end === best.end && word.length > best.length)) {
      best = { end, length: word.length, type, start };
    }
  }
  if (best) {
    const unitOf = best.type === 'institute' || best.type === 'organisation';
    if (unitOf && LIMITED_COMPANY.test(name.slice(0, best.start))) return 'enterprise';
    return best.type;
  }
  if (HAN_PERSON.test(name) || HAN_DOTTED_PERSON.test(name)) return 'individual';
  return 'unknown';
}

/** Company forms that say "enterprise" wherever they stand. */
const ENTERPRISE_TOKENS = words(
  'LTD LIMITED INC INCORPORATED CORP CORPORATION COMPANY GMBH LLC LLP PLC KABUSHIKI KAISHA AKTIENGESELLSCHAFT ' +
    'SPA SRL SARL SAS PTY PTE LTDA OYJ BHD HOLDING HOLDINGS PUBL',
);
/** Swedish and Danish compounds: Telefonaktiebolaget, Aktieselskab. */
const ENTERPRISE_ENDINGS = /(AKTIEBOLAG|AKTIEBOLAGET|AKTIESELSKAB)$/;
/** Korean company forms, read before the name is decomposed. */
const KOREAN_COMPANY = /주식회사|\(주\)|유한회사/;
/** Short forms (AG, SA, Co …) that are words or initials elsewhere: trusted only at the end of the name. */
const ENTERPRISE_LAST = words('CO AG SA SE AB AS OY KG LP NV BV KK SL INT IND');
/** EPO DOCDB's abbreviated company words (SCIENT DRILLING INT, MITSUBISHI ELECTRIC CORP, … MFG). */
const DOCDB_ENTERPRISE = words('MFG IND INDS INT INTERNAT ELECT CHEM PHARM SYST TECHN ENG');
const UNIVERSITY_TOKENS = words('COLLEGE HOCHSCHULE POLYTECHNIC POLITECNICO POLYTECHNIQUE ECOLE');
const UNIVERSITY_PHRASE = /\bINST(ITUTE)? OF (SCIENCE AND )?TECH(NOLOGY)?\b/;
const INSTITUTE_TOKENS = words(
  'INSTITUTE INSTITUTES INSTITUT INST INSTITUTO ISTITUTO LABORATORY LABORATOIRE RECHERCHE INVESTIGACIONES ' +
    'FORSCHUNG FRAUNHOFER CNRS COMMISSARIAT',
);
const INSTITUTE_PHRASE =
  /\bACAD(EMY)? (OF )?(\w+ )?SCI(ENCES?)?\b|\bMAX PLANCK\b|\bRESEARCH (CENTER|CENTRE|COUNCIL)\b/;
const ORGANISATION_TOKENS = words(
  'MINISTRY MINISTER AGENCY DEPARTMENT DEPT GOVERNMENT GOVT COUNCIL ADMINISTRATION ASSOCIATION SOCIETY ' +
    'FOUNDATION FEDERATION COMMISSION AUTHORITY BUREAU OFFICE HOSPITAL NAVY ARMY SECRETARY REPUBLIC VEREIN ' +
    'STIFTUNG EV',
);
/** Words that make a two- or three-word name a business rather than a person ("Acme Systems"). */
const NOT_PERSON = words(
  'SYSTEM SYSTEMS TECHNOLOGY TECHNOLOGIES TECH INDUSTRIES INDUSTRY INDUSTRIAL PHARMA PHARMACEUTICAL ' +
    'PHARMACEUTICALS ELECTRONICS ELECTRIC MEDICAL ENERGY SOLUTIONS GROUP INTERNATIONAL GLOBAL LAB LABS ' +
    'DEVICES MOTOR MOTORS THERAPEUTICS BIOTECH NETWORKS SERVICES PRODUCTS TRUST BANK PARTNERS CAPITAL ' +
    'VENTURES FOODS CHEMICAL CHEMICALS AUTOMOTIVE CENTER CENTRE THE OF AND FOR DESIGN ENGINEERING ' +
    'MANUFACTURING SCIENCE SCIENCES SOFTWARE DIGITAL SEMICONDUCTOR MATERIALS INSTRUMENTS OPTICS POWER ' +
    'RESEARCH LABORATORIES SCHOOL NATIONAL',
);

function latinTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/\bA\/S\b/g, 'AS')
    .replace(/\./g, '')
    .split(/[^\p{L}\p{N}']+/u)
    .map((t) => t.replace(/^'+|'+$/g, ''))
    .filter((t) => t.length > 0);
}

function classifyLatin(name: string): HolderType {
  const tokens = latinTokens(name);
  if (tokens.length === 0) return 'unknown';
  const text = tokens.join(' ');
  const last = tokens[tokens.length - 1] ?? '';
  const company = tokens.some((t) => ENTERPRISE_TOKENS.has(t) || ENTERPRISE_ENDINGS.test(t));
  if (company || ENTERPRISE_LAST.has(last)) return 'enterprise';
  const docdbStyle = name === name.toUpperCase() && tokens.length >= 2;
  if (docdbStyle && tokens.some((t) => DOCDB_ENTERPRISE.has(t))) return 'enterprise';
  if (tokens.some((t) => t.startsWith('UNIV') || UNIVERSITY_TOKENS.has(t)) || UNIVERSITY_PHRASE.test(text)) {
    return 'university';
  }
  if (
    tokens.some((t) => INSTITUTE_TOKENS.has(t) || t.startsWith('FORSCHUNG')) ||
    INSTITUTE_PHRASE.test(text)
  ) {
    return 'institute';
  }
  if (tokens.some((t) => ORGANISATION_TOKENS.has(t)) || /\bSTATE OF\b|\bUNITED STATES\b/.test(text)) {
    return 'organisation';
  }
  return looksLikePerson(tokens) ? 'individual' : 'unknown';
}

/** "First Last", "LAST First", "Last, First", "John A. Smith", "van der Berg Jan": 2–5 Latin words. */
function looksLikePerson(tokens: string[]): boolean {
  if (tokens.length < 2 || tokens.length > 6) return false;
  if (!tokens.every((t) => /^\p{Script=Latin}[\p{Script=Latin}']*$/u.test(t) && !NOT_PERSON.has(t)))
    return false;
  return tokens.filter((t) => t.length >= 2).length >= 2;
}

/** Drops a trailing campus or partnership note: 合肥工业大学（宣城校区） → 合肥工业大学. */
function withoutTrailingNote(name: string): string {
  let s = name;
  for (;;) {
    const next = s.replace(/\s*\([^()]*\)\s*$/, '');
    if (next === s || next.length === 0) return s;
    s = next;
  }
}

/** The holder's CNIPA category from its name, Chinese or foreign; `unknown` when the name does not say. */
export function classifyHolderType(name: string): HolderType {
  const full = name.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (KOREAN_COMPANY.test(full)) return 'enterprise';
  const s = withoutTrailingNote(full);
  if (!s) return 'unknown';
  if (HAN.test(s)) {
    const zh = classifyChinese(s.replace(/\s/g, ''));
    if (zh !== 'unknown') return zh;
    // A bilingual name may say in its Latin part what the Chinese part does not.
    const latin = s.replace(/\p{Script=Han}+/gu, ' ').trim();
    return latin ? classifyLatin(latin) : 'unknown';
  }
  return classifyLatin(s);
}
