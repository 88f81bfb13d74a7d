import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalCsvReader, canonicalJsonlReader, parseJsonLine } from './canonical.js';
import type { ReaderItem } from './types.js';

async function collect(items: AsyncIterable<ReaderItem>): Promise<ReaderItem[]> {
  const out: ReaderItem[] = [];
  for await (const i of items) out.push(i);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'ipregion-canonical-'));

describe('canonical JSON Lines', () => {
  it('reads a right with defaults and resolves event types from the office code table', () => {
    const item = parseJsonLine(
      JSON.stringify({
        office: 'CN',
        kind: 'invention',
        applicationNumber: 'CN201910123456.7',
        grantDate: '2021-03-02',
        holders: [{ name: '合肥工业大学' }],
        events: [{ code: 'CF01', effectiveDate: '2023-05-01', recordedDate: '2023-08-11' }],
      }),
      1,
    );
    expect(item.type).toBe('right');
    if (item.type !== 'right') return;
    expect(item.record.events[0]).toMatchObject({ type: 'lapse', category: 'H', office: 'CN', code: 'CF01' });
    expect(item.record.holders[0]).toMatchObject({
      type: 'unknown',
      regionCode: null,
      regionSource: 'unknown',
    });
    expect(item.record.ipc).toEqual([]);
  });

  it('rejects with the line and the field that is wrong', () => {
    const bad = parseJsonLine(
      '{"office":"CN","kind":"patent","applicationNumber":"X","grantDate":"2021-02-30"}',
      7,
    );
    expect(bad).toMatchObject({ type: 'reject', position: { line: 7 } });
    if (bad.type !== 'reject') return;
    expect(bad.reason).toContain('kind');
    expect(bad.reason).toContain('grantDate');
  });

  it('rejects an event whose code is unknown and whose type is missing', () => {
    const bad = parseJsonLine(
      '{"record":"event","office":"CN","number":"CN1","code":"ZZ99","effectiveDate":"2020-01-01"}',
      2,
    );
    expect(bad.type).toBe('reject');
  });

  it('streams a file, keeping line numbers across blank lines and bad JSON', async () => {
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(
      file,
      [
        '{"office":"CN","kind":"design","applicationNumber":"CN202130000001.2"}',
        '',
        '{not json',
        '{"record":"event","office":"CN","number":"CN202130000001.2","type":"licence","effectiveDate":"2022-01-01"}',
      ].join('\n'),
    );
    const items = await collect(canonicalJsonlReader.read(file));
    expect(items.map((i) => i.type)).toEqual(['right', 'reject', 'events']);
    expect(items[1]!.position.line).toBe(3);
    expect(canonicalJsonlReader.detect('{"record":"right","kind":"invention"}\n', 'x.jsonl')).toBe(true);
    expect(canonicalJsonlReader.detect('<?xml version="1.0"?>', 'x.xml')).toBe(false);
  });
});

describe('canonical CSV', () => {
  it('reads rights with semicolon lists and rejects a bad row by line', async () => {
    const file = join(dir, 'rights.csv');
    writeFileSync(
      file,
      [
        'office,kind,applicationNumber,grantDate,title,ipc,nice,holders,holderTypes,holderRegions',
        'CN,invention,CN201810000001.1,2020-01-02,一种方法,H01M 10/0525; G06N 3/08,,武汉大学;张三,university;individual,420100;',
        'CN,trademark,TM12345678,2015-06-07,星光,,9;35,合肥星光科技有限公司,,340100',
        'CN,utility,CN201820000001.X,2019-01-01,,,,,,',
      ].join('\n'),
    );
    const items = await collect(canonicalCsvReader.read(file));
    expect(items.map((i) => i.type)).toEqual(['right', 'right', 'reject']);
    const first = items[0]!;
    if (first.type === 'right') {
      expect(first.record.ipc).toEqual(['H01M 10/0525', 'G06N 3/08']);
      expect(first.record.holders.map((h) => [h.name, h.type, h.regionCode])).toEqual([
        ['武汉大学', 'university', '420100'],
        ['张三', 'individual', null],
      ]);
    }
    const tm = items[1]!;
    if (tm.type === 'right') expect(tm.record.nice).toEqual([9, 35]);
    expect(items[2]!.position.line).toBe(4);
  });
});
