import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { run } from './main.js';
import { EXIT, type Io } from './output.js';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t), tty: false };
  const code = await run(args, io);
  const stdout = out.join('');
  return { code, stdout, stderr: err.join(''), json: () => JSON.parse(stdout) };
}

const dir = mkdtempSync(join(tmpdir(), 'ipregion-cases-cli-'));
const db = join(dir, 'cases.db');

describe('ipregion cases and audit', () => {
  it('puts the demo cases into the database and reports 3,136 handled in the first half of 2024', async () => {
    const demo = await cli(['--db', db, '--json', 'cases', 'demo', '--seed', '1', '--to', '2024-07-31']);
    expect(demo.code, demo.stderr + demo.stdout).toBe(EXIT.ok);
    expect(demo.json()).toMatchObject({ centers: 18, handledH1_2024: 3136, seed: 1, to: '2024-07-31' });
    const again = await cli(['--db', db, '--json', 'cases', 'demo']);
    expect(again.code).toBe(EXIT.failure);
    expect(again.json().error.code).toBe('demo_exists');

    const report = await cli([
      '--db',
      db,
      '--json',
      'cases',
      'report',
      '--from',
      '2024-01-01',
      '--to',
      '2024-06-30',
    ]);
    expect(report.code).toBe(EXIT.ok);
    expect(report.json().totals).toMatchObject({ handled: 3136, centers: 18 });
    const human = await cli([
      '--db',
      db,
      'cases',
      'report',
      '--from',
      '2024-01-01',
      '--to',
      '2024-06-30',
      '--by',
      'half',
    ]);
    expect(human.stdout).toMatch(/total\s+18 centers\s+\d+\s+3136/);
  });

  it('exports the report as CSV and as an .xlsx file', async () => {
    const csvFile = join(dir, 'h1.csv');
    const csv = await cli([
      '--db',
      db,
      'cases',
      'report',
      '--from',
      '2024-01-01',
      '--to',
      '2024-06-30',
      '--format',
      'csv',
      '--out',
      csvFile,
    ]);
    expect(csv.code).toBe(EXIT.ok);
    const lines = readFileSync(csvFile, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^period,center_id,center,/);
    const handled = lines.slice(1).reduce((s, l) => s + Number(l.split(',')[6]), 0);
    expect(handled).toBe(3136);

    const xlsxFile = join(dir, 'h1.xlsx');
    const xlsx = await cli([
      '--db',
      db,
      '--json',
      'cases',
      'report',
      '--from',
      '2024-01-01',
      '--to',
      '2024-06-30',
      '--format',
      'xlsx',
      '--out',
      xlsxFile,
    ]);
    expect(xlsx.json()).toMatchObject({ out: xlsxFile, format: 'xlsx', totals: { handled: 3136 } });
    const sheet = strFromU8(unzipSync(readFileSync(xlsxFile))['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('pre_examination');
    expect(
      (
        await cli([
          '--db',
          db,
          'cases',
          'report',
          '--from',
          '2024-01-01',
          '--to',
          '2024-06-30',
          '--format',
          'xlsx',
        ])
      ).code,
    ).toBe(EXIT.usage);
    expect(
      (await cli(['--db', db, 'cases', 'report', '--from', '2024-01-01', '--to', '2024-13-01'])).code,
    ).toBe(EXIT.usage);
  });

  it('lists the overdue cases of a day', async () => {
    const r = await cli(['--db', db, '--json', 'cases', 'overdue', '--as-of', '2024-07-31']);
    expect(r.code).toBe(EXIT.ok);
    const body = r.json();
    expect(body.count).toBeGreaterThan(0);
    expect(body.cases[0].deadlines.some((d: { status: string }) => d.status === 'overdue')).toBe(true);
    const human = await cli(['--db', db, 'cases', 'overdue', '--as-of', '2024-07-31']);
    expect(human.stdout).toMatch(/cases overdue on 2024-07-31/);
  });

  it('runs the deadline pass: notifications for the overdue cases, none again the same day', async () => {
    const overdue = (await cli(['--db', db, '--json', 'cases', 'overdue', '--as-of', '2024-07-31'])).json();
    const first = await cli(['--db', db, '--json', 'cases', 'notify', '--as-of', '2024-07-31']);
    expect(first.code, first.stderr + first.stdout).toBe(EXIT.ok);
    // Every overdue case tells its officer (or center) and its applicant.
    expect(first.json()).toMatchObject({ asOf: '2024-07-31', emailed: 0, failed: 0 });
    expect(first.json().created).toBeGreaterThanOrEqual(2 * overdue.count);
    const sqlite = new SQLite(db, { readonly: true });
    const kinds = sqlite
      .prepare("select kind, count(*) as n from notifications where on_date = '2024-07-31' group by kind")
      .all() as { kind: string; n: number }[];
    sqlite.close();
    expect(kinds.find((k) => k.kind === 'overdue')?.n).toBeGreaterThanOrEqual(2 * overdue.count);
    const again = await cli(['--db', db, '--json', 'cases', 'notify', '--as-of', '2024-07-31']);
    expect(again.json()).toMatchObject({ created: 0 });
    const human = await cli(['--db', db, 'cases', 'notify', '--as-of', '2024-07-31']);
    expect(human.stdout).toMatch(/deadline pass of 2024-07-31: 0 new notification/);
    const bad = await cli(['--db', db, '--json', 'cases', 'notify', '--as-of', '2024-13-01']);
    expect(bad.code).toBe(EXIT.usage);
  });

  it('verifies the audit chain, and names the first entry edited or deleted behind its back', async () => {
    const ok = await cli(['--db', db, 'audit', 'verify', '--json']);
    expect(ok.code).toBe(EXIT.ok);
    const verified = ok.json();
    expect(verified).toMatchObject({ ok: true });
    expect(verified.entries).toBeGreaterThan(10_000);
    expect(verified.firstBad).toBeUndefined();

    const raw = new SQLite(db);
    raw.prepare("update audit_log set actor = 'user:666' where seq = 5000").run();
    raw.close();
    const edited = await cli(['--db', db, 'audit', 'verify', '--json']);
    expect(edited.code).toBe(EXIT.failure);
    expect(edited.json()).toMatchObject({
      ok: false,
      entries: verified.entries,
      firstBad: { seq: 5000, reason: 'edited' },
    });
    const human = await cli(['--db', db, 'audit', 'verify']);
    expect(human.stdout).toMatch(/^TAMPERED: .* seq 5000: .*\(edited\)/);

    const again = new SQLite(db);
    again.prepare('delete from audit_log where seq = 1200').run();
    again.close();
    const deleted = await cli(['--db', db, 'audit', 'verify', '--json']);
    expect(deleted.json()).toMatchObject({
      ok: false,
      entries: verified.entries - 1,
      firstBad: { seq: 1200, reason: 'deleted' },
    });
    expect(existsSync(db)).toBe(true);
  });
});
