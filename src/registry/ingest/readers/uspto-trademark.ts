import type { Holder, IsoDate, LegalEvent, RightRecord } from '../../../core/index.js';
import type { FormatReader } from '../types.js';
import { countryCode, holder } from './patent-fields.js';
import { dateOf, type Mapped, need, RecordProblem, readRecords } from './reader-kit.js';
import { classifyTmEvent, statusEvent } from './uspto-tm-events.js';
import { child, childrenNamed, textAt, type XmlNode } from './xml-tree.js';

/**
 * USPTO trademark case files: the daily and annual XML (`trademark-applications-daily` →
 * `application-information` → `file-segments` → `action-keys` → `case-file`), or a bare `case-file`
 * as TSDR exports it. One right per case file: the serial number is its application number, the
 * registration number its grant number.
 */
export const usptoTrademarkReader: FormatReader = {
  format: 'uspto-trademark',
  detect: (head) =>
    /<(trademark-applications-daily|case-file)[\s>]|<!DOCTYPE\s+trademark-applications-daily\b/.test(head),
  read: (file) =>
    readRecords(
      file,
      {
        records: ['case-file'],
        // Goods and services texts can run to pages and are not stored: cut out before parsing.
        skipUnparsed: ['case-file-statements'],
        ignore: ['correspondent', 'design-searches', 'prior-registration-applications'],
      },
      mapCaseFile,
    ),
};

export function mapCaseFile(caseFile: XmlNode): Mapped {
  const header = child(caseFile, 'case-file-header');
  const serial = need(textAt(caseFile, 'serial-number'), 'serial number');
  if (!/^\d{8}$/.test(serial)) throw new RecordProblem(`serial number "${serial}" is not 8 digits`);
  const registration = textAt(caseFile, 'registration-number');
  const events = caseFileEvents(caseFile);
  // The status is the office's own summary: when it says cancelled, expired or abandoned and the
  // history does not, the event it implies is added, marked `STATUS-<code>` (see statusEvent).
  const statusCode = textAt(header, 'status-code');
  if (statusCode) {
    const implied = statusEvent(statusCode, tmDate(textAt(header, 'status-date'), 'status date'), events);
    if (implied === 'undated') throw new RecordProblem(`status ${statusCode} has no status date`);
    if (implied) events.push(implied);
  }
  const record: RightRecord = {
    office: 'US',
    kind: 'trademark',
    applicationNumber: serial,
    publicationNumber: null,
    grantNumber: registration && !/^0+$/.test(registration) ? registration : null,
    filingDate: tmDate(textAt(header, 'filing-date'), 'filing date'),
    publicationDate: tmDate(textAt(header, 'published-for-opposition-date'), 'publication date'),
    grantDate: tmDate(textAt(header, 'registration-date'), 'registration date'),
    title: textAt(header, 'mark-identification'),
    abstract: null,
    ipc: [],
    locarno: [],
    nice: niceClasses(caseFile),
    holders: owners(caseFile),
    events,
  };
  return { type: 'right', record };
}

/** Case files fill unknown dates with zeros. */
function tmDate(value: string | null, field: string): IsoDate | null {
  return value && /^0+$/.test(value) ? null : dateOf(value, field);
}

/** The prosecution history, in date order (the file lists it in entry order, which is not). */
function caseFileEvents(caseFile: XmlNode): LegalEvent[] {
  const statements = childrenNamed(
    child(caseFile, 'case-file-event-statements'),
    'case-file-event-statement',
  );
  const dated = statements.map((s) => {
    const code = need(textAt(s, 'code'), 'event code');
    const date = need(tmDate(textAt(s, 'date'), `${code} event date`), `${code} event date`);
    const description = textAt(s, 'description-text');
    const { type, category } = classifyTmEvent(code, description ?? '');
    const event: LegalEvent = {
      type,
      category,
      code,
      office: 'US',
      effectiveDate: date,
      recordedDate: date,
      description,
    };
    return { event, order: Number(textAt(s, 'number') ?? 0) };
  });
  dated.sort((a, b) => a.event.effectiveDate.localeCompare(b.event.effectiveDate) || a.order - b.order);
  return dated.map((d) => d.event);
}

/** International (Nice) classes 1..45; USPTO's own codes (`A`, `B`, `200`) in the same element are not. */
function niceClasses(caseFile: XmlNode): number[] {
  const classes = new Set<number>();
  for (const c of childrenNamed(child(caseFile, 'classifications'), 'classification')) {
    for (const code of childrenNamed(c, 'international-code')) {
      const t = textAt(code) ?? '';
      const n = /^\d{1,3}$/.test(t) ? Number(t) : 0;
      if (n >= 1 && n <= 45) classes.add(n);
    }
  }
  return [...classes].sort((a, b) => a - b);
}

/**
 * The owners at filing: the case file lists each owner once per stage (`party-type` 10 original
 * applicant, 20 owner at publication, 30 original registrant, 40+ later owners), so the holders are
 * those of the earliest stage present. Legal entity type 01 (individual) is the only type the record
 * settles; the loader classifies the rest from the names.
 */
function owners(caseFile: XmlNode): Holder[] {
  const all = childrenNamed(child(caseFile, 'case-file-owners'), 'case-file-owner');
  const stage = (o: XmlNode) => {
    const n = Number(textAt(o, 'party-type'));
    return Number.isFinite(n) && n > 0 ? n : 99;
  };
  const first = Math.min(...all.map(stage));
  const holders: Holder[] = [];
  for (const o of all.filter((x) => stage(x) === first)) {
    const name = textAt(o, 'party-name');
    if (!name || holders.some((h) => h.name === name)) continue;
    const nationality = child(o, 'nationality');
    const state = textAt(o, 'state') ?? textAt(nationality, 'state');
    const country = countryCode(textAt(o, 'country')) ?? countryCode(textAt(nationality, 'country'));
    const address = ['address-1', 'address-2', 'city', 'state', 'postcode', 'country']
      .map((f) => textAt(o, f))
      .filter(Boolean)
      .join(', ');
    const h = holder(name, country ?? (state ? 'US' : null), address);
    if (textAt(o, 'legal-entity-type-code') === '01') h.type = 'individual';
    holders.push(h);
  }
  return holders;
}
