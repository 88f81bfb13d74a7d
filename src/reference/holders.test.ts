import { describe, expect, it } from 'vitest';
import {
  type HolderRegion,
  type HolderRegionInput,
  REGION_CONFIDENCE,
  resolveHolderRegion,
} from './holders.js';
import { KNOWN_HOLDER_CITIES } from './known-holders.js';
import { getRegion } from './regions.js';

const UNKNOWN: HolderRegion = { regionCode: null, confidence: 0, source: 'unknown' };

function byName(name: string, country: string | null = null): HolderRegion {
  return resolveHolderRegion({ name, address: null, country });
}

function byAddress(address: string, name = '某某科技有限公司'): HolderRegion {
  return resolveHolderRegion({ name, address, country: 'CN' });
}

describe('resolveHolderRegion from the record and the country', () => {
  it('takes a known region code from the record as is', () => {
    const h: HolderRegionInput = {
      name: '合肥工业大学',
      address: '湖北省武汉市',
      country: 'CN',
      regionCode: '340104',
    };
    expect(resolveHolderRegion(h)).toEqual({ regionCode: '340104', confidence: 1, source: 'record' });
    expect(resolveHolderRegion({ ...h, regionCode: 'bogus' }).regionCode).toBe('420100');
  });

  it('places Hong Kong, Macao and Taiwan by their country codes', () => {
    expect(byName('Some Company Ltd', 'HK')).toEqual({ regionCode: '81', confidence: 1, source: 'record' });
    expect(byName('某某股份有限公司', 'TW').regionCode).toBe('71');
  });

  it('leaves foreign holders unknown', () => {
    expect(byName('Siemens AG', 'DE')).toEqual(UNKNOWN);
    expect(byName('Apple Inc.')).toEqual(UNKNOWN);
    expect(byName('合肥某某株式会社', 'JP')).toEqual(UNKNOWN);
  });
});

describe('resolveHolderRegion from the address', () => {
  it('finds the district, city or province the address names', () => {
    expect(byAddress('安徽省合肥市蜀山区屯溪路193号')).toEqual({
      regionCode: '340104',
      confidence: 0.95,
      source: 'address',
    });
    expect(byAddress('湖北省武汉市')).toEqual({ regionCode: '420100', confidence: 0.9, source: 'address' });
    expect(byAddress('安徽省')).toEqual({
      regionCode: '34',
      confidence: REGION_CONFIDENCE.addressProvince,
      source: 'address',
    });
    expect(byAddress('230009 安徽省合肥市包河区').regionCode).toBe('340111');
    expect(byAddress('中国安徽合肥蜀山').regionCode).toBe('340104');
    expect(byAddress('武汉市洪山区珞喻路1037号').regionCode).toBe('420111');
    expect(byAddress('北京市海淀区中关村大街').regionCode).toBe('110108');
    expect(byAddress('湖北省仙桃市仙桃大道').regionCode).toBe('429004');
  });

  it('finds a county-level city named without its prefecture', () => {
    expect(byAddress('河南省巩义市紫荆路').regionCode).toBe('410181');
    // 恩施市 is the county-level city inside 恩施土家族苗族自治州.
    expect(byAddress('湖北省恩施市舞阳大街').regionCode).toBe('422801');
  });

  it('does not take streets or look-alikes for places', () => {
    expect(byAddress('合肥市包河区肥西路').regionCode).toBe('340111'); // not 肥西县
    expect(byAddress('合肥市肥西路3号').regionCode).toBe('340100');
    expect(byAddress('江苏省南京市合肥路').regionCode).toBe('320100');
    expect(byAddress('吉林省吉林市船营区').regionCode).toBe('220204');
    expect(byAddress('吉林市丰满区').regionCode).toBe('220211');
    expect(byAddress('海南藏族自治州共和县').regionCode).toBe('632521'); // in Qinghai, not Hainan
  });

  it('prefers the address to the name, and falls back to the name when the address says nothing', () => {
    expect(byAddress('安徽省宣城市宣州区', '合肥工业大学')).toMatchObject({
      regionCode: '341802',
      source: 'address',
    });
    expect(byAddress('Room 101, Building 2', '合肥工业大学')).toMatchObject({
      regionCode: '340100',
      source: 'name',
    });
  });
});

