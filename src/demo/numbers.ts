import type { PatentKind } from './params.js';

/**
 * CN-style numbers. Each series (kind × year) hands out serials through a fixed permutation of its
 * range, so numbers look scattered like real ones yet never repeat within a run.
 *
 * - Patent applications: CNIPA's 12 digits, year + kind digit (1 invention, 2 utility model,
 *   3 design) + 7-digit serial, then the check digit after a dot: `CN201910123456.7`.
 * - Publications: kind digit, two-digit year, 6-digit serial, kind code (`CN119012345B`): the A
 *   publication of an invention and its B grant share the number, as CNIPA has done since 2010.
 * - Trademarks: registration numbers follow the application number, which grew from about
 *   1.35 million in 2000 to the 70 millions in 2024.
 */
const KIND_DIGIT: Readonly<Record<PatentKind, number>> = { invention: 1, utility_model: 2, design: 3 };
const KIND_CODE = { invention: 'B', utility_model: 'U', design: 'S' } as const;

/** CNIPA check digit: digits weighted 2,3,4,5,6,7,8,9,2,3,4,5, sum mod 11, 10 written X. */
export function cnCheckDigit(twelve: string): string {
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * weights[i]!;
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Serials 0..size-1 in a scrambled order: `(n * a + b) mod size` with `a` prime to `size`. */
class Series {
  private next = 0;
  private readonly a: number;
  private readonly b: number;

  constructor(
    readonly size: number,
    salt: number,
  ) {
    let a = 7_368_787 + (salt % 1000) * 2;
    while (gcd(a, size) !== 1) a += 2;
    this.a = a;
    this.b = (salt * 2_654_435_761) % size;
  }

  take(): number {
    const n = this.next++;
    // Past the range serials continue above it: unique for patents (the year and kind digits
    // differ), and never reached by trademarks at the region's volumes (numbers.test.ts).
    if (n >= this.size) return n;
    // n * a stays below 2^53 for every series here, so double arithmetic is exact.
    return (n * this.a + this.b) % this.size;
  }
}

/** Starts of the trademark application numbers by year (approximate, from published numbers). */
const TM_STARTS: ReadonlyArray<readonly [number, number]> = [
  [1998, 1_200_000],
  [2000, 1_350_000],
  [2002, 2_200_000],
  [2004, 3_900_000],
  [2006, 5_100_000],
  [2008, 6_800_000],
  [2010, 8_000_000],
  [2012, 10_800_000],
  [2014, 13_900_000],
  [2016, 18_900_000],
  [2018, 28_500_000],
  [2020, 43_000_000],
  [2022, 61_000_000],
  [2024, 76_000_000],
  [2026, 88_000_000],
  [2028, 99_000_000],
];

function tmStart(year: number): number {
  for (let i = 1; i < TM_STARTS.length; i++) {
    const [y1, n1] = TM_STARTS[i]!;
    const [y0, n0] = TM_STARTS[i - 1]!;
    if (year < y1) return Math.round(n0 + ((n1 - n0) * (year - y0)) / (y1 - y0));
  }
  return TM_STARTS[TM_STARTS.length - 1]![1];
}

/** How many registration numbers the applications of `year` span. */
export function tmBlock(year: number): number {
  return tmStart(year + 1) - tmStart(year);
}

/** Above the last block any year up to the end of the data reaches (2026 ends below 99 million). */
const OVERFLOW_BASE = 100_000_000;

export class Numbering {
  private readonly series = new Map<string, Series>();

  private serial(key: string, size: number, salt: number): number {
    let s = this.series.get(key);
    if (!s) {
      s = new Series(size, salt);
      this.series.set(key, s);
    }
    return s.take();
  }

  /** `CN201910123456.7` for a patent filed in `year`. */
  application(kind: PatentKind, year: number): string {
    // Real serials of the normal route start with 0 or 1: keep to the first two million.
    const n = this.serial(`a${kind}${year}`, 2_000_000, year * 3 + KIND_DIGIT[kind]);
    const twelve = `${year}${KIND_DIGIT[kind]}${String(n).padStart(7, '0')}`;
    return `CN${twelve}.${cnCheckDigit(twelve)}`;
  }

  /** The publication number without its kind code (`CN119012345`), for a publication in `year`. */
  publication(kind: PatentKind, year: number): string {
    const n = this.serial(`p${kind}${year}`, 1_000_000, year * 7 + KIND_DIGIT[kind]);
    return `CN${KIND_DIGIT[kind]}${String(year % 100).padStart(2, '0')}${String(n).padStart(6, '0')}`;
  }

  static kindCode(kind: PatentKind): string {
    return KIND_CODE[kind];
  }

  /** A trademark registration number for an application filed in `year`. */
  trademark(year: number): string {
    const start = tmStart(year);
    const block = tmBlock(year);
    const n = this.serial(`t${year}`, block, year);
    // A year with more applications than its block (1999 at scale 1.0) would run into the next
    // year's numbers: its overflow gets numbers above every year's block, one million per year.
    if (n >= block) return String(OVERFLOW_BASE + (year - 1990) * 1_000_000 + (n - block));
    return String(start + n);
  }
}
