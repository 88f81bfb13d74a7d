import { compareIndustryIds, industryChains } from './hierarchy.js';
import {
  codeKey,
  type Interval,
  mergeIntervals,
  patternInterval,
  SUBCLASS_SLOTS,
  slotOf,
  subtractIntervals,
} from './keyspace.js';
import { KeywordTester } from './keywords.js';
import { mustParseIpcPattern } from './pattern.js';
import type { IndustryScheme, Matcher, Rule } from './types.js';

/**
 * The fast matcher. Every code is an integer in IPC order (keyspace.ts) and every rule, exclusions
 * already subtracted, a set of disjoint intervals of those integers. Compiling cuts the whole key
 * space at every interval end into elementary segments and stores, per segment, the rules covering
 * it (a CSR layout: `segStart` into `segRules`). Matching a code is then a table read for its
 * subclass, a binary search over the few ends inside that subclass and a walk over the handful of
 * rules of its segment (~3 for the shipped schemes): a right with two codes costs two lookups,
 * whatever the number of rules. Keywords are tested only for the rules a code reached, each rule
 * at most once per right, and not at all for a rule whose industry is already found.
 */
interface CompiledRule {
  /** Indices of the rule's industry and its ancestors. */
  industries: Int32Array;
  /** Interned keyword ids (keywords.ts). */
  keywords: Int32Array;
  excludeKeywords: Int32Array;
  needsText: boolean;
}

interface Index {
  bounds: Float64Array;
  /** Per subclass slot, the first bound at or after the slot's start: narrows the binary search. */
  bySlot: Int32Array;
  segStart: Int32Array;
  segRules: Int32Array;
}

export function ruleIntervals(rule: Rule): Interval[] {
  const inc = mergeIntervals(rule.include.map((p) => patternInterval(mustParseIpcPattern(p))));
  const exc = mergeIntervals(rule.exclude.map((p) => patternInterval(mustParseIpcPattern(p))));
  return subtractIntervals(inc, exc);
}

function buildIndex(perRule: readonly Interval[][]): Index {
  const ends = new Set<number>();
  for (const list of perRule) for (const [lo, hi] of list) ends.add(lo).add(hi);
  const bounds = Float64Array.from([...ends].sort((a, b) => a - b));
  const covering: number[][] = Array.from({ length: Math.max(0, bounds.length - 1) }, () => []);
  perRule.forEach((list, r) => {
    for (const [lo, hi] of list) {
      for (let s = findSegment(bounds, lo, 0, bounds.length); s < covering.length && bounds[s]! < hi; s++)
        covering[s]!.push(r);
    }
  });
  const segStart = new Int32Array(covering.length + 1);
  covering.forEach((rules, s) => {
    segStart[s + 1] = segStart[s]! + rules.length;
  });
  const bySlot = new Int32Array(SUBCLASS_SLOTS + 1);
  for (let slot = 0, b = 0; slot <= SUBCLASS_SLOTS; slot++) {
    while (b < bounds.length && slotOf(bounds[b]!) < slot) b++;
    bySlot[slot] = b;
  }
  return { bounds, bySlot, segStart, segRules: Int32Array.from(covering.flat()) };
}

/**
 * The segment `[bounds[i], bounds[i+1])` holding `key`, or -1 outside every segment, searching
 * only `bounds[from..to)`: the caller knows the answer is `from - 1` or lies in that range.
 */
function findSegment(bounds: Float64Array, key: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bounds[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 || lo === bounds.length ? -1 : lo - 1;
}

/** Compiles schemes once into a matcher (see the module comment for the index). */
export function compileMatcher(schemes: readonly IndustryScheme[]): Matcher {
  const chains = industryChains(schemes);
  const industryIds = [...chains.keys()].sort(compareIndustryIds);
  const indexOf = new Map(industryIds.map((id, i) => [id, i]));
  const words = new KeywordTester();
  const rules: CompiledRule[] = [];
  const perRule: Interval[][] = [];
  for (const s of schemes) {
    for (const ind of s.industries) {
      const industries = Int32Array.from((chains.get(ind.id) ?? []).map((id) => indexOf.get(id)!));
      for (const r of ind.rules) {
        const keywords = words.intern(r.keywords);
        const excludeKeywords = words.intern(r.excludeKeywords);
        rules.push({
          industries,
          keywords,
          excludeKeywords,
          needsText: keywords.length + excludeKeywords.length > 0,
        });
        perRule.push(ruleIntervals(r));
      }
    }
  }
  const { bounds, bySlot, segStart, segRules } = buildIndex(perRule);
  // Generation stamps dedupe rules and industries per call without clearing arrays.
  const ruleSeen = new Uint32Array(rules.length);
  const industrySeen = new Uint32Array(industryIds.length);
  const found = new Int32Array(industryIds.length);
  let generation = 0;

  function match(ipc: readonly string[], text?: string): string[] {
    if (++generation === 0xffffffff) {
      ruleSeen.fill(0);
      industrySeen.fill(0);
      generation = 1;
    }
    let textStarted = false;
    let count = 0;
    for (const code of ipc) {
      const key = codeKey(code);
      if (key < 0) continue;
      const slot = slotOf(key);
      const seg = findSegment(bounds, key, bySlot[slot]!, bySlot[slot + 1]!);
      if (seg < 0) continue;
      for (let j = segStart[seg]!, end = segStart[seg + 1]!; j < end; j++) {
        const r = segRules[j]!;
        if (ruleSeen[r] === generation) continue;
        ruleSeen[r] = generation;
        const rule = rules[r]!;
        // Its industry already found (by another rule or code): nothing to add, no text to test.
        if (industrySeen[rule.industries[0]!] === generation) continue;
        if (rule.needsText) {
          if (!textStarted) {
            words.begin(text);
            textStarted = true;
          }
          if (!words.passes(rule.keywords, rule.excludeKeywords)) continue;
        }
        for (const i of rule.industries) {
          if (industrySeen[i] === generation) continue;
          industrySeen[i] = generation;
          found[count++] = i;
        }
      }
    }
    // Insertion sort: a right is in a handful of industries.
    for (let a = 1; a < count; a++) {
      const v = found[a]!;
      let b = a - 1;
      for (; b >= 0 && found[b]! > v; b--) found[b + 1] = found[b]!;
      found[b + 1] = v;
    }
    const out: string[] = [];
    for (let a = 0; a < count; a++) out.push(industryIds[found[a]!]!);
    return out;
  }

  return { match, industryIds };
}