describe('resolveHolderRegion from the name', () => {
  it('knows the central region’s universities and institutes', () => {
    const cases: Array<[string, string]> = [
      ['合肥工业大学', '340100'],
      ['中国科学技术大学', '340100'],
      ['安徽大学', '340100'],
      ['中国地质大学（武汉）', '420100'],
      ['中国地质大学(武汉)', '420100'],
      ['武汉大学', '420100'],
      ['华中科技大学', '420100'],
      ['武汉理工大学', '420100'],
      ['中南大学', '430100'],
      ['湖南大学', '430100'],
      ['国防科技大学', '430100'],
      ['中国人民解放军国防科技大学', '430100'],
      ['郑州大学', '410100'],
      ['河南大学', '410200'],
      ['南昌大学', '360100'],
      ['太原理工大学', '140100'],
      ['山西大学', '140100'],
      ['中国科学院合肥物质科学研究院', '340100'],
      ['中国科学院武汉病毒研究所', '420100'],
      ['中国科学院武汉岩土力学研究所', '420100'],
      ['华中科技大学同济医学院附属协和医院', '420100'],
    ];
    for (const [name, code] of cases) {
      expect(byName(name), name).toEqual({ regionCode: code, confidence: 0.9, source: 'name' });
    }
  });

  it('reads a city or province in the name', () => {
    expect(byName('合肥XX科技有限公司')).toEqual({ regionCode: '340100', confidence: 0.7, source: 'name' });
    expect(byName('合肥市XX')).toEqual({ regionCode: '340100', confidence: 0.7, source: 'name' });
    expect(byName('安徽江淮汽车集团股份有限公司')).toEqual({
      regionCode: '34',
      confidence: 0.6,
      source: 'name',
    });
    expect(byName('湖北XX')).toEqual({ regionCode: '42', confidence: 0.6, source: 'name' });
    expect(byName('湖北武汉XX科技有限公司').regionCode).toBe('420100');
    expect(byName('联宝（合肥）电子科技有限公司').regionCode).toBe('340100');
    expect(byName('国网安徽省电力有限公司合肥供电公司').regionCode).toBe('340100');
    expect(byName('华中科技大学无锡研究院')).toEqual({
      regionCode: '320200',
      confidence: 0.7,
      source: 'name',
    });
    expect(byName('合肥工业大学（宣城校区）').regionCode).toBe('341800');
    expect(byName('北京大学').regionCode).toBe('110100');
    expect(byName('吉林大学').regionCode).toBe('22');
    expect(byName('吉林省XX')).toMatchObject({ regionCode: '22', confidence: 0.6 });
    expect(byName('吉林市XX')).toMatchObject({ regionCode: '220200', confidence: 0.7 });
  });

  it('says unknown rather than guess', () => {
    const unknown = [
      '中国地质大学', // Beijing or Wuhan
      '中国XX',
      '中国石油化工股份有限公司',
      '华中XX科技有限公司',
      '中南XX',
      '西南XX',
      '中山大学', // named after Sun Yat-sen, in Guangzhou, not in Zhongshan
      '东方电气集团',
      '阿里巴巴（中国）有限公司',
      '安徽XX（武汉）有限公司', // two places that disagree
      '国家电网有限公司',
      '张三',
      '黄山', // a person's name, not the city
      '某某科技有限公司',
    ];
    for (const name of unknown) expect(byName(name), name).toEqual(UNKNOWN);
  });
});

describe('the table of known holders', () => {
  it('points at cities that exist', () => {
    for (const [name, code] of Object.entries(KNOWN_HOLDER_CITIES)) {
      expect(getRegion(code)?.level, name).toBe('city');
    }
  });
});
