import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import type { Io } from '../src/cli/output.js';
import { migrations } from '../src/store/migrations/index.js';
import { samplePath } from './fixtures.js';

function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t), tty: false };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function cli(args: string[]) {
  const m = memoryIo();
  const code = await run(args, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr(), json: () => JSON.parse(m.stdout()) };
}

const dir = mkdtempSync(join(tmpdir(), 'ipregion-cli-'));
const db = join(dir, 'cli.db');

describe('ipregion CLI', () => {
  it('creates the database with init', async () => {
    const r = await cli(['--db', db, '--json', 'init']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({
      engine: 'sqlite',
      applied: Object.keys(migrations),
    });
  });

  it('loads the real CN publication and shows its applicants, IPC codes and kind', async () => {
    const ingest = await cli(['--db', db, '--json', 'ingest', samplePath('epo_ops_biblio_CN104968889A.xml')]);
    expect(ingest.code).toBe(0);
    expect(ingest.json()).toMatchObject({ accepted: 1, rejected: 0, rejects: [] });
    const again = await cli(['--db', db, '--json', 'ingest', samplePath('epo_ops_biblio_CN104968889A.xml')]);
    expect(again.json()).toMatchObject({ accepted: 0, unchanged: 1 });

    const show = await cli(['--db', db, '--json', 'rights', 'show', 'CN104968889A']);
    expect(show.code).toBe(0);
    const right = show.json();
    expect(right.kind).toBe('invention');
    expect(right.holders.map((h: { name: string; type: string }) => [h.name, h.type])).toEqual([
      ['SCIENT DRILLING INT', 'enterprise'],
    ]);
    expect(right.publicationNumber).toBe('CN104968889A');
    expect(right.filingDate).toBe('2013-10-11');
    expect(right.ipc).toEqual(['E21B 47/0228', 'E21B 47/024']);
    expect(right.inForce).toBe(false);
    expect(typeof right.reason).toBe('string');
  });

  it('shows EP1000000 legal events in ST.27 categories', async () => {
    const ingest = await cli([
      '--db',
      db,
      '--json',
      'ingest',
      samplePath('epo_ops_biblio_EP1000000.xml'),
      samplePath('epo_ops_legal_EP1000000.xml'),
    ]);
    expect([0, 3]).toContain(ingest.code);
    const show = await cli(['--db', db, '--json', 'rights', 'show', 'EP1000000']);
    const right = show.json();
    const events = (Array.isArray(right) ? right[0] : right).events as Array<{
      category: string | null;
      code: string;
      effectiveDate: string;
    }>;
    expect(events.length).toBeGreaterThan(5);
    expect(events.some((e) => e.category === 'H')).toBe(true);
    for (const e of events) expect(e.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows the USPTO trademark with its registration and status', async () => {
    const ingest = await cli([
      '--db',
      db,
      '--json',
      'ingest',
      samplePath('uspto_tm_daily_casefile_98423838_registered.xml'),
    ]);
    expect(ingest.json()).toMatchObject({ accepted: 1, rejected: 0 });
    const show = await cli(['--db', db, '--json', 'rights', 'show', '98423838']);
    const tm = show.json();
    expect(tm.kind).toBe('trademark');
    expect(tm.grantDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(tm.events.some((e: { type: string }) => e.type === 'grant')).toBe(true);
    expect(tm.nice.length).toBeGreaterThan(0);
  });

  it('exits 3 when records were rejected and lists them with line and reason', async () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, '{"office":"CN","kind":"invention","applicationNumber":"A1"}\n{"office":"CN"}\n');
    const r = await cli(['--db', db, '--json', 'ingest', file, '--rejects', join(dir, 'rejects.jsonl')]);
    expect(r.code).toBe(3);
    expect(r.json().rejects[0]).toMatchObject({ file, line: 2 });
  });

  it('exits 2 on a usage error and 1 when a right is not found', async () => {
    expect((await cli(['--db', db, 'rights', 'show'])).code).toBe(2);
    expect((await cli(['--db', db, 'rights', 'show', 'X1', '--as-of', '2024-13-01'])).code).toBe(2);
    const missing = await cli(['--db', db, '--json', 'rights', 'show', 'CN000000000X']);
    expect(missing.code).toBe(1);
    expect(missing.json().error.code).toBe('not_found');
    expect((await cli(['--db', db, 'ingest', join(dir, 'nope.jsonl')])).code).toBe(1);
  });

  it('answers --help for every command', async () => {
    for (const args of [
      ['--help'],
      ['ingest', '--help'],
      ['rights', 'show', '--help'],
      ['generate', '--help'],
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Usage');
    }
  });
});
