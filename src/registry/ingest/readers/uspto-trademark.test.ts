import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collect, samplePath, tempFile } from '../../../../test/fixtures.js';
import type { RightRecord } from '../../../core/index.js';
import { classifyTmEvent } from './uspto-tm-events.js';
import { usptoTrademarkReader } from './uspto-trademark.js';

const SAMPLE = 'uspto_tm_daily_casefile_98423838_registered.xml';
const caseFile = readFileSync(samplePath(SAMPLE), 'utf8');

describe('usptoTrademarkReader on case file 98423838', () => {
  it('reads the registration', async () => {
    const [item] = await collect(usptoTrademarkReader.read(samplePath(SAMPLE)));
    if (item?.type !== 'right') throw new Error(JSON.stringify(item));
    expect(item.position).toEqual({ offset: 16, line: 1 });
    expect(item.record).toMatchObject({
      office: 'US',
      kind: 'trademark',
      applicationNumber: '98423838',
      publicationNumber: null,
      grantNumber: '7463601',
      filingDate: '2024-02-27',
      publicationDate: '2024-05-14',
      grantDate: '2024-07-30',
      title: 'THE ELLINGTON AT OVIEDO PARK',
      nice: [36],
      ipc: [],
    });
    // Owners are listed once per stage (10, 20, 30): the holder is the original applicant, once.
    expect(item.record.holders).toEqual([
      {
        name: 'Brand Properties, LLC',
        type: 'unknown',
        country: 'US',
        regionCode: null,
        regionConfidence: 0,
        regionSource: 'unknown',
        address: '2827 Peachtree Road NE, Suite 600, Atlanta, GA, 30305',
      },
    ]);
  });

  it('keeps every event with its USPTO code, in date order, and classifies registration and publication', async () => {
    const [item] = await collect(usptoTrademarkReader.read(samplePath(SAMPLE)));
    if (item?.type !== 'right') throw new Error(JSON.stringify(item));
    const events = item.record.events;
    expect(events).toHaveLength(18);
    expect(events.map((e) => e.effectiveDate)).toEqual([...events.map((e) => e.effectiveDate)].sort());
    const find = (code: string) => events.find((e) => e.code === code);
    expect(find('R.PR')).toEqual({
      type: 'grant',
      category: 'F',
      code: 'R.PR',
      office: 'US',
      effectiveDate: '2024-07-30',
      recordedDate: '2024-07-30',
      description: 'REGISTERED-PRINCIPAL REGISTER',
    });
    expect([find('PUBO')?.type, find('PUBO')?.category]).toEqual(['publication', 'Q']);
    expect([find('NWAP')?.type, find('NWAP')?.category]).toEqual(['filing', 'A']);
    expect([find('NPUB')?.type, find('NRCC')?.type]).toEqual(['other', 'other']);
    expect(events.filter((e) => e.type === 'grant')).toHaveLength(1);
  });
});

/** The sample case file changed: another serial number, status, and extra XML spliced in. */
function variant(serial: string, change: (xml: string) => string = (x) => x): string {
  return change(
    caseFile.replace('<serial-number>98423838</serial-number>', `<serial-number>${serial}</serial-number>`),
  );
}

