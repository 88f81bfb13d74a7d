/**
 * How each city's rights lean towards its industries: multipliers on the fields' base weights
 * (fields.ts), written `field:multiplier`. Cities not listed follow the regional mix.
 * The leanings are the cities' well-known clusters: Hefei's AI, displays, NEV and appliances;
 * Wuhu's Chery; Ma'anshan and Tongling steel and copper; Ganzhou's rare earth, tungsten and Nankang
 * furniture; Jingdezhen's porcelain; Xinyu and Yichun lithium; Zhengzhou's Yutong and coal-mining
 * machinery; Luoyang's heavy equipment and refractories; Xuchang and Pingdingshan switchgear; Luohe's
 * meat processing; Wuhan's optics valley and Dongfeng; Shiyan and Xiangyang trucks; Changsha's
 * construction machinery; Zhuzhou's rail equipment and Liling porcelain; Shanxi's coal, coke
 * chemistry and steel.
 */
const LEANINGS: Readonly<Record<string, string>> = {
  '340100': 'ai:2.5 nev:2 opto:1.5 electronics:1.5 household:1.5',
  '340200': 'auto:3 nev:1.5 equipment:1.5',
  '340300': 'materials:2 ceramics:1.5',
  '340400': 'mining:4',
  '340500': 'metallurgy:4',
  '340600': 'mining:3',
  '340700': 'metallurgy:4',
  '341000': 'food:2',
  '341600': 'pharma:4 food:1.5',
  '360100': 'opto:2 auto:1.5 pharma:1.5',
  '360200': 'ceramics:12',
  '360300': 'ceramics:4 environment:2',
  '360400': 'chem:2',
  '360500': 'nev:3 metallurgy:2',
  '360600': 'metallurgy:4',
  '360700': 'rareEarth:10 household:2 metallurgy:2',
  '360900': 'nev:3',
  '361100': 'power:2 nev:2 opto:1.2',
  '410100': 'equipment:1.8 auto:1.5 mining:2 agri:1.5 food:1.5 electronics:1.3',
  '410200': 'agri:1.5',
  '410300': 'equipment:2.5 materials:2 ceramics:1.5 mining:1.5 agri:1.2',
  '410400': 'power:2.5 mining:2.5',
  '410500': 'metallurgy:2 agri:1.5',
  '410700': 'equipment:1.3 nev:1.5 agri:1.3',
  '410800': 'chem:1.5 auto:1.5',
  '410900': 'chem:3',
  '411000': 'power:4',
  '411100': 'food:5',
  '411200': 'metallurgy:2',
  '411300': 'pharma:2 opto:1.5',
  '411400': 'textile:1.5',
  '411500': 'food:2',
  '411600': 'food:2 textile:2',
  '411700': 'food:2 agri:2',
  '419001': 'metallurgy:4',
  '420100': 'opto:3 auto:1.8 ai:1.3 electronics:1.5 medical:1.3 civil:1.3',
  '420200': 'metallurgy:3 electronics:1.5',
  '420300': 'auto:5',
  '420500': 'chem:3 power:1.5',
  '420600': 'auto:3 rail:1',
  '420800': 'chem:2 nev:2',
  '420900': 'auto:1.5',
  '421000': 'auto:1.5 chem:1.5',
  '430100': 'construction:4 equipment:1.5 ai:1.2 medical:1.2 rail:1.2',
  '430200': 'rail:8 ceramics:3 metallurgy:1.5',
  '430300': 'metallurgy:2 power:2 construction:1.5',
  '430400': 'equipment:1.3 power:1.5',
  '430600': 'chem:3',
  '430700': 'food:1.5',
  '430900': 'food:1.5',
  '431000': 'metallurgy:3',
  '431300': 'metallurgy:3',
  '140100': 'mining:2.5 metallurgy:2.5 equipment:1.3 chem:1.5',
  '140200': 'mining:3',
  '140300': 'mining:4',
  '140400': 'mining:3 opto:1.5',
  '140500': 'mining:4 chem:1.5',
  '140600': 'mining:3',
  '140700': 'agri:2 mining:1.5',
  '140800': 'metallurgy:2 agri:1.5',
  '141000': 'metallurgy:2',
  '141100': 'mining:2 food:2',
};

/** Parses `field:multiplier` lists (also used for the institutions' profiles). */
export function parseLeanings(s: string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of (s ?? '').split(/\s+/).filter(Boolean)) {
    const [id, m] = part.split(':');
    out.set(id!, Number(m));
  }
  return out;
}

export function cityLeanings(city: string): Map<string, number> {
  return parseLeanings(LEANINGS[city]);
}

export function leaningCities(): string[] {
  return Object.keys(LEANINGS);
}
