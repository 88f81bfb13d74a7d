import { seiRowKeywords } from './sei-keywords.js';
import { canonicalPatterns, englishName, listedAncestor, readExclusions, readSourceFile } from './source.js';
import type { Industry, IndustryScheme, Rule } from './types.js';

/**
 * CNIPA 《战略性新兴产业分类与国际专利分类参照关系表（2021）（试行）》 (国知办函规字〔2021〕121号) as
 * ipregion industries: the nine industries (`sei-2021:1` … `sei-2021:9`, which the file does not
 * list: their names are the official ones) and the 40 branches the file lists (`sei-2021:1.1` …),
 * each with the file's rows as rules. Patterns: see pattern.ts; keywords: see sei-keywords.ts.
 */
export const SEI_FILE = 'sei-ipc-2021.json';

const INDUSTRIES: Readonly<Record<string, [zh: string, en: string]>> = {
  '1': ['新一代信息技术产业', 'Next-generation information technology'],
  '2': ['高端装备制造产业', 'High-end equipment manufacturing'],
  '3': ['新材料产业', 'New materials'],
  '4': ['生物产业', 'Biotechnology'],
  '5': ['新能源汽车产业', 'New energy vehicles'],
  '6': ['新能源产业', 'New energy'],
  '7': ['节能环保产业', 'Energy saving and environmental protection'],
  '8': ['数字创意产业', 'Digital creative industries'],
  '9': ['相关服务业', 'Related services'],
};

const BRANCHES_EN: Readonly<Record<string, string>> = {
  '1.1': 'Next-generation information networks',
  '1.2': 'Core electronics',
  '1.3': 'Emerging software and new information technology services',
  '1.4': 'Internet, cloud computing and big-data services',
  '1.5': 'Artificial intelligence',
  '2.1': 'Intelligent manufacturing equipment',
  '2.2': 'Aviation equipment',
  '2.3': 'Satellites and satellite applications',
  '2.4': 'Rail transit equipment',
  '2.5': 'Marine engineering equipment',
  '3.1': 'Advanced iron and steel materials',
  '3.2': 'Advanced non-ferrous metal materials',
  '3.3': 'Advanced petrochemical and chemical materials',
  '3.4': 'Advanced inorganic non-metallic materials',
  '3.5': 'High-performance fibres, fibre products and composites',
  '3.6': 'Frontier new materials',
  '3.7': 'New-materials services',
  '4.1': 'Biopharmaceuticals',
  '4.2': 'Biomedical engineering',
  '4.3': 'Bio-agriculture and related industries',
  '4.4': 'Biomass energy (bio-industry)',
  '4.5': 'Other biotechnology industries',
  '5.1': 'New energy vehicle manufacturing',
  '5.2': 'New energy vehicle devices and parts',
  '5.3': 'New energy vehicle infrastructure equipment',
  '5.4': 'New energy vehicle services',
  '6.1': 'Nuclear power',
  '6.2': 'Wind energy',
  '6.3': 'Solar energy',
  '6.4': 'Biomass and other new energy',
  '6.5': 'Smart grid',
  '7.1': 'High-efficiency energy saving',
  '7.2': 'Advanced environmental protection',
  '7.3': 'Resource recycling',
  '8.1': 'Digital creative technology equipment',
  '8.2': 'Digital cultural and creative activities',
  '8.3': 'Design services',
  '8.4': 'Digital creative and convergence services',
  '9.1': 'New technology, innovation and entrepreneurship services',
  '9.2': 'Other related services',
};

export interface SeiOptions {
  /**
   * `terms` (default): the keyword column read into required terms (sei-keywords.ts).
   * `ipc-only`: the keyword column ignored, so every row counts on its IPC codes alone — broader;
   * for comparison and for users who read the table that way.
   */
  keywords?: 'terms' | 'ipc-only';
}

export function loadSeiScheme(options: SeiOptions = {}): IndustryScheme {
  const file = readSourceFile(SEI_FILE);
  const listed = new Set(file.branches.map((b) => b.branch_no));
  const industries: Industry[] = Object.entries(INDUSTRIES).map(([no, [zh, en]]) => ({
    id: `sei-2021:${no}`,
    parent: null,
    name: { zh, en },
    rules: [],
    note: 'named in the table; its rules are those of its branches',
  }));
  for (const b of file.branches) {
    const ancestor = listedAncestor(b.branch_no, listed) ?? b.branch_no.split('.')[0];
    const rules = b.rules.map((r): Rule => {
      const exclusions = readExclusions(r.ipc_exclusions ?? []);
      const kw = options.keywords === 'ipc-only' ? null : seiRowKeywords(r.keywords);
      const notes = [kw?.note, exclusions.note].filter((n): n is string => !!n);
      return {
        include: canonicalPatterns(r.ipc_patterns),
        exclude: exclusions.patterns,
        keywords: kw?.keywords ?? [],
        excludeKeywords: kw?.excludeKeywords ?? [],
        ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
      };
    });
    industries.push({
      id: `sei-2021:${b.branch_no}`,
      parent: `sei-2021:${ancestor}`,
      name: englishName(BRANCHES_EN, b.branch_no, b.branch_name, 'sei-2021'),
      rules,
      note: `table page ${b.source.page}`,
    });
  }
  return {
    id: 'sei-2021',
    name: {
      zh: '战略性新兴产业分类与国际专利分类参照关系表（2021）',
      en: 'Strategic emerging industries and the IPC: concordance table (2021)',
    },
    source: `CNIPA, 国知办函规字〔2021〕121号, pages ${file.catalog.page_start}–${file.catalog.page_end}. ${file.source ?? ''}`,
    industries,
  };
}
