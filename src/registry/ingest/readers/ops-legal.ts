import type { EventType, IsoDate, LegalEvent } from '../../../core/index.js';
import { lookupEventCode } from '../../../reference/event-codes.js';
import type { FormatReader } from '../types.js';
import { docdbId, publicationNumber } from './docdb.js';
import { isOpsLegal } from './ops-biblio.js';
import { countryCode, kindOfRight } from './patent-fields.js';
import { dateOf, type Mapped, need, RecordProblem, readRecords } from './reader-kit.js';
import { child, childrenNamed, textAt, type XmlNode } from './xml-tree.js';

/**
 * EPO OPS INPADOC legal-status responses (`ops:patent-family/ops:family-member`, each with its
 * `ops:legal` events): one `events` item per family member, identified by its DOCDB publication
 * number (`EP1000000A1`) and carrying a stub so the loader can create the right if it is new.
 *
 * Dates of an event, from its `ops:Lxxx` fields:
 * - recordedDate: L007EP "Gazette date", when the office published the event;
 * - effectiveDate: L525EP "Effective date" when given (inside L500EP), else L518EP "Payment date"
 *   for fee events, else the gazette date. Both are kept as published, even when the effective date
 *   is later than the gazette date. (L018EP "date last exchanged" and L019EP "date first created" are
 *   EPO database bookkeeping, and L018EP is often the placeholder 0001-01-01: neither is used.)
 */
export const opsLegalReader: FormatReader = {
  format: 'ops-legal',
  detect: (head) => isOpsLegal(head),
  read: (file) =>
    readRecords(
      file,
      {
        records: ['family-member'],
        ignore: ['pre', 'priority-claim', 'exchange-document'],
        // The events' raw text lines (a quarter of the bytes), never used: cut out unparsed.
        skipUnparsed: ['ops:pre'],
      },
      mapFamilyMember,
    ),
};

export function mapFamilyMember(member: XmlNode): Mapped {
  const pub = need(docdbId(child(member, 'publication-reference'), 'publication'), 'publication-reference');
  const office = need(pub.country, 'publication country');
  const kindCode = need(pub.kind, 'kind code');
  const kind = kindOfRight(office, kindCode);
  if (!kind)
    throw new RecordProblem(`kind code ${office} ${kindCode} is not one ipregion maps to a kind of right`);
  const number = publicationNumber(office, need(pub.number, 'publication number'), kindCode);
  const app = need(docdbId(child(member, 'application-reference'), 'application'), 'application-reference');
  return {
    type: 'events',
    events: {
      office,
      number,
      events: childrenNamed(member, 'legal').map((legal) => legalEvent(legal, office)),
      stub: {
        office,
        kind,
        applicationNumber: need(app.number, 'application number'),
        publicationNumber: number,
        filingDate: app.date,
        publicationDate: pub.date,
      },
    },
  };
}

function legalEvent(legal: XmlNode, memberOffice: string): LegalEvent {
  const code = need((legal.attrs.code ?? textAt(legal, 'L008EP') ?? '').trim(), 'legal event code');
  // The authority that published the event: an EP family member also carries the EPO's reports of
  // national events (PG25, GBPC …), all under authority EP.
  const office = countryCode(textAt(legal, 'L001EP')) ?? memberOffice;
  const recordedDate = need(
    dateOf(textAt(legal, 'L007EP'), `${code} gazette date (L007EP)`),
    `${code} gazette date`,
  );
  const details = child(legal, 'L500EP');
  const effectiveDate: IsoDate =
    dateOf(textAt(details, 'L525EP'), `${code} effective date (L525EP)`) ??
    dateOf(textAt(details, 'L518EP'), `${code} payment date (L518EP)`) ??
    recordedDate;
  const info = lookupEventCode(office, code);
  const desc = (legal.attrs.desc ?? '').trim() || info?.description || code;
  return {
    type: info ? typeFor(office, info.type, info.description) : 'other',
    category: info?.category ?? null,
    code,
    office,
    effectiveDate,
    recordedDate,
    description: withDetails(desc, details),
  };
}

/**
 * The EPO reports some national events under its own authority with the state as a prefix
 * (`GB: EUROPEAN PATENT CEASED THROUGH NON-PAYMENT OF RENEWAL FEE`, `BE: LAPSED`). They end or change
 * the patent in that state only, so they must not end the European right: their ST.27 category is
 * kept, their type becomes `other`, as the code table already does for PG25 ("lapsed in a contracting
 * state"). This belongs in the code table (reference/event-codes.ts); it sits here until it moves.
 */
function typeFor(office: string, tableType: EventType, tableDescription: string): EventType {
  const state = /^([A-Z]{2}):/.exec(tableDescription)?.[1];
  return state && state !== office ? 'other' : tableType;
}

/** The event's own details (state, national code, free text …) appended to its description. */
function withDetails(desc: string, details: XmlNode | null): string {
  const parts: string[] = [];
  const at = (local: string) => textAt(details, local);
  const state = at('L501EP');
  if (state) parts.push(state);
  const national = child(details, 'L502EP');
  if (national) parts.push([textAt(details, 'L502EP'), national.attrs.descData].filter(Boolean).join(' '));
  const corresponding = [at('L504EP'), at('L503EP'), at('L506EP')].filter(Boolean).join('');
  if (at('L503EP')) parts.push(corresponding);
  else if (at('L506EP')) parts.push(`kind ${at('L506EP')}`);
  const states = at('L507EP');
  if (states) parts.push(`designated states ${states}`);
  const owner = at('L509EP');
  if (owner) parts.push(`owner ${owner}`);
  const free = at('L510EP');
  if (free) parts.push(free);
  const year = at('L520EP');
  if (year) parts.push(`fee year ${year}`);
  return parts.length > 0 ? `${desc} (${parts.join('; ')})` : desc;
}
