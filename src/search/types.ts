import type { HolderType, RightKind } from '../core/index.js';

/** A registry search: every filter given must match (AND); absent or empty filters select everything. */
export interface RightSearchQuery {
  /** Any form of an application, publication or grant/registration number (`CN104968889A`, `ZL2015…`). */
  number?: string;
  /** Words of the title, Chinese or English; each must occur in it (substring, case-insensitive). */
  q?: string;
  /** Part of the name of any holder the right ever had (first holders and transferees). */
  holder?: string;
  /** IPC subclass or group, spacing free: `H01M`, `H01M10` (main group), `H01M 10/0525` (exact), `H01M10/05*` (prefix). */
  ipc?: string;
  /** GB/T 2260 codes of the current first holder's region: province `34`, city `340100`, district `340104`. */
  regions?: string[];
  kinds?: RightKind[];
  /** Only rights in force on this date (YYYY-MM-DD), by the validity rules, as all data is known now. */
  inForceOn?: string;
  /** The `nextCursor` of the previous page of the same query. */
  cursor?: string | null;
  /** Hits per page, 1..200. */
  limit: number;
}

export interface RightSearchHit {
  id: number;
  kind: RightKind;
  office: string;
  /** Grant (registration) number, else publication number, else application number. */
  number: string;
  title: string | null;
  filingDate: string | null;
  grantDate: string | null;
  /** The current first holder: first of the last holder set recorded (first holders or a transfer's). */
  holder: string | null;
  holderType: HolderType;
  /** The current first holder's GB/T 2260 code; '' when unknown. */
  region: string;
}

export interface RightSearchPage {
  items: RightSearchHit[];
  nextCursor: string | null;
}
