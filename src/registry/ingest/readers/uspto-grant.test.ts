import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collect, samplePath, tempFile } from '../../../../test/fixtures.js';
import { usPublicationNumber, usptoGrantReader } from './uspto-grant.js';

const grant = readFileSync(samplePath('uspto_grant_v45_US08930553.xml'), 'utf8');

/** The sample with another patent number, application number and title. */
const variant = (i: number) =>
  grant
    .replaceAll('08930553', String(8_930_553 + i).padStart(8, '0'))
    .replace('<doc-number>13648029</doc-number>', `<doc-number>${13_648_029 + i}</doc-number>`);

describe('usptoGrantReader on US8930553', () => {
  it('reads the grant', async () => {
    const [item] = await collect(usptoGrantReader.read(samplePath('uspto_grant_v45_US08930553.xml')));
    if (item?.type !== 'right') throw new Error(JSON.stringify(item));
    expect(item.position).toEqual({ offset: 114, line: 3 });
    expect(item.record).toMatchObject({
      office: 'US',
      kind: 'invention',
      applicationNumber: '13648029',
      publicationNumber: 'US2014101323A1',
      grantNumber: 'US8930553B2',
      filingDate: '2012-10-09',
      publicationDate: '2014-04-10',
      grantDate: '2015-01-06',
      title: 'Managing mid-dialog session initiation protocol (SIP) messages',
      ipc: ['G06F 15/16'],
    });
    expect(item.record.abstract).toMatch(/^Processing mid-dialog SIP messages .* new SIP session\.$/);
    expect(item.record.holders).toEqual([
      {
        name: 'International Business Machines Corporation',
        type: 'unknown',
        country: 'US',
        regionCode: null,
        regionConfidence: 0,
        regionSource: 'unknown',
        address: 'Armonk, NY, US',
      },
    ]);
    expect(item.record.events.map((e) => [e.type, e.category, e.code, e.effectiveDate])).toEqual([
      ['publication', 'Q', null, '2014-04-10'],
      ['grant', 'F', null, '2015-01-06'],
    ]);
  });
});

describe('usptoGrantReader on a bulk file', () => {
  it('reads the documents around a truncated one and rejects it at its offset', async () => {
    const first = variant(1);
    const middle = variant(2).slice(0, 25_000);
    const content = first + middle + variant(3);
    const items = await collect(usptoGrantReader.read(tempFile('bulk.xml', content)));
    expect(items.map((i) => i.type)).toEqual(['right', 'reject', 'right']);
    const [a, bad, c] = items;
    expect(a?.type === 'right' && a.record.grantNumber).toBe('US8930554B2');
    expect(c?.type === 'right' && c.record.grantNumber).toBe('US8930556B2');
    expect(c?.type === 'right' && c.record.applicationNumber).toBe('13648032');
    expect(bad?.position.offset).toBe(Buffer.byteLength(first));
    expect(bad?.position.line).toBe(first.split('\n').length);
    expect(bad?.type === 'reject' && bad.reason).toMatch(/^malformed XML document at byte 40416/);
    expect(bad?.type === 'reject' && bad.excerpt).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
  });

  it('rejects a document with a missing application number or an unknown kind', async () => {
    const noApplication = variant(2).replace(/<application-reference[\s\S]*?<\/application-reference>/, '');
    const sir = variant(3)
      .replace('<kind>B2</kind>', '<kind>H1</kind>')
      .replace('appl-type="utility"', 'appl-type="sir"');
    const items = await collect(
      usptoGrantReader.read(tempFile('missing.xml', variant(1) + noApplication + sir)),
    );
    expect(items.map((i) => (i.type === 'reject' ? i.reason : i.type))).toEqual([
      'right',
      'missing application-reference',
      'kind code US H1 is not one ipregion maps to a kind of right',
    ]);
  });

  it('reads a pre-grant publication and a design grant', async () => {
    const application = grant
      .replace('<!DOCTYPE us-patent-grant', '<!DOCTYPE us-patent-application')
      .replaceAll('us-patent-grant', 'us-patent-application')
      .replaceAll('us-bibliographic-data-grant', 'us-bibliographic-data-application')
      .replace(
        /<publication-reference>[\s\S]*?<\/publication-reference>/,
        '<publication-reference><document-id><country>US</country><doc-number>20140101323</doc-number><kind>A1</kind><date>20140410</date></document-id></publication-reference>',
      )
      .replace(/<assignees>[\s\S]*?<\/assignees>/, '');
    const design = variant(0)
      .replace('<doc-number>08930553</doc-number>', '<doc-number>D0712345</doc-number>')
      .replace('<kind>B2</kind>', '<kind>S1</kind>')
      .replace('appl-type="utility"', 'appl-type="design"');
    const items = await collect(usptoGrantReader.read(tempFile('kinds.xml', application + design)));
    const [app, des] = items.map((i) => (i.type === 'right' ? i.record : null));
    expect(app).toMatchObject({
      kind: 'invention',
      publicationNumber: 'US2014101323A1',
      publicationDate: '2014-04-10',
      grantNumber: null,
      grantDate: null,
    });
    // Without assignees, the applicants hold the application.
    expect(app?.holders.map((h) => h.name)).toEqual(['International Business Machines Corporation']);
    expect(app?.events.map((e) => e.type)).toEqual(['publication']);
    expect([des?.kind, des?.grantNumber]).toEqual(['design', 'USD712345S1']);
  });
});

describe('usPublicationNumber', () => {
  it('writes USPTO numbers in DOCDB form', () => {
    expect(usPublicationNumber('08930553', 'B2')).toBe('US8930553B2');
    expect(usPublicationNumber('D0712345', 'S')).toBe('USD712345S');
    expect(usPublicationNumber('RE044123', 'E')).toBe('USRE44123E');
    expect(usPublicationNumber('PP021234', 'P3')).toBe('USPP21234P3');
    expect(usPublicationNumber('20140101323', 'A1')).toBe('US2014101323A1');
  });
});
