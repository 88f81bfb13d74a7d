import { MARK_CHARS, MARK_ENDINGS, MARK_LATIN, MARK_SYLLABLES } from './names.js';
import { type Rng, Weighted } from './random.js';

/**
 * Trademark content: Nice classes and mark names. The class weights follow the order of CNIPA's
 * registrations by class (advertising and business services 35, electronics and software 9,
 * clothing 25, staple foods 30, IT services 42, medicines 5, processed foods 29, catering 43,
 * education 41, cosmetics 3 lead; chemicals and raw materials trail).
 */
const NICE_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [35, 10],
  [9, 9],
  [25, 7],
  [30, 7],
  [42, 5],
  [5, 5],
  [29, 5],
  [43, 5],
  [41, 4],
  [3, 4],
  [32, 3],
  [33, 3],
  [31, 3],
  [20, 3],
  [21, 3],
  [11, 3],
  [44, 2],
  [7, 2],
  [16, 2],
  [28, 2],
  [36, 2],
  [37, 2],
  [39, 2],
  [18, 2],
  [24, 2],
  [6, 1.5],
  [19, 1.5],
  [12, 1.5],
  [10, 1.5],
  [1, 1.5],
  [38, 1.2],
  [14, 1],
  [8, 1],
  [17, 1],
  [2, 1],
  [40, 1],
  [45, 1],
  [4, 0.7],
  [26, 0.7],
  [34, 0.7],
  [15, 0.5],
  [22, 0.5],
  [23, 0.5],
  [27, 0.5],
  [13, 0.3],
];

export const NICE_TABLE = Weighted.of(NICE_WEIGHTS);

/** One class for most marks (CNIPA registers class by class); up to three for multi-class filings. */
export function niceClasses(rng: Rng): number[] {
  const first = NICE_TABLE.draw(rng);
  const r = rng.float();
  const extra = r < 0.8 ? 0 : r < 0.93 ? 1 : 2;
  const out = [first];
  for (let i = 0; i < extra; i++) {
    const c = NICE_TABLE.draw(rng);
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

const capitalised = (s: string): string => s.toUpperCase();

/** A mark name: mostly two or three Chinese characters, some in Latin letters, some both. */
export function markName(rng: Rng): string {
  const r = rng.float();
  const zh = rng.pick(MARK_CHARS) + rng.pick(MARK_CHARS) + (rng.chance(0.25) ? rng.pick(MARK_ENDINGS) : '');
  if (r < 0.8) return zh;
  const latin = rng.chance(0.6)
    ? capitalised(rng.pick(MARK_SYLLABLES) + rng.pick(MARK_SYLLABLES))
    : rng.pick(MARK_LATIN) + (rng.chance(0.5) ? ` ${rng.pick(MARK_LATIN)}` : '');
  return r < 0.92 ? latin : `${zh} ${latin}`;
}
