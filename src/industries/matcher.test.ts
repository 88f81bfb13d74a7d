import { describe, expect, it } from 'vitest';
import { IpregionError } from '../core/index.js';
import { compileMatcher, defaultMatcher, schemeById } from './index.js';
import type { Industry, IndustryScheme, Rule } from './types.js';

const m = defaultMatcher();
const match = (ipc: string[], text?: string) => m.match(ipc, text);

function scheme(industries: Industry[], id = 'test'): IndustryScheme {
  return { id, name: { zh: '测试', en: 'test' }, source: 'test', industries };
}
function industry(id: string, rules: Partial<Rule>[], parent: string | null = null): Industry {
  return {
    id,
    parent,
    name: { zh: id, en: id },
    rules: rules.map((r) => ({ include: [], exclude: [], keywords: [], excludeKeywords: [], ...r })),
  };
}

describe('the default industries on real-looking codes', () => {
  it('H01F 1/057 (NdFeB magnets) is rare earth', () => {
    expect(match(['H01F 1/057'])).toEqual(['ipregion-default:rare-earth']);
  });
  it('H01S 5/183 (surface-emitting lasers) is optoelectronics', () => {
    expect(match(['H01S 5/183'])).toContain('ipregion-default:optoelectronics');
  });
  it('A01H 6/46 (grasses: rice, maize, wheat) is breeding', () => {
    expect(match(['A01H 6/46'])).toEqual(['ipregion-default:breeding']);
  });
  it('photodetectors are optoelectronics, solar cells are not', () => {
    expect(match(['H01L 31/101'])).toContain('ipregion-default:optoelectronics');
    expect(match(['H01L 31/0687'])).not.toContain('ipregion-default:optoelectronics');
  });
  it('rare earths in an alloy count only when the text says so', () => {
    expect(match(['C22C 1/02'], '一种含稀土的铝合金')).toContain('ipregion-default:rare-earth');
    expect(match(['C22C 1/02'], 'A Neodymium-iron alloy')).toContain('ipregion-default:rare-earth');
    expect(match(['C22C 1/02'], '一种铝合金')).not.toContain('ipregion-default:rare-earth');
  });
});

describe('real SEI rows', () => {
  const sei = (code: string, text?: string) => match([code], text).filter((id) => id.startsWith('sei-2021:'));

  it('1.1 row 1: G06F11* G06F21* H04L1* without G06F11/14 …, keyword cell 计算机和辅助设备修理', () => {
    expect(sei('G06F 11/30', '计算机和辅助设备修理')).toEqual(['sei-2021:1', 'sei-2021:1.1']);
    expect(sei('G06F 11/14', '计算机和辅助设备修理')).toEqual([]);
    expect(sei('G06F 11/30', '一种数据备份方法')).toEqual([]);
    expect(sei('H04L 11/00', '计算机和辅助设备修理')).toEqual([]);
  });
  it('1.2 row 1, IPC only: exact subgroups C09K19/30, G06N10/00 …', () => {
    expect(sei('C09K 19/30')).toEqual(['sei-2021:1', 'sei-2021:1.2']);
    expect(sei('C09K 19/32')).toEqual([]);
    expect(sei('G06N 10/00')).toEqual(['sei-2021:1', 'sei-2021:1.2']);
    expect(sei('G06N 10/40')).toEqual([]);
  });
  it('3.2 row 1: H01F1* … with 稀土相关关键词', () => {
    expect(sei('H01F 1/057', '一种钕铁硼稀土永磁材料')).toEqual(['sei-2021:3', 'sei-2021:3.2']);
    expect(sei('H01F 1/057', '一种铁氧体磁性材料')).toEqual([]);
  });
  it('3.4 row 1, IPC only: C01B32* without C01B32/15 …', () => {
    expect(sei('C01B 32/05')).toEqual(['sei-2021:3', 'sei-2021:3.4']);
    expect(sei('C01B 32/15')).toEqual([]);
  });
  it('4.3 row 1, IPC only: A01H1* without the exact A01H1/04 …', () => {
    expect(sei('A01H 3/04')).toEqual(['sei-2021:4', 'sei-2021:4.3']);
    expect(sei('A01H 1/04')).toEqual([]);
    expect(sei('A01H 1/045')).toEqual(['sei-2021:4', 'sei-2021:4.3']);
  });
  it('6.3 row 1, IPC only: H02S40* without H02S40/10, F24S25* without F24S25/20 …', () => {
    expect(sei('H02S 40/22')).toEqual(['sei-2021:6', 'sei-2021:6.3']);
    expect(sei('H02S 40/10')).toEqual([]);
    expect(sei('F24S 25/13')).toEqual(['sei-2021:6', 'sei-2021:6.3']);
    expect(sei('F24S 25/20')).toEqual([]);
  });
  it('2.3 row 1, IPC only: G01S19*, exact B64G1/10', () => {
    expect(sei('G01S 19/42')).toEqual(['sei-2021:2', 'sei-2021:2.3']);
    expect(sei('B64G 1/10')).toEqual(['sei-2021:2', 'sei-2021:2.3']);
    expect(sei('B64G 1/14')).toEqual([]);
  });
  it('1.3 row 4: a bare main group (H03M13) is the whole group; blockchain keywords', () => {
    expect(sei('H03M 13/15', '一种基于区块链的纠错编码')).toEqual(['sei-2021:1', 'sei-2021:1.3']);
    expect(sei('H03M 13/15', '一种纠错编码')).toEqual([]);
    expect(sei('G06Q 10/06', '区块链')).not.toContain('sei-2021:1.3');
  });
  it('5.1 row 1: 不包含非机动车 excludes by text, needs no keyword', () => {
    expect(sei('B60L 50/60')).toEqual(['sei-2021:5', 'sei-2021:5.1']);
    expect(sei('B60L 50/60', '一种电动汽车电源')).toEqual(['sei-2021:5', 'sei-2021:5.1']);
    expect(sei('B60L 50/60', '一种非机动车电源')).toEqual([]);
  });
  it('3.6 row 8: class C08* minus listed subclasses, with derived terms', () => {
    expect(sei('C08H 1/00', '一种自修复材料')).toEqual(['sei-2021:3', 'sei-2021:3.6']);
    expect(sei('C08F 2/00', '一种自修复材料')).toEqual([]);
  });
});

