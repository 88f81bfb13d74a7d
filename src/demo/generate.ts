import { errors, type Holder, RIGHT_KINDS, type RightKind, type RightRecord } from '../core/index.js';
import { iso, monthLength, monthStart, yearOfDay } from './calendar.js';
import { ipcCodes, patentText } from './content.js';
import { type NewHolder, patentEvents, trademarkEvents } from './events.js';
import { FIELDS } from './fields.js';
import { HolderFactory, tradeGroupOf } from './holders.js';
import { lagDays } from './lifetimes.js';
import { markName, niceClasses } from './marks.js';
import { demoModel, expectedTotal, MONTHS } from './model.js';
import { Numbering } from './numbers.js';
import { type DemoHolderType, PATENT_PARAMS, type PatentKind, TRADEMARK_PARAMS } from './params.js';
import { type City, geography } from './places.js';
import { Rng } from './random.js';
import { type KindTables, kindTables, type PoolSizes, poolSizes } from './tables.js';

export interface DemoOptions {
  /** Multiplies every volume: 1 is the whole central region (about 19 million rights), 0.01 the default demo. */
  scale: number;
  /** Any integer; the same scale and seed give the same records. */
  seed: number;
}

/** What the first holder of a right was drawn as: its type, city, and field (for marks: the trade group). */
interface Origin {
  type: DemoHolderType;
  city: City;
  field: number;
  holders: Holder[];
}

class Registry {
  readonly rng: Rng;
  readonly holders: HolderFactory;
  readonly numbers = new Numbering();
  readonly tables: Record<RightKind, KindTables>;
  readonly sizes: PoolSizes;

  constructor(
    readonly scale: number,
    seed: number,
  ) {
    this.rng = new Rng(seed);
    this.holders = new HolderFactory(seed);
    const model = demoModel();
    this.tables = {
      invention: kindTables('invention'),
      utility_model: kindTables('utility_model'),
      design: kindTables('design'),
      trademark: kindTables('trademark'),
    };
    const totals: Record<RightKind, number> = { invention: 0, utility_model: 0, design: 0, trademark: 0 };
    for (const k of RIGHT_KINDS) totals[k] = expectedTotal(model, k) * scale;
    this.sizes = poolSizes(this.tables, totals);
  }

  private cityOf(h: Holder): City {
    const geo = geography();
    const code = h.regionCode!;
    return geo.cityByCode.get(`${code.slice(0, 4)}00`) ?? geo.cityByCode.get(code)!;
  }

  /** Draws the first holder (and co-holders) of a right of `kind`. */
  private origin(kind: RightKind, t: KindTables): Origin {
    const rng = this.rng;
    const type = t.holderType.draw(rng);
    const province = t.province.draw(rng);
    if (type === 'university' || type === 'institute') {
      const h =
        type === 'university'
          ? this.holders.university(province, rng)
          : this.holders.institute(province, rng);
      const field = t.institutionField.get(h.name)!.draw(rng);
      return { type, city: this.cityOf(h), field, holders: [h] };
    }
    const city = t.city.get(province)!.draw(rng);
    if (kind === 'trademark') return { type, city, field: 0, holders: [] };
    const field = t.field[city.index]!.draw(rng);
    const h =
      type === 'enterprise'
        ? this.holders.patentFirm(city, field, this.sizes.patentFirm(city, field), rng)
        : type === 'individual'
          ? this.holders.individual(city, this.sizes.individual(city), rng)
          : this.holders.organisation(city, false, rng);
    return { type, city, field, holders: [h] };
  }

  /** Co-holders: firms with universities, universities with firms, people with people. */
  private coHolders(o: Origin, co: { two: number; three: number }): void {
    const rng = this.rng;
    const r = rng.float();
    const extra = r < co.three ? 2 : r < co.two + co.three ? 1 : 0;
    for (let i = 0; i < extra; i++) {
      let h: Holder;
      if (o.type === 'individual') h = this.holders.individual(o.city, this.sizes.individual(o.city), rng);
      else if (o.type === 'enterprise' && rng.chance(0.45)) h = this.holders.university(o.city.province, rng);
      else if (o.type !== 'enterprise' && rng.chance(0.4)) h = this.holders.university(o.city.province, rng);
      else h = this.holders.patentFirm(o.city, o.field, this.sizes.patentFirm(o.city, o.field), rng);
      if (!o.holders.includes(h)) o.holders.push(h);
    }
  }

  /** The buyer in a transfer: outside the region, or a firm of the region (mostly of the same province). */
  private buyer(kind: RightKind, o: Origin, out: boolean): Holder {
    const rng = this.rng;
    if (out) return this.holders.outsideFirm(kind === 'trademark' ? -1 - o.field : o.field, rng);
    const t = this.tables[kind];
    const province = rng.chance(0.8) ? o.city.province : t.province.draw(rng);
    const city = province === o.city.province && rng.chance(0.5) ? o.city : t.city.get(province)!.draw(rng);
    if (kind === 'trademark')
      return this.holders.markFirm(city, o.field, this.sizes.markFirm(city, o.field), rng);
    return this.holders.patentFirm(city, o.field, this.sizes.patentFirm(city, o.field), rng);
  }

