import { describe, expect, it } from 'vitest';
import { compileMatcher, defaultMatcher, schemeById, validateIndustryDefinition } from './index.js';

const good = {
  id: 'henan:superhard',
  name: { zh: '超硬材料', en: 'Superhard materials' },
  rules: [{ include: ['C01B32/25*', 'B24D 3/06', 'C04B 35/52-35/58'], keywords: ['金刚石', 'diamond'] }],
};

describe('validateIndustryDefinition', () => {
  it('returns a valid definition in canonical form', () => {
    const r = validateIndustryDefinition(good);
    expect(r).toEqual({
      ok: true,
      value: {
        id: 'henan:superhard',
        parent: null,
        name: { zh: '超硬材料', en: 'Superhard materials' },
        rules: [
          {
            include: ['C01B 32/25*', 'B24D 3/06', 'C04B 35/52-35/58'],
            exclude: [],
            keywords: ['金刚石', 'diamond'],
            excludeKeywords: [],
          },
        ],
      },
    });
  });

  it('gives a bad pattern with its position in the rules', () => {
    const r = validateIndustryDefinition({
      ...good,
      rules: [good.rules[0], { include: ['H01M 10/05*', 'H01Q 0/00'], exclude: ['电池'] }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { path: 'rules[1].include[1]', message: expect.stringContaining('main group 0') },
      { path: 'rules[1].exclude[0]', message: expect.stringContaining('not an IPC pattern') },
    ]);
  });

  it('refuses an empty rule, a rule its exclusions empty, and a repeated pattern', () => {
    const r = validateIndustryDefinition({
      ...good,
      rules: [
        { include: [] },
        { include: ['H01M 10/05*'], exclude: ['H01M 10/*'] },
        { include: ['H01M', 'H01M*'] },
      ],
    });
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual([
      'rules[0].include',
      'rules[1].exclude',
      'rules[2].include',
    ]);
  });

  it('refuses a duplicate id, a shipped scheme, an unknown parent', () => {
    const dup = validateIndustryDefinition(good, { takenIds: ['henan:superhard'] });
    expect(dup.ok ? [] : dup.problems).toEqual([
      { path: 'id', message: expect.stringContaining('duplicate id') },
    ]);
    const shipped = validateIndustryDefinition({ ...good, id: 'sei-2021:10' });
    expect(shipped.ok ? [] : shipped.problems[0]?.message).toContain('cannot be extended');
    const orphan = validateIndustryDefinition({ ...good, parent: 'henan:materials' });
    expect(orphan.ok ? [] : orphan.problems).toEqual([{ path: 'parent', message: expect.any(String) }]);
  });

  it('accepts a shipped or an administrator industry as parent', () => {
    expect(validateIndustryDefinition({ ...good, parent: 'ipregion-default:rare-earth' }).ok).toBe(true);
    expect(
      validateIndustryDefinition({ ...good, parent: 'henan:materials' }, { takenIds: ['henan:materials'] })
        .ok,
    ).toBe(true);
  });

  it('reports shape problems with their paths', () => {
    const r = validateIndustryDefinition({ id: 'Bad Id', name: { zh: '' }, rules: [] });
    expect(r.ok ? [] : r.problems.map((p) => p.path).sort()).toEqual(['id', 'name.en', 'name.zh', 'rules']);
    expect(validateIndustryDefinition('not an object').ok).toBe(false);
  });

  it('gives a definition the matcher can compile beside the shipped schemes', () => {
    const r = validateIndustryDefinition({ ...good, parent: 'ipregion-default:rare-earth' });
    if (!r.ok) throw new Error('expected a valid definition');
    const shipped = schemeById('ipregion-default')!;
    const own = {
      id: 'henan',
      name: { zh: '河南', en: 'Henan' },
      source: 'administrator',
      industries: [r.value],
    };
    const m = compileMatcher([shipped, own]);
    expect(m.match(['C04B 35/528'], '金刚石复合片')).toEqual([
      'henan:superhard',
      'ipregion-default:rare-earth',
    ]);
    expect(defaultMatcher().match(['C04B 35/528'], '金刚石复合片')).not.toContain('henan:superhard');
  });
});