describe('the other CNIPA schemes', () => {
  it('"new three" keywords: any one, Latin case-insensitive; 不包括燃料汽车 honoured', () => {
    expect(match(['H01M 10/0563'], '含lipf6的电解液')).toContain('new-three-2024:2.3.1.1');
    expect(match(['B60K 1/00'], '一种机动车')).toContain('new-three-2024:1.1');
    expect(match(['B60K 1/00'], '一种燃料汽车或机动车')).not.toContain('new-three-2024:1.1');
  });
  it('AI: a branch brings its listed parent and the subsystem', () => {
    const ids = match(['G06V 40/16'], '一种人脸识别与人脸验证方法');
    expect(ids).toEqual(expect.arrayContaining(['ai-2023:ai', 'ai-2023:3.4', 'ai-2023:3.4.2']));
  });
});

describe('the matcher', () => {
  const t = compileMatcher([
    scheme([
      industry('test:a', []),
      industry('test:a.1', [{ include: ['H01M 10/05*'], exclude: ['H01M 10/0562'] }], 'test:a'),
      industry('test:a.2', [{ include: ['H01S'], keywords: ['Laser', '激光'] }], 'test:a'),
      industry('test:b', [{ include: ['A01H 1/00-4/00'], excludeKeywords: ['转基因'] }]),
    ]),
  ]);

  it('gives a right with codes in two industries both, with their parents, sorted', () => {
    expect(t.match(['A01H 3/04', 'H01M 10/0525'])).toEqual(['test:a', 'test:a.1', 'test:b']);
  });
  it('honours exclusions per code', () => {
    expect(t.match(['H01M 10/0562'])).toEqual([]);
    expect(t.match(['H01M 10/0562', 'H01M 10/058'])).toEqual(['test:a', 'test:a.1']);
  });
  it('requires keywords only where a rule has them, case-insensitively for Latin', () => {
    expect(t.match(['H01S 5/183'])).toEqual([]);
    expect(t.match(['H01S 5/183'], 'a LASER diode')).toEqual(['test:a', 'test:a.2']);
    expect(t.match(['H01S 5/183'], '一种激光器')).toEqual(['test:a', 'test:a.2']);
    expect(t.match(['A01H 4/00'], '一种转基因水稻')).toEqual([]);
  });
  it('matches nothing for trademarks and designs (no IPC) and ignores unreadable codes', () => {
    expect(t.match([])).toEqual([]);
    expect(t.match(['12-08', 'not a code', ''])).toEqual([]);
    expect(t.match(['H01M10/0525 (2006.01)'])).toEqual(['test:a', 'test:a.1']);
  });
  it('refuses duplicate ids and missing parents', () => {
    expect(() => compileMatcher([scheme([industry('x:1', []), industry('x:1', [])])])).toThrow(IpregionError);
    expect(() => compileMatcher([scheme([industry('x:1', [], 'x:0')])])).toThrow(/parent x:0/);
  });
  it('lists the industries it knows in natural order', () => {
    const s = compileMatcher([schemeById('sei-2021')!]);
    expect(s.industryIds.slice(0, 7)).toEqual([
      'sei-2021:1',
      'sei-2021:1.1',
      'sei-2021:1.2',
      'sei-2021:1.3',
      'sei-2021:1.4',
      'sei-2021:1.5',
      'sei-2021:2',
    ]);
  });
});
