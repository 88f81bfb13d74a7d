import type { Holder, LegalEvent } from '../core/index.js';
import { type EventCodeInfo, lookupEventCode, lookupTrademarkEventCode } from '../reference/index.js';
import { addYearsDay, DAYS_PER_YEAR, dayFromIso, iso, yearOfDay } from './calendar.js';
import { INVALIDATION_WINDOW, lapseProbability, patentTermYears } from './lifetimes.js';
import {
  DATA_END,
  type DemoHolderType,
  type PatentKind,
  type PatentParams,
  pledgeYearFactor,
  type TrademarkParams,
} from './params.js';
import type { Rng } from './random.js';

/**
 * Legal events of a right's life, drawn by the laws of lifetimes.ts: fee lapses at filing
 * anniversaries (some restored), surrender, expiry, invalidation; transfers, licences and pledges as
 * Poisson processes while the right is in force. Codes, categories, types and descriptions all come
 * from the reference tables, so an event always agrees with the code table.
 */
const END_DAY = dayFromIso(DATA_END);
const DESIGN_RULE_DAY = dayFromIso('2021-06-01');

function code(c: string): EventCodeInfo {
  const info = c.startsWith('TM') ? lookupTrademarkEventCode(c) : lookupEventCode('CN', c);
  if (!info) throw new RangeError(`event code ${c} is not in the reference table`);
  return info;
}

const CN = {
  publication: code('PB01'),
  grant: code('GR01'),
  lapse: code('CF01'),
  restoration: code('RR01'),
  expiry: code('CX01'),
  surrender: code('AV01'),
  invalidation: code('IW01'),
  transfer: code('TR01'),
  licence: code('EE01'),
  pledge: code('PE01'),
};
const TM = {
  registration: code('TMRG'),
  renewal: code('TMRN'),
  expiry: code('TMEX'),
  cancellation: code('TMCN'),
  revocation: code('TMRV'),
  invalidation: code('TMIV'),
  transfer: code('TMTR'),
  licence: code('TMLC'),
  pledge: code('TMPL'),
};

interface Draft {
  eff: number;
  rec: number;
  info: EventCodeInfo;
  holders: Holder[] | null;
}

/** Who a right passes to: `out` = a buyer outside the region. */
export type NewHolder = (out: boolean) => Holder;

/** The draws that rights of every kind share: the transactions and the final assembly. */
class Life {
  readonly drafts: Draft[] = [];
  constructor(readonly rng: Rng) {}

  add(info: EventCodeInfo, eff: number, rec: number, holders: Holder[] | null = null): void {
    this.drafts.push({ eff, rec, info, holders });
  }

  days(lo: number, hi: number): number {
    return lo + this.rng.int(hi - lo + 1);
  }

  /** Transfers, licences and pledges while the right is in force, in [from, to). */
  transactions(
    from: number,
    to: number,
    rates: { transfer: number; out: number; licence: number; pledge: number },
    codes: { transfer: EventCodeInfo; licence: EventCodeInfo; pledge: EventCodeInfo },
    newHolder: NewHolder,
  ): void {
    const max = rates.transfer + rates.licence + 2 * rates.pledge;
    if (max <= 0) return;
    let out = false;
    let t = from;
    for (;;) {
      t += Math.ceil(this.rng.exp(max) * DAYS_PER_YEAR);
      if (t >= to || t > END_DAY) return;
      const u = this.rng.float() * max;
      const rec = t + this.days(7, 70);
      if (u < rates.transfer) {
        out = out || this.rng.chance(rates.out);
        this.add(codes.transfer, t, rec, [newHolder(out)]);
      } else if (u < rates.transfer + rates.licence) {
        this.add(codes.licence, t, rec);
      } else if (u < rates.transfer + rates.licence + rates.pledge * pledgeYearFactor(yearOfDay(t))) {
        this.add(codes.pledge, t, rec);
      }
    }
  }

  /** The events known by the end of the data, in order; nothing after `cutoff` but `keep`. */
  finish(cutoff: number, keep: EventCodeInfo | null): LegalEvent[] {
    const kept = this.drafts.filter(
      (d) => d.eff <= END_DAY && d.rec <= END_DAY && (d.eff <= cutoff || d.info === keep),
    );
    kept.sort((a, b) => a.eff - b.eff || a.rec - b.rec);
    return kept.map((d) => {
      const e: LegalEvent = {
        type: d.info.type,
        category: d.info.category,
        code: d.info.code,
        office: 'CN',
        effectiveDate: iso(d.eff),
        recordedDate: iso(d.rec),
        description: d.info.description,
      };
      if (d.holders) e.newHolders = d.holders;
      return e;
    });
  }
}

