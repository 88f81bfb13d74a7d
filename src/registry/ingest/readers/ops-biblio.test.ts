import { describe, expect, it } from 'vitest';
import { collect, samplePath, tempFile } from '../../../../test/fixtures.js';
import type { RightRecord } from '../../../core/index.js';
import type { ReaderItem } from '../types.js';
import { opsBiblioReader } from './ops-biblio.js';

async function rights(file: string): Promise<RightRecord[]> {
  const items = await collect(opsBiblioReader.read(file));
  return items.map((i) => {
    if (i.type !== 'right') throw new Error(`expected a right, got ${JSON.stringify(i)}`);
    return i.record;
  });
}

describe('opsBiblioReader on the EPO samples', () => {
  it('reads CN104968889A', async () => {
    const [r] = await rights(samplePath('epo_ops_biblio_CN104968889A.xml'));
    expect(r).toMatchObject({
      office: 'CN',
      kind: 'invention',
      applicationNumber: '201380062258',
      publicationNumber: 'CN104968889A',
      grantNumber: null,
      filingDate: '2013-10-11',
      publicationDate: '2015-10-07',
      grantDate: null,
      // The sample holds an English title only, so that is the one kept.
      title: 'Attitude reference for tieback/overlap processing',
      ipc: ['E21B 47/0228', 'E21B 47/024'],
      locarno: [],
      nice: [],
    });
    expect(r?.abstract).toMatch(/^A method for calculating orientation changes within a borehole/);
    expect(r?.holders).toEqual([
      {
        name: 'SCIENT DRILLING INT',
        type: 'unknown',
        country: null,
        regionCode: null,
        regionConfidence: 0,
        regionSource: 'unknown',
        address: null,
      },
    ]);
    expect(r?.events).toEqual([
      {
        type: 'publication',
        category: 'Q',
        code: null,
        office: 'CN',
        effectiveDate: '2015-10-07',
        recordedDate: '2015-10-07',
        description: 'publication CN104968889A',
      },
    ]);
  });

  it('reads EP1000000A1: the original applicant name, with the country from the EPODOC suffix', async () => {
    const [r] = await rights(samplePath('epo_ops_biblio_EP1000000.xml'));
    expect(r).toMatchObject({
      office: 'EP',
      kind: 'invention',
      applicationNumber: '99203729',
      publicationNumber: 'EP1000000A1',
      grantNumber: null,
      filingDate: '1999-11-08',
      publicationDate: '2000-05-17',
      title: 'Apparatus for manufacturing green bricks for the brick manufacturing industry',
      ipc: ['B28B 1/29', 'B28B 5/02', 'B28B 7/00', 'H02P 6/08'],
    });
    expect(r?.holders.map((h) => [h.name, h.country])).toEqual([
      ['BEHEERMAATSCHAPPIJ DE BOER NIJMEGEN B.V', 'NL'],
    ]);
    expect(r?.abstract).toMatch(/one side of the green bricks\.$/);
    expect(r?.events.map((e) => e.type)).toEqual(['publication']);
  });
});

