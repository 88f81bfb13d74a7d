import { defaultMatcher, industryById } from '../industries/index.js';
import { setIndustryClassifier } from '../stats/index.js';

/** Wires the modules together for a process: the statistics classify rights with the industries' matcher. */
export function assemble(): void {
  const matcher = defaultMatcher();
  setIndustryClassifier({
    of: (r) => matcher.match(r.ipc, [r.title ?? '', r.abstract ?? ''].join(' ')),
    forCells: (ids) => ids.filter((id) => industryById(id)?.parent === null),
  });
}
