import {
  EVENT_TYPES,
  HOLDER_TYPES,
  type Holder,
  isIsoDate,
  type LegalEvent,
  RIGHT_KINDS,
  type RightRecord,
} from '../core/index.js';

/** Limits on sizes: a record past them is rejected, not truncated. */
export const LIMITS = {
  title: 2000,
  abstract: 20000,
  holders: 50,
  events: 2000,
  classes: 200,
  name: 500,
} as const;

/** What is wrong with a record, field by field; an empty list means it may be stored. */
export function recordProblems(r: RightRecord): string[] {
  const p: string[] = [];
  if (!/^[A-Z]{2}$/.test(r.office ?? '')) p.push(`office: "${r.office}" is not a two-letter ST.3 code`);
  if (!RIGHT_KINDS.includes(r.kind)) p.push(`kind: "${r.kind}" is not one of ${RIGHT_KINDS.join(', ')}`);
  if (typeof r.applicationNumber !== 'string' || !r.applicationNumber.trim())
    p.push('applicationNumber: missing');
  for (const f of ['filingDate', 'publicationDate', 'grantDate'] as const) {
    const v = r[f];
    if (v !== null && !isIsoDate(v)) p.push(`${f}: "${v}" is not a date (YYYY-MM-DD)`);
  }
  if (
    r.filingDate &&
    r.grantDate &&
    isIsoDate(r.filingDate) &&
    isIsoDate(r.grantDate) &&
    r.grantDate < r.filingDate
  ) {
    p.push(`grantDate ${r.grantDate} is before filingDate ${r.filingDate}`);
  }
  if ((r.title?.length ?? 0) > LIMITS.title) p.push(`title: longer than ${LIMITS.title} characters`);
  if ((r.abstract?.length ?? 0) > LIMITS.abstract)
    p.push(`abstract: longer than ${LIMITS.abstract} characters`);
  if (r.ipc.length + r.locarno.length + r.nice.length > LIMITS.classes) p.push('classifications: too many');
  for (const n of r.nice) {
    if (!Number.isInteger(n) || n < 1 || n > 45) p.push(`nice: ${n} is not a Nice class (1–45)`);
  }
  if (r.holders.length > LIMITS.holders) p.push(`holders: more than ${LIMITS.holders}`);
  for (const [i, h] of r.holders.entries()) p.push(...holderProblems(h, `holders[${i}]`));
  p.push(...eventProblems(r.events));
  return p;
}

export function holderProblems(h: Holder, at: string): string[] {
  const p: string[] = [];
  if (typeof h.name !== 'string' || !h.name.trim()) p.push(`${at}.name: missing`);
  else if (h.name.length > LIMITS.name) p.push(`${at}.name: longer than ${LIMITS.name} characters`);
  if (!HOLDER_TYPES.includes(h.type))
    p.push(`${at}.type: "${h.type}" is not one of ${HOLDER_TYPES.join(', ')}`);
  if (h.country !== null && !/^[A-Z]{2}$/.test(h.country))
    p.push(`${at}.country: "${h.country}" is not ST.3`);
  if (h.regionCode !== null && !/^\d{2}(\d{4})?$/.test(h.regionCode)) {
    p.push(`${at}.regionCode: "${h.regionCode}" is not a GB/T 2260 code`);
  }
  return p;
}

export function eventProblems(events: readonly LegalEvent[]): string[] {
  const p: string[] = [];
  if (events.length > LIMITS.events) p.push(`events: more than ${LIMITS.events}`);
  events.forEach((e, i) => {
    const at = `events[${i}]`;
    if (!EVENT_TYPES.includes(e.type)) p.push(`${at}.type: "${e.type}" is not an event type`);
    if (!isIsoDate(e.effectiveDate)) p.push(`${at}.effectiveDate: "${e.effectiveDate}" is not a date`);
    if (!isIsoDate(e.recordedDate)) p.push(`${at}.recordedDate: "${e.recordedDate}" is not a date`);
    for (const [j, h] of (e.newHolders ?? []).entries())
      p.push(...holderProblems(h, `${at}.newHolders[${j}]`));
  });
  return p;
}
