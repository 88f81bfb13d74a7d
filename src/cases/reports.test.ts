import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, freshStore } from '../../test/engines.js';
import { act, caseReport, percentile, reportCsv, reportXlsx } from './index.js';
import { applicant, officer, registeredEnterprise, seedCase, seedCenter } from './test-factories.js';

describe('percentiles', () => {
  it('interpolate between the nearest ranks, as PERCENTILE.INC', () => {
    const tens = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(percentile(tens, 0.5)).toBe(5.5);
    expect(percentile(tens, 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile([4], 0.9)).toBe(4);
    expect(percentile([1, 3, 9], 0.5)).toBe(3);
    expect(percentile([1, 3, 9], 0.9)).toBeCloseTo(7.8, 10);
    expect(percentile([], 0.5)).toBeNull();
  });
});

/** The cells of the first worksheet, row by row, read back from the zip. */
function sheetRows(file: Uint8Array, sheet = 1): string[][] {
  const parts = unzipSync(file);
  const xml = strFromU8(parts[`xl/worksheets/sheet${sheet}.xml`]!);
  return [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((row) =>
    [...row[1]!.matchAll(/<c [^>]*>(?:<v>(.*?)<\/v>|<is><t[^>]*>(.*?)<\/t><\/is>)<\/c>/g)].map(
      (c) => c[1] ?? c[2]!,
    ),
  );
}

describeEachEngine('center reports', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => {
    store = await freshStore(engine);
    await seedCenter(store);
    const { creditCode } = await registeredEnterprise(store, '2026-01-05');
    const work = async (type: 'pre_examination' | 'consultation', on: string, steps: [string, string][]) => {
      const { case: c } = await seedCase(store, creditCode, on, { type });
      for (const [action, day] of steps) {
        await act(store, c.id, action, action === 'withdraw' ? applicant : officer, { onDate: day });
      }
    };
    // Pre-examination: passed in 3 working days, failed late in 9, rejected at intake in 1, one still open.
    await work('pre_examination', '2026-03-02', [
      ['accept', '2026-03-02'],
      ['start_examination', '2026-03-03'],
      ['pass', '2026-03-05'],
    ]);
    await work('pre_examination', '2026-03-02', [
      ['accept', '2026-03-02'],
      ['start_examination', '2026-03-02'],
      ['fail', '2026-03-13'],
    ]);
    await work('pre_examination', '2026-03-09', [['reject', '2026-03-10']]);
    await work('pre_examination', '2026-03-30', []);
    // Consultation: answered the same day, answered on its 5th working day, withdrawn (not handled).
    await work('consultation', '2026-03-02', [['answer', '2026-03-02']]);
    await work('consultation', '2026-03-16', [
      ['take', '2026-03-16'],
      ['answer', '2026-03-23'],
    ]);
    await work('consultation', '2026-03-30', [['withdraw', '2026-03-31']]);
  });
  afterAll(() => store.drop());

  it('counts received and handled cases, processing times, the on-time and pass rates', async () => {
    const r = await caseReport(store, { from: '2026-03-01', to: '2026-03-31', by: 'month' });
    expect(r.rows).toEqual([
      {
        period: '2026-03',
        centerId: 'pc-test-wuhan',
        centerName: '中国（武汉）知识产权保护中心',
        centerKind: 'protection_center',
        type: 'consultation',
        received: 3,
        handled: 2,
        medianDays: 2.5,
        p90Days: 4.5,
        onTimeRate: 1,
        passRate: null,
      },
      {
        period: '2026-03',
        centerId: 'pc-test-wuhan',
        centerName: '中国（武汉）知识产权保护中心',
        centerKind: 'protection_center',
        type: 'pre_examination',
        received: 4,
        handled: 3,
        medianDays: 3,
        p90Days: 7.8,
        onTimeRate: 0.6667,
        passRate: 0.5,
      },
    ]);
    expect(r.totals).toEqual({
      received: 7,
      handled: 5,
      medianDays: 3,
      p90Days: 7.4,
      onTimeRate: 0.8,
      passRate: 0.5,
      centers: 1,
    });
    const total = await caseReport(store, { from: '2026-03-01', to: '2026-03-31' });
    expect(total.rows.map((x) => x.period)).toEqual(['2026-03-01..2026-03-31', '2026-03-01..2026-03-31']);
    const early = await caseReport(store, { from: '2026-03-01', to: '2026-03-06' });
    expect(early.totals).toMatchObject({ received: 3, handled: 2 });
    expect(
      (await caseReport(store, { from: '2026-03-01', to: '2026-03-31', centerId: 'other' })).rows,
    ).toEqual([]);
  });

  it('exports the rows as CSV and as an .xlsx workbook that opens', async () => {
    const r = await caseReport(store, { from: '2026-01-01', to: '2026-06-30', by: 'half' });
    const lines = reportCsv(r).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'period,center_id,center,center_kind,type,received,handled,median_working_days,p90_working_days,on_time_rate,pre_examination_pass_rate',
    );
    expect(lines.slice(1)).toEqual([
      '2026-H1,pc-test-wuhan,中国（武汉）知识产权保护中心,protection_center,consultation,3,2,2.5,4.5,1,',
      '2026-H1,pc-test-wuhan,中国（武汉）知识产权保护中心,protection_center,pre_examination,4,3,3,7.8,0.6667,0.5',
    ]);

    const file = reportXlsx(r);
    const parts = unzipSync(file);
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
    ]);
    expect(strFromU8(parts['xl/workbook.xml']!)).toContain('<sheet name="by center"');
    const rows = sheetRows(file);
    expect(rows).toHaveLength(3);
    expect(rows[0]![0]).toBe('period');
    expect(rows[2]).toEqual([
      '2026-H1',
      'pc-test-wuhan',
      '中国（武汉）知识产权保护中心',
      'protection_center',
      'pre_examination',
      '4',
      '3',
      '3',
      '7.8',
      '0.6667',
      '0.5',
    ]);
    expect(sheetRows(file, 2).at(-1)).toEqual(['total', '7', '5', '3', '7.4', '0.8', '0.5']);
  });
});
