import type { Holder, RightRecord } from '../core/index.js';

/** A holder for tests; override what the test is about. */
export function buildHolder(overrides: Partial<Holder> = {}): Holder {
  return {
    name: '合肥测试科技有限公司',
    type: 'enterprise',
    country: 'CN',
    regionCode: '340104',
    regionConfidence: 1,
    regionSource: 'record',
    address: null,
    ...overrides,
  };
}

let counter = 0;

/** A granted Chinese invention patent for tests; override what the test is about. */
export function buildRight(overrides: Partial<RightRecord> = {}): RightRecord {
  counter += 1;
  const serial = String(100000 + counter).padStart(7, '0');
  return {
    office: 'CN',
    kind: 'invention',
    applicationNumber: `CN20201${serial}.X`,
    publicationNumber: `CN11${serial}B`,
    grantNumber: `CN11${serial}B`,
    filingDate: '2020-01-15',
    publicationDate: '2020-06-01',
    grantDate: '2022-03-08',
    title: '一种测试用的稀土永磁材料制备方法',
    abstract: null,
    ipc: ['H01F 1/057'],
    locarno: [],
    nice: [],
    holders: [buildHolder()],
    events: [],
    ...overrides,
  };
}
