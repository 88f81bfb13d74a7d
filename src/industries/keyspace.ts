import { normaliseIpc } from '../reference/index.js';
import type { ParsedIpcPattern } from './pattern.js';

/**
 * Every IPC code as one integer in IPC order, so that every pattern — section, class, subclass,
 * main group, subgroup prefix, range — is a half-open interval of integers and matching a code is a
 * binary search (matcher.ts). The key of `H01M 10/0525` is
 *
 *   ((section × 100 + class) × 26 + subclass letter) × 10¹⁰ + main group × 10⁶ + subgroup digits × 10^(6−n)
 *
 * i.e. subgroup digits as a six-digit decimal fraction (how IPC orders subgroups). A bare subclass
 * has main group 0, which no group pattern covers. The largest key (~6·10¹⁴) is far below 2⁵³, so
 * doubles hold every key exactly.
 */
export type Interval = readonly [lo: number, hi: number];

const GROUP = 1e6;
const SUBCLASS = 1e10;
/** Keys fall in 26 × 100 × 26 subclass slots of 10¹⁰ each (sections A–Z, though IPC uses A–H). */
export const SUBCLASS_SLOTS = 26 * 100 * 26;

/** The subclass slot of a key, for a first-level lookup before a binary search. */
export function slotOf(key: number): number {
  return Math.floor(key / SUBCLASS);
}
const POW10 = [1e6, 1e5, 1e4, 1e3, 100, 10, 1];

function subclassBase(section: number, cls: number, letter: number): number {
  return ((section * 100 + cls) * 26 + letter) * SUBCLASS;
}

function baseOf(subclass: string): number {
  return subclassBase(
    subclass.charCodeAt(0) - 65,
    Number(subclass.slice(1, 3)),
    subclass.length > 3 ? subclass.charCodeAt(3) - 65 : 0,
  );
}

/** Subgroup digits as the integer of a six-digit fraction: `05` → 50000, `0525` → 52500. */
function fraction(digits: string): number {
  return Number(digits) * POW10[digits.length]!;
}

/** The interval of codes a pattern covers. */
export function patternInterval(p: ParsedIpcPattern): Interval {
  switch (p.level) {
    case 'section': {
      const s = p.section.charCodeAt(0) - 65;
      return [subclassBase(s, 0, 0), subclassBase(s + 1, 0, 0)];
    }
    case 'class': {
      const b = baseOf(p.classCode);
      return [b, b + 26 * SUBCLASS];
    }
    case 'subclass': {
      const b = baseOf(p.subclass);
      return [b, b + SUBCLASS];
    }
    case 'group': {
      const b = baseOf(p.subclass) + p.group * GROUP;
      return [b, b + GROUP];
    }
    case 'subgroup': {
      const lo = baseOf(p.subclass) + p.group * GROUP + fraction(p.digits);
      return [lo, lo + (p.prefix ? POW10[p.digits.length]! : 1)];
    }
    case 'range': {
      const b = baseOf(p.subclass);
      const lo = b + p.from.group * GROUP + fraction(p.from.digits);
      const { group, digits } = p.to;
      const hi =
        digits === '00'
          ? b + (group + 1) * GROUP
          : b + group * GROUP + fraction(digits) + POW10[digits.length]!;
      return [lo, hi];
    }
  }
}

function digit(code: string, i: number): number {
  const d = code.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * The key of a code in the normal form `H01M 10/0525` (or a bare `H01M`), read without allocating;
 * -1 when the text is not in that form.
 */
function normalKey(code: string): number {
  const n = code.length;
  const s = code.charCodeAt(0) - 65;
  const c1 = digit(code, 1);
  const c2 = digit(code, 2);
  const l = code.charCodeAt(3) - 65;
  if (n < 4 || s < 0 || s > 7 || c1 < 0 || c2 < 0 || l < 0 || l > 25) return -1;
  const base = subclassBase(s, c1 * 10 + c2, l);
  if (n === 4) return base;
  if (code.charCodeAt(4) !== 32) return -1;
  let i = 5;
  let group = 0;
  for (; i < n && i < 9; i++) {
    const d = digit(code, i);
    if (d < 0) break;
    group = group * 10 + d;
  }
  if (i === 5 || group === 0 || code.charCodeAt(i) !== 47) return -1;
  const first = ++i;
  let sub = 0;
  for (; i < n; i++) {
    const d = digit(code, i);
    if (d < 0) return -1;
    sub = sub * 10 + d;
  }
  const len = n - first;
  if (len < 2 || len > 6) return -1;
  return base + group * GROUP + sub * POW10[len]!;
}

/** The key of a code in any form `normaliseIpc` reads; -1 when it is not an IPC code. */
export function codeKey(code: string): number {
  const fast = normalKey(code);
  if (fast >= 0) return fast;
  const norm = normaliseIpc(code);
  return norm === null || norm === code ? -1 : normalKey(norm);
}

/** Sorted, disjoint, non-adjacent intervals covering the same codes. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** `keep` minus `cut`; both sorted and disjoint (as `mergeIntervals` returns them). */
export function subtractIntervals(keep: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [lo0, hi] of keep) {
    let lo = lo0;
    for (const [clo, chi] of cut) {
      if (chi <= lo || clo >= hi) continue;
      if (clo > lo) out.push([lo, clo]);
      lo = Math.max(lo, chi);
      if (lo >= hi) break;
    }
    if (lo < hi) out.push([lo, hi]);
  }
  return out;
}
