import { describe, expect, it } from 'vitest';
import { collect, samplePath, tempFile } from '../../../../test/fixtures.js';
import type { LegalEvent } from '../../../core/index.js';
import type { EventsForRight } from '../types.js';
import { opsLegalReader } from './ops-legal.js';

async function members(file: string): Promise<EventsForRight[]> {
  const items = await collect(opsLegalReader.read(file));
  return items.map((i) => {
    if (i.type !== 'events') throw new Error(`expected events, got ${JSON.stringify(i)}`);
    return i.events;
  });
}

describe('opsLegalReader on EP1000000', () => {
  it('yields the family member with its number and a stub', async () => {
    const [m] = await members(samplePath('epo_ops_legal_EP1000000.xml'));
    expect(m?.office).toBe('EP');
    expect(m?.number).toBe('EP1000000A1');
    expect(m?.stub).toEqual({
      office: 'EP',
      kind: 'invention',
      applicationNumber: '99203729',
      publicationNumber: 'EP1000000A1',
      filingDate: '1999-11-08',
      publicationDate: '2000-05-17',
    });
    expect(m?.events).toHaveLength(50);
    expect(m?.events.every((e) => e.office === 'EP')).toBe(true);
  });

  it('gives the events their ST.27 categories from the code table', async () => {
    const [m] = await members(samplePath('epo_ops_legal_EP1000000.xml'));
    const byCode = (code: string) => m!.events.filter((e) => e.code === code);
    const categories = new Map(m!.events.map((e) => [e.code, e.category]));
    expect(Object.fromEntries(categories)).toMatchObject({
      '17Q': 'D',
      '17P': 'D',
      AKX: 'U',
      PG25: 'H',
      PGFP: 'U',
      GBPC: 'H',
      BERE: 'H',
      BECN: 'R',
      GRAA: 'F',
      PUAI: 'Q',
      TPAB: 'Y',
      '26N': 'L',
      REG: null,
    });
    expect(byCode('PG25')).toHaveLength(19);
    expect(byCode('GRAA').map((e) => e.type)).toEqual(['grant']);
    expect(byCode('17P').map((e) => e.type)).toEqual(['examination']);
  });

  it('keeps national events from ending the European right', async () => {
    const [m] = await members(samplePath('epo_ops_legal_EP1000000.xml'));
    const types = (code: string) => new Set(m!.events.filter((e) => e.code === code).map((e) => e.type));
    // A lapse in one contracting state (PG25), a GB or BE lapse, a BE name change: ST.27 H/R, type other.
    for (const code of ['PG25', 'GBPC', 'BERE', 'BECN']) expect(types(code)).toEqual(new Set(['other']));
  });

  it('dates events: effective from L525EP or the payment date, recorded on the gazette date', async () => {
    const [m] = await members(samplePath('epo_ops_legal_EP1000000.xml'));
    const first = (code: string) => m!.events.find((e) => e.code === code)!;
    const dates = (e: LegalEvent) => [e.effectiveDate, e.recordedDate];
    expect(dates(first('17Q'))).toEqual(['2002-04-23', '2002-06-05']);
    expect(dates(first('GBPC'))).toEqual(['2010-11-08', '2011-07-27']);
    expect(dates(first('PGFP'))).toEqual(['2009-11-30', '2010-02-26']);
    expect(dates(first('AX'))).toEqual(['2000-05-17', '2000-05-17']);
    expect(first('PG25').description).toMatch(
      /^LAPSED IN A CONTRACTING STATE .* \(CH; LAPSE BECAUSE OF FAILURE/,
    );
    expect(m!.events.find((e) => e.code === 'REG' && e.description?.includes('MM4A'))?.description).toBe(
      'REFERENCE TO A NATIONAL CODE (IE; MM4A PATENT LAPSED)',
    );
  });
});

const legal = (code: string, fields: string) =>
  `<ops:legal code="${code.padEnd(4)}" desc="SOMETHING ${code}" infl="+">
     <ops:L001EP desc="Country Code">CN</ops:L001EP>${fields}</ops:legal>`;

const family = (members: string) => `<?xml version="1.0" encoding="UTF-8"?>
<ops:world-patent-data xmlns="http://www.epo.org/exchange" xmlns:ops="http://ops.epo.org">
<ops:patent-family legal="true">${members}</ops:patent-family></ops:world-patent-data>`;

const member = (number: string, legals: string, application = '<doc-number>201910123456</doc-number>') =>
  `<ops:family-member family-id="1">
  <publication-reference><document-id document-id-type="docdb"><country>CN</country>
    <doc-number>${number}</doc-number><kind>B</kind><date>20210615</date></document-id></publication-reference>
  <application-reference><document-id document-id-type="docdb"><country>CN</country>${application}
    <kind>A</kind><date>20190301</date></document-id></application-reference>
  ${legals}
</ops:family-member>`;

describe('opsLegalReader on crafted responses', () => {
  it('maps CN codes through the table and falls back to the response for unknown codes', async () => {
    const file = tempFile(
      'cn-legal.xml',
      family(
        member(
          '110123456',
          legal(
            'CF01',
            '<ops:L007EP>2024-06-14</ops:L007EP><ops:L500EP><ops:L525EP>20240301</ops:L525EP></ops:L500EP>',
          ) + legal('ZZ99', '<ops:L007EP>2024-07-01</ops:L007EP>'),
        ),
      ),
    );
    const [m] = await members(file);
    expect(m?.number).toBe('CN110123456B');
    expect(
      m?.events.map((e) => [e.code, e.office, e.type, e.category, e.effectiveDate, e.recordedDate]),
    ).toEqual([
      ['CF01', 'CN', 'lapse', 'H', '2024-03-01', '2024-06-14'],
      ['ZZ99', 'CN', 'other', null, '2024-07-01', '2024-07-01'],
    ]);
    expect(m?.events[1]?.description).toBe('SOMETHING ZZ99');
  });

  it('rejects a member whose event has no gazette date or no application number, and reads the next', async () => {
    const file = tempFile(
      'bad-legal.xml',
      family(
        member('110000001', legal('CF01', '<ops:L007EP>not a date</ops:L007EP>')) +
          member('110000002', legal('CF01', '<ops:L007EP>2024-06-14</ops:L007EP>'), '') +
          member('110000003', legal('CF01', '<ops:L007EP>2024-06-14</ops:L007EP>')),
      ),
    );
    const items = await collect(opsLegalReader.read(file));
    expect(items.map((i) => (i.type === 'reject' ? i.reason : i.type))).toEqual([
      'CF01 gazette date (L007EP) "not a date" is not a date',
      'missing application number',
      'events',
    ]);
  });
});
