import type { RightKind } from '../core/index.js';

/**
 * Where the central region's rights are, as tables. Province shares are per kind of right, for the
 * valid stock in mid-2024; city weights are within the province.
 *
 * Invention shares follow the provincial data points of central-region-2024.json: Hunan 79,032
 * (mid-2022) and 129,829 (July 2025) interpolate to ~108k in mid-2024 (17.5%); Jiangxi 55,836 in
 * September 2025 gives ~46k (7.5%); Taiyuan's 14,953 being 70% of Shanxi in mid-2022 gives ~30k
 * (5%); Henan's 6.8 per 10k at end-2022 gives ~67k then, ~88k (14%); Hefei's 57,564 being 37.9% of
 * Anhui in April 2023 gives ~185k (30%); Hubei takes the rest (26%). Trademark shares: Hunan 989,826
 * (mid-2022) and Hubei 1,064,300 (end-2023) carried forward at their growth; the others by
 * population and economy. Utility models and designs lean towards the populous provinces, as
 * small firms and individuals file them; Jiangxi's designs are lifted by ceramics and furniture.
 */
export const PROVINCE_SHARES: Readonly<Record<RightKind, Readonly<Record<string, number>>>> = {
  invention: { '34': 0.3, '42': 0.26, '43': 0.175, '41': 0.14, '36': 0.075, '14': 0.05 },
  utility_model: { '34': 0.24, '41': 0.21, '42': 0.18, '43': 0.16, '36': 0.13, '14': 0.08 },
  design: { '34': 0.21, '41': 0.21, '36': 0.21, '43': 0.16, '42': 0.15, '14': 0.06 },
  trademark: { '41': 0.277, '34': 0.206, '43': 0.172, '42': 0.158, '36': 0.114, '14': 0.073 },
};

/**
 * City weights: [code, patents, marks, design multiplier]. `patents` is the city's share of its
 * province's invention patents all holders included (the provincial capitals' shares are those of
 * the data points: Hefei 38%, Zhengzhou ~47% of Henan in 2023, Taiyuan 70%; Wuhan ~50% and Changsha
 * ~45% from their provinces' releases); `marks` follows population and consumer economy.
 */
export type CityRow = readonly [code: string, patents: number, marks: number, design?: number];

export const CITY_WEIGHTS: Readonly<Record<string, readonly CityRow[]>> = {
  '14': [
    ['140100', 70, 40],
    ['140200', 3, 7],
    ['140300', 2, 3],
    ['140400', 4.5, 7],
    ['140500', 3.5, 5],
    ['140600', 1.2, 3],
    ['140700', 6, 8],
    ['140800', 3.5, 9],
    ['140900', 1.3, 5],
    ['141000', 3, 8],
    ['141100', 2, 5],
  ],
  '41': [
    ['410100', 46, 30],
    ['410300', 11, 8],
    ['410700', 6, 6],
    ['410800', 3.5, 4],
    ['411000', 4.5, 5, 1.3],
    ['411300', 4.5, 7],
    ['410200', 3, 4],
    ['410400', 3, 4],
    ['410500', 2.5, 4.5],
    ['410600', 1.2, 1.5],
    ['410900', 1.5, 3],
    ['411100', 1.5, 2.5],
    ['411200', 1.2, 2],
    ['411400', 2, 5.5],
    ['411500', 2, 4.5],
    ['411600', 2, 6],
    ['411700', 2, 5],
    ['419001', 1.2, 1.2],
  ],
  '34': [
    ['340100', 38, 30],
    ['340200', 14, 9],
    ['340500', 5, 4],
    ['340300', 4.5, 5],
    ['341100', 5.5, 6],
    ['340800', 3.5, 6],
    ['340700', 2.5, 2.5],
    ['341800', 3.5, 4],
    ['341200', 3.5, 7.5],
    ['341500', 3, 5],
    ['340400', 3, 3.5],
    ['340600', 2, 3],
    ['341300', 2.5, 5],
    ['341600', 2, 5, 1.3],
    ['341000', 1.5, 3, 1.3],
    ['341700', 1.2, 2],
  ],
  '42': [
    ['420100', 50, 42],
    ['420500', 7, 7],
    ['420600', 8, 7],
    ['420300', 3.5, 3.5],
    ['421000', 4, 6],
    ['420200', 3, 3],
    ['420800', 3.5, 3.5],
    ['420900', 4, 5],
    ['421100', 3, 6],
    ['421200', 2.5, 3.5],
    ['421300', 1.5, 2.5],
    ['420700', 2, 1.5],
    ['422800', 1.5, 4],
    ['429004', 1, 1.5],
    ['429005', 1, 1],
    ['429006', 0.6, 1.2],
    ['429021', 0.05, 0.1],
  ],
  '43': [
    ['430100', 45, 35],
    ['430200', 10, 7],
    ['430300', 7, 5],
    ['430400', 5, 7],
    ['430600', 5, 6.5],
    ['430700', 4, 6],
    ['431000', 4, 5.5],
    ['430900', 3, 4],
    ['430500', 3, 5.5, 1.3],
    ['431100', 2.5, 5],
    ['431200', 2.5, 4.5],
    ['431300', 3, 3.5],
    ['430800', 0.8, 2],
    ['433100', 1, 2.5],
  ],
  '36': [
    ['360100', 35, 30],
    ['360700', 14, 16, 1.8],
    ['360400', 8, 9],
    ['361100', 8, 10],
    ['360900', 8, 8.5],
    ['360800', 6, 7],
    ['361000', 4, 5.5],
    ['360200', 5, 4, 4],
    ['360300', 4, 4],
    ['360500', 4, 3],
    ['360600', 4, 2.5],
  ],
};

/**
 * Where rights go when they are transferred out of the region: the districts where buyers of
 * central-region patents and marks typically sit (Beijing Haidian and Chaoyang, Shanghai Pudong and
 * Minhang, Shenzhen Nanshan and Bao'an, Guangzhou Tianhe, Hangzhou Xihu and Yuhang, Suzhou Wuzhong,
 * Nanjing Jiangning, Tianjin Binhai, Jinan Lixia, Chengdu Wuhou), with weights.
 */
export const OUTSIDE_DISTRICTS: ReadonlyArray<readonly [code: string, weight: number]> = [
  ['110108', 14],
  ['110105', 6],
  ['310115', 10],
  ['310112', 4],
  ['440305', 12],
  ['440306', 5],
  ['440106', 5],
  ['330106', 4],
  ['330110', 6],
  ['320506', 5],
  ['320115', 5],
  ['120116', 3],
  ['370102', 3],
  ['510107', 4],
];

/**
 * District weights by the last two digits of the code: city districts (01–20) and development zones
 * (7x) hold most firms and institutions; county-level cities (8x) fewer; counties the fewest.
 */
export function districtWeight(code: string): number {
  const n = Number(code.slice(4));
  if (n >= 70 && n < 80) return 2.5;
  if (n >= 80) return 1.2;
  if (n <= 20) return 3;
  return 0.6;
}
