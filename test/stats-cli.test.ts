import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import type { Io } from '../src/cli/output.js';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t), tty: false };
  const code = await run(args, io);
  return { code, stdout: out.join(''), stderr: err.join(''), json: () => JSON.parse(out.join('')) };
}

const dir = mkdtempSync(join(tmpdir(), 'ipregion-stats-cli-'));
const db = join(dir, 'stats.db');

beforeAll(async () => {
  const r = await cli(['--db', db, '--json', 'generate', '--scale', '0.002', '--seed', '5']);
  expect(r.code).toBe(0);
}, 120_000);

describe('ipregion stats and report', () => {
  it('prints value, previousYear and yoy for a single figure, and rows for a breakdown', async () => {
    const one = await cli([
      '--db',
      db,
      '--json',
      'stats',
      '--region',
      'central',
      '--as-of',
      '2024-06-30',
      '--kind',
      'invention',
    ]);
    expect(one.code).toBe(0);
    const f = one.json();
    expect(f.value).toBeGreaterThan(0);
    expect(f.previousYear).toBeGreaterThan(0);
    expect(f.yoy).toBeCloseTo((f.value - f.previousYear) / f.previousYear, 10);
    expect(f.dataVersion).toMatch(/^\d+$/);

    const by = await cli([
      '--db',
      db,
      '--json',
      'stats',
      '--region',
      'central',
      '--as-of',
      '2024-06-30',
      '--kind',
      'invention',
      '--by',
      'province',
    ]);
    const rows = by.json().rows as Array<{ group: { province: string }; value: number; yoy: number | null }>;
    expect(rows.map((r) => r.group.province).sort()).toEqual(['14', '34', '36', '41', '42', '43']);
    expect(rows.reduce((s, r) => s + r.value, 0)).toBe(f.value);
  });

  it('drills down to exactly the rights behind a figure', async () => {
    const fig = (
      await cli([
        '--db',
        db,
        '--json',
        'stats',
        '--region',
        '340100',
        '--as-of',
        '2023-12-31',
        '--kind',
        'invention',
      ])
    ).json();
    let after = 0;
    let total = 0;
    for (;;) {
      const page = (
        await cli([
          '--db',
          db,
          '--json',
          'stats',
          'drill',
          '--region',
          '340100',
          '--as-of',
          '2023-12-31',
          '--kind',
          'invention',
          '--limit',
          '7',
          '--after',
          String(after),
        ])
      ).json();
      total += page.rows.length;
      if (page.next === null) break;
      after = page.next;
    }
    expect(total).toBe(fig.value);
  });

  it('gives a report its original figures when re-run as known on its date after retroactive events', async () => {
    const args = [
      '--db',
      db,
      '--json',
      'report',
      '--region',
      'central',
      '--as-of',
      '2024-06-30',
      '--known-on',
      '2024-07-15',
    ];
    const before = (await cli(args)).json();
    expect(before.headline[0].value).toBeGreaterThan(0);
    const inventionsNow = async () =>
      (
        await cli([
          '--db',
          db,
          '--json',
          'stats',
          '--region',
          'central',
          '--as-of',
          '2024-06-30',
          '--kind',
          'invention',
        ])
      ).json().value as number;
    const nowBefore = await inventionsNow();
    // Invalidate, retroactively and recorded later, some of the inventions counted then.
    const rights = (
      await cli([
        '--db',
        db,
        '--json',
        'stats',
        'drill',
        '--region',
        'central',
        '--as-of',
        '2024-06-30',
        '--kind',
        'invention',
        '--limit',
        '5',
      ])
    ).json().rows as Array<{ number: string }>;
    const events = rights.map((r) =>
      JSON.stringify({
        record: 'event',
        office: 'CN',
        number: r.number,
        code: 'IW01',
        effectiveDate: '2025-03-01',
        recordedDate: '2025-04-10',
      }),
    );
    const file = join(dir, 'invalidations.jsonl');
    writeFileSync(file, `${events.join('\n')}\n`);
    expect((await cli(['--db', db, '--json', 'ingest', file])).json()).toMatchObject({
      accepted: 5,
      rejected: 0,
    });

    const again = (await cli(args)).json();
    expect(again.headline).toEqual(before.headline);
    expect(again.provinces.rows).toEqual(before.provinces.rows);
    expect(Number(again.dataVersion)).toBeGreaterThan(Number(before.dataVersion));
    // As the data stands now, the five are gone from every date: invalidation is retroactive.
    expect(nowBefore - (await inventionsNow())).toBe(5);
  });

  it('renders the report as Markdown and HTML with every section', async () => {
    const md = await cli(['--db', db, 'report', '--as-of', '2024-06-30', '--format', 'md']);
    expect(md.code).toBe(0);
    for (const s of [
      'Headline figures',
      'By province',
      'Top cities',
      'pilot-zone',
      'holder type',
      'industry',
    ])
      expect(md.stdout).toContain(s);
    const html = await cli(['--db', db, 'report', '--as-of', '2024-06-30', '--format', 'html']);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain('<svg');
    expect((await cli(['--db', db, 'report', '--as-of', '2024-06-30', '--format', 'pdf'])).code).toBe(2);
  });

  it('refuses a bad region or date with a usage error', async () => {
    expect((await cli(['--db', db, 'stats', '--region', 'atlantis', '--as-of', '2024-06-30'])).code).toBe(2);
    expect((await cli(['--db', db, 'stats', '--as-of', '2024-02-30'])).code).toBe(2);
    expect((await cli(['--db', db, 'stats', '--as-of', '2024-06-30', '--by', 'galaxy'])).code).toBe(2);
  });

  it('lets an administrator define an industry, classifies the loaded rights into it on rebuild, and keeps every other figure', async () => {
    const fig = async (extra: string[] = []) =>
      (
        await cli([
          '--db',
          db,
          '--json',
          'stats',
          '--region',
          'central',
          '--as-of',
          '2024-06-30',
          '--kind',
          'invention',
          ...extra,
        ])
      ).json().value as number;
    const before = await fig();
    const file = join(dir, 'industry.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'hefei:batteries',
        name: { zh: '电池', en: 'Batteries' },
        rules: [{ include: ['H01M'] }],
      }),
    );
    const added = await cli(['--db', db, '--json', 'industries', 'add', file]);
    expect(added.code).toBe(0);
    expect(await fig(['--industry', 'hefei:batteries'])).toBe(0);
    expect((await cli(['--db', db, '--json', 'stats', 'rebuild'])).code).toBe(0);
    expect(await fig(['--industry', 'hefei:batteries'])).toBeGreaterThan(0);
    expect(await fig()).toBe(before);

    writeFileSync(
      file,
      JSON.stringify({ id: 'sei-2021:x', name: { zh: '', en: 'x' }, rules: [{ include: ['Q99Z'] }] }),
    );
    const bad = await cli(['--db', db, '--json', 'industries', 'add', file]);
    expect(bad.code).toBe(2);
    const problems = bad.json().error.problems as Array<{ path: string }>;
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['name.zh']));
    const list = (await cli(['--db', db, '--json', 'industries', 'list', '--top'])).json() as Array<{
      id: string;
      custom: boolean;
    }>;
    expect(list.find((i) => i.id === 'hefei:batteries')?.custom).toBe(true);
    expect(list.filter((i) => i.id.startsWith('sei-2021:'))).toHaveLength(9);
  });
});
