/** Shared domain types of the registry: rights, holders and legal events (DESIGN.md, "The registry"). */

/** An ISO calendar date, `YYYY-MM-DD`. Dates are compared as strings. */
export type IsoDate = string;

export const RIGHT_KINDS = ['invention', 'utility_model', 'design', 'trademark'] as const;
export type RightKind = (typeof RIGHT_KINDS)[number];

/** CNIPA's holder categories, plus `unknown` when a reader cannot tell. */
export const HOLDER_TYPES = [
  'enterprise',
  'university',
  'institute',
  'individual',
  'organisation',
  'unknown',
] as const;
export type HolderType = (typeof HOLDER_TYPES)[number];

/** How a holder's region code was obtained. */
export type RegionSource = 'record' | 'address' | 'name' | 'unknown';

export interface Holder {
  name: string;
  type: HolderType;
  /** WIPO ST.3 two-letter country code, e.g. `CN`; null when unknown. */
  country: string | null;
  /** GB/T 2260 code (province `34`, city `340100`, district `340104`); null when unknown or foreign. */
  regionCode: string | null;
  /** Confidence in the region code, 0..1 (1 when the record gave it). */
  regionConfidence: number;
  regionSource: RegionSource;
  address: string | null;
}

/** WIPO ST.27 event categories as used in the EPO INPADOC code table (class letters). */
export const ST27_CATEGORIES = {
  A: 'application filing',
  B: 'application discontinuation',
  C: 'application revival',
  D: 'search and examination',
  E: 'pre-grant review request',
  F: 'IP right grant',
  G: 'protection beyond IP right term',
  H: 'IP right cessation',
  K: 'IP right revival',
  L: 'IP right review request',
  M: 'IP right maintenance',
  P: 're-publication of document after modification',
  Q: 'document publication',
  R: 'party data change',
  S: 'information on licensing and similar transactions',
  T: 'administrative procedure adjustment',
  U: 'payment',
  V: 'appeal',
  W: 'other',
  Y: 'correction and deletion of event information',
  Z: 'classification pending',
} as const;
export type St27Category = keyof typeof ST27_CATEGORIES;

/**
 * ipregion's event types: finer than ST.27 where validity depends on the difference
 * (a lapse, an expiry and an invalidation are all ST.27 "H", but only invalidation is retroactive).
 */
export const EVENT_TYPES = [
  'filing',
  'publication',
  'examination',
  'grant',
  'fee_payment',
  'lapse',
  'expiry',
  'invalidation',
  'partial_invalidation',
  'surrender',
  'withdrawal',
  'refusal',
  'cessation',
  'restoration',
  'renewal',
  'transfer',
  'holder_change',
  'licence',
  'licence_end',
  'pledge',
  'pledge_release',
  'term_extension',
  'correction',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface LegalEvent {
  type: EventType;
  /** ST.27 category letter; null when the office code has none. */
  category: St27Category | null;
  /** The office's own code (e.g. CN `CF01`, USPTO TM `R.PR`), kept as published; null for generated events. */
  code: string | null;
  /** The office that published the code (ST.3), e.g. `CN`, `EP`, `US`. */
  office: string | null;
  /** When the event takes effect. */
  effectiveDate: IsoDate;
  /** When the event was recorded (published in the gazette / loaded). Never before it could be known. */
  recordedDate: IsoDate;
  description: string | null;
  /** For `transfer` and `holder_change`: the holders from the effective date on, in order. */
  newHolders?: Holder[];
}

export interface RightRecord {
  /** Office that granted or registered the right (ST.3). */
  office: string;
  kind: RightKind;
  applicationNumber: string;
  publicationNumber: string | null;
  /** Grant number for patents, registration number for trademarks. */
  grantNumber: string | null;
  filingDate: IsoDate | null;
  publicationDate: IsoDate | null;
  /** Grant date for patents, registration date for trademarks. */
  grantDate: IsoDate | null;
  title: string | null;
  abstract: string | null;
  /** IPC codes, normalised like `H01M 10/0525` (subclass, space, group). */
  ipc: string[];
  /** Locarno classes for designs, like `12-08`. */
  locarno: string[];
  /** Nice classes for trademarks, 1..45. */
  nice: number[];
  /** Holders at filing (or at the first record), in order; later changes come as events. */
  holders: Holder[];
  events: LegalEvent[];
}

/** The stable identity of a right: office, kind and application number. */
export function rightKey(r: Pick<RightRecord, 'office' | 'kind' | 'applicationNumber'>): string {
  return `${r.office}/${r.kind}/${r.applicationNumber}`;
}