const WRAP = (docs: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<ops:world-patent-data xmlns="http://www.epo.org/exchange" xmlns:ops="http://ops.epo.org">
<exchange-documents>
${docs}
</exchange-documents>
</ops:world-patent-data>
`;

function exchangeDocument(o: { kind: string; number: string; date?: string; application?: string }): string {
  const application =
    o.application === undefined
      ? ''
      : `<application-reference><document-id document-id-type="docdb"><country>CN</country>
        <doc-number>${o.application}</doc-number><kind>A</kind></document-id>
        <document-id document-id-type="epodoc"><doc-number>CN${o.application}</doc-number><date>20200301</date></document-id>
      </application-reference>`;
  return `<exchange-document system="ops.epo.org" country="CN" doc-number="${o.number}" kind="${o.kind}">
  <bibliographic-data>
    <publication-reference><document-id document-id-type="docdb"><country>CN</country>
      <doc-number>${o.number}</doc-number><kind>${o.kind}</kind><date>${o.date ?? '20220614'}</date></document-id>
    </publication-reference>
    <classifications-ipcr>
      <classification-ipcr sequence="1"><text>H01M  10/   0525           A I                    </text></classification-ipcr>
      <classification-ipcr sequence="2"><text>H01M  10/   0525           A I                    </text></classification-ipcr>
      <classification-ipcr sequence="3"><text>C22B  59/    00            A I                    </text></classification-ipcr>
    </classifications-ipcr>
    ${application}
    <parties><applicants>
      <applicant sequence="2" data-format="epodoc"><applicant-name><name>HEFEI UNIV TECH [CN]</name></applicant-name></applicant>
      <applicant sequence="1" data-format="epodoc"><applicant-name><name>GANZHOU RARE EARTH CO LTD [CN]</name></applicant-name></applicant>
      <applicant sequence="1" data-format="original"><applicant-name><name>赣州稀土材料有限公司</name></applicant-name>
        <address><address-1>江西省赣州市章贡区</address-1><country>CN</country></address></applicant>
      <applicant sequence="2" data-format="original"><applicant-name><name>合肥工业大学</name></applicant-name>
        <residence><country>CN</country></residence></applicant>
    </applicants></parties>
    <invention-title lang="en">Preparation method of a rare-earth permanent magnet</invention-title>
    <invention-title lang="zh">一种稀土永磁材料的制备方法</invention-title>
  </bibliographic-data>
  <abstract lang="zh"><p>本发明公开了一种<b>稀土</b> 永磁材料。</p></abstract>
</exchange-document>`;
}

describe('opsBiblioReader on crafted documents', () => {
  it('keeps the Chinese title and the applicants in sequence order; a B publication is a grant', async () => {
    const file = tempFile(
      'cn-grant.xml',
      WRAP(exchangeDocument({ kind: 'B', number: '110123456', application: '201910123456' })),
    );
    const [r] = await rights(file);
    expect(r).toMatchObject({
      kind: 'invention',
      applicationNumber: '201910123456',
      publicationNumber: 'CN110123456B',
      grantNumber: 'CN110123456B',
      grantDate: '2022-06-14',
      filingDate: '2020-03-01',
      title: '一种稀土永磁材料的制备方法',
      abstract: '本发明公开了一种稀土 永磁材料。',
      ipc: ['H01M 10/0525', 'C22B 59/00'],
    });
    expect(r?.holders.map((h) => [h.name, h.country, h.address])).toEqual([
      ['赣州稀土材料有限公司', 'CN', '江西省赣州市章贡区, CN'],
      ['合肥工业大学', 'CN', null],
    ]);
    expect(r?.events.map((e) => [e.type, e.category, e.effectiveDate])).toEqual([
      ['publication', 'Q', '2022-06-14'],
      ['grant', 'F', '2022-06-14'],
    ]);
  });

  it('maps CN U publications to utility models and S to designs', async () => {
    const file = tempFile(
      'cn-um.xml',
      WRAP(
        exchangeDocument({ kind: 'U', number: '210000001', application: '202020000001' }) +
          exchangeDocument({ kind: 'S', number: '306000001', application: '202030000001' }),
      ),
    );
    const [um, design] = await rights(file);
    expect([um?.kind, um?.grantNumber]).toEqual(['utility_model', 'CN210000001U']);
    expect([design?.kind, design?.grantNumber]).toEqual(['design', 'CN306000001S']);
  });

  it('rejects a document without an application number or with a bad date, and reads the rest', async () => {
    const docs = [
      exchangeDocument({ kind: 'A', number: '100000001', application: '201910000001' }),
      exchangeDocument({ kind: 'A', number: '100000002' }),
      exchangeDocument({ kind: 'A', number: '100000003', application: '201910000003', date: '20221341' }),
      exchangeDocument({ kind: 'Q9', number: '100000004', application: '201910000004' }),
      exchangeDocument({ kind: 'A', number: '100000005', application: '201910000005' }),
    ];
    const content = WRAP(docs.join('\n'));
    const items: ReaderItem[] = await collect(opsBiblioReader.read(tempFile('bad.xml', content)));
    expect(items.map((i) => i.type)).toEqual(['right', 'reject', 'reject', 'reject', 'right']);
    const rejects = items.filter((i) => i.type === 'reject');
    expect(rejects.map((r) => r.reason)).toEqual([
      'missing application-reference',
      'publication date "20221341" is not a date',
      'kind code CN Q9 is not one ipregion maps to a kind of right',
    ]);
    const second = Buffer.from(content).indexOf(
      '<exchange-document system="ops.epo.org" country="CN" doc-number="100000002"',
    );
    expect(rejects[0]?.position.offset).toBe(second);
    expect(rejects[0]?.excerpt).toContain('doc-number="100000002"');
  });
});
