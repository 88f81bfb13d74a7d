import type { Holder, IsoDate, LegalEvent, RightKind, RightRecord } from '../../../core/index.js';
import type { FormatReader } from '../types.js';
import { countryCode, distinct, holder, kindOfRight, normalizeIpc, recordEvent } from './patent-fields.js';
import { dateOf, type Mapped, need, RecordProblem, readRecords } from './reader-kit.js';
import { child, childrenNamed, path, text, textAt, type XmlNode } from './xml-tree.js';

/**
 * USPTO patent full text (red book / yellow book XML, v4.x): `us-patent-grant` and
 * `us-patent-application` documents, one right each. Weekly bulk files concatenate thousands of them,
 * each with its own XML declaration and DOCTYPE; each is parsed on its own.
 *
 * Numbers: the application number as the XML gives it, plain digits with the series code
 * (`13648029`, not `13/648,029`); publication and grant numbers in DOCDB form, country + number +
 * kind, without USPTO's zero padding (`US8930553B2`, `USD712345S`, and `US2014101323A1` for the
 * pre-grant publication USPTO numbers `20140101323`), so they match what OPS returns.
 */
export const usptoGrantReader: FormatReader = {
  format: 'uspto-grant',
  detect: (head) =>
    /<!DOCTYPE\s+us-patent-(grant|application)\b|<us-patent-(grant|application)[\s>]/.test(head),
  read: (file) =>
    readRecords(
      file,
      {
        records: ['us-patent-grant', 'us-patent-application'],
        // Description, claims and citations are ~90% of a document and unused: the scanner cuts
        // them out before parsing (see XmlReadOptions.skipUnparsed), which is what makes bulk files fast.
        skipUnparsed: ['us-references-cited', 'references-cited'],
        skipTail: ['drawings', 'description'],
        ignore: ['inventors', 'agents', 'examiners', 'us-field-of-classification-search', 'claims'],
      },
      mapUsptoDocument,
    ),
};

export function mapUsptoDocument(doc: XmlNode): Mapped {
  const isGrant = doc.local === 'us-patent-grant';
  const bib = child(doc, isGrant ? 'us-bibliographic-data-grant' : 'us-bibliographic-data-application');
  const pub = need(path(bib, 'publication-reference', 'document-id'), 'publication-reference');
  const kindCode = need(textAt(pub, 'kind'), 'kind code');
  const number = usPublicationNumber(need(textAt(pub, 'doc-number'), 'publication number'), kindCode);
  const date = need(dateOf(textAt(pub, 'date'), 'publication date'), 'publication date');
  const appRef = need(child(bib, 'application-reference'), 'application-reference');
  const applicationNumber = need(textAt(appRef, 'document-id', 'doc-number'), 'application number');
  const kind = kindOf(appRef.attrs['appl-type'], kindCode);
  const prior = isGrant ? priorPublication(bib) : null;

  const events: LegalEvent[] = [];
  const firstPublication = prior ?? { number, date };
  events.push(
    recordEvent('publication', 'US', firstPublication.date, `publication ${firstPublication.number}`),
  );
  if (isGrant) events.push(recordEvent('grant', 'US', date, `grant published as ${number}`));

  const record: RightRecord = {
    office: 'US',
    kind,
    applicationNumber: applicationNumber.replace(/[^0-9A-Za-z]/g, ''),
    publicationNumber: firstPublication.number,
    grantNumber: isGrant ? number : null,
    filingDate: dateOf(textAt(appRef, 'document-id', 'date'), 'filing date'),
    publicationDate: firstPublication.date,
    grantDate: isGrant ? date : null,
    title: textAt(bib, 'invention-title'),
    abstract: textAt(doc, 'abstract'),
    ipc: ipcOf(bib),
    locarno: [],
    nice: [],
    holders: holdersOf(bib),
    events,
  };
  return { type: 'right', record };
}

/** Utility, plant and reissue patents are inventions in ipregion's kinds; designs are designs. */
function kindOf(applType: string | undefined, kindCode: string): RightKind {
  if (applType === 'design') return 'design';
  if (applType === 'utility' || applType === 'plant' || applType === 'reissue') return 'invention';
  const kind = kindOfRight('US', kindCode);
  if (!kind) throw new RecordProblem(`kind code US ${kindCode} is not one ipregion maps to a kind of right`);
  return kind;
}

/** USPTO's `08930553` / `D0712345` / `20140101323` in DOCDB form: `US8930553B2` … `US2014101323A1`. */
export function usPublicationNumber(docNumber: string, kindCode: string): string {
  const n = docNumber.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  const prePublication = /^(\d{4})0(\d{6})$/.exec(n);
  if (prePublication) return `US${prePublication[1]}${prePublication[2]}${kindCode}`;
  const m = /^([A-Z]*)0*(\d+)$/.exec(n);
  return m ? `US${m[1]}${m[2]}${kindCode}` : `US${n}${kindCode}`;
}

/** The pre-grant publication a grant names under `us-related-documents` ("prior publication data"). */
function priorPublication(bib: XmlNode | null): { number: string; date: IsoDate } | null {
  for (const rel of childrenNamed(child(bib, 'us-related-documents'), 'related-publication')) {
    const id = child(rel, 'document-id');
    const docNumber = textAt(id, 'doc-number');
    const date = dateOf(textAt(id, 'date'), 'prior publication date');
    if (docNumber && date && (textAt(id, 'country') ?? 'US') === 'US') {
      return { number: usPublicationNumber(docNumber, textAt(id, 'kind') ?? 'A1'), date };
    }
  }
  return null;
}

/** IPC from `classifications-ipcr` (section … subgroup as parts), else the old `classification-ipc`. */
function ipcOf(bib: XmlNode | null): string[] {
  const ipcr = childrenNamed(child(bib, 'classifications-ipcr'), 'classification-ipcr').map(
    (c) =>
      ['section', 'class', 'subclass', 'main-group'].map((f) => textAt(c, f) ?? '').join('') +
      `/${textAt(c, 'subgroup') ?? ''}`,
  );
  const old = child(bib, 'classification-ipc');
  const texts =
    ipcr.length > 0
      ? ipcr
      : [child(old, 'main-classification'), ...childrenNamed(old, 'further-classification')].map((n) =>
          // The old form may start with the IPC edition: `7G06F 15/16`.
          text(n).replace(/^\d(?=[A-H]\d\d[A-Z])/, ''),
        );
  return distinct(texts.map(normalizeIpc).filter((c): c is string => c !== null));
}

/** Assignees when the document names any, else the applicants (who, before 2012, were the inventors). */
function holdersOf(bib: XmlNode | null): Holder[] {
  const assignees = childrenNamed(child(bib, 'assignees'), 'assignee');
  const applicants = [
    ...childrenNamed(path(bib, 'us-parties', 'us-applicants'), 'us-applicant'),
    ...childrenNamed(path(bib, 'parties', 'applicants'), 'applicant'),
  ];
  const parties = assignees.length > 0 ? assignees : applicants;
  const holders: Holder[] = [];
  for (const party of parties) {
    const book = child(party, 'addressbook') ?? party;
    const person = [textAt(book, 'first-name'), textAt(book, 'last-name')].filter(Boolean).join(' ');
    const name = textAt(book, 'orgname') ?? person;
    if (name === '' || holders.some((h) => h.name === name)) continue;
    const address = child(book, 'address');
    const lines = address ? address.children.map(text).filter(Boolean).join(', ') : '';
    holders.push(holder(name, countryCode(textAt(address, 'country')), lines === '' ? null : lines));
  }
  return holders;
}
