import { errors } from '../core/index.js';
import type { Industry, IndustryScheme } from './types.js';

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const NUMBER = /^\d+$/;

/**
 * The order of industry ids in every answer: by scheme id, then branch numbers numerically
 * (`sei-2021:1.2` before `sei-2021:1.10`), other segments as text.
 */
export function compareIndustryIds(a: string, b: string): number {
  const ca = a.indexOf(':');
  const cb = b.indexOf(':');
  const byScheme = cmp(a.slice(0, ca), b.slice(0, cb));
  if (byScheme !== 0) return byScheme;
  const pa = a.slice(ca + 1).split('.');
  const pb = b.slice(cb + 1).split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (NUMBER.test(x) && NUMBER.test(y)) return Number(x) - Number(y);
    if (NUMBER.test(x) !== NUMBER.test(y)) return NUMBER.test(x) ? -1 : 1;
    return cmp(x, y);
  }
  return pa.length - pb.length;
}

/**
 * The industries of some schemes by id, checked: ids unique, parents present, no cycles. Returns
 * each industry's chain of ids from itself up to its top-level industry.
 */
export function industryChains(schemes: readonly IndustryScheme[]): Map<string, string[]> {
  const byId = new Map<string, Industry>();
  for (const s of schemes) {
    for (const ind of s.industries) {
      if (byId.has(ind.id))
        throw errors.invalidInput(`industry id ${ind.id} is defined twice`, { id: ind.id });
      byId.set(ind.id, ind);
    }
  }
  const chains = new Map<string, string[]>();
  for (const ind of byId.values()) {
    const chain = [ind.id];
    for (let p = ind.parent; p !== null; p = byId.get(p)?.parent ?? null) {
      if (!byId.has(p)) {
        throw errors.invalidInput(`industry ${ind.id}: parent ${p} is not defined`, {
          id: ind.id,
          parent: p,
        });
      }
      if (chain.includes(p)) throw errors.invalidInput(`industry ${ind.id}: its parents form a cycle`);
      chain.push(p);
    }
    chains.set(ind.id, chain);
  }
  return chains;
}
