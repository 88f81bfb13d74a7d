import { describe, expect, it } from 'vitest';
import { allSchemes, industryById, loadSeiScheme, schemeById } from './index.js';
import { mustParseIpcPattern } from './pattern.js';
import { parseExclusionText, readSourceFile } from './source.js';
import type { IndustryScheme } from './types.js';

const ruleCount = (s: IndustryScheme) => s.industries.reduce((n, i) => n + i.rules.length, 0);
const ofParent = (s: IndustryScheme, parent: string | null) =>
  s.industries.filter((i) => i.parent === parent);

describe('shipped schemes', () => {
  it('are SEI 2021, "new three" 2024, AI 2023 and the defaults', () => {
    expect(allSchemes().map((s) => s.id)).toEqual([
      'sei-2021',
      'new-three-2024',
      'ai-2023',
      'ipregion-default',
    ]);
    expect(schemeById('nope')).toBeNull();
  });

  it('SEI: 9 industries, 40 branches, 303 rules', () => {
    const s = schemeById('sei-2021')!;
    expect(ofParent(s, null)).toHaveLength(9);
    expect(s.industries).toHaveLength(49);
    expect(ruleCount(s)).toBe(303);
    expect(ofParent(s, 'sei-2021:1').map((i) => i.id)).toEqual([
      'sei-2021:1.1',
      'sei-2021:1.2',
      'sei-2021:1.3',
      'sei-2021:1.4',
      'sei-2021:1.5',
    ]);
    expect(industryById('sei-2021:1')?.name).toEqual({
      zh: '新一代信息技术产业',
      en: 'Next-generation information technology',
    });
    expect(industryById('sei-2021:9.2')?.name.zh).toBe('其他相关服务');
  });

  it('"new three": 3 first-level branches over the 49 listed, 78 rules', () => {
    const s = schemeById('new-three-2024')!;
    expect(ofParent(s, null).map((i) => i.name.en)).toEqual([
      'Electric vehicles',
      'Lithium batteries',
      'Photovoltaics',
    ]);
    expect(s.industries).toHaveLength(52);
    expect(ruleCount(s)).toBe(78);
    expect(industryById('new-three-2024:1.2.1.1')?.parent).toBe('new-three-2024:1');
  });

  it('AI: one node for the subsystem over 41 branches, 41 rules, every one with keywords', () => {
    const s = schemeById('ai-2023')!;
    expect(s.industries).toHaveLength(42);
    expect(ruleCount(s)).toBe(41);
    expect(industryById('ai-2023:1.1.1')?.parent).toBe('ai-2023:1.1');
    expect(industryById('ai-2023:2.2')?.parent).toBe('ai-2023:ai');
    expect(s.industries.flatMap((i) => i.rules).every((r) => r.keywords.length > 0)).toBe(true);
  });

  it('defaults: three industries of ipregion’s own, each saying where it comes from', () => {
    const s = schemeById('ipregion-default')!;
    expect(s.industries.map((i) => i.id)).toEqual([
      'ipregion-default:rare-earth',
      'ipregion-default:optoelectronics',
      'ipregion-default:breeding',
    ]);
    for (const i of s.industries)
      expect(i.note).toMatch(/^ipregion's own definition, assembled from IPC titles/);
  });

  it('every industry has names in both languages and every pattern is canonical', () => {
    for (const s of allSchemes()) {
      for (const i of s.industries) {
        expect(i.name.zh.length * i.name.en.length, i.id).toBeGreaterThan(0);
        for (const r of i.rules) {
          expect(r.include.length, i.id).toBeGreaterThan(0);
          for (const p of [...r.include, ...r.exclude]) expect(() => mustParseIpcPattern(p)).not.toThrow();
        }
      }
    }
  });

  it('are frozen reference data', () => {
    const s = schemeById('sei-2021')!;
    expect(Object.isFrozen(s.industries[0])).toBe(true);
  });
});

describe('reading the source files', () => {
  it('keeps every SEI exclusion as a pattern (the file has no exclusion text without codes)', () => {
    const file = readSourceFile('sei-ipc-2021.json');
    const sei = schemeById('sei-2021')!;
    file.branches.forEach((b) => {
      const rules = sei.industries.find((i) => i.id === `sei-2021:${b.branch_no}`)!.rules;
      b.rules.forEach((r, n) => {
        expect(rules[n]!.exclude.length).toBe(new Set(r.ipc_exclusions ?? []).size);
        expect(rules[n]!.note ?? '').not.toContain('names no IPC code');
      });
    });
  });

  it('reads exclusion text into patterns and keeps the rest as a note', () => {
    expect(parseExclusionText('（不含B60K6/08、B60K6/24、B60K6/32）')).toEqual({
      patterns: ['B60K 6/08', 'B60K 6/24', 'B60K 6/32'],
      remainder: '',
    });
    expect(parseExclusionText('H01L31/08*除外，不包括燃料汽车')).toEqual({
      patterns: ['H01L 31/08*'],
      remainder: '燃料汽车',
    });
  });

  it('the "new three" exclusions agree with the 不含 clauses of the printed text', () => {
    const file = readSourceFile('new-three-ipc-2024.json');
    const scheme = schemeById('new-three-2024')!;
    for (const b of file.branches) {
      const clauses = [...(b.source.raw_text ?? '').matchAll(/不含([^）)]*)/g)].map((m) => m[1] ?? '');
      const printed = new Set(clauses.flatMap((c) => parseExclusionText(c).patterns));
      const rules = scheme.industries.find((i) => i.id === `new-three-2024:${b.branch_no}`)!.rules;
      expect(new Set(rules.flatMap((r) => r.exclude)), b.branch_no).toEqual(printed);
    }
  });

  it('reads SEI keyword cells: named terms, exclusions, descriptions, nothing usable', () => {
    const rule = (id: string, n: number) => industryById(`sei-2021:${id}`)!.rules[n]!;
    expect(rule('3.2', 0).keywords).toEqual(['稀土']);
    expect(rule('1.5', 6).keywords).toEqual(['人脑', '杏仁核', '癫痫', '脑部结构', '脑部疾病']);
    expect(rule('5.1', 0)).toMatchObject({ keywords: [], excludeKeywords: ['非机动车'] });
    expect(rule('2.2', 1)).toMatchObject({ keywords: [], excludeKeywords: ['航天'] });
    expect(rule('1.1', 2).keywords).toEqual([
      '高端路由器',
      '单槽位处理路由器',
      '计算机',
      '新一代移动通信基站设备',
      '数字程控交换机',
      '通信系统设备',
    ]);
    expect(rule('2.1', 10)).toMatchObject({ keywords: [], note: expect.stringContaining('IPC-only') });
    expect(rule('1.2', 0)).toMatchObject({ keywords: [], excludeKeywords: [] });
  });

  it('can ignore the SEI keyword column instead', () => {
    const loose = loadSeiScheme({ keywords: 'ipc-only' });
    expect(loose.industries.flatMap((i) => i.rules).every((r) => r.keywords.length === 0)).toBe(true);
  });
});