  /** The buyers of a right's successive transfers, each different from the holder before. */
  private transfers(kind: RightKind, o: Origin): NewHolder {
    let current = o.holders[0]!;
    return (out) => {
      let h = this.buyer(kind, o, out);
      for (let i = 0; i < 3 && h === current; i++) h = this.buyer(kind, o, out);
      current = h;
      return h;
    };
  }

  patent(kind: PatentKind, month: number): RightRecord {
    const rng = this.rng;
    const p = PATENT_PARAMS[kind];
    const grantDay =
      monthStart(month) + rng.int(monthLength(2000 + Math.floor(month / 12), (month % 12) + 1));
    const o = this.origin(kind, this.tables[kind]);
    this.coHolders(o, p.coHolders);
    const filingDay = grantDay - lagDays(p.lag, rng.float());
    const f = FIELDS[o.field]!;
    const design = kind === 'design' ? rng.pick(f.designs) : null;
    const text = patentText(kind, f, design, rng);

    let publicationDay = grantDay;
    if (kind === 'invention') {
      // Published 18 months after filing, or earlier on request, always before the grant.
      const early = rng.chance(0.35) ? 90 + rng.int(270) : 548;
      publicationDay = Math.min(filingDay + early, grantDay - 30 - rng.int(60));
    }
    const number = this.numbers.publication(kind, yearOfDay(publicationDay));
    const code = Numbering.kindCode(kind);
    const holder = o.type;
    return {
      office: 'CN',
      kind,
      applicationNumber: this.numbers.application(kind, yearOfDay(filingDay)),
      publicationNumber: kind === 'invention' ? `${number}A` : `${number}${code}`,
      grantNumber: `${number}${code}`,
      filingDate: iso(filingDay),
      publicationDate: iso(publicationDay),
      grantDate: iso(grantDay),
      title: text.title,
      abstract: text.abstract,
      ipc: kind === 'design' ? [] : ipcCodes(f, rng.pick(FIELDS), rng),
      locarno: design ? [design[1]] : [],
      nice: [],
      holders: o.holders,
      events: patentEvents(
        {
          kind,
          params: p,
          holder,
          filingDay,
          publicationDay: kind === 'invention' ? publicationDay : null,
          grantDay,
        },
        rng,
        this.transfers(kind, o),
      ),
    };
  }

  trademark(month: number): RightRecord {
    const rng = this.rng;
    const p = TRADEMARK_PARAMS;
    const grantDay =
      monthStart(month) + rng.int(monthLength(2000 + Math.floor(month / 12), (month % 12) + 1));
    const nice = niceClasses(rng);
    const o = this.origin('trademark', this.tables.trademark);
    o.field = tradeGroupOf(nice[0]!);
    if (o.holders.length === 0) {
      const c = o.city;
      o.holders.push(
        o.type === 'enterprise'
          ? this.holders.markFirm(c, o.field, this.sizes.markFirm(c, o.field), rng)
          : o.type === 'individual'
            ? this.holders.individual(c, this.sizes.individual(c), rng)
            : this.holders.organisation(c, true, rng),
      );
    }
    // Jointly held marks are rare and mostly held by two people or a person and their firm.
    if (rng.chance(p.coHolders.two)) {
      const h = this.holders.individual(o.city, this.sizes.individual(o.city), rng);
      if (!o.holders.includes(h)) o.holders.push(h);
    }
    const filingDay = grantDay - lagDays(p.lag, rng.float());
    const registration = this.numbers.trademark(yearOfDay(filingDay));
    return {
      office: 'CN',
      kind: 'trademark',
      applicationNumber: `TM${registration}`,
      publicationNumber: null,
      grantNumber: registration,
      filingDate: iso(filingDay),
      // The preliminary approval is published three months before registration (the opposition period).
      publicationDate: iso(grantDay - 92),
      grantDate: iso(grantDay),
      title: markName(rng),
      abstract: null,
      ipc: [],
      locarno: [],
      nice: nice.sort((a, b) => a - b),
      holders: o.holders,
      events: trademarkEvents(p, o.type, grantDay, rng, this.transfers('trademark', o)),
    };
  }
}

/**
 * The demo registry of China's central region: granted patents and registered trademarks from 2000
 * to mid-2026, month by month, calibrated so that the counts in force meet the published figures
 * (see model.ts). Deterministic: the same scale and seed give byte-identical records.
 */
export function* generateRegistry(options: DemoOptions): Generator<RightRecord> {
  const { scale, seed } = options;
  if (!(scale > 0 && scale <= 1))
    throw errors.invalidInput(`demo scale must be in (0, 1], not ${scale}`, { scale });
  if (!Number.isSafeInteger(seed))
    throw errors.invalidInput(`demo seed must be an integer, not ${seed}`, { seed });
  const model = demoModel();
  const registry = new Registry(scale, seed);
  // Fractions carried from month to month, so that small scales still get their share of early years.
  const carry: Record<RightKind, number> = { invention: 0, utility_model: 0, design: 0, trademark: 0 };
  for (let m = 0; m < MONTHS; m++) {
    for (const kind of RIGHT_KINDS) {
      const expected = model.monthly(kind, m) * scale + carry[kind];
      const n = Math.floor(expected);
      carry[kind] = expected - n;
      for (let i = 0; i < n; i++)
        yield kind === 'trademark' ? registry.trademark(m) : registry.patent(kind, m);
    }
  }
}
