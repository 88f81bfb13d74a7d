import type { Holder, IsoDate, LegalEvent, RightKind } from '../../../core/index.js';
import { text, type XmlNode } from './xml-tree.js';

/**
 * An IPC symbol in ipregion's form, `H01M 10/0525`: subclass, one space, main group without leading
 * zeros, `/`, subgroup (at least two digits). Accepts the offices' spellings: DOCDB's padded
 * `E21B  47/  0228            A I`, the old `B28B5/02`, USPTO's parts joined. Null when not IPC.
 */
export function normalizeIpc(raw: string): string | null {
  const m = /^\s*([A-H])\s*(\d)\s*(\d)\s*([A-Z])\s*(\d{1,4})\s*\/\s*(\d{1,6})/.exec(raw.toUpperCase());
  if (!m) return null;
  const main = String(Number(m[5]));
  const sub = m[6]!.padStart(2, '0');
  return `${m[1]}${m[2]}${m[3]}${m[4]} ${main}/${sub}`;
}

/** Distinct values in first-seen order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/**
 * The kind of right a publication belongs to, from its kind code. Across the offices ipregion reads,
 * S is a design, U and Y are utility models (CN, DE, JP, KR …), and A, B, C, E, P (US plant), T
 * (translations) are inventions. Null for a kind code the table does not know.
 */
export function kindOfRight(office: string, kindCode: string): RightKind | null {
  const letter = kindCode.trim().toUpperCase().charAt(0);
  if (letter === 'S') return 'design';
  if (letter === 'U' || letter === 'Y') return office === 'US' ? null : 'utility_model';
  if ('ABCEPT'.includes(letter) && letter !== '') return 'invention';
  return null;
}

/**
 * Whether a publication is the grant (or registration) of the right, so that its date is the grant
 * date. EP B2/B3 are re-publications after opposition or limitation, not grants; WO never grants;
 * a JP U is an unexamined utility model application, while CN and DE publish utility models (U) at
 * registration. Elsewhere B, C (CN before 2010), Y and S mark the registered right.
 */
export function isGrantPublication(office: string, kindCode: string): boolean {
  const kind = kindCode.trim().toUpperCase();
  if (office === 'WO') return false;
  if (office === 'EP') return kind === 'B1';
  if (office === 'US') return /^(B1|B2|E|P2|P3|S)$/.test(kind);
  const letter = kind.charAt(0);
  if (letter === 'U') return office === 'CN' || office === 'DE';
  return 'BCYS'.includes(letter) && letter !== '';
}

const ST3 = /^[A-Z]{2}$/;

/** A two-letter ST.3 code, or null. */
export function countryCode(value: string | null | undefined): string | null {
  const c = (value ?? '').trim().toUpperCase();
  return ST3.test(c) ? c : null;
}

/**
 * A holder as the record gives it. Type and region are the loader's work (it classifies names and
 * geocodes addresses), so a reader leaves them unknown unless the record states them.
 */
export function holder(name: string, country: string | null, address: string | null): Holder {
  return {
    name,
    type: 'unknown',
    country,
    regionCode: null,
    regionConfidence: 0,
    regionSource: 'unknown',
    address: address && address.length > 0 ? address : null,
  };
}

/** `BOER BEHEER NIJMEGEN BV DE [NL]` → the name and `NL` (EPODOC/DOCDB append the country so). */
export function splitCountrySuffix(raw: string): { name: string; country: string | null } {
  const m = /^(.*?)\s*\[([A-Z]{2})\]\s*$/.exec(raw);
  return m ? { name: m[1]!.trim(), country: m[2]! } : { name: raw.trim(), country: null };
}

/** The language an office publishes in, to prefer the original title over a translation. */
const OFFICE_LANGUAGE: Record<string, string> = {
  CN: 'zh',
  TW: 'zh',
  HK: 'zh',
  JP: 'ja',
  KR: 'ko',
  DE: 'de',
  AT: 'de',
  FR: 'fr',
  ES: 'es',
  RU: 'ru',
  US: 'en',
  GB: 'en',
};

/** The text of the element in the office's own language, else English, else the first one. */
export function inOfficeLanguage(nodes: XmlNode[], office: string): string | null {
  const own = OFFICE_LANGUAGE[office];
  const lang = (n: XmlNode) => (n.attrs.lang ?? '').toLowerCase();
  const chosen =
    nodes.find((n) => own !== undefined && lang(n) === own) ??
    nodes.find((n) => lang(n) === 'en') ??
    nodes[0];
  const t = chosen ? text(chosen) : '';
  return t === '' ? null : t;
}

/** An event ipregion generates from the record itself (a publication, a grant): it has no office code. */
export function recordEvent(
  type: 'publication' | 'grant',
  office: string,
  date: IsoDate,
  description: string,
): LegalEvent {
  return {
    type,
    category: type === 'grant' ? 'F' : 'Q',
    code: null,
    office,
    effectiveDate: date,
    recordedDate: date,
    description,
  };
}
