import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toCanonicalLine } from '../src/registry/index.js';
import { buildHolder, buildRight } from '../src/registry/test-factories.js';
import { describeEachEngine, freshStore, TEST_PG_URL } from './engines.js';

const RIGHTS = 40_000;
const dir = mkdtempSync(join(tmpdir(), 'ipregion-crash-'));
const file = join(dir, 'many.jsonl');

beforeAll(async () => {
  const out = createWriteStream(file);
  for (let i = 0; i < RIGHTS; i++) {
    const r = buildRight({
      applicationNumber: `CN2019${String(i).padStart(7, '0')}.1`,
      holders: [
        buildHolder({ name: `合肥${i % 997}号科技有限公司` }),
        buildHolder({ name: '中国科学技术大学', type: 'university', regionCode: '340100' }),
      ],
      events: [
        {
          type: 'grant',
          category: 'F',
          code: 'GR01',
          office: 'CN',
          effectiveDate: '2022-03-08',
          recordedDate: '2022-03-08',
          description: null,
        },
        {
          type: 'licence',
          category: 'S',
          code: 'EE01',
          office: 'CN',
          effectiveDate: '2023-01-01',
          recordedDate: '2023-02-01',
          description: null,
        },
      ],
    });
    if (!out.write(`${toCanonicalLine(r)}\n`))
      await new Promise<void>((res) => out.once('drain', () => res()));
  }
  await new Promise<void>((res) => out.end(() => res()));
});

describeEachEngine('ingest killed with SIGKILL', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => {
    store = await freshStore(engine);
  });
  afterAll(async () => store.drop());

  const count = async (t: 'rights' | 'right_holders' | 'legal_events') =>
    Number(
      (
        await store.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  function ingest() {
    const db =
      engine === 'sqlite'
        ? store.location
        : `${TEST_PG_URL}?options=${encodeURIComponent(`-c search_path=${store.schema}`)}`;
    return spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', '--db', db, '--json', 'ingest', file, '--batch-size', '500'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  }

  it('leaves whole records only, and a rerun completes the load without duplicates', async () => {
    const child = ingest();
    const deadline = Date.now() + 60_000;
    while ((await count('rights')) < 2000 && Date.now() < deadline) await sleep(20);
    child.kill('SIGKILL');
    await new Promise((res) => child.once('exit', res));

    const loaded = await count('rights');
    expect(loaded).toBeGreaterThan(0);
    expect(loaded).toBeLessThan(RIGHTS);
    expect(loaded % 500).toBe(0);
    expect(await count('right_holders')).toBe(loaded * 2);
    expect(await count('legal_events')).toBe(loaded * 2);

    const rerun = ingest();
    let stdout = '';
    rerun.stdout.on('data', (d) => {
      stdout += String(d);
    });
    const code = await new Promise((res) => rerun.once('exit', res));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ accepted: RIGHTS - loaded, unchanged: loaded, rejected: 0 });
    expect(await count('rights')).toBe(RIGHTS);
    expect(await count('right_holders')).toBe(RIGHTS * 2);
    expect(await count('legal_events')).toBe(RIGHTS * 2);
  });
});
