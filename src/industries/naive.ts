import { normaliseIpc } from '../reference/index.js';
import { compareIndustryIds, industryChains } from './hierarchy.js';
import { type CodeParts, mustParseIpcPattern, type ParsedIpcPattern, patternMatches } from './pattern.js';
import type { IndustryScheme, Matcher } from './types.js';

/**
 * The baseline: every rule tested against every code of a right, patterns compared field by field
 * (pattern.ts `patternMatches`), no index. It states the semantics plainly, so tests hold the fast
 * matcher to it and the benchmark measures the fast one against it.
 */
const NORMAL = /^([A-H]\d{2}[A-Z])(?: (\d{1,4})\/(\d{2,6}))?$/;

export function codeParts(code: string): CodeParts | null {
  const m = NORMAL.exec(code) ?? NORMAL.exec(normaliseIpc(code) ?? '');
  if (!m) return null;
  const [, subclass = '', group, digits] = m;
  if (group === undefined) return { subclass, group: 0, sub6: '' };
  const g = Number(group);
  return g === 0 ? null : { subclass, group: g, sub6: (digits ?? '').padEnd(6, '0') };
}

interface NaiveRule {
  chain: string[];
  include: ParsedIpcPattern[];
  exclude: ParsedIpcPattern[];
  keywords: string[];
  excludeKeywords: string[];
}

export function naiveMatcher(schemes: readonly IndustryScheme[]): Matcher {
  const chains = industryChains(schemes);
  const rules: NaiveRule[] = schemes.flatMap((s) =>
    s.industries.flatMap((ind) =>
      ind.rules.map((r) => ({
        chain: chains.get(ind.id) ?? [ind.id],
        include: r.include.map(mustParseIpcPattern),
        exclude: r.exclude.map(mustParseIpcPattern),
        keywords: r.keywords.map((k) => k.toLowerCase()),
        excludeKeywords: r.excludeKeywords.map((k) => k.toLowerCase()),
      })),
    ),
  );
  const industryIds = [...chains.keys()].sort(compareIndustryIds);

  function match(ipc: readonly string[], text?: string): string[] {
    const codes = ipc.map(codeParts).filter((c): c is CodeParts => c !== null);
    const lowered = (text ?? '').toLowerCase();
    const found = new Set<string>();
    for (const rule of rules) {
      const hit = codes.some(
        (c) =>
          rule.include.some((p) => patternMatches(p, c)) && !rule.exclude.some((p) => patternMatches(p, c)),
      );
      if (!hit) continue;
      if (rule.excludeKeywords.some((k) => lowered.includes(k))) continue;
      if (rule.keywords.length > 0 && !rule.keywords.some((k) => lowered.includes(k))) continue;
      for (const id of rule.chain) found.add(id);
    }
    return [...found].sort(compareIndustryIds);
  }

  return { match, industryIds };
}
