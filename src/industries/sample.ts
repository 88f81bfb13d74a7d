import { ipcSubclasses } from '../reference/index.js';
import { mustParseIpcPattern, type ParsedIpcPattern } from './pattern.js';
import type { IndustryScheme } from './types.js';

/**
 * Realistic random rights for the property test and the benchmark: 1–3 IPC codes each, most drawn
 * from inside (or just outside) the schemes' own patterns, the rest from random subclasses of the
 * IPC 2023.01 table; titles and abstracts that sometimes carry a rule's keyword or exclusion word.
 * Deterministic for a seed.
 */
export type Random = () => number;

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rnd: Random, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(rnd: Random, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

let subclassCodes: string[] | null = null;
function subclasses(): string[] {
  subclassCodes ??= ipcSubclasses().map((e) => e.code);
  return subclassCodes;
}

function randomSubgroup(rnd: Random): string {
  const r = rnd();
  if (r < 0.3) return '00';
  if (r < 0.6) return String(int(rnd, 1, 99)).padStart(2, '0');
  return String(int(rnd, 1, 99)).padStart(2, '0') + String(int(rnd, 1, 99));
}

/** Digits that begin with `prefix`, or its neighbour just outside it. */
function around(rnd: Random, prefix: string): string {
  const r = rnd();
  if (r < 0.15) {
    const next = String(Number(`1${prefix}`) + 1).slice(1);
    return next.length === prefix.length ? next.padEnd(2, '0') : '99';
  }
  if (r < 0.5) return prefix.padEnd(2, '0');
  return (prefix + String(int(rnd, 0, 99))).slice(0, 6).padEnd(2, '0');
}

function inSubclass(rnd: Random, subclass: string, group?: number): string {
  const g = group ?? (rnd() < 0.7 ? int(rnd, 1, 20) : int(rnd, 21, 500));
  return `${subclass} ${g}/${randomSubgroup(rnd)}`;
}

/** A code inside a pattern, at its edge, or just past it. */
export function codeNear(rnd: Random, p: ParsedIpcPattern): string {
  switch (p.level) {
    case 'section':
    case 'class': {
      const prefix = p.level === 'section' ? p.section : p.classCode;
      const within = subclasses().filter((s) => s.startsWith(prefix));
      return inSubclass(rnd, within.length > 0 ? pick(rnd, within) : pick(rnd, subclasses()));
    }
    case 'subclass':
      return rnd() < 0.1 ? p.subclass : inSubclass(rnd, p.subclass);
    case 'group':
      return inSubclass(rnd, p.subclass, rnd() < 0.85 ? p.group : p.group + int(rnd, -1, 1) || 1);
    case 'subgroup':
      return `${p.subclass} ${p.group}/${around(rnd, p.prefix ? p.digits : p.digits.slice(0, int(rnd, 2, p.digits.length)))}`;
    case 'range': {
      const g = int(rnd, p.from.group, p.to.group + (rnd() < 0.2 ? 1 : 0));
      const edge = rnd() < 0.5 ? (rnd() < 0.5 ? p.from : p.to) : null;
      return edge
        ? `${p.subclass} ${edge.group}/${around(rnd, edge.digits)}`
        : inSubclass(rnd, p.subclass, g);
    }
  }
}

export function randomCode(rnd: Random): string {
  return inSubclass(rnd, pick(rnd, subclasses()));
}

/** Spellings other than the normal form, which the matcher must read the same way. */
export function respell(rnd: Random, code: string): string {
  const r = rnd();
  if (r < 0.5) return code.replace(' ', '');
  if (r < 0.8) return `${code} (2006.01)`;
  return code.toLowerCase();
}

const FILLER = [
  '本发明公开了一种装置及其制备方法，',
  '所述方法包括以下步骤：',
  '提高了生产效率并降低了成本。',
  'The invention relates to a method and an apparatus, ',
  '该系统结构简单，使用方便，',
  '通过控制单元实现自动调节，',
];

export interface SampleRight {
  ipc: string[];
  text?: string;
}

export interface SampleSource {
  /** Every include and exclude pattern, with the keywords and exclusion words of its rule. */
  patterns: { pattern: ParsedIpcPattern; words: string[]; notWords: string[] }[];
  words: string[];
}

export function sampleSource(schemes: readonly IndustryScheme[]): SampleSource {
  const rules = schemes.flatMap((s) => s.industries.flatMap((i) => i.rules));
  return {
    patterns: rules.flatMap((r) =>
      [...r.include, ...r.exclude].map((p) => ({
        pattern: mustParseIpcPattern(p),
        words: r.keywords,
        notWords: r.excludeKeywords,
      })),
    ),
    words: [...new Set(rules.flatMap((r) => [...r.keywords, ...r.excludeKeywords]))],
  };
}

function sometimesUpper(rnd: Random, word: string): string {
  return rnd() < 0.3 ? word.toUpperCase() : word;
}

function randomText(rnd: Random, words: readonly string[], chosen: readonly string[]): string | undefined {
  if (chosen.length === 0 && rnd() < 0.1) return undefined;
  const parts: string[] = [];
  const n = int(rnd, 8, 20); // ~120–300 characters, a title and a short abstract
  for (let i = 0; i < n; i++) {
    if (words.length > 0 && rnd() < 0.1) parts.push(sometimesUpper(rnd, pick(rnd, words)));
    else parts.push(pick(rnd, FILLER));
  }
  for (const w of chosen) parts.splice(int(rnd, 0, parts.length), 0, sometimesUpper(rnd, w));
  return parts.join('');
}

/**
 * One right: 1–3 codes, 60% of them near a scheme's pattern, whose rule's keyword (or exclusion
 * word) then often appears in the text; `respelled` is the share of codes in a non-normal form.
 */
export function sampleRight(rnd: Random, src: SampleSource, respelled = 0): SampleRight {
  const n = rnd() < 0.4 ? 1 : rnd() < 0.6 ? 2 : 3;
  const ipc: string[] = [];
  const chosen: string[] = [];
  for (let i = 0; i < n; i++) {
    let code: string;
    if (rnd() < 0.6) {
      const p = pick(rnd, src.patterns);
      code = codeNear(rnd, p.pattern);
      if (p.words.length > 0 && rnd() < 0.6) chosen.push(pick(rnd, p.words));
      if (p.notWords.length > 0 && rnd() < 0.3) chosen.push(pick(rnd, p.notWords));
    } else code = randomCode(rnd);
    ipc.push(rnd() < respelled ? respell(rnd, code) : code);
  }
  const text = randomText(rnd, src.words, chosen);
  return text === undefined ? { ipc } : { ipc, text };
}

export function sampleRights(schemes: readonly IndustryScheme[], n: number, seed: number): SampleRight[] {
  const rnd = seededRandom(seed);
  const src = sampleSource(schemes);
  return Array.from({ length: n }, () => sampleRight(rnd, src));
}
