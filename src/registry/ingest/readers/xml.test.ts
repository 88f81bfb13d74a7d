import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collect, samplePath, tempFile } from '../../../../test/fixtures.js';
import { readXml, type XmlItem } from './xml.js';
import { descendants, path, text, textAt } from './xml-tree.js';

const grant = readFileSync(samplePath('uspto_grant_v45_US08930553.xml'), 'utf8');
const GRANT_OPTIONS = {
  records: ['us-patent-grant'],
  skipUnparsed: ['us-references-cited'],
  skipTail: ['drawings', 'description'],
};

const records = (items: XmlItem[]) => items.filter((i) => i.type === 'record');
const malformed = (items: XmlItem[]) => items.filter((i) => i.type === 'malformed');

describe('readXml on concatenated documents', () => {
  // A Chinese title in the third document makes byte offsets differ from character offsets.
  const third = grant.replace('Managing mid-dialog', '管理 mid-dialog').replaceAll('08930553', '09999999');
  const truncated = grant.slice(0, 20_000);
  const content = grant + truncated + third;
  const bytes = Buffer.from(content);
  const middleStart = Buffer.byteLength(grant);
  const thirdStart = Buffer.byteLength(grant + truncated);

  it.each([7, 300, 4096, 1024 * 1024])(
    'finds two records and one reject with %i-byte chunks',
    async (chunkSize) => {
      const file = tempFile(`three-${chunkSize}.xml`, content);
      const items = await collect(readXml(file, { ...GRANT_OPTIONS, chunkSize }));
      expect(items.map((i) => i.type)).toEqual(['record', 'malformed', 'record']);
      const [first, bad, last] = items;
      expect(bad?.position.offset).toBe(middleStart);
      expect(bad?.position.line).toBe(grant.split('\n').length);
      expect(bad?.type === 'malformed' && bad.reason).toMatch(
        /ends before the end tag <\/us-patent-grant> of its root/,
      );
      for (const r of [first, last])
        expect(bytes.subarray(r!.position.offset!).toString('utf8', 0, 16)).toBe('<us-patent-grant');
      expect(last?.position.offset).toBeGreaterThan(thirdStart);
      expect(last?.position.line).toBe((grant + truncated).split('\n').length + 2);
      if (last?.type !== 'record') throw new Error('expected a record');
      expect(textAt(last.node, 'us-bibliographic-data-grant', 'invention-title')).toBe(
        '管理 mid-dialog session initiation protocol (SIP) messages',
      );
    },
  );

  it('rejects a document with broken markup with the parser message, and reads the next', async () => {
    const broken = grant.replace('<invention-title id="d2e53">', '<invention-title id="d2e53"><b>');
    const file = tempFile('broken.xml', grant + broken + grant);
    const items = await collect(readXml(file, GRANT_OPTIONS));
    expect(items.map((i) => i.type)).toEqual(['record', 'malformed', 'record']);
    const bad = malformed(items)[0]!;
    expect(bad.position.offset).toBe(Buffer.byteLength(grant));
    expect(bad.reason).toMatch(
      /^malformed XML document at byte 40416 \(line \d+, column \d+: unexpected close tag/,
    );
    expect(bad.type === 'malformed' && bad.excerpt).toMatch(/^<\?xml version="1.0"/);
  });

  it('cuts out skipped elements and the tail but keeps the rest of the record', async () => {
    const file = tempFile('one.xml', grant);
    const [item] = records(await collect(readXml(file, GRANT_OPTIONS)));
    if (item?.type !== 'record') throw new Error('expected a record');
    const bib = path(item.node, 'us-bibliographic-data-grant');
    expect(descendants(bib, 'us-references-cited')).toEqual([]);
    expect(descendants(item.node, 'claims')).toEqual([]);
    expect(textAt(bib, 'number-of-claims')).toBe('8');
    expect(text(path(item.node, 'abstract'))).toMatch(/^Processing mid-dialog SIP messages/);
  });
});

describe('readXml on one document with many records', () => {
  const doc = (n: number) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<w:root xmlns:w="urn:x">\n${Array.from(
      { length: n },
      (_, i) => `  <w:rec n="${i}"><w:name>名 ${i} &amp; co</w:name><![CDATA[<raw>]]></w:rec>\n`,
    ).join('')}</w:root>\n`;

  it('yields each record with its byte offset and line, matching names without their prefix', async () => {
    const content = doc(50);
    const file = tempFile('many.xml', `\uFEFF${content}`);
    const items = await collect(readXml(file, { records: ['rec'], chunkSize: 64 }));
    expect(items).toHaveLength(50);
    const bytes = Buffer.from(`\uFEFF${content}`);
    items.forEach((item, i) => {
      if (item.type !== 'record') throw new Error(item.reason);
      expect(item.node.attrs.n).toBe(String(i));
      expect(textAt(item.node, 'name')).toBe(`名 ${i} & co`);
      expect(text(item.node)).toBe(`名 ${i} & co<raw>`);
      expect(item.position.line).toBe(i + 3);
      expect(bytes.subarray(item.position.offset!).toString('utf8', 0, 20)).toMatch(
        new RegExp(`^<w:rec n="${i}"`),
      );
    });
  });

  it('rejects a record over the size limit and goes on', async () => {
    const big = `<root><rec>${'<x/>'.repeat(20)}</rec><rec><x/></rec></root>`;
    const items = await collect(readXml(tempFile('big.xml', big), { records: ['rec'], maxElements: 10 }));
    expect(items.map((i) => i.type)).toEqual(['malformed', 'record']);
    expect(malformed(items)[0]?.reason).toMatch(/larger than the limit of 10 elements/);
  });

  it('reports the records before a malformed point, then the error', async () => {
    const bad = doc(3).replace('</w:root>', '<w:rec><w:name>unclosed</w:rec></w:root>');
    const items = await collect(readXml(tempFile('late.xml', bad), { records: ['rec'] }));
    expect(items.map((i) => i.type)).toEqual(['record', 'record', 'record', 'malformed']);
    expect(malformed(items)[0]?.reason).toMatch(/line 6, column \d+: unexpected close tag/);
  });

  it('throws the named error for a missing file', async () => {
    await expect(collect(readXml('/nonexistent/x.xml', { records: ['rec'] }))).rejects.toMatchObject({
      code: 'file_not_found',
    });
  });
});

describe('readXml limits', () => {
  it('gives up a document whose text runs on past the limit, and reads the next', async () => {
    const huge = `<?xml version="1.0"?>\n<root><rec>${'x'.repeat(5000)}</rec></root>\n`;
    const fine = '<?xml version="1.0"?>\n<root><rec>ok</rec></root>\n';
    const file = tempFile('long-text.xml', huge + fine);
    const items = await collect(readXml(file, { records: ['rec'], maxChars: 2000, chunkSize: 1000 }));
    expect(items.map((i) => i.type)).toEqual(['malformed', 'record']);
    expect(malformed(items)[0]?.reason).toMatch(/a text runs on for more than 2000 bytes without a tag/);
    expect(malformed(items)[0]?.position.offset).toBe(0);
  });
});