/** The invalidation decision day (if the right is to be invalidated), from the window in years. */
function invalidationDay(rng: Rng, p: number, window: readonly [number, number], grantDay: number) {
  if (!rng.chance(p)) return null;
  return grantDay + Math.round(rng.range(window[0], window[1]) * DAYS_PER_YEAR);
}

export interface PatentLifeInput {
  kind: PatentKind;
  params: PatentParams;
  holder: DemoHolderType;
  filingDay: number;
  publicationDay: number | null;
  grantDay: number;
}

export function patentEvents(x: PatentLifeInput, rng: Rng, newHolder: NewHolder): LegalEvent[] {
  const { params: p, filingDay, grantDay } = x;
  const life = new Life(rng);
  if (x.publicationDay !== null) life.add(CN.publication, x.publicationDay, x.publicationDay);
  life.add(CN.grant, grantDay, grantDay);

  const term = patentTermYears(x.kind, filingDay, DESIGN_RULE_DAY);
  const termEnd = addYearsDay(filingDay, term);
  const invalidated = invalidationDay(rng, p.invalidation, INVALIDATION_WINDOW.patent, grantDay);
  const surrender = p.surrender > 0 ? grantDay + Math.ceil(rng.exp(p.surrender) * DAYS_PER_YEAR) : Infinity;
  let end = Math.min(termEnd, surrender);
  let ended = false;
  for (let k = 1; k < term; k++) {
    const due = addYearsDay(filingDay, k);
    if (due <= grantDay) continue;
    if (due >= end || due > END_DAY) break;
    if (!rng.chance(lapseProbability(p, x.holder, (due - grantDay) / DAYS_PER_YEAR))) continue;
    // The lapse is published after the six-month grace period for late payment.
    const published = due + life.days(150, 270);
    life.add(CN.lapse, due, published);
    if (rng.chance(p.restore)) {
      const restored = published + life.days(15, 60);
      // A right surrendered while it lapsed stays ended: there is nothing left to restore.
      if (!(surrender > due && surrender <= restored)) {
        life.add(CN.restoration, restored, restored + life.days(7, 35));
        continue;
      }
    }
    end = due;
    ended = true;
    break;
  }
  if (!ended && end === surrender) life.add(CN.surrender, surrender, surrender + life.days(14, 56));
  else if (!ended) life.add(CN.expiry, termEnd, termEnd + life.days(14, 60));

  const cutoff = invalidated ?? Infinity;
  if (invalidated !== null) life.add(CN.invalidation, invalidated, invalidated + life.days(28, 84));
  life.transactions(
    grantDay,
    Math.min(end, cutoff),
    {
      transfer: p.transfer[x.holder],
      out: p.transferOut[x.holder],
      licence: p.licence[x.holder],
      pledge: p.pledge[x.holder],
    },
    CN,
    newHolder,
  );
  return life.finish(cutoff, CN.invalidation);
}

export function trademarkEvents(
  p: TrademarkParams,
  holder: DemoHolderType,
  grantDay: number,
  rng: Rng,
  newHolder: NewHolder,
): LegalEvent[] {
  const life = new Life(rng);
  life.add(TM.registration, grantDay, grantDay);
  const invalidated = invalidationDay(rng, p.invalidation, INVALIDATION_WINDOW.trademark, grantDay);
  const cancelled = grantDay + Math.ceil(rng.exp(p.cancel) * DAYS_PER_YEAR);
  const revoked = addYearsDay(grantDay, p.revokeAfterYears) + Math.ceil(rng.exp(p.revoke) * DAYS_PER_YEAR);
  const stop = Math.min(cancelled, revoked);
  let end = Infinity;
  for (let k = 1; ; k++) {
    const termEnd = addYearsDay(grantDay, 10 * k);
    if (stop < termEnd) {
      end = stop;
      if (stop === cancelled) life.add(TM.cancellation, stop, stop + life.days(30, 120));
      else life.add(TM.revocation, stop, stop + life.days(30, 120));
      break;
    }
    if (termEnd > END_DAY) break;
    if (rng.chance(p.renewal[holder])) {
      life.add(TM.renewal, termEnd, termEnd + life.days(20, 120));
      continue;
    }
    // Expiry is announced once the six-month grace period for renewal has passed.
    life.add(TM.expiry, termEnd, termEnd + life.days(190, 300));
    end = termEnd;
    break;
  }
  const cutoff = invalidated ?? Infinity;
  if (invalidated !== null) life.add(TM.invalidation, invalidated, invalidated + life.days(28, 84));
  life.transactions(
    grantDay,
    Math.min(end, cutoff),
    {
      transfer: p.transfer[holder],
      out: p.transferOut[holder],
      licence: p.licence[holder],
      pledge: p.pledge[holder],
    },
    TM,
    newHolder,
  );
  return life.finish(cutoff, TM.invalidation);
}
