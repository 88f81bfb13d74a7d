import { type Industry, matcherWith } from './industries/index.js';
import { setIndustryClassifier } from './stats/index.js';

/**
 * Wires the modules together for a process: the statistics classify rights with the industries'
 * matcher over the shipped schemes and the administrator's own industries.
 */
export function assemble(custom: readonly Industry[] = []): void {
  const { matcher, byId } = matcherWith(custom);
  setIndustryClassifier({
    of: (r) => matcher.match(r.ipc, [r.title ?? '', r.abstract ?? ''].join(' ')),
    forCells: (ids) => ids.filter((id) => byId(id)?.parent === null),
  });
}
