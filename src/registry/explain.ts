import type { IsoDate } from '../core/index.js';
import { intervalsContain, type ValiditySubject, validity } from './validity.js';

export interface Status {
  inForce: boolean;
  /** Why, in words: what started the right, what ended it, or why it never was in force. */
  reason: string;
}

function eventLabel(e: {
  code: string | null;
  type: string;
  effectiveDate: string;
  recordedDate: string;
}): string {
  return `${e.type.replace('_', ' ')}${e.code ? ` (${e.code})` : ''} effective ${e.effectiveDate}, recorded ${e.recordedDate}`;
}

/** Whether a right is in force on a date as known on another, and why. */
export function explainStatus(right: ValiditySubject, date: IsoDate, knownOn?: IsoDate | null): Status {
  const v = validity(right, knownOn);
  const inForce = intervalsContain(v.intervals, date);
  if (v.invalidatedBy) {
    return {
      inForce,
      reason: `invalidated: ${eventLabel(v.invalidatedBy)}; deemed never to have been in force`,
    };
  }
  const first = v.intervals[0];
  if (!first) return { inForce, reason: 'not granted (no grant date or grant event known)' };
  if (date < first.from) return { inForce, reason: `not yet granted on ${date}: granted ${first.from}` };
  if (inForce) {
    const current = v.intervals.find((i) => i.from <= date && (i.to === null || date < i.to))!;
    const until = current.to ? `; in force until ${current.to} (exclusive)` : '';
    const term = v.termEnd ? `, term ends ${v.termEnd}` : '';
    return { inForce, reason: `granted ${first.from}${term}${until}` };
  }
  if (v.endedBy && v.endedBy.effectiveDate <= date)
    return { inForce, reason: `ended by ${eventLabel(v.endedBy)}` };
  if (v.termEnd && date >= v.termEnd) return { inForce, reason: `term ended ${v.termEnd}` };
  return {
    inForce,
    reason: `not in force on ${date} (in force ${v.intervals.map((i) => `${i.from}…${i.to ?? ''}`).join(', ')})`,
  };
}
