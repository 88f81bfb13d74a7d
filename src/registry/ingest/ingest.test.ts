import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, freshStore } from '../../../test/engines.js';
import { collect, samplePath } from '../../../test/fixtures.js';
import type { RightRecord } from '../../core/index.js';
import { generateRegistry } from '../../demo/index.js';
import { findRightIds, loadRight } from '../read.js';
import { buildHolder, buildRight } from '../test-factories.js';
import { inForceOn } from '../validity.js';
import { RegistryWriter, type WriteItem } from '../writer.js';
import { canonicalJsonlReader, toCanonicalLine } from './canonical.js';
import { checkItem } from './check.js';
import { ingestFiles } from './ingest.js';
import { ReadingThread } from './parallel.js';

const dir = mkdtempSync(join(tmpdir(), 'ipregion-ingest-'));

function writeLines(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const hefei = buildHolder({ name: '合肥甲新能源科技有限公司', regionCode: '340104' });
const wuhan = buildHolder({ name: '武汉乙光电股份有限公司', regionCode: '420111' });

function rights(): RightRecord[] {
  return [
    buildRight({
      applicationNumber: 'CN201910000001.1',
      publicationNumber: 'CN110000001B',
      grantNumber: 'CN110000001B',
      holders: [hefei],
      events: [
        {
          type: 'transfer',
          category: 'R',
          code: 'TR01',
          office: 'CN',
          effectiveDate: '2022-06-01',
          recordedDate: '2022-06-21',
          description: null,
          newHolders: [wuhan],
        },
      ],
    }),
    buildRight({
      applicationNumber: 'CN201910000002.X',
      publicationNumber: 'CN110000002B',
      holders: [hefei, wuhan],
    }),
    buildRight({
      kind: 'trademark',
      applicationNumber: 'TM30000001',
      grantNumber: '30000001',
      nice: [9, 35],
      ipc: [],
    }),
  ];
}

async function counts(store: Awaited<ReturnType<typeof freshStore>>) {
  const n = async (t: 'rights' | 'legal_events' | 'right_holders' | 'holders' | 'right_numbers') =>
    Number(
      (
        await store.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    rights: await n('rights'),
    events: await n('legal_events'),
    links: await n('right_holders'),
    holders: await n('holders'),
    numbers: await n('right_numbers'),
  };
}

describeEachEngine('ingest', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => {
    store = await freshStore(engine);
  });
  afterAll(async () => store.drop());

  it('loads rights whole, with holders over time, and changes nothing when the file is loaded again', async () => {
    const file = writeLines('rights.jsonl', rights().map(toCanonicalLine));
    const first = await ingestFiles(store, [file], { batchSize: 2 });
    expect(first).toMatchObject({ accepted: 3, unchanged: 0, rejected: 0 });
    const before = await counts(store);
    expect(before).toMatchObject({ rights: 3, events: 1, holders: 3 });

    const again = await ingestFiles(store, [file], { batchSize: 2 });
    expect(again).toMatchObject({ accepted: 0, unchanged: 3, rejected: 0 });
    expect(await counts(store)).toEqual(before);

    const [id] = await findRightIds(store, 'CN110000001B');
    const right = await loadRight(store, id!);
    expect(right?.holders.map((h) => h.name)).toEqual([hefei.name]);
    expect(right?.events[0]?.newHolders?.map((h) => h.regionCode)).toEqual(['420111']);
    expect(inForceOn(right!, '2023-01-01')).toBe(true);
  });

  it('the keys the reading thread computes are the ones the writer would: the same records written without them change nothing', async () => {
    const before = await counts(store);
    // The items of the file as ingest reads and checks them, less the keys.
    const items: WriteItem[] = [];
    for await (const read of canonicalJsonlReader.read(join(dir, 'rights.jsonl'))) {
      const checked = checkItem(read);
      if (!('item' in checked) || checked.item.type !== 'right') throw new Error('not a right');
      expect(checked.item.keys).toBeDefined();
      const { keys: _, ...withoutKeys } = checked.item;
      items.push(withoutKeys);
    }
    const outcomes = await new RegistryWriter(store).write(items);
    expect(outcomes).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(await counts(store)).toEqual(before);
  });

  it('finds a right by any form of its numbers', async () => {
    for (const n of ['CN201910000001.1', '201910000001.1', 'CN201910000001', 'cn 110000001 b', '110000001']) {
      expect(await findRightIds(store, n), n).toHaveLength(1);
    }
  });

  it('rejects malformed records with their line and loads the rest', async () => {
    const good = toCanonicalLine(buildRight({ applicationNumber: 'CN202010000009.9' }));
    const file = writeLines('bad.jsonl', [
      good,
      '{"office":"CN","kind":"invention"}',
      '{"office":"CN","kind":"invention","applicationNumber":"CN1","filingDate":"2020-05-05","grantDate":"2019-01-01"}',
      'garbage',
    ]);
    const report = join(dir, 'rejects.jsonl');
    const s = await ingestFiles(store, [file], { rejectReport: report });
    expect(s).toMatchObject({ accepted: 1, rejected: 3 });
    expect(s.rejects.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(s.rejects[0]!.reason).toContain('applicationNumber');
    expect(s.rejects[1]!.reason).toContain('before filingDate');
    expect(readFileSync(report, 'utf8').trim().split('\n')).toHaveLength(3);
    const stored = await store.db
      .selectFrom('ingest_rejects')
      .select(['line', 'reason'])
      .where('run_id', '=', s.runId)
      .execute();
    expect(stored).toHaveLength(3);
  });

  it('adds events to a right named by number, and rejects events for an unknown right', async () => {
    const file = writeLines('events.jsonl', [
      '{"record":"event","office":"CN","number":"CN110000002B","code":"CF01","effectiveDate":"2024-01-10","recordedDate":"2024-04-02"}',
      '{"record":"event","office":"CN","number":"CN999999999B","code":"CF01","effectiveDate":"2024-01-10"}',
    ]);
    const s = await ingestFiles(store, [file]);
    expect(s).toMatchObject({ accepted: 1, rejected: 1 });
    expect(s.rejects[0]!.reason).toContain('CN999999999B');
    const [id] = await findRightIds(store, 'CN110000002B');
    const right = await loadRight(store, id!);
    expect(inForceOn(right!, '2024-01-09')).toBe(true);
    expect(inForceOn(right!, '2024-01-10')).toBe(false);
    expect(inForceOn(right!, '2024-01-10', '2024-04-01')).toBe(true);
  });

  it('updates a right whose record changed, replacing its first holders', async () => {
    const changed = rights()[1]!;
    changed.title = '一种改过标题的方法';
    changed.holders = [wuhan];
    const s = await ingestFiles(store, [writeLines('changed.jsonl', [toCanonicalLine(changed)])]);
    expect(s).toMatchObject({ accepted: 1, unchanged: 0 });
    const [id] = await findRightIds(store, 'CN110000002B');
    const right = await loadRight(store, id!);
    expect(right?.title).toBe('一种改过标题的方法');
    expect(right?.holders.map((h) => h.name)).toEqual([wuhan.name]);
    expect(right?.events.map((e) => e.code)).toEqual(['CF01']);
  });

  it('gives a Chinese holder without a region one from its name, with a confidence', async () => {
    const r = buildRight({
      applicationNumber: 'CN202110000077.7',
      holders: [
        buildHolder({
          name: '合肥工业大学',
          type: 'unknown',
          regionCode: null,
          regionSource: 'unknown',
          regionConfidence: 0,
        }),
      ],
    });
    await ingestFiles(store, [writeLines('enrich.jsonl', [toCanonicalLine(r)])]);
    const [id] = await findRightIds(store, 'CN202110000077.7');
    const h = (await loadRight(store, id!))?.holders[0];
    expect(h).toMatchObject({ type: 'university', regionCode: '340100', regionSource: 'name' });
    expect(h!.regionConfidence).toBeGreaterThan(0.5);
  });
});

describe('a parallel ingest, whichever thread checks the rights', () => {
  it('loads, enriches, rejects and counts the same when the writing thread checks them as when the reading thread does', async () => {
    const lines = [...generateRegistry({ scale: 0.0005, seed: 9 })].slice(0, 1200).map(toCanonicalLine);
    // Broken records among them, and one whose holder needs a type and a region, across batches.
    lines.splice(10, 0, '{"office":"CN","kind":"invention"}');
    lines.splice(700, 0, 'garbage');
    const unknownHolder = buildHolder({
      name: '合肥工业大学',
      type: 'unknown',
      regionCode: null,
      regionSource: 'unknown',
      regionConfidence: 0,
    });
    lines.splice(
      900,
      0,
      toCanonicalLine(buildRight({ applicationNumber: 'CN202110000088.8', holders: [unknownHolder] })),
    );
    lines.splice(
      1100,
      0,
      '{"office":"CN","kind":"invention","applicationNumber":"CN1","filingDate":"2020-05-05","grantDate":"2019-01-01"}',
    );
    const file = writeLines('threads.jsonl', lines);
    const outcome = async (derive: 'reading' | 'writing') => {
      const store = await freshStore('sqlite');
      try {
        const s = await ingestFiles(store, [file], {
          derive,
          rejectReport: join(dir, `rejects-${derive}.jsonl`),
        });
        return {
          accepted: s.accepted,
          rejects: s.rejects.map((r) => `${r.line}: ${r.reason}`),
          counts: await counts(store),
          holders: await store.db
            .selectFrom('holders')
            .select(['name', 'type', 'region_code'])
            .orderBy('id')
            .execute(),
          deltas: await store.db
            .selectFrom('stat_deltas')
            .select(['cell_id', 'day', 'known_from', 'delta'])
            .orderBy(['cell_id', 'day', 'known_from'])
            .execute(),
        };
      } finally {
        await store.drop();
      }
    };
    const byReader = await outcome('reading');
    expect(byReader.accepted).toBe(1201);
    expect(byReader.rejects).toHaveLength(3);
    expect(byReader.rejects[0]).toMatch(/^11: /);
    expect(byReader.holders).toContainEqual({
      name: '合肥工业大学',
      type: 'university',
      region_code: '340100',
    });
    expect(byReader.deltas.length).toBeGreaterThan(100);
    expect(await outcome('writing')).toEqual(byReader);
  });

  it('reads many files of one run in one reading thread, each to its own summary; the thread starts again after a failure', async () => {
    const records = [...generateRegistry({ scale: 0.0005, seed: 12 })].slice(0, 1300);
    const files = [0, 1, 2, 3].map((k) =>
      writeLines(`part-${k}.jsonl`, records.slice(k * 325, (k + 1) * 325).map(toCanonicalLine)),
    );
    const biblio = samplePath('epo_ops_biblio_CN104968889A.xml');
    const store = await freshStore('sqlite');
    try {
      const s = await ingestFiles(store, [files[0]!, biblio, files[1]!, files[2]!, files[3]!]);
      expect(s.files.map((f) => [f.format, f.accepted, f.rejected])).toEqual([
        ['canonical-jsonl', 325, 0],
        ['ops-biblio', 1, 0],
        ['canonical-jsonl', 325, 0],
        ['canonical-jsonl', 325, 0],
        ['canonical-jsonl', 325, 0],
      ]);
      expect((await counts(store)).rights).toBe(1301);
      const again = await ingestFiles(store, [files[1]!]);
      expect(again).toMatchObject({ accepted: 0, unchanged: 325, rejected: 0 });
    } finally {
      await store.drop();
    }
    // The thread itself: a file it cannot read fails that read, and the next read starts it again.
    const thread = new ReadingThread();
    try {
      await expect(collect(thread.read(join(dir, 'missing.jsonl'), 'canonical-jsonl'))).rejects.toThrow(
        /missing\.jsonl/,
      );
      expect(await collect(thread.read(files[1]!, 'canonical-jsonl'))).toHaveLength(325);
      thread.ahead(files[2]!, 'canonical-jsonl');
      await expect(collect(thread.read(files[3]!, 'canonical-jsonl'))).rejects.toThrow(/out of the order/);
    } finally {
      await thread.close();
    }
  });
});
