import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collect, samplePath } from '../../../test/fixtures.js';
import { generateRegistry } from '../../demo/index.js';
import { type CheckedItem, checkItem } from './check.js';
import { readerFor } from './detect.js';
import { type Carried, packItems, unpackItems } from './pack.js';

/** What the writing thread receives: the packed items after a structured clone, unpacked. */
const acrossThreads = (items: Carried[]) => unpackItems(v8.deserialize(v8.serialize(packItems(items))));

describe('packItems / unpackItems', () => {
  it('carry demo rights field for field, with and without their keys and contributions', () => {
    const records = [...generateRegistry({ scale: 0.0005, seed: 3 })].slice(0, 400);
    expect(records.some((r) => r.events.some((e) => e.newHolders))).toBe(true);
    expect(records.some((r) => r.nice.length > 0)).toBe(true);
    const items = records.map((record, i): CheckedItem => {
      const checked = checkItem(
        { type: 'right', record, position: i % 2 ? { line: i + 1 } : { offset: i * 100 } },
        i % 3 !== 0,
      );
      if (i % 4 !== 0 || !('item' in checked) || checked.item.type !== 'right') return checked;
      const { keys: _k, contributions: _c, ...bare } = checked.item;
      return { ...checked, item: bare };
    });
    expect(items.some((c) => 'item' in c && c.item.type === 'right' && c.item.keys === undefined)).toBe(true);
    expect(acrossThreads(items)).toStrictEqual(items);
  });

  const samples = readdirSync(dirname(samplePath('uspto_grant_v45_US08930553.xml'))).filter((f) =>
    f.endsWith('.xml'),
  );
  it.each(samples)('carry what the readers make of %s (rights, events and rejects)', async (file) => {
    const reader = await readerFor(samplePath(file)).catch(() => null);
    if (!reader) return expect(file).toMatch(/assignment|register|publication_server/);
    const items = (await collect(reader.read(samplePath(file)))).map((item) => checkItem(item));
    expect(items.length).toBeGreaterThan(0);
    expect(acrossThreads(items)).toStrictEqual(items);
  });

  it('carry rejects, rights still to check and mixed batches in order', () => {
    const [record, other] = generateRegistry({ scale: 0.0005, seed: 4 });
    const items: Carried[] = [
      { unchecked: other!, position: { offset: 7 } },
      { reject: 'bad line', excerpt: '{"x"', position: { line: 3 } },
      checkItem({ type: 'right', record: record!, position: { line: 4, offset: 10 } }),
      { reject: 'no excerpt', position: {} },
      checkItem({
        type: 'events',
        events: { office: 'CN', number: record!.applicationNumber, events: record!.events },
        position: { line: 5 },
      }),
      { unchecked: record!, position: {} },
    ];
    expect(acrossThreads(items)).toStrictEqual(items);
    expect(unpackItems(packItems([]))).toEqual([]);
  });
});
