import { canonicalIpcPattern } from './pattern.js';
import type { Industry, IndustryScheme, Rule } from './types.js';

/**
 * The industries ipregion ships for the central region's industry IP operations centers (rare
 * earths, optoelectronics) and its seed industry. No official concordance exists for them: each is
 * ipregion's own definition, assembled from IPC group titles, and says so in its note. Groups whose
 * titles name the technology count on their own; groups where it is one topic among others count
 * only with a keyword. Codes of both the older and the 2023/2025 IPC editions are listed, because
 * rights keep the codes they were classified with (H01L 33 → H10H, H01L 31 → H10F, H01L 51 → H10K).
 */

function rule(include: string[], keywords: string[] = [], exclude: string[] = []): Rule {
  return {
    include: include.map(canonicalIpcPattern),
    exclude: exclude.map(canonicalIpcPattern),
    keywords,
    excludeKeywords: [],
  };
}

const RARE_EARTH_WORDS = [
  '稀土',
  '镧',
  '铈',
  '镨',
  '钕',
  '钐',
  '铕',
  '钆',
  '铽',
  '镝',
  '钬',
  '铒',
  '镱',
  '钇',
  '钪',
  'rare earth',
  'rare-earth',
  'lanthan',
  'cerium',
  'neodym',
  'samarium',
  'dysprosium',
  'terbium',
  'yttrium',
  'NdFeB',
];

const rareEarth: Industry = {
  id: 'ipregion-default:rare-earth',
  parent: null,
  name: { zh: '稀土', en: 'Rare earths' },
  rules: [
    rule(['C22B 59/*', 'H01F 1/053-1/059', 'C09K 11/77*', 'C01F 17/*', 'B01J 23/10', 'C04B 35/50*']),
    rule(
      [
        'C22B',
        'C22C',
        'C22F 1/*',
        'C25C 3/*',
        'H01F 1/*',
        'H01F 41/*',
        'C09K 11/*',
        'B01J 23/*',
        'C03C',
        'C01F',
      ],
      RARE_EARTH_WORDS,
    ),
  ],
  note:
    "ipregion's own definition, assembled from IPC titles: C22B 59 (obtaining rare-earth metals), " +
    'H01F 1/053–1/059 (magnets of alloys containing rare-earth metals: SmCo, NdFeB, SmFeN), C09K 11/77 ' +
    '(luminescent materials containing rare-earth metals), C01F 17 (rare-earth compounds), B01J 23/10 ' +
    '(rare-earth catalysts), C04B 35/50 (ceramics based on rare-earth compounds); and, only with a ' +
    'rare-earth word (稀土 or an element name) in the title or abstract: extractive metallurgy (C22B), ' +
    'alloys (C22C, C22F 1), molten-salt electrolysis (C25C 3), magnetic materials and their making ' +
    '(H01F 1, H01F 41), phosphors (C09K 11), catalysts (B01J 23), glass (C03C) and compounds (C01F).',
};

const optoelectronics: Industry = {
  id: 'ipregion-default:optoelectronics',
  parent: null,
  name: { zh: '光电子', en: 'Optoelectronics' },
  rules: [
    rule([
      'H01S',
      'H01L 33/*',
      'H10H',
      'H01L 51/50*',
      'H10K 50/*',
      'H10K 59/*',
      'H01L 27/15*',
      'H01L 27/32*',
      'H01L 27/144-27/148',
      'H10F 30/*',
      'H10F 39/*',
      'H10F 55/*',
      'G02B 6/*',
      'H04B 10/*',
      'H04J 14/*',
      'G02F',
      'H01J 40/*',
      'H01J 43/*',
      'C03C 13/04*',
    ]),
    rule(['H01L 31/*'], [], ['H01L 31/04-31/078']),
    rule(
      ['H10F 71/*', 'H10F 77/*'],
      [
        '光电探测',
        '探测器',
        '光电二极管',
        '图像传感器',
        '光电传感',
        'photodetector',
        'photodiode',
        'image sensor',
      ],
    ),
    rule(['C03B 37/*'], ['光纤', 'optical fibre', 'optical fiber']),
  ],
  note:
    "ipregion's own definition, assembled from IPC titles: lasers (H01S), light-emitting diodes " +
    '(H01L 33, H10H), organic light-emitting devices (H01L 51/50, H10K 50, H10K 59), light-emitting and ' +
    'imaging integrated devices (H01L 27/15, 27/32, 27/144–27/148), photodetectors and optocouplers ' +
    '(H01L 31 without 31/04–31/078, H10F 30, 39, 55), light guides and optical fibres (G02B 6, ' +
    'C03C 13/04), optical communication (H04B 10, H04J 14), light control (G02F) and photoelectric ' +
    'tubes (H01J 40, 43); fibre drawing (C03B 37) and shared photodiode parts (H10F 71, 77) only with a ' +
    'keyword. Decided: photovoltaic cells (H01L 31/04–31/078, H10F 10, H10F 19) are left out — they ' +
    'are new energy, counted by sei-2021:6.3 and new-three-2024:3 — and so is laser machining ' +
    '(B23K 26), an application of lasers rather than an optoelectronic device.',
};

const breeding: Industry = {
  id: 'ipregion-default:breeding',
  parent: null,
  name: { zh: '遗传育种（种业）', en: 'Genetic breeding and seeds' },
  rules: [
    rule([
      'A01H 1/*',
      'A01H 4/*',
      'A01H 5/00-17/00',
      'C12N 15/82*',
      'C12N 15/29',
      'C12N 5/04*',
      'C12N 15/8509*',
      'A01K 67/*',
      'A01C 1/*',
    ]),
    rule(
      ['A01K 61/*', 'C12Q 1/68*'],
      [
        '育种',
        '选育',
        '良种',
        '种质',
        '繁育',
        '分子标记',
        '苗种',
        '制种',
        'breeding',
        'germplasm',
        'cultivar',
      ],
    ),
  ],
  note:
    "ipregion's own definition, assembled from IPC titles: plant breeding processes (A01H 1), plant " +
    'tissue culture (A01H 4), new plants and new varieties by parts or taxonomy (A01H 5/00–17/00), ' +
    'plant genetic engineering (C12N 15/82, C12N 15/29 genes encoding plant proteins, C12N 5/04 plant ' +
    'cells), transgenic animals (C12N 15/8509), animal breeding and new breeds (A01K 67) and seed ' +
    'testing and treatment (A01C 1); aquaculture stock (A01K 61) and nucleic-acid assays (C12Q 1/68, ' +
    'molecular markers) only with a breeding keyword. A01H 3 (modifying phenotypes by treatment, not ' +
    'by breeding) is left out.',
};

export const DEFAULT_SCHEME_ID = 'ipregion-default';

export function loadDefaultScheme(): IndustryScheme {
  return {
    id: DEFAULT_SCHEME_ID,
    name: { zh: 'ipregion 默认产业', en: 'ipregion default industries' },
    source: "ipregion's own definitions (src/industries/defaults.ts); see each industry's note",
    industries: [rareEarth, optoelectronics, breeding],
  };
}
