import { describe, expect, it } from 'vitest';
import { allNiceClasses, niceClass } from './nice.js';

describe('Nice classes', () => {
  it('are the 45 classes, goods 1–34 and services 35–45', () => {
    const all = allNiceClasses();
    expect(all.map((c) => c.number)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(all.filter((c) => c.kind === 'goods')).toHaveLength(34);
    expect(niceClass(34)?.kind).toBe('goods');
    expect(niceClass(35)?.kind).toBe('services');
    expect(niceClass(45)?.kind).toBe('services');
  });

  it('carry English and Chinese headings and the Chinese short name', () => {
    expect(niceClass(25)).toMatchObject({
      headingEn: 'Clothing, footwear, headwear.',
      headingZh: '服装，鞋，帽。',
      shortZh: '服装鞋帽',
    });
    expect(niceClass(9)?.shortZh).toBe('科学仪器');
    expect(niceClass(35)?.headingEn).toMatch(/^Advertising; business management/);
    expect(niceClass(35)?.headingZh).toBe('广告；商业经营；商业管理；办公事务。');
    expect(niceClass(1)?.noteEn).toMatch(/^Class 1 includes mainly chemical products/);
    for (const c of allNiceClasses()) {
      expect(c.headingEn.length, `class ${c.number}`).toBeGreaterThan(10);
      expect(c.headingZh, `class ${c.number}`).toMatch(/\p{Script=Han}/u);
      expect(c.shortZh, `class ${c.number}`).toMatch(/^\p{Script=Han}{1,6}$/u);
    }
  });

  it('has nothing outside 1–45', () => {
    expect(niceClass(0)).toBeNull();
    expect(niceClass(46)).toBeNull();
    expect(niceClass(1.5)).toBeNull();
    expect(niceClass(Number.NaN)).toBeNull();
  });
});
