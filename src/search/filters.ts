import { errors, isIsoDate, RIGHT_KINDS, type RightKind } from '../core/index.js';
import type { RightSearchQuery } from './types.js';

/** A search's filters, checked and normalised; what the SQL is built from and the cursor bound to. */
export interface Filters {
  /** The number as given (any form: the registry's `findRightIds` reads it); null: no number filter. */
  number: string | null;
  /** Title words; each must occur in the title. */
  words: string[];
  holder: string | null;
  ipc: { exact: string } | { prefix: string } | null;
  regions: string[];
  kinds: RightKind[];
  inForceOn: string | null;
}

const MAX_TEXT = 200;
const MAX_WORDS = 10;
const MAX_REGIONS = 100;
export const MAX_LIMIT = 200;

/** An IPC symbol without spaces, down to any level, optionally ending in `*` (prefix). */
const IPC = /^[A-H](\d{2}([A-Z](\d{1,4}(\/\d{0,6})?)?)?)?\*?$/;
const REGION = /^\d{2}$|^\d{6}$/;

function invalid(field: string, message: string): never {
  throw errors.invalidInput(`${field}: ${message}`, { field });
}

function text(field: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string') invalid(field, 'must be a string');
  const t = value.trim();
  if (t.length > MAX_TEXT) invalid(field, `longer than ${MAX_TEXT} characters`);
  return t === '' ? null : t;
}

/** `H01M 10/0525` → exact `H01M10/0525`; `H01M10` → main group `H01M10/…`; `H01M`, `H01M10/05*` → prefix. */
export function parseIpc(raw: string): Filters['ipc'] {
  const code = raw.toUpperCase().replace(/\s+/g, '');
  if (!IPC.test(code)) invalid('ipc', `"${raw}" is not an IPC symbol (like H01M, H01M 10, H01M 10/0525)`);
  if (code.endsWith('*')) return { prefix: code.slice(0, -1) };
  if (/\/\d+$/.test(code)) return { exact: code };
  if (/\d$/.test(code) && code.length > 3) return { prefix: `${code}/` };
  return { prefix: code };
}

export function checkLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    invalid('limit', `must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  return limit;
}

export function parseFilters(q: RightSearchQuery): Filters {
  const number = text('number', q.number);
  const words = [...new Set((text('q', q.q) ?? '').split(/\s+/).filter(Boolean))];
  if (words.length > MAX_WORDS) invalid('q', `more than ${MAX_WORDS} words`);
  const ipc = text('ipc', q.ipc);
  const regions = [...new Set(q.regions ?? [])].sort();
  if (regions.length > MAX_REGIONS) invalid('regions', `more than ${MAX_REGIONS} codes`);
  for (const r of regions)
    if (!REGION.test(r)) invalid('regions', `"${r}" is not a GB/T 2260 code (34, 340100)`);
  const kinds = [...new Set(q.kinds ?? [])].sort();
  for (const k of kinds)
    if (!RIGHT_KINDS.includes(k)) invalid('kinds', `"${k}" is not one of ${RIGHT_KINDS.join(', ')}`);
  if (q.inForceOn !== undefined && !isIsoDate(q.inForceOn)) {
    invalid('inForceOn', `"${q.inForceOn}" is not a date (YYYY-MM-DD)`);
  }
  return {
    number,
    words,
    holder: text('holder', q.holder),
    ipc: ipc === null ? null : parseIpc(ipc),
    regions,
    kinds,
    inForceOn: q.inForceOn ?? null,
  };
}