const daily = (caseFiles: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<trademark-applications-daily>
  <version><version-no>2.0</version-no><version-date>20120321</version-date></version>
  <creation-datetime>202409141200</creation-datetime>
  <application-information><file-segments><file-segment>TRMK</file-segment>
    <action-keys><action-key>00</action-key>
${caseFiles.join('')}
    </action-keys></file-segments></application-information>
</trademark-applications-daily>
`;

async function read(caseFiles: string[]) {
  return collect(usptoTrademarkReader.read(tempFile(`daily-${caseFiles.length}.xml`, daily(caseFiles))));
}

describe('usptoTrademarkReader on a daily file', () => {
  it('adds the cessation a cancelled status implies when the events lack it', async () => {
    const cancelled = variant('71000001', (x) =>
      x
        .replace('<status-code>700</status-code>', '<status-code>710</status-code>')
        .replace('<status-date>20240730</status-date>', '<status-date>20310315</status-date>'),
    );
    const [item] = await read([cancelled]);
    if (item?.type !== 'right') throw new Error(JSON.stringify(item));
    expect(item.record.events.at(-1)).toEqual({
      type: 'cessation',
      category: 'H',
      code: 'STATUS-710',
      office: 'US',
      effectiveDate: '2031-03-15',
      recordedDate: '2031-03-15',
      description: 'case file status 710: registration cancelled',
    });
  });

  it('adds nothing when an event already says so', async () => {
    const cancelledWithEvent = variant('71000002', (x) =>
      x.replace('<status-code>700</status-code>', '<status-code>710</status-code>').replace(
        '</case-file-event-statements>',
        `<case-file-event-statement><code>COS8</code><type>O</type>
            <description-text>CANCELLED SEC. 8 (6-YR)</description-text><date>20310310</date><number>19</number>
          </case-file-event-statement></case-file-event-statements>`,
      ),
    );
    const [item] = await read([cancelledWithEvent]);
    if (item?.type !== 'right') throw new Error(JSON.stringify(item));
    expect(item.record.events.filter((e) => e.category === 'H').map((e) => [e.code, e.type])).toEqual([
      ['COS8', 'cessation'],
    ]);
  });

  it('keeps only Nice classes 1..45 and rejects bad case files without stopping', async () => {
    const classes = variant('90000001', (x) =>
      x.replace(
        '<international-code>036</international-code>',
        '<international-code>009</international-code><international-code>A</international-code><international-code>200</international-code><international-code>042</international-code>',
      ),
    );
    const noSerial = variant('', (x) => x.replace('<serial-number></serial-number>', ''));
    const badDate = variant('90000003', (x) => x.replace('<date>20240402</date>', '<date>20241402</date>'));
    const items = await read([classes, noSerial, badDate, variant('90000004')]);
    expect(items.map((i) => (i.type === 'reject' ? i.reason : i.type))).toEqual([
      'right',
      'missing serial number',
      'DOCK event date "20241402" is not a date',
      'right',
    ]);
    const records = items.flatMap((i) => (i.type === 'right' ? [i.record] : [])) as RightRecord[];
    expect(records.map((r) => [r.applicationNumber, r.nice])).toEqual([
      ['90000001', [9, 42]],
      ['90000004', [36]],
    ]);
    const reject = items[1]!;
    const bytes = Buffer.from(daily([classes, noSerial, badDate, variant('90000004')]));
    expect(bytes.subarray(reject.position.offset!).toString('utf8', 0, 11)).toBe('<case-file>');
    expect(reject.position.offset).toBeGreaterThan(bytes.indexOf('90000001'));
    expect(reject.position.offset).toBeLessThan(bytes.indexOf('90000003'));
  });
});

describe('classifyTmEvent', () => {
  it.each([
    ['R.SR', 'REGISTERED-SUPPLEMENTAL REGISTER', 'grant', 'F'],
    ['X', 'REGISTERED AND RENEWED (FIRST RENEWAL - 10 YRS)', 'renewal', 'M'],
    ['X', 'REGISTERED - SEC. 8 (10-YR) ACCEPTED/SEC. 9 GRANTED', 'renewal', 'M'],
    ['X', 'SEC. 8 & 9 FILED', 'other', null],
    ['X', 'CANCELLED SEC. 8 (6-YR)', 'cessation', 'H'],
    ['X', 'NOTICE OF ALLOWANCE CANCELLED', 'other', null],
    ['X', 'ABANDONMENT - FAILURE TO RESPOND OR LATE RESPONSE', 'withdrawal', 'B'],
    ['X', 'ABANDONMENT NOTICE MAILED - FAILURE TO RESPOND', 'other', null],
    ['X', 'AUTOMATIC UPDATE OF ASSIGNMENT OF OWNERSHIP', 'transfer', 'R'],
    ['X', 'REGISTERED - SEC. 8 (6-YR) ACCEPTED & SEC. 15 ACK.', 'other', 'M'],
    ['X', 'SOMETHING NEW', 'other', null],
  ])('%s %s → %s %s', (code, description, type, category) => {
    expect(classifyTmEvent(code, description)).toEqual({ type, category });
  });
});
