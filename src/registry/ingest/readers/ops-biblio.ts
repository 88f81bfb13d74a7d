import type { Holder, LegalEvent, RightRecord } from '../../../core/index.js';
import type { FormatReader } from '../types.js';
import { docdbId, publicationNumber } from './docdb.js';
import {
  countryCode,
  distinct,
  holder,
  inOfficeLanguage,
  isGrantPublication,
  kindOfRight,
  normalizeIpc,
  recordEvent,
  splitCountrySuffix,
} from './patent-fields.js';
import { type Mapped, need, RecordProblem, readRecords } from './reader-kit.js';
import { child, childrenNamed, path, text, textAt, type XmlNode } from './xml-tree.js';

/**
 * EPO OPS bibliographic responses (`ops:world-patent-data/exchange-documents/exchange-document`,
 * DOCDB exchange format): one right per exchange document.
 */
export const opsBiblioReader: FormatReader = {
  format: 'ops-biblio',
  detect: (head) => /<([\w.-]+:)?exchange-document[\s>]/.test(head) && !isOpsLegal(head),
  read: (file) =>
    readRecords(
      file,
      {
        records: ['exchange-document'],
        ignore: ['references-cited', 'patent-classifications', 'priority-claims', 'inventors', 'description'],
        // Half of an exchange document's bytes, never stored: cut out before the parser sees them.
        skipUnparsed: ['references-cited', 'patent-classifications'],
      },
      mapExchangeDocument,
    ),
};

/** An OPS legal-status response, which also names exchange documents but is read by ops-legal. */
export function isOpsLegal(head: string): boolean {
  return /<([\w.-]+:)?patent-family[^>]*\blegal="true"/.test(head) || /<ops:legal[\s>]/.test(head);
}

export function mapExchangeDocument(doc: XmlNode): Mapped {
  const bib = child(doc, 'bibliographic-data');
  const pub = need(docdbId(child(bib, 'publication-reference'), 'publication'), 'publication-reference');
  const office = need(pub.country ?? countryCode(doc.attrs.country), 'publication country');
  const number = need(pub.number ?? doc.attrs['doc-number'], 'publication number');
  const kindCode = need(pub.kind ?? doc.attrs.kind, 'kind code');
  const kind = kindOfRight(office, kindCode);
  if (!kind)
    throw new RecordProblem(`kind code ${office} ${kindCode} is not one ipregion maps to a kind of right`);
  const publicationDate = need(pub.date, 'publication date');
  const app = need(docdbId(child(bib, 'application-reference'), 'application'), 'application-reference');
  const applicationNumber = need(app.number, 'application number');

  const pubNumber = publicationNumber(office, number, kindCode);
  const granted = isGrantPublication(office, kindCode);
  const events: LegalEvent[] = [publicationEvent(office, kindCode, pubNumber, publicationDate)];
  if (granted) events.push(recordEvent('grant', office, publicationDate, `grant published as ${pubNumber}`));

  const record: RightRecord = {
    office,
    kind,
    applicationNumber,
    publicationNumber: pubNumber,
    grantNumber: granted ? pubNumber : null,
    filingDate: app.date,
    publicationDate,
    grantDate: granted ? publicationDate : null,
    title: inOfficeLanguage(childrenNamed(bib, 'invention-title'), office),
    abstract: abstractOf(childrenNamed(doc, 'abstract'), office),
    ipc: ipcOf(bib),
    locarno: [],
    nice: [],
    holders: applicantsOf(path(bib, 'parties', 'applicants')),
    events,
  };
  return { type: 'right', record };
}

/** EP B2/B3 re-publish a granted patent after opposition or limitation: ST.27 "P", not a new grant. */
function publicationEvent(office: string, kindCode: string, pubNumber: string, date: string): LegalEvent {
  const event = recordEvent('publication', office, date, `publication ${pubNumber}`);
  if (office === 'EP' && /^B[23]$/.test(kindCode)) return { ...event, category: 'P' };
  return event;
}

/** IPC from `classifications-ipcr`, else from the pre-2006 `classification-ipc` texts. */
function ipcOf(bib: XmlNode | null): string[] {
  const ipcr = childrenNamed(child(bib, 'classifications-ipcr'), 'classification-ipcr').map((c) =>
    textAt(c, 'text'),
  );
  const texts = ipcr.length > 0 ? ipcr : childrenNamed(child(bib, 'classification-ipc'), 'text').map(text);
  return distinct(texts.map((t) => normalizeIpc(t ?? '')).filter((c): c is string => c !== null));
}

/** EPO marks a drawing in an abstract with `<IMAGE>`, which is not part of the text. */
function abstractOf(abstracts: XmlNode[], office: string): string | null {
  const t = inOfficeLanguage(abstracts, office);
  if (t === null) return null;
  const cleaned = t.replace(/\s*<IMAGE>\s*/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/** Data formats of applicant names, best first: the name as the office published it, then EPO's forms. */
const NAME_FORMATS = ['original', 'docdb', 'epodoc'];

/**
 * The applicants in `sequence` order, in the best data format present. The country comes from
 * `residence` when given, else from the `[NL]` suffix EPO appends to the name in DOCDB/EPODOC form
 * (looked up in the other formats for the same sequence when the chosen one lacks it).
 */
function applicantsOf(applicants: XmlNode | null): Holder[] {
  const all = childrenNamed(applicants, 'applicant');
  const format = NAME_FORMATS.find((f) => all.some((a) => a.attrs['data-format'] === f));
  const chosen = all
    .filter((a) => format === undefined || a.attrs['data-format'] === format)
    .sort((a, b) => Number(a.attrs.sequence ?? 0) - Number(b.attrs.sequence ?? 0));
  const suffixCountry = (sequence: string | undefined): string | null => {
    for (const a of all) {
      if (a.attrs.sequence !== sequence) continue;
      const c = splitCountrySuffix(textAt(a, 'applicant-name', 'name') ?? '').country;
      if (c) return c;
    }
    return null;
  };
  const holders: Holder[] = [];
  for (const a of chosen) {
    const { name, country } = splitCountrySuffix(textAt(a, 'applicant-name', 'name') ?? '');
    if (name === '' || holders.some((h) => h.name === name)) continue;
    const residence = countryCode(textAt(a, 'residence', 'country'));
    const address = child(a, 'address');
    const addressText = address
      ? address.children.map(text).filter(Boolean).join(', ') || text(address)
      : null;
    holders.push(holder(name, residence ?? country ?? suffixCountry(a.attrs.sequence), addressText));
  }
  return holders;
}
