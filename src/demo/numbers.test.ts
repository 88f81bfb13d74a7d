import { describe, expect, it } from 'vitest';
import { demoModel, MONTHS } from './model.js';
import { cnCheckDigit, Numbering, tmBlock } from './numbers.js';

describe('CN numbers', () => {
  it('computes CNIPA check digits', () => {
    // A worked example of the published rule, and CN104968889A's application 2013800622588 (EPO OPS sample).
    expect(cnCheckDigit('201710601862')).toBe('3');
    expect(cnCheckDigit('201380062258')).toBe('8');
  });

  it('hands out unique application and publication numbers in the CNIPA forms', () => {
    const n = new Numbering();
    const apps = new Set<string>();
    const pubs = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const a = n.application('invention', 2019);
      expect(a).toMatch(/^CN20191[01]\d{6}\.[\dX]$/);
      expect(a.slice(-1)).toBe(cnCheckDigit(a.slice(2, 14)));
      apps.add(a);
      const p = n.publication('utility_model', 2021);
      expect(p).toMatch(/^CN221\d{6}$/);
      pubs.add(p);
    }
    expect(apps.size).toBe(20_000);
    expect(pubs.size).toBe(20_000);
  });

  it('has room in every year for the trademarks of the whole region at scale 1', () => {
    const model = demoModel();
    for (let year = 2000; year <= 2026; year++) {
      // Registrations of a year and the next bound the filings of the year from above.
      let grants = 0;
      for (let m = (year - 2000) * 12; m < Math.min(MONTHS, (year - 1999) * 12 + 12); m++) {
        grants += model.monthly('trademark', m);
      }
      expect(grants).toBeLessThan(tmBlock(year));
    }
  });
});
