import { loadAiScheme } from './ai.js';
import { loadDefaultScheme } from './defaults.js';
import { compileMatcher } from './matcher.js';
import { loadNewThreeScheme } from './new-three.js';
import { loadSeiScheme } from './sei.js';
import type { Industry, IndustryScheme, Matcher } from './types.js';

/**
 * The shipped schemes, loaded on first use and then shared. Callers get frozen objects: a scheme
 * is reference data, and the default matcher compiled from it must not drift from what
 * `allSchemes()` shows.
 */
let shipped: readonly IndustryScheme[] | null = null;
let byIndustryId: Map<string, Industry> | null = null;
let matcher: Matcher | null = null;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** SEI 2021, "new three" 2024, AI 2023 and ipregion's defaults, in that order. */
export function allSchemes(): readonly IndustryScheme[] {
  shipped ??= deepFreeze([loadSeiScheme(), loadNewThreeScheme(), loadAiScheme(), loadDefaultScheme()]);
  return shipped;
}

export function schemeById(id: string): IndustryScheme | null {
  return allSchemes().find((s) => s.id === id) ?? null;
}

/** Any shipped industry or branch by its id (`sei-2021:1.2`, `ipregion-default:rare-earth`). */
export function industryById(id: string): Industry | null {
  byIndustryId ??= new Map(allSchemes().flatMap((s) => s.industries.map((i) => [i.id, i] as const)));
  return byIndustryId.get(id) ?? null;
}

/** All shipped schemes, compiled once per process. */
export function defaultMatcher(): Matcher {
  matcher ??= compileMatcher(allSchemes());
  return matcher;
}
